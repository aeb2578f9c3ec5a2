using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// e^x for x ≤ 0, the only exponential the squashing functions need (σ is evaluated through e^−|x|, see
    /// <see cref="Squash"/>). One algorithm, written once per vector width with the same operations in the same order,
    /// so a lane of <see cref="ExpNonPositive(Vector256{double})"/> is bit for bit the scalar
    /// <see cref="ExpNonPositive(double)"/> of that lane. That is what lets the generated code squash four or eight
    /// net inputs at once where AVX is present and one at a time where it is not (NativeAOT's default target), and
    /// still give the same bits on every machine, operating system and runtime.
    /// <para>
    /// Algorithm (Cody and Waite's range reduction with a Taylor polynomial): x = k ln 2 + r with k = round(x / ln 2)
    /// and |r| ≤ ln 2 / 2, ln 2 split into a high part whose products with k are exact and a low part; e^r by its
    /// Taylor polynomial of degree 13 in Estrin's scheme (truncation error below 5e−18 relative, far under half an
    /// ulp, and a short dependency chain); e^x = e^r · 2^k, 2^k built from its bits. Results that would be subnormal
    /// (x below ln of the smallest normal double, −708.396…) are 0: subnormal arithmetic costs a hundred cycles per
    /// operation on x86 (a network whose weights have grown large enough to reach such net inputs ran six times slower
    /// for it), and a gate activation of 1e−310 means 0. NaN stays NaN. No fused multiply-add is used anywhere: a fused
    /// path would round once where another path rounds twice. Measured against <see cref="Math.Exp(double)"/>: at most
    /// 2 ulp apart above that threshold (tests/LstmGen.Runtime.Tests/Numerics/ExponentialTests.cs).
    /// </para>
    /// </summary>
    public static class Exponential
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

        /// <summary>e^x lane by lane for x ≤ 0; each lane equals <see cref="ExpNonPositive(double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> ExpNonPositive(Vector256<double> x)
        {
            var underflow = Vector256.LessThan(x, Vector256.Create(SmallestNormal));
            x = Vector256.ConditionalSelect(underflow, Vector256.Create(SmallestNormal), x);
            var shifted = (x * Vector256.Create(Log2E)) + Vector256.Create(RoundingShift);
            var k = shifted - Vector256.Create(RoundingShift);
            var r = (x - (k * Vector256.Create(Ln2High))) - (k * Vector256.Create(Ln2Low));
            var r2 = r * r;
            var r4 = r2 * r2;
            var r8 = r4 * r4;
            var p0To3 = (Vector256.Create(1.0) + r) + (r2 * (Vector256.Create(C2) + (r * Vector256.Create(C3))));
            var p4To7 = (Vector256.Create(C4) + (r * Vector256.Create(C5))) + (r2 * (Vector256.Create(C6) + (r * Vector256.Create(C7))));
            var p8To11 = (Vector256.Create(C8) + (r * Vector256.Create(C9))) + (r2 * (Vector256.Create(C10) + (r * Vector256.Create(C11))));
            var p12To13 = Vector256.Create(C12) + (r * Vector256.Create(C13));
            var p = (p0To3 + (r4 * p4To7)) + (r8 * (p8To11 + (r4 * p12To13)));
            var kBits = shifted.AsInt64() - Vector256.Create(RoundingShiftBits);
            var result = p * ((kBits + Vector256.Create(1023L)) << 52).AsDouble();
            return Vector256.ConditionalSelect(underflow, Vector256<double>.Zero, result);
        }

        /// <summary>e^x lane by lane for x ≤ 0; each lane equals <see cref="ExpNonPositive(double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> ExpNonPositive(Vector128<double> x)
        {
            var underflow = Vector128.LessThan(x, Vector128.Create(SmallestNormal));
            x = Vector128.ConditionalSelect(underflow, Vector128.Create(SmallestNormal), x);
            var shifted = (x * Vector128.Create(Log2E)) + Vector128.Create(RoundingShift);
            var k = shifted - Vector128.Create(RoundingShift);
            var r = (x - (k * Vector128.Create(Ln2High))) - (k * Vector128.Create(Ln2Low));
            var r2 = r * r;
            var r4 = r2 * r2;
            var r8 = r4 * r4;
            var p0To3 = (Vector128.Create(1.0) + r) + (r2 * (Vector128.Create(C2) + (r * Vector128.Create(C3))));
            var p4To7 = (Vector128.Create(C4) + (r * Vector128.Create(C5))) + (r2 * (Vector128.Create(C6) + (r * Vector128.Create(C7))));
            var p8To11 = (Vector128.Create(C8) + (r * Vector128.Create(C9))) + (r2 * (Vector128.Create(C10) + (r * Vector128.Create(C11))));
            var p12To13 = Vector128.Create(C12) + (r * Vector128.Create(C13));
            var p = (p0To3 + (r4 * p4To7)) + (r8 * (p8To11 + (r4 * p12To13)));
            var kBits = shifted.AsInt64() - Vector128.Create(RoundingShiftBits);
            var result = p * ((kBits + Vector128.Create(1023L)) << 52).AsDouble();
            return Vector128.ConditionalSelect(underflow, Vector128<double>.Zero, result);
        }

        /// <summary>e^x for x ≤ 0 in single precision: the double algorithm, rounded once to float.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ExpNonPositive(float x) => (float)ExpNonPositive((double)x);
    }
}
