using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    // σ of every vector of a span, in place: how a lane class squashes a step's net inputs. Each σ inlined where the
    // lane class writes it would put its locals (about 17 each) into one large method; the JIT inlines nothing more
    // into a method of 512 locals and spills the rest (docs/performance.md, "Lane networks"). So the lane class writes
    // the net inputs to a scratch array and calls one of these small loops, which the JIT keeps out of line
    // (NoInlining) and whose iterations, independent of one another, overlap in the core. Every element is
    // Logistic(element): the same bits as σ written in place.
    public static partial class Squash
    {
        /// <summary>values[i] = σ(values[i]) for every i (Eq. 3), lane by lane, each lane bit for bit <see cref="Logistic(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LogisticInPlace(Span<Vector512<double>> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Logistic(values[i]);
            }
        }

        /// <summary>values[i] = σ(values[i]) for every i (Eq. 3), lane by lane, each lane bit for bit <see cref="Logistic(float)"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LogisticInPlace(Span<Vector512<float>> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Logistic(values[i]);
            }
        }

        /// <summary>values[i] = σ(values[i]) for every i (Eq. 3), lane by lane, each lane bit for bit <see cref="Logistic(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LogisticInPlace(Span<Vector256<double>> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Logistic(values[i]);
            }
        }

        /// <summary>values[i] = σ(values[i]) for every i (Eq. 3), lane by lane, each lane bit for bit <see cref="Logistic(float)"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LogisticInPlace(Span<Vector256<float>> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Logistic(values[i]);
            }
        }

        /// <summary>values[i] = σ(values[i]) for every i (Eq. 3), lane by lane, each lane bit for bit <see cref="Logistic(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LogisticInPlace(Span<Vector128<double>> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Logistic(values[i]);
            }
        }

        /// <summary>values[i] = σ(values[i]) for every i (Eq. 3), lane by lane, each lane bit for bit <see cref="Logistic(float)"/>.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void LogisticInPlace(Span<Vector128<float>> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Logistic(values[i]);
            }
        }
    }
}
