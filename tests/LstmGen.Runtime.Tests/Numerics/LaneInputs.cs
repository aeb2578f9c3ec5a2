using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Runtime;

namespace LstmGen.Runtime.Tests.Numerics
{
    /// <summary>
    /// Inputs for the lane twins: the values where a squashing function changes regime, each with its neighbours, and
    /// random values over the whole exponent range.
    /// </summary>
    internal static class LaneInputs
    {
        /// <summary>
        /// ±0; NaNs quiet and signalling, of both signs, with and without payloads; ±∞; subnormals and the smallest
        /// normals; ±MaxValue; the exponential's underflow threshold and where σ rounds to 1 (found by bisection on the
        /// scalar functions, so they stay edges if the constants move), each with three neighbours on either side, and
        /// their negations; and a few ordinary values.
        /// </summary>
        public static double[] DoubleEdges()
        {
            var values = new List<double>
            {
                0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue,
                double.Epsilon, -double.Epsilon, 2.2250738585072009E-308, -2.2250738585072009E-308, // smallest and largest subnormal
                2.2250738585072014E-308, -2.2250738585072014E-308, 1e-300, -1e-300, 1e-17, -1e-17,
                0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 709.782712893384, -745.1332191019412, 1e300, -1e300,
            };
            values.AddRange(DoubleNaNs());
            var underflow = -FirstWhere(0.0, 1000.0, x => Exponential.ExpNonPositive(-x) == 0.0); // the largest x with e^x = 0
            var sigmaOne = FirstWhere(0.0, 100.0, x => Squash.Logistic(x) == 1.0);                // the smallest x with σ(x) = 1
            var sigmaHalfUlp = FirstWhere(0.0, 100.0, x => Squash.Logistic(x) > 1.0 - 2.3e-16);    // σ leaves 1 − ulp
            foreach (var edge in new[] { underflow, sigmaOne, sigmaHalfUlp })
            {
                var x = edge;
                for (var i = 0; i < 3; i++)
                {
                    x = Math.BitDecrement(x);
                }

                for (var i = 0; i < 7; i++, x = Math.BitIncrement(x))
                {
                    values.Add(x);
                    values.Add(-x);
                }
            }

            return values.ToArray();
        }

        /// <summary>The float counterparts of <see cref="DoubleEdges"/> (float σ runs its exponential in double).</summary>
        public static float[] SingleEdges()
        {
            var values = new List<float>
            {
                0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue,
                float.Epsilon, -float.Epsilon, 1.17549421E-38f, -1.17549421E-38f, // smallest and largest subnormal
                1.17549435E-38f, -1.17549435E-38f, 1e-30f, -1e-30f, 1e-8f, -1e-8f,
                0.5f, -0.5f, 1f, -1f, 2f, -2f, -708.4f, -708.39f, -709f, -746f, 1e30f, -1e30f,
            };
            values.AddRange(SingleNaNs());
            var zero = -FirstWhere(0f, 1000f, x => Exponential.ExpNonPositive(-x) == 0f);                 // e^x rounds to float 0
            var subnormal = -FirstWhere(0f, 1000f, x => Exponential.ExpNonPositive(-x) < 1.17549435E-38f); // e^x turns subnormal
            var sigmaOne = FirstWhere(0f, 100f, x => Squash.Logistic(x) == 1f);
            foreach (var edge in new[] { zero, subnormal, sigmaOne })
            {
                var x = edge;
                for (var i = 0; i < 3; i++)
                {
                    x = MathF.BitDecrement(x);
                }

                for (var i = 0; i < 7; i++, x = MathF.BitIncrement(x))
                {
                    values.Add(x);
                    values.Add(-x);
                }
            }

            return values.ToArray();
        }

        /// <summary>NaNs: .NET's default (negative quiet, no payload), positive quiet, quiet and signalling with payloads.</summary>
        public static double[] DoubleNaNs() => new ulong[]
        {
            0xFFF8000000000000, 0x7FF8000000000000, 0x7FF80000DEADBEEF, 0xFFF8123456789ABC, 0x7FFFFFFFFFFFFFFF,
            0x7FF0000000000001, 0x7FF4000000000000, 0xFFF00000DEADBEEF, 0x7FF7FFFFFFFFFFFF,
        }.Select(BitConverter.UInt64BitsToDouble).ToArray();

        /// <summary>The float NaNs, in the same kinds as <see cref="DoubleNaNs"/>.</summary>
        public static float[] SingleNaNs() => new uint[]
        {
            0xFFC00000, 0x7FC00000, 0x7FC01234, 0xFFC0BEEF, 0x7FFFFFFF, 0x7F800001, 0x7FA00000, 0xFF80BEEF, 0x7FBFFFFF,
        }.Select(BitConverter.UInt32BitsToSingle).ToArray();

        /// <summary>
        /// <paramref name="count"/> random doubles (a multiple of 16): a third random bit patterns (every exponent alike,
        /// NaNs with random payloads among them), a third with a random exponent in [2^−30, 2^10) and either sign (every
        /// scale a net input or a σ can have), a third uniform in (−50, 50) (where σ is neither 0 nor 1).
        /// </summary>
        public static double[] RandomDoubles(int count, int seed)
        {
            var random = new Random(seed);
            var values = new double[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (i % 3) switch
                {
                    0 => BitConverter.Int64BitsToDouble(random.NextInt64() ^ ((long)random.Next(2) << 63)),
                    1 => (random.Next(2) == 0 ? 1 : -1) * Math.ScaleB(1.0 + random.NextDouble(), random.Next(-30, 10)),
                    _ => (random.NextDouble() - 0.5) * 100,
                };
            }

            return values;
        }

        /// <summary>The float counterparts of <see cref="RandomDoubles"/>.</summary>
        public static float[] RandomSingles(int count, int seed)
        {
            var random = new Random(seed);
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (i % 3) switch
                {
                    0 => BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31)),
                    1 => (random.Next(2) == 0 ? 1 : -1) * MathF.ScaleB(1f + random.NextSingle(), random.Next(-30, 10)),
                    _ => (random.NextSingle() - 0.5f) * 100,
                };
            }

            return values;
        }

        /// <summary>The smallest x in [low, high] (non-negative) where a predicate that holds from some point on holds.</summary>
        private static double FirstWhere(double low, double high, Func<double, bool> holds)
        {
            // Non-negative doubles are ordered as their bits.
            long lo = BitConverter.DoubleToInt64Bits(low), hi = BitConverter.DoubleToInt64Bits(high);
            if (holds(low) || !holds(high))
            {
                throw new ArgumentException("The predicate must be false at the low end and true at the high end.");
            }

            while (hi - lo > 1)
            {
                var mid = lo + ((hi - lo) / 2);
                if (holds(BitConverter.Int64BitsToDouble(mid)))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return BitConverter.Int64BitsToDouble(hi);
        }

        private static float FirstWhere(float low, float high, Func<float, bool> holds)
        {
            int lo = BitConverter.SingleToInt32Bits(low), hi = BitConverter.SingleToInt32Bits(high);
            if (holds(low) || !holds(high))
            {
                throw new ArgumentException("The predicate must be false at the low end and true at the high end.");
            }

            while (hi - lo > 1)
            {
                var mid = lo + ((hi - lo) / 2);
                if (holds(BitConverter.Int32BitsToSingle(mid)))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return BitConverter.Int32BitsToSingle(hi);
        }
    }
}
