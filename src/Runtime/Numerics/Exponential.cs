using System;
using System.Runtime.CompilerServices;

namespace LstmGen.Runtime
{
    /// <summary>
    /// e^x for x ≤ 0, the only exponential the squashing functions need (σ is evaluated through e^−|x|, see
    /// <see cref="Squash"/>). One algorithm, written once per vector width with the same operations in the same order
    /// (this file: the scalar form; Exponential.Lanes.cs: the vector forms), so every lane of a vector form is bit for
    /// bit the scalar <see cref="ExpNonPositive(double)"/> of that lane. That is what lets the generated code squash
    /// several net inputs, or the same unit of several networks, in one vector on whatever width the machine (or the
    /// NativeAOT target) offers, and still give the same bits on every machine, operating system and runtime.
    /// <para>
    /// Algorithm (Cody and Waite's range reduction with a Taylor polynomial): x = k ln 2 + r with k = round(x / ln 2)
    /// and |r| ≤ ln 2 / 2, ln 2 split into a high part whose products with k are exact and a low part; e^r by its
    /// Taylor polynomial of degree 13 in Estrin's scheme (truncation error below 5e−18 relative, far under half an
    /// ulp, and a short dependency chain); e^x = e^r · 2^k, 2^k built from its bits. Results that would be subnormal
    /// (x below ln of the smallest normal double, −708.396…) are 0: subnormal arithmetic takes a slow microcoded path on
    /// x86 (docs/performance.md has what it cost a network), and a gate activation of 1e−310 means 0. A NaN stays a NaN
    /// with its payload (quietened). No fused multiply-add is used anywhere: a fused path would round once where
    /// another path rounds twice. Within 2 ulp of <see cref="Math.Exp(double)"/> above the threshold (ExponentialTests).
    /// </para>
    /// </summary>
    public static partial class Exponential
    {
        private const double Log2E = 1.4426950408889634;            // 1 / ln 2
        private const double Ln2High = 6.93147180369123816490e-01;  // ln 2 with 21 trailing zero bits: k·Ln2High is exact
        private const double Ln2Low = 1.90821492927058770002e-10;   // ln 2 − Ln2High
        private const double RoundingShift = 6755399441055744.0;   // 1.5·2^52: adding it rounds to an integer in the low bits
        private const long RoundingShiftBits = 0x4338000000000000;  // the bits of RoundingShift
        private const double SmallestNormal = -708.39641853226408;  // ln(2^−1022): e^x is subnormal below this

        // 1/n! for n = 2..13 (the n = 0 and n = 1 coefficients are 1).
        private const double C2 = 1.0 / 2;
        private const double C3 = 1.0 / 6;
        private const double C4 = 1.0 / 24;
        private const double C5 = 1.0 / 120;
        private const double C6 = 1.0 / 720;
        private const double C7 = 1.0 / 5040;
        private const double C8 = 1.0 / 40320;
        private const double C9 = 1.0 / 362880;
        private const double C10 = 1.0 / 3628800;
        private const double C11 = 1.0 / 39916800;
        private const double C12 = 1.0 / 479001600;
        private const double C13 = 1.0 / 6227020800;

        /// <summary>e^x for x ≤ 0 (positive arguments are not supported: the result would overflow the scaling).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double ExpNonPositive(double x)
        {
            var underflow = x < SmallestNormal;
            x = underflow ? SmallestNormal : x;
            var shifted = (x * Log2E) + RoundingShift;
            var k = shifted - RoundingShift;
            var r = (x - (k * Ln2High)) - (k * Ln2Low);
            var r2 = r * r;
            var r4 = r2 * r2;
            var r8 = r4 * r4;
            var p0To3 = (1.0 + r) + (r2 * (C2 + (r * C3)));
            var p4To7 = (C4 + (r * C5)) + (r2 * (C6 + (r * C7)));
            var p8To11 = (C8 + (r * C9)) + (r2 * (C10 + (r * C11)));
            var p12To13 = C12 + (r * C13);
            var p = (p0To3 + (r4 * p4To7)) + (r8 * (p8To11 + (r4 * p12To13)));
            var kBits = BitConverter.DoubleToInt64Bits(shifted) - RoundingShiftBits;
            var result = p * BitConverter.Int64BitsToDouble((kBits + 1023L) << 52);
            return underflow ? 0.0 : result;
        }

        /// <summary>e^x for x ≤ 0 in single precision: the double algorithm, rounded once to float.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ExpNonPositive(float x) => (float)ExpNonPositive((double)x);
    }
}
