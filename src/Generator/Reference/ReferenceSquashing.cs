using System;
using LstmGen.Generator.Model;
using LstmGen.Runtime;

namespace LstmGen.Reference
{
    /// <summary>
    /// The squashing functions of App. A.1 (Eqs. 3-5) and their derivatives, written out again for the reference
    /// interpreter. They deliberately do not call <see cref="Squash"/>: the reference is an independent oracle for
    /// the generated code, so it shares no numerics with it.
    /// </summary>
    internal static class ReferenceSquashing
    {
        /// <summary>f(x) = 1 / (1 + e^−x), the logistic of the gates and output units (Eq. 3).</summary>
        /// <remarks>For very negative x, e^−x overflows to +∞ and the quotient is 0, which is the right limit.</remarks>
        public static double F(double x) => 1.0 / (1.0 + Math.Exp(-x));

        /// <summary>f'(x) = f(x) (1 − f(x)).</summary>
        public static double FPrime(double x)
        {
            var f = F(x);
            return f * (1.0 - f);
        }

        /// <summary>The cell input squashing g (Eq. 5 for "g2"; the logistic for "g1"; or the identity).</summary>
        public static double G(CellInputSquash kind, double x) => kind switch
        {
            CellInputSquash.G2 => (4.0 * F(x)) - 2.0,
            CellInputSquash.G1 => F(x),
            _ => x,
        };

        /// <summary>g'(x): 4 f(x)(1 − f(x)) for "g2", f(x)(1 − f(x)) for "g1", 1 for the identity.</summary>
        public static double GPrime(CellInputSquash kind, double x) => kind switch
        {
            CellInputSquash.G2 => 4.0 * FPrime(x),
            CellInputSquash.G1 => FPrime(x),
            _ => 1.0,
        };

        /// <summary>The cell output squashing h (Eq. 4 for "h1", or the identity).</summary>
        public static double H(CellOutputSquash kind, double x) =>
            kind == CellOutputSquash.H1 ? (2.0 * F(x)) - 1.0 : x;

        /// <summary>h'(x): 2 f(x)(1 − f(x)) for "h1", 1 for the identity.</summary>
        public static double HPrime(CellOutputSquash kind, double x) =>
            kind == CellOutputSquash.H1 ? 2.0 * FPrime(x) : 1.0;
    }
}
