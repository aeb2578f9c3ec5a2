using System;
using System.Linq;
using System.Runtime.Intrinsics;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests.Numerics
{
    /// <summary>
    /// LstmGen's own exponential (<see cref="Exponential"/>) and the batched σ built on it: close to the C runtime's
    /// exp, exact where it must be, and the same bits on every path (scalar, 128-bit, 256-bit vectors).
    /// </summary>
    public sealed class ExponentialTests
    {
        [Fact]
        public void Within_two_ulp_of_the_C_runtime_exp_over_the_whole_range()
        {
            // A dense grid over [-746, 0] plus random points near 0, where the squashing functions spend their time.
            var worst = 0.0;
            var worstAt = 0.0;
            var random = new Random(1997);
            for (var i = 0; i <= 2_000_000; i++)
            {
                var x = i < 1_000_000 ? -708.39 * i / 1_000_000 : -20.0 * random.NextDouble();
                var expected = Math.Exp(x);
                var actual = Exponential.ExpNonPositive(x);
                var ulp = Math.BitIncrement(expected) - expected;
                var error = Math.Abs(actual - expected) / ulp;
                if (error > worst)
                {
                    worst = error;
                    worstAt = x;
                }
            }

            Assert.True(worst <= 2.0, $"{worst} ulp at x = {worstAt:R}");
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(-1.0, 0.36787944117144233)]
        [InlineData(-708.3964185322641, 2.2250738585072626E-308)] // Math.Exp gives the same
        [InlineData(-708.4, 0.0)]
        [InlineData(-746.0, 0.0)]
        [InlineData(-1e300, 0.0)]
        [InlineData(double.NegativeInfinity, 0.0)]
        public void Special_values(double x, double expected)
        {
            Assert.Equal(expected, Exponential.ExpNonPositive(x));
        }

        [Fact]
        public void Results_below_the_smallest_normal_double_are_zero_and_sigma_stays_exact_there()
        {
            Assert.Equal(0.0, Exponential.ExpNonPositive(-709.0));
            Assert.Equal(0.0, Exponential.ExpNonPositive(-740.0));
            Assert.Equal(0.0, Squash.Logistic(-1000.0));
            Assert.Equal(1.0, Squash.Logistic(1000.0));
            Assert.True(Exponential.ExpNonPositive(-708.0) >= 2.2250738585072014E-308);
        }

        [Fact]
        public void NaN_stays_NaN()
        {
            Assert.True(double.IsNaN(Exponential.ExpNonPositive(double.NaN)));
            Assert.True(double.IsNaN(Squash.Logistic(double.NaN)));
        }

        [Fact]
        public void Every_vector_lane_equals_the_scalar_function_bit_for_bit()
        {
            var random = new Random(7);
            for (var i = 0; i < 100_000; i++)
            {
                var lanes = new double[4];
                for (var l = 0; l < 4; l++)
                {
                    lanes[l] = -Math.Exp(random.NextDouble() * 14 - 7) * (random.Next(100) == 0 ? 100 : 1);
                }

                var wide = Exponential.ExpNonPositive(Vector256.Create(lanes));
                var narrow = Exponential.ExpNonPositive(Vector128.Create(lanes[0], lanes[1]));
                for (var l = 0; l < 4; l++)
                {
                    var scalar = Exponential.ExpNonPositive(lanes[l]);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(scalar), BitConverter.DoubleToInt64Bits(wide.GetElement(l)));
                    if (l < 2)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(scalar), BitConverter.DoubleToInt64Bits(narrow.GetElement(l)));
                    }
                }
            }
        }

        [Fact]
        public void Batched_logistic_equals_the_scalar_logistic_bit_for_bit_for_every_length()
        {
            var random = new Random(11);
            for (var n = 0; n <= 13; n++)
            {
                var x = new double[n];
                for (var i = 0; i < n; i++)
                {
                    x[i] = (random.NextDouble() - 0.5) * 40;
                }

                if (n > 2)
                {
                    x[1] = 0.0;
                    x[2] = -800.0;
                }

                var sigma = new double[n + 1];
                sigma[n] = 42.0;
                Squash.Logistic(x, sigma);
                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Squash.Logistic(x[i])), BitConverter.DoubleToInt64Bits(sigma[i]));
                }

                Assert.Equal(42.0, sigma[n]);
            }
        }

        [Fact]
        public void Register_fed_logistic_gives_the_bits_of_the_scalar_logistic_and_writes_only_its_lanes()
        {
            // Squash.Logistic(x0, x1, x2, x3, span) and (x0, x1, span): what the generated code calls.
            var random = new Random(17);
            for (var round = 0; round < 200; round++)
            {
                var x = Enumerable.Range(0, 4).Select(_ => (random.NextDouble() - 0.5) * 60).ToArray();
                if (round == 0)
                {
                    x = new[] { 0.0, -800.0, 800.0, -0.0 };
                }

                var four = new[] { 7.0, 7.0, 7.0, 7.0, 42.0 };
                Squash.Logistic(x[0], x[1], x[2], x[3], four);
                var two = new[] { 7.0, 7.0, 42.0 };
                Squash.Logistic(x[0], x[1], two);
                var fourFloat = new[] { 7f, 7f, 7f, 7f, 42f };
                Squash.Logistic((float)x[0], (float)x[1], (float)x[2], (float)x[3], fourFloat);
                var twoFloat = new[] { 7f, 7f, 42f };
                Squash.Logistic((float)x[0], (float)x[1], twoFloat);
                for (var i = 0; i < 4; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Squash.Logistic(x[i])), BitConverter.DoubleToInt64Bits(four[i]));
                    Assert.Equal(BitConverter.SingleToInt32Bits(Squash.Logistic((float)x[i])), BitConverter.SingleToInt32Bits(fourFloat[i]));
                }

                for (var i = 0; i < 2; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Squash.Logistic(x[i])), BitConverter.DoubleToInt64Bits(two[i]));
                    Assert.Equal(BitConverter.SingleToInt32Bits(Squash.Logistic((float)x[i])), BitConverter.SingleToInt32Bits(twoFloat[i]));
                }

                Assert.Equal(42.0, four[4]);
                Assert.Equal(42.0, two[2]);
                Assert.Equal(42f, fourFloat[4]);
                Assert.Equal(42f, twoFloat[2]);
            }

            Assert.Throws<ArgumentException>(() => Squash.Logistic(1.0, 2.0, 3.0, 4.0, new double[3]));
            Assert.Throws<ArgumentException>(() => Squash.Logistic(1.0, 2.0, new double[1]));
        }

        [Fact]
        public void Batched_float_logistic_equals_the_scalar_float_logistic_bit_for_bit_for_every_length()
        {
            var random = new Random(13);
            for (var n = 0; n <= 21; n++)
            {
                var x = new float[n];
                for (var i = 0; i < n; i++)
                {
                    x[i] = (float)((random.NextDouble() - 0.5) * 60);
                }

                if (n > 3)
                {
                    x[1] = 0f;
                    x[2] = -900f;
                    x[3] = float.NaN;
                }

                var sigma = new float[n + 1];
                sigma[n] = 42f;
                Squash.Logistic(x, sigma);
                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(Squash.Logistic(x[i])), BitConverter.SingleToInt32Bits(sigma[i]));
                }

                Assert.Equal(42f, sigma[n]);
            }
        }

        [Fact]
        public void Logistic_is_symmetric_and_exact_at_zero()
        {
            Assert.Equal(0.5, Squash.Logistic(0.0));
            var random = new Random(3);
            for (var i = 0; i < 10_000; i++)
            {
                var x = (random.NextDouble() - 0.5) * 60;
                Assert.Equal(1.0, Squash.Logistic(x) + Squash.Logistic(-x), 15);
            }
        }

        [Fact]
        public void Batched_logistic_rejects_a_short_destination()
        {
            Assert.Throws<ArgumentException>(() => Squash.Logistic(new double[3], new double[2]));
        }
    }
}
