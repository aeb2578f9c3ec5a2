using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// The row loops of the forward pass and the learning rule that generated code calls: a dot product for net
    /// inputs (Eqs. 7-9 and the output units) and scaled adds for traces and weight changes (Eqs. 22, 25-28).
    /// <para>
    /// Determinism: every path gives the same bits on every machine, so that JIT and NativeAOT builds (which target
    /// different instruction sets) agree. <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double})"/> sums in one
    /// fixed order whatever the vector width: eight interleaved partial sums s_l = Σ_{i mod 8 = l} a_i b_i over the
    /// first 8⌊n/8⌋ terms, each accumulated in increasing i, combined as ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)),
    /// then the remaining n mod 8 terms added one by one. With AVX two <c>Vector256&lt;double&gt;</c> accumulators
    /// hold the eight partial sums (two chains, so the adds' latency overlaps); without it four <c>Vector128</c>
    /// accumulators do; the scalar fallback keeps eight variables; the generator writes short rows out in the same
    /// order. The scaled adds are elementwise (d_i += a·s_i, each element one multiply and one add), so their
    /// results do not depend on the vector width at all. No fused multiply-add is ever used: it would round once
    /// where the other paths round twice.
    /// </para>
    /// <para>
    /// The methods are inlined into the generated code, where the row lengths are constants: the length checks
    /// fold away and the loops run a known number of times.
    /// </para>
    /// </summary>
    public static partial class Kernels
    {
        /// <summary>Σ_i a[i]·b[i] in the fixed order described on <see cref="Kernels"/>. The spans must have the same length.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            if (a.Length != b.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pa = ref MemoryMarshal.GetReference(a);
            ref var pb = ref MemoryMarshal.GetReference(b);
            var n = a.Length;
            var whole = n & ~7;
            var i = 0;
            double sum;
            if (Vector256.IsHardwareAccelerated)
            {
                // Lanes 0-3 and 4-7: two independent chains, so the adds' latency overlaps.
                var acc0 = Vector256<double>.Zero;
                var acc1 = Vector256<double>.Zero;
                for (; i < whole; i += 8)
                {
                    acc0 += Vector256.LoadUnsafe(ref pa, (nuint)i) * Vector256.LoadUnsafe(ref pb, (nuint)i);
                    acc1 += Vector256.LoadUnsafe(ref pa, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref pb, (nuint)(i + 4));
                }

                var pairs = acc0 + acc1; // (s0 + s4, s1 + s5, s2 + s6, s3 + s7)
                sum = (pairs.GetElement(0) + pairs.GetElement(1)) + (pairs.GetElement(2) + pairs.GetElement(3));
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var acc01 = Vector128<double>.Zero;
                var acc23 = Vector128<double>.Zero;
                var acc45 = Vector128<double>.Zero;
                var acc67 = Vector128<double>.Zero;
                for (; i < whole; i += 8)
                {
                    acc01 += Vector128.LoadUnsafe(ref pa, (nuint)i) * Vector128.LoadUnsafe(ref pb, (nuint)i);
                    acc23 += Vector128.LoadUnsafe(ref pa, (nuint)(i + 2)) * Vector128.LoadUnsafe(ref pb, (nuint)(i + 2));
                    acc45 += Vector128.LoadUnsafe(ref pa, (nuint)(i + 4)) * Vector128.LoadUnsafe(ref pb, (nuint)(i + 4));
                    acc67 += Vector128.LoadUnsafe(ref pa, (nuint)(i + 6)) * Vector128.LoadUnsafe(ref pb, (nuint)(i + 6));
                }

                var low = acc01 + acc45;  // (s0 + s4, s1 + s5)
                var high = acc23 + acc67; // (s2 + s6, s3 + s7)
                sum = (low.GetElement(0) + low.GetElement(1)) + (high.GetElement(0) + high.GetElement(1));
            }
            else
            {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (; i < whole; i += 8)
                {
                    s0 += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
                    s1 += Unsafe.Add(ref pa, i + 1) * Unsafe.Add(ref pb, i + 1);
                    s2 += Unsafe.Add(ref pa, i + 2) * Unsafe.Add(ref pb, i + 2);
                    s3 += Unsafe.Add(ref pa, i + 3) * Unsafe.Add(ref pb, i + 3);
                    s4 += Unsafe.Add(ref pa, i + 4) * Unsafe.Add(ref pb, i + 4);
                    s5 += Unsafe.Add(ref pa, i + 5) * Unsafe.Add(ref pb, i + 5);
                    s6 += Unsafe.Add(ref pa, i + 6) * Unsafe.Add(ref pb, i + 6);
                    s7 += Unsafe.Add(ref pa, i + 7) * Unsafe.Add(ref pb, i + 7);
                }

                sum = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
            }

            // The last n mod 8 terms, one by one.
            for (; i < n; i++)
            {
                sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
            }

            return sum;
        }

        /// <summary>Σ_i a[i]·b[i] in single precision, in the same fixed order (eight interleaved partial sums).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            if (a.Length != b.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pa = ref MemoryMarshal.GetReference(a);
            ref var pb = ref MemoryMarshal.GetReference(b);
            var n = a.Length;
            var whole = n & ~7;
            var i = 0;
            float sum;
            if (Vector256.IsHardwareAccelerated)
            {
                // Eight float lanes: one vector holds all eight partial sums.
                var acc = Vector256<float>.Zero;
                for (; i < whole; i += 8)
                {
                    acc += Vector256.LoadUnsafe(ref pa, (nuint)i) * Vector256.LoadUnsafe(ref pb, (nuint)i);
                }

                var pairs = acc.GetLower() + acc.GetUpper(); // (s0 + s4, s1 + s5, s2 + s6, s3 + s7)
                sum = (pairs.GetElement(0) + pairs.GetElement(1)) + (pairs.GetElement(2) + pairs.GetElement(3));
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var acc0 = Vector128<float>.Zero;
                var acc1 = Vector128<float>.Zero;
                for (; i < whole; i += 8)
                {
                    acc0 += Vector128.LoadUnsafe(ref pa, (nuint)i) * Vector128.LoadUnsafe(ref pb, (nuint)i);
                    acc1 += Vector128.LoadUnsafe(ref pa, (nuint)(i + 4)) * Vector128.LoadUnsafe(ref pb, (nuint)(i + 4));
                }

                var pairs = acc0 + acc1;
                sum = (pairs.GetElement(0) + pairs.GetElement(1)) + (pairs.GetElement(2) + pairs.GetElement(3));
            }
            else
            {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (; i < whole; i += 8)
                {
                    s0 += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
                    s1 += Unsafe.Add(ref pa, i + 1) * Unsafe.Add(ref pb, i + 1);
                    s2 += Unsafe.Add(ref pa, i + 2) * Unsafe.Add(ref pb, i + 2);
                    s3 += Unsafe.Add(ref pa, i + 3) * Unsafe.Add(ref pb, i + 3);
                    s4 += Unsafe.Add(ref pa, i + 4) * Unsafe.Add(ref pb, i + 4);
                    s5 += Unsafe.Add(ref pa, i + 5) * Unsafe.Add(ref pb, i + 5);
                    s6 += Unsafe.Add(ref pa, i + 6) * Unsafe.Add(ref pb, i + 6);
                    s7 += Unsafe.Add(ref pa, i + 7) * Unsafe.Add(ref pb, i + 7);
                }

                sum = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
            }

            for (; i < n; i++)
            {
                sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
            }

            return sum;
        }

        /// <summary>destination[i] += scale·source[i]. The spans must have the same length.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddScaled(Span<double> destination, double scale, ReadOnlySpan<double> source)
        {
            if (destination.Length != source.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pd = ref MemoryMarshal.GetReference(destination);
            ref var ps = ref MemoryMarshal.GetReference(source);
            var n = destination.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var a = Vector256.Create(scale);
                for (; i < (n & ~3); i += 4)
                {
                    (Vector256.LoadUnsafe(ref pd, (nuint)i) + (a * Vector256.LoadUnsafe(ref ps, (nuint)i))).StoreUnsafe(ref pd, (nuint)i);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                // Pairs (all of them without AVX, the one left over after the quads with it).
                var a = Vector128.Create(scale);
                for (; i < (n & ~1); i += 2)
                {
                    (Vector128.LoadUnsafe(ref pd, (nuint)i) + (a * Vector128.LoadUnsafe(ref ps, (nuint)i))).StoreUnsafe(ref pd, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref pd, i) += scale * Unsafe.Add(ref ps, i);
            }
        }

        /// <summary>destination[i] += scale·source[i] in single precision.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddScaled(Span<float> destination, float scale, ReadOnlySpan<float> source)
        {
            if (destination.Length != source.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pd = ref MemoryMarshal.GetReference(destination);
            ref var ps = ref MemoryMarshal.GetReference(source);
            var n = destination.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var a = Vector256.Create(scale);
                for (; i <= n - 8; i += 8)
                {
                    (Vector256.LoadUnsafe(ref pd, (nuint)i) + (a * Vector256.LoadUnsafe(ref ps, (nuint)i))).StoreUnsafe(ref pd, (nuint)i);
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var a = Vector128.Create(scale);
                for (; i <= n - 4; i += 4)
                {
                    (Vector128.LoadUnsafe(ref pd, (nuint)i) + (a * Vector128.LoadUnsafe(ref ps, (nuint)i))).StoreUnsafe(ref pd, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref pd, i) += scale * Unsafe.Add(ref ps, i);
            }
        }

        /// <summary>
        /// destination[i] += (scale0·source0[i] + scale1·source1[i]): the two cell terms of Eq. 26 for a block of two
        /// cells, summed before they reach the weight (or the sequence's sum of changes), so that per-step and
        /// per-sequence updates of a single change are the same number. The spans must have the same length.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddScaled(Span<double> destination, double scale0, ReadOnlySpan<double> source0, double scale1, ReadOnlySpan<double> source1)
        {
            if (destination.Length != source0.Length || destination.Length != source1.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pd = ref MemoryMarshal.GetReference(destination);
            ref var p0 = ref MemoryMarshal.GetReference(source0);
            ref var p1 = ref MemoryMarshal.GetReference(source1);
            var n = destination.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var a0 = Vector256.Create(scale0);
                var a1 = Vector256.Create(scale1);
                for (; i < (n & ~3); i += 4)
                {
                    var change = (a0 * Vector256.LoadUnsafe(ref p0, (nuint)i)) + (a1 * Vector256.LoadUnsafe(ref p1, (nuint)i));
                    (Vector256.LoadUnsafe(ref pd, (nuint)i) + change).StoreUnsafe(ref pd, (nuint)i);
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                var a0 = Vector128.Create(scale0);
                var a1 = Vector128.Create(scale1);
                for (; i < (n & ~1); i += 2)
                {
                    var change = (a0 * Vector128.LoadUnsafe(ref p0, (nuint)i)) + (a1 * Vector128.LoadUnsafe(ref p1, (nuint)i));
                    (Vector128.LoadUnsafe(ref pd, (nuint)i) + change).StoreUnsafe(ref pd, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref pd, i) += (scale0 * Unsafe.Add(ref p0, i)) + (scale1 * Unsafe.Add(ref p1, i));
            }
        }

        /// <summary>destination[i] += (scale0·source0[i] + scale1·source1[i]) in single precision.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddScaled(Span<float> destination, float scale0, ReadOnlySpan<float> source0, float scale1, ReadOnlySpan<float> source1)
        {
            if (destination.Length != source0.Length || destination.Length != source1.Length)
            {
                ThrowLengthMismatch();
            }

            ref var pd = ref MemoryMarshal.GetReference(destination);
            ref var p0 = ref MemoryMarshal.GetReference(source0);
            ref var p1 = ref MemoryMarshal.GetReference(source1);
            var n = destination.Length;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var a0 = Vector256.Create(scale0);
                var a1 = Vector256.Create(scale1);
                for (; i <= n - 8; i += 8)
                {
                    var change = (a0 * Vector256.LoadUnsafe(ref p0, (nuint)i)) + (a1 * Vector256.LoadUnsafe(ref p1, (nuint)i));
                    (Vector256.LoadUnsafe(ref pd, (nuint)i) + change).StoreUnsafe(ref pd, (nuint)i);
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var a0 = Vector128.Create(scale0);
                var a1 = Vector128.Create(scale1);
                for (; i <= n - 4; i += 4)
                {
                    var change = (a0 * Vector128.LoadUnsafe(ref p0, (nuint)i)) + (a1 * Vector128.LoadUnsafe(ref p1, (nuint)i));
                    (Vector128.LoadUnsafe(ref pd, (nuint)i) + change).StoreUnsafe(ref pd, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref pd, i) += (scale0 * Unsafe.Add(ref p0, i)) + (scale1 * Unsafe.Add(ref p1, i));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowLengthMismatch() =>
            throw new ArgumentException("The spans must have the same length.");
    }
}
