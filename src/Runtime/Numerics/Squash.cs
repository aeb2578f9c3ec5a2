using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// The paper's squashing functions (App. A.1, Eqs. 3-5), each returning its value and its derivative from one
    /// evaluation of the logistic σ. σ is computed without overflow for every finite input: for x &lt; 0 it uses
    /// e^x / (1 + e^x), so exp never sees a positive argument. exp is <see cref="Exponential.ExpNonPositive(double)"/>,
    /// LstmGen's own (within 2 ulp of the C runtime's), not <see cref="Math.Exp(double)"/>: the C runtime's exp differs
    /// between operating systems and cannot be vectorised, this one gives the same bits everywhere and lets
    /// <see cref="Logistic(double, double, double, double, Span{double})"/> (what the generated code calls) and
    /// <see cref="Logistic(ReadOnlySpan{double}, Span{double})"/> squash four net inputs at once. The lane forms, one per
    /// vector width, are in Squash.Lanes.cs.
    /// </summary>
    public static partial class Squash
    {
        /// <summary>σ(x) = 1 / (1 + e^−x), the gate and output unit function f (Eq. 3).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Logistic(double x)
        {
            // e = e^(-|x|) is e^(-x) for x >= 0 and e^x for x < 0: σ = 1 / (1 + e) or e / (1 + e). The numerator is
            // chosen without a branch (the sign of a net input is as good as random, and a mispredicted branch costs
            // more than the select); the values are those of the two-branch form, bit for bit.
            var e = Exponential.ExpNonPositive(-Math.Abs(x));
            var negative = Vector128.LessThan(Vector128.CreateScalarUnsafe(x), Vector128<double>.Zero);
            var numerator = Vector128.ConditionalSelect(negative, Vector128.CreateScalarUnsafe(e), Vector128.CreateScalarUnsafe(1.0)).ToScalar();
            return numerator / (1.0 + e);
        }

        /// <summary>σ(x) = 1 / (1 + e^−x) in single precision.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Logistic(float x)
        {
            var e = Exponential.ExpNonPositive(-MathF.Abs(x));
            var negative = Vector128.LessThan(Vector128.CreateScalarUnsafe(x), Vector128<float>.Zero);
            var numerator = Vector128.ConditionalSelect(negative, Vector128.CreateScalarUnsafe(e), Vector128.CreateScalarUnsafe(1f)).ToScalar();
            return numerator / (1f + e);
        }

        /// <summary>
        /// σ of every element: <paramref name="sigma"/>[i] = σ(<paramref name="x"/>[i]), four or two at a time where
        /// the hardware has vectors, each element bit for bit <see cref="Logistic(double)"/>. The generated code squashes
        /// the net inputs of all gates and cells of a step with one call (Eqs. 3, 7-9).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(ReadOnlySpan<double> x, Span<double> sigma)
        {
            if (sigma.Length < x.Length)
            {
                ThrowTooShort();
            }

            ref var px = ref MemoryMarshal.GetReference(x);
            ref var py = ref MemoryMarshal.GetReference(sigma);
            var n = x.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i <= n - 4; i += 4)
                {
                    Logistic(Vector256.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; i <= n - 2; i += 2)
                {
                    Logistic(Vector128.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref py, i) = Logistic(Unsafe.Add(ref px, i));
            }
        }

        /// <summary>
        /// σ of every element in single precision, eight or four at a time where the hardware has vectors, each element
        /// bit for bit <see cref="Logistic(float)"/> (the exponential runs in double and is rounded once to float).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(ReadOnlySpan<float> x, Span<float> sigma)
        {
            if (sigma.Length < x.Length)
            {
                ThrowTooShort();
            }

            ref var px = ref MemoryMarshal.GetReference(x);
            ref var py = ref MemoryMarshal.GetReference(sigma);
            var n = x.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i <= n - 8; i += 8)
                {
                    Logistic(Vector256.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; i <= n - 4; i += 4)
                {
                    Logistic(Vector128.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref py, i) = Logistic(Unsafe.Add(ref px, i));
            }
        }

        /// <summary>
        /// σ of four values that the caller holds in registers (a step's net inputs or cell states, computed one by one),
        /// written to <paramref name="sigma"/>[0..4). The values go into one vector without a trip through memory: the
        /// span form would load four separate scalar stores as one vector, which the CPU cannot forward from its store
        /// buffer and which therefore waits for the stores to retire, on the critical path of every step
        /// (docs/performance.md, "Store forwarding"). Every lane gives the bits of <see cref="Logistic(double)"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(double x0, double x1, double x2, double x3, Span<double> sigma)
        {
            if (sigma.Length < 4)
            {
                ThrowTooShort();
            }

            ref var py = ref MemoryMarshal.GetReference(sigma);
            if (Vector256.IsHardwareAccelerated)
            {
                Logistic(Vector256.Create(x0, x1, x2, x3)).StoreUnsafe(ref py);
            }
            else
            {
                Logistic(Vector128.Create(x0, x1)).StoreUnsafe(ref py);
                Logistic(Vector128.Create(x2, x3)).StoreUnsafe(ref py, 2);
            }
        }

        /// <summary>
        /// σ of the four lanes of a vector (four net inputs summed together by <see cref="Kernels.Dot4"/>), written to
        /// <paramref name="sigma"/>[0..4); each lane bit for bit <see cref="Logistic(double)"/>. Without 256-bit vectors
        /// the two halves are squashed as two 128-bit vectors.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(Vector256<double> x, Span<double> sigma)
        {
            if (sigma.Length < 4)
            {
                ThrowTooShort();
            }

            ref var py = ref MemoryMarshal.GetReference(sigma);
            if (Vector256.IsHardwareAccelerated)
            {
                Logistic(x).StoreUnsafe(ref py);
            }
            else
            {
                Logistic(x.GetLower()).StoreUnsafe(ref py);
                Logistic(x.GetUpper()).StoreUnsafe(ref py, 2);
            }
        }

        /// <summary>σ of two values held in registers, written to <paramref name="sigma"/>[0..2) (see the four-value form).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(double x0, double x1, Span<double> sigma)
        {
            if (sigma.Length < 2)
            {
                ThrowTooShort();
            }

            Logistic(Vector128.Create(x0, x1)).StoreUnsafe(ref MemoryMarshal.GetReference(sigma));
        }

        /// <summary>σ of four values held in registers, written to <paramref name="sigma"/>[0..4) (see the double form).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(float x0, float x1, float x2, float x3, Span<float> sigma)
        {
            if (sigma.Length < 4)
            {
                ThrowTooShort();
            }

            Logistic(Vector128.Create(x0, x1, x2, x3)).StoreUnsafe(ref MemoryMarshal.GetReference(sigma));
        }

        /// <summary>σ of two values held in registers, written to <paramref name="sigma"/>[0..2) (see the double form).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Logistic(float x0, float x1, Span<float> sigma)
        {
            if (sigma.Length < 2)
            {
                ThrowTooShort();
            }

            sigma[0] = Logistic(x0);
            sigma[1] = Logistic(x1);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowTooShort() => throw new ArgumentException("The destination is shorter than the source.");

        /// <summary>f(x) = σ(x) with f'(x) = σ(x)(1 − σ(x)) (Eq. 3).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Logistic(double x, out double derivative) => LogisticFromSigma(Logistic(x), out derivative);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Logistic(float x, out float derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 in [−2, 2] with g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double G2(double x, out double derivative) => G2FromSigma(Logistic(x), out derivative);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float G2(float x, out float derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 in [−1, 1] with h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double H1(double x, out double derivative) => H1FromSigma(Logistic(x), out derivative);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float H1(float x, out float derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3), given σ = σ(x) (e.g. from the batched <see cref="Logistic(ReadOnlySpan{double}, Span{double})"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double LogisticFromSigma(double sigma, out double derivative)
        {
            derivative = sigma * (1.0 - sigma);
            return sigma;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float LogisticFromSigma(float sigma, out float derivative)
        {
            derivative = sigma * (1f - sigma);
            return sigma;
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5), given σ = σ(x).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double G2FromSigma(double sigma, out double derivative)
        {
            derivative = 4.0 * sigma * (1.0 - sigma);
            return (4.0 * sigma) - 2.0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float G2FromSigma(float sigma, out float derivative)
        {
            derivative = 4f * sigma * (1f - sigma);
            return (4f * sigma) - 2f;
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4), given σ = σ(x).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double H1FromSigma(double sigma, out double derivative)
        {
            derivative = 2.0 * sigma * (1.0 - sigma);
            return (2.0 * sigma) - 1.0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float H1FromSigma(float sigma, out float derivative)
        {
            derivative = 2f * sigma * (1f - sigma);
            return (2f * sigma) - 1f;
        }

        /// <summary>The identity, with derivative 1 (Exps 2a/2b use h(x) = x).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Identity(double x, out double derivative)
        {
            derivative = 1.0;
            return x;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Identity(float x, out float derivative)
        {
            derivative = 1f;
            return x;
        }
    }
}
