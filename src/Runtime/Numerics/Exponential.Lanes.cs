using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// The lane forms of <see cref="ExpNonPositive(double)"/>: each lane of the result is bit for bit the scalar function
    /// of that lane, because each form is the scalar algorithm written out with the same operations in the same order
    /// (a scalar select becomes a lane select, the bits of 2^k are built by the same integer operations on every lane).
    /// One overload per vector width, so that code written once over a width-neutral name finds the right one.
    /// </summary>
    public static partial class Exponential
    {
        /// <summary>e^x lane by lane for x ≤ 0; each lane equals <see cref="ExpNonPositive(double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> ExpNonPositive(Vector512<double> x)
        {
            var underflow = Vector512.LessThan(x, Vector512.Create(SmallestNormal));
            x = Vector512.ConditionalSelect(underflow, Vector512.Create(SmallestNormal), x);
            var shifted = (x * Vector512.Create(Log2E)) + Vector512.Create(RoundingShift);
            var k = shifted - Vector512.Create(RoundingShift);
            var r = (x - (k * Vector512.Create(Ln2High))) - (k * Vector512.Create(Ln2Low));
            var r2 = r * r;
            var r4 = r2 * r2;
            var r8 = r4 * r4;
            var p0To3 = (Vector512.Create(1.0) + r) + (r2 * (Vector512.Create(C2) + (r * Vector512.Create(C3))));
            var p4To7 = (Vector512.Create(C4) + (r * Vector512.Create(C5))) + (r2 * (Vector512.Create(C6) + (r * Vector512.Create(C7))));
            var p8To11 = (Vector512.Create(C8) + (r * Vector512.Create(C9))) + (r2 * (Vector512.Create(C10) + (r * Vector512.Create(C11))));
            var p12To13 = Vector512.Create(C12) + (r * Vector512.Create(C13));
            var p = (p0To3 + (r4 * p4To7)) + (r8 * (p8To11 + (r4 * p12To13)));
            var kBits = shifted.AsInt64() - Vector512.Create(RoundingShiftBits);
            var result = p * ((kBits + Vector512.Create(1023L)) << 52).AsDouble();
            return Vector512.ConditionalSelect(underflow, Vector512<double>.Zero, result);
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

        /// <summary>e^x lane by lane for x ≤ 0 in single precision; each lane equals <see cref="ExpNonPositive(float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> ExpNonPositive(Vector512<float> x)
        {
            var (low, high) = Vector512.Widen(x);
            return Vector512.Narrow(ExpNonPositive(low), ExpNonPositive(high));
        }

        /// <summary>e^x lane by lane for x ≤ 0 in single precision; each lane equals <see cref="ExpNonPositive(float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> ExpNonPositive(Vector256<float> x)
        {
            var (low, high) = Vector256.Widen(x);
            return Vector256.Narrow(ExpNonPositive(low), ExpNonPositive(high));
        }

        /// <summary>e^x lane by lane for x ≤ 0 in single precision; each lane equals <see cref="ExpNonPositive(float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> ExpNonPositive(Vector128<float> x)
        {
            var (low, high) = Vector128.Widen(x);
            return Vector128.Narrow(ExpNonPositive(low), ExpNonPositive(high));
        }
    }
}
