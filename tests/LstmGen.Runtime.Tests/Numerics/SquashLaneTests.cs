using System;
using System.Linq;
using System.Runtime.Intrinsics;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests.Numerics
{
    /// <summary>
    /// The lane forms of the squashing functions and of the exponential (Squash.Lanes.cs, Exponential.Lanes.cs): every
    /// lane of every width, 2, 4 and 8 double lanes and 4, 8 and 16 float lanes, gives the bits of the scalar function
    /// the scalar networks call, so that a lane network computes in each lane what a scalar network computes. Widths the
    /// hardware does not accelerate run in software and are held to the same bits.
    /// </summary>
    public sealed class SquashLaneTests
    {
        private const int RandomCount = 3_000_000;

        public static TheoryData<string> DoubleFunctions() => new(LaneTwins.Double.Select(t => t.Name));

        public static TheoryData<string> SingleFunctions() => new(LaneTwins.Single.Select(t => t.Name));

        [Theory]
        [MemberData(nameof(DoubleFunctions))]
        public void Every_double_lane_equals_the_scalar_function_at_the_edge_values(string function)
        {
            var (count, first) = LaneTwins.Mismatches(LaneTwins.Double.Single(t => t.Name == function), LaneInputs.DoubleEdges(), everyPosition: true);
            Assert.True(count == 0, $"{count} lanes differ from {function}:{Environment.NewLine}{first}");
        }

        [Theory]
        [MemberData(nameof(DoubleFunctions))]
        public void Every_double_lane_equals_the_scalar_function_on_three_million_random_doubles(string function)
        {
            var (count, first) = LaneTwins.Mismatches(LaneTwins.Double.Single(t => t.Name == function), LaneInputs.RandomDoubles(RandomCount, 1997), everyPosition: false);
            Assert.True(count == 0, $"{count} lanes differ from {function}:{Environment.NewLine}{first}");
        }

        [Theory]
        [MemberData(nameof(SingleFunctions))]
        public void Every_float_lane_equals_the_scalar_float_function_at_the_edge_values(string function)
        {
            var (count, first) = LaneTwins.Mismatches(LaneTwins.Single.Single(t => t.Name == function), LaneInputs.SingleEdges(), everyPosition: true);
            Assert.True(count == 0, $"{count} lanes differ from {function}:{Environment.NewLine}{first}");
        }

        [Theory]
        [MemberData(nameof(SingleFunctions))]
        public void Every_float_lane_equals_the_scalar_float_function_on_three_million_random_floats(string function)
        {
            var (count, first) = LaneTwins.Mismatches(LaneTwins.Single.Single(t => t.Name == function), LaneInputs.RandomSingles(RandomCount, 1997), everyPosition: false);
            Assert.True(count == 0, $"{count} lanes differ from {function}:{Environment.NewLine}{first}");
        }

        [Fact]
        public void The_edge_values_straddle_the_underflow_threshold_and_the_point_where_sigma_rounds_to_one()
        {
            // The comparison above is only as good as its inputs: the edges must hold both sides of each regime change.
            var edges = LaneInputs.DoubleEdges();
            Assert.Contains(edges, x => x < 0 && Exponential.ExpNonPositive(x) == 0.0 && Exponential.ExpNonPositive(Math.BitIncrement(x)) > 0.0);
            Assert.Contains(edges, x => Squash.Logistic(x) == 1.0 && Squash.Logistic(Math.BitDecrement(x)) < 1.0);
            Assert.Contains(edges, x => Squash.Logistic(x) == 0.0 && Squash.Logistic(Math.BitIncrement(x)) > 0.0);
            Assert.Contains(edges, double.IsSubnormal);
            var singles = LaneInputs.SingleEdges();
            Assert.Contains(singles, x => x < 0 && Exponential.ExpNonPositive(x) == 0f && Exponential.ExpNonPositive(MathF.BitIncrement(x)) > 0f);
            Assert.Contains(singles, x => float.IsSubnormal(Exponential.ExpNonPositive(x)));
            Assert.Contains(singles, x => Squash.Logistic(x) == 1f && Squash.Logistic(MathF.BitDecrement(x)) < 1f);
        }

        [Fact]
        public void Sigma_of_a_NaN_is_a_quiet_NaN_with_its_payload_and_the_sign_set_in_every_lane()
        {
            // σ evaluates e^−|x|: a NaN keeps its payload through every operation, is quietened by the first arithmetic
            // one, and leaves with the sign of −|x|. The exponential alone keeps the sign.
            const long Quiet = 0x0008000000000000, Sign = long.MinValue;
            foreach (var nan in LaneInputs.DoubleNaNs())
            {
                var bits = BitConverter.DoubleToInt64Bits(nan);
                var sigma = Squash.Logistic(nan);
                Assert.Equal(bits | Quiet | Sign, BitConverter.DoubleToInt64Bits(sigma));
                Assert.Equal(bits | Quiet, BitConverter.DoubleToInt64Bits(Exponential.ExpNonPositive(nan)));
                Assert.Equal(bits | Quiet | Sign, BitConverter.DoubleToInt64Bits(Squash.Logistic(Vector128.Create(nan)).GetElement(1)));
                Assert.Equal(bits | Quiet | Sign, BitConverter.DoubleToInt64Bits(Squash.Logistic(Vector256.Create(nan)).GetElement(3)));
                Assert.Equal(bits | Quiet | Sign, BitConverter.DoubleToInt64Bits(Squash.Logistic(Vector512.Create(nan)).GetElement(7)));
            }

            const int QuietSingle = 0x00400000, SignSingle = int.MinValue;
            foreach (var nan in LaneInputs.SingleNaNs())
            {
                var bits = BitConverter.SingleToInt32Bits(nan);
                Assert.Equal(bits | QuietSingle | SignSingle, BitConverter.SingleToInt32Bits(Squash.Logistic(nan)));
                Assert.Equal(bits | QuietSingle | SignSingle, BitConverter.SingleToInt32Bits(Squash.Logistic(Vector512.Create(nan)).GetElement(15)));
            }
        }

        [Fact]
        public void A_mismatch_in_one_lane_is_found()
        {
            // The comparison itself can fail: a twin whose eighth lane adds one ulp is caught, in that lane only.
            var logistic = LaneTwins.Double.Single(t => t.Name == "Logistic");
            var broken = logistic with
            {
                Lanes512 = (ref double x, ref double value, ref double derivative) =>
                {
                    logistic.Lanes512(ref x, ref value, ref derivative);
                    System.Runtime.CompilerServices.Unsafe.Add(ref value, 7) = Math.BitIncrement(System.Runtime.CompilerServices.Unsafe.Add(ref value, 7));
                },
            };
            var (count, first) = LaneTwins.Mismatches(broken, LaneInputs.RandomDoubles(96, 3), everyPosition: false);
            Assert.Equal(96 / 8, count);
            Assert.Contains("8 lanes, lane 7", first, StringComparison.Ordinal);
        }
    }
}
