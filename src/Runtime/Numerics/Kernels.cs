using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmGen.Runtime
{
    /// <summary>
    /// The two loops of the learning rule that generated code calls for long rows (short rows are unrolled inline):
    /// a dot product for net inputs (Eqs. 6-9) and a scaled add for traces and weight changes (Eqs. 22, 25-28).
    /// The summation order is fixed (four interleaved partial sums, then the tail), independent of the machine's
    /// vector width, so that JIT and NativeAOT builds give bit-identical results.
    /// </summary>
    public static class Kernels
    {
        /// <summary>Σ_i a[i]·b[i]. The spans must have the same length.</summary>
        public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            if (a.Length != b.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pa = ref MemoryMarshal.GetReference(a);
            ref var pb = ref MemoryMarshal.GetReference(b);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            var i = 0;
            for (; i <= a.Length - 4; i += 4)
            {
                s0 += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
                s1 += Unsafe.Add(ref pa, i + 1) * Unsafe.Add(ref pb, i + 1);
                s2 += Unsafe.Add(ref pa, i + 2) * Unsafe.Add(ref pb, i + 2);
                s3 += Unsafe.Add(ref pa, i + 3) * Unsafe.Add(ref pb, i + 3);
            }

            var sum = (s0 + s1) + (s2 + s3);
            for (; i < a.Length; i++)
            {
                sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
            }

            return sum;
        }

        /// <summary>Σ_i a[i]·b[i] in single precision.</summary>
        public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            if (a.Length != b.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pa = ref MemoryMarshal.GetReference(a);
            ref var pb = ref MemoryMarshal.GetReference(b);
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            var i = 0;
            for (; i <= a.Length - 4; i += 4)
            {
                s0 += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
                s1 += Unsafe.Add(ref pa, i + 1) * Unsafe.Add(ref pb, i + 1);
                s2 += Unsafe.Add(ref pa, i + 2) * Unsafe.Add(ref pb, i + 2);
                s3 += Unsafe.Add(ref pa, i + 3) * Unsafe.Add(ref pb, i + 3);
            }

            var sum = (s0 + s1) + (s2 + s3);
            for (; i < a.Length; i++)
            {
                sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
            }

            return sum;
        }

        /// <summary>destination[i] += scale·source[i]. The spans must have the same length.</summary>
        public static void AddScaled(Span<double> destination, double scale, ReadOnlySpan<double> source)
        {
            if (destination.Length != source.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pd = ref MemoryMarshal.GetReference(destination);
            ref var ps = ref MemoryMarshal.GetReference(source);
            for (var i = 0; i < destination.Length; i++)
            {
                Unsafe.Add(ref pd, i) += scale * Unsafe.Add(ref ps, i);
            }
        }

        /// <summary>destination[i] += scale·source[i] in single precision.</summary>
        public static void AddScaled(Span<float> destination, float scale, ReadOnlySpan<float> source)
        {
            if (destination.Length != source.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pd = ref MemoryMarshal.GetReference(destination);
            ref var ps = ref MemoryMarshal.GetReference(source);
            for (var i = 0; i < destination.Length; i++)
            {
                Unsafe.Add(ref pd, i) += scale * Unsafe.Add(ref ps, i);
            }
        }

        private static void ThrowLengthMismatch() =>
            throw new ArgumentException("The spans must have the same length.");
    }
}
