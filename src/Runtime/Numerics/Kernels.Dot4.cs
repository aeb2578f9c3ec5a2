using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmGen.Runtime
{
    public static partial class Kernels
    {
        /// <summary>
        /// Four net inputs at once (Eqs. 7-9): lane r of the result is Σ_i w[row_r + i]·y[source + i] over i &lt; count_r,
        /// for four rows that read the same sources from <paramref name="source"/> on (a row may read fewer of them than
        /// another, e.g. a cell without the gates' bias). Each lane is summed exactly as the generator writes a row out
        /// term by term: eight interleaved partial sums s_l = Σ_{i mod 8 = l} w_i y_i over the first 8⌊n/8⌋ terms (each
        /// starting from its first term, in increasing i), combined as ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)),
        /// then the remaining terms added one by one. So a lane is bit for bit its row written out, and a batch of four
        /// gates and cells reaches the batched σ in one vector. (<see cref="Dot"/> starts its partial sums from +0
        /// instead: the two differ only in the sign of a sum whose terms are all −0, and a net input goes to σ alone,
        /// for which −0 and +0 are the same.)
        /// </summary>
        /// <remarks>
        /// With AVX each row's partial sums sit in two vectors; the four rows' horizontal sums are made together (two
        /// horizontal adds, two lane swaps and one add give ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)) for all four),
        /// and the remaining terms are added as vectors of the four rows' weights; a lane whose row has ended keeps its
        /// sum untouched (a select, not an added zero). Without AVX each row is summed on its own in the same order. The
        /// bias unit's weight is multiplied by its source y = 1, which changes no bit. Every count must be at least 8, and
        /// all must have the same 8⌊n/8⌋ (shorter rows are written out by the generator).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Dot4(
            ReadOnlySpan<double> w, ReadOnlySpan<double> y, int source,
            int rowA, int countA, int rowB, int countB, int rowC, int countC, int rowD, int countD)
        {
            var whole = countA & ~7;
            var longest = Math.Max(Math.Max(countA, countB), Math.Max(countC, countD));
            if (whole == 0 || (countB & ~7) != whole || (countC & ~7) != whole || (countD & ~7) != whole
                || (uint)source > (uint)y.Length || (uint)longest > (uint)(y.Length - source)
                || !RowFits(w, rowA, countA) || !RowFits(w, rowB, countB) || !RowFits(w, rowC, countC) || !RowFits(w, rowD, countD))
            {
                ThrowRowsOutOfRange();
            }

            ref var pw = ref MemoryMarshal.GetReference(w);
            ref var py = ref Unsafe.Add(ref MemoryMarshal.GetReference(y), source);
            if (!Avx.IsSupported)
            {
                return Vector256.Create(
                    RowSum(ref Unsafe.Add(ref pw, rowA), ref py, countA),
                    RowSum(ref Unsafe.Add(ref pw, rowB), ref py, countB),
                    RowSum(ref Unsafe.Add(ref pw, rowC), ref py, countC),
                    RowSum(ref Unsafe.Add(ref pw, rowD), ref py, countD));
            }

            var pairsA = Pairs(ref Unsafe.Add(ref pw, rowA), ref py, whole);
            var pairsB = Pairs(ref Unsafe.Add(ref pw, rowB), ref py, whole);
            var pairsC = Pairs(ref Unsafe.Add(ref pw, rowC), ref py, whole);
            var pairsD = Pairs(ref Unsafe.Add(ref pw, rowD), ref py, whole);

            // (A0 + A1, B0 + B1, A2 + A3, B2 + B3) and the same for C, D; then the low halves plus the high halves.
            var ab = Avx.HorizontalAdd(pairsA, pairsB);
            var cd = Avx.HorizontalAdd(pairsC, pairsD);
            var sums = Avx.Permute2x128(ab, cd, 0x20) + Avx.Permute2x128(ab, cd, 0x31);
            var shortest = Math.Min(Math.Min(countA, countB), Math.Min(countC, countD));
            var i = whole;
            for (; i < shortest; i++)
            {
                var weights = Vector256.Create(Unsafe.Add(ref pw, rowA + i), Unsafe.Add(ref pw, rowB + i), Unsafe.Add(ref pw, rowC + i), Unsafe.Add(ref pw, rowD + i));
                sums += weights * Vector256.Create(Unsafe.Add(ref py, i));
            }

            for (; i < longest; i++)
            {
                // Rows that have ended read no weight and keep their sums bit for bit.
                var weights = Vector256.Create(
                    i < countA ? Unsafe.Add(ref pw, rowA + i) : 0.0,
                    i < countB ? Unsafe.Add(ref pw, rowB + i) : 0.0,
                    i < countC ? Unsafe.Add(ref pw, rowC + i) : 0.0,
                    i < countD ? Unsafe.Add(ref pw, rowD + i) : 0.0);
                var open = Vector256.GreaterThan(Vector256.Create((long)countA, countB, countC, countD), Vector256.Create((long)i));
                sums = Vector256.ConditionalSelect(open.AsDouble(), sums + (weights * Vector256.Create(Unsafe.Add(ref py, i))), sums);
            }

            return sums;
        }

        /// <summary>(s0 + s4, s1 + s5, s2 + s6, s3 + s7) of one row's first <paramref name="whole"/> terms (a multiple of 8, at least 8).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Pairs(ref double w, ref double y, int whole)
        {
            var low = Vector256.LoadUnsafe(ref w) * Vector256.LoadUnsafe(ref y);
            var high = Vector256.LoadUnsafe(ref w, 4) * Vector256.LoadUnsafe(ref y, 4);
            for (var i = 8; i < whole; i += 8)
            {
                low += Vector256.LoadUnsafe(ref w, (nuint)i) * Vector256.LoadUnsafe(ref y, (nuint)i);
                high += Vector256.LoadUnsafe(ref w, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref y, (nuint)(i + 4));
            }

            return low + high;
        }

        /// <summary>One row in the order of <see cref="Dot4"/>, one term at a time (no leading zero: the first terms start the partial sums).</summary>
        internal static double RowSum(ref double w, ref double y, int count)
        {
            var s0 = w * y;
            var s1 = Unsafe.Add(ref w, 1) * Unsafe.Add(ref y, 1);
            var s2 = Unsafe.Add(ref w, 2) * Unsafe.Add(ref y, 2);
            var s3 = Unsafe.Add(ref w, 3) * Unsafe.Add(ref y, 3);
            var s4 = Unsafe.Add(ref w, 4) * Unsafe.Add(ref y, 4);
            var s5 = Unsafe.Add(ref w, 5) * Unsafe.Add(ref y, 5);
            var s6 = Unsafe.Add(ref w, 6) * Unsafe.Add(ref y, 6);
            var s7 = Unsafe.Add(ref w, 7) * Unsafe.Add(ref y, 7);
            var whole = count & ~7;
            for (var i = 8; i < whole; i += 8)
            {
                s0 += Unsafe.Add(ref w, i) * Unsafe.Add(ref y, i);
                s1 += Unsafe.Add(ref w, i + 1) * Unsafe.Add(ref y, i + 1);
                s2 += Unsafe.Add(ref w, i + 2) * Unsafe.Add(ref y, i + 2);
                s3 += Unsafe.Add(ref w, i + 3) * Unsafe.Add(ref y, i + 3);
                s4 += Unsafe.Add(ref w, i + 4) * Unsafe.Add(ref y, i + 4);
                s5 += Unsafe.Add(ref w, i + 5) * Unsafe.Add(ref y, i + 5);
                s6 += Unsafe.Add(ref w, i + 6) * Unsafe.Add(ref y, i + 6);
                s7 += Unsafe.Add(ref w, i + 7) * Unsafe.Add(ref y, i + 7);
            }

            var sum = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
            for (var i = whole; i < count; i++)
            {
                sum += Unsafe.Add(ref w, i) * Unsafe.Add(ref y, i);
            }

            return sum;
        }

        private static bool RowFits(ReadOnlySpan<double> w, int row, int count) => (uint)row <= (uint)w.Length && (uint)count <= (uint)(w.Length - row);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowRowsOutOfRange() =>
            throw new ArgumentOutOfRangeException(null, "Dot4 needs rows of at least 8 terms with the same 8⌊n/8⌋, inside the weights, and their sources inside the source vector.");
    }
}
