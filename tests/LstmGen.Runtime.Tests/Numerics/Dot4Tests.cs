using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests.Numerics
{
    /// <summary>
    /// <see cref="Kernels.Dot4"/>: four rows' net inputs in one vector, each lane bit for bit the row as the generator
    /// writes it out term by term (the order the paper networks' results were computed in, pinned by TraceDigestTests).
    /// </summary>
    public sealed class Dot4Tests
    {
        /// <summary>
        /// The order of a row written out (NetworkEmitter's UnrolledDot): eight interleaved partial sums, each starting
        /// from its first term, combined as ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), then the rest one by one.
        /// </summary>
        private static double WrittenOut(double[] w, int row, double[] y, int source, int count)
        {
            var whole = count / 8 * 8;
            var s = new double[8];
            for (var l = 0; l < 8; l++)
            {
                s[l] = w[row + l] * y[source + l];
                for (var i = l + 8; i < whole; i += 8)
                {
                    s[l] += w[row + i] * y[source + i];
                }
            }

            var sum = ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
            for (var i = whole; i < count; i++)
            {
                sum += w[row + i] * y[source + i];
            }

            return sum;
        }

        /// <summary>Values over twelve orders of magnitude and both signs, so that the order of a sum shows in its bits.</summary>
        private static double Wide(Random random) => (random.Next(2) == 0 ? -1 : 1) * Math.Pow(10, (random.NextDouble() * 12) - 6);

        public static IEnumerable<object[]> Shapes()
        {
            // (counts of the four rows): equal, a cell without the gates' bias, every tail length, two and three chunks of 8.
            yield return [8, 8, 8, 8];
            yield return [11, 11, 11, 11];
            yield return [13, 13, 12, 12];
            yield return [13, 12, 13, 13];
            yield return [8, 15, 9, 14];
            yield return [16, 17, 23, 16];
            yield return [24, 31, 30, 25];
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Every_lane_is_its_row_written_out_bit_for_bit(int countA, int countB, int countC, int countD)
        {
            var random = new Random(countA * 1000 + countB * 100 + countC * 10 + countD);
            int[] counts = [countA, countB, countC, countD];
            var stride = 40;
            var w = new double[(4 * stride) + 3];
            var y = new double[50];
            var source = 5;
            var orderShows = false;
            for (var round = 0; round < 200; round++)
            {
                for (var i = 0; i < w.Length; i++)
                {
                    w[i] = Wide(random);
                }

                for (var i = 0; i < y.Length; i++)
                {
                    y[i] = Wide(random);
                }

                int[] rows = [3, 3 + stride, 3 + (2 * stride), 3 + (3 * stride)];
                var lanes = Kernels.Dot4(w, y, source, rows[0], counts[0], rows[1], counts[1], rows[2], counts[2], rows[3], counts[3]);
                for (var r = 0; r < 4; r++)
                {
                    var expected = WrittenOut(w, rows[r], y, source, counts[r]);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(lanes.GetElement(r)));

                    var sequential = 0.0;
                    for (var i = 0; i < counts[r]; i++)
                    {
                        sequential += w[rows[r] + i] * y[source + i];
                    }

                    orderShows |= sequential != expected;
                }
            }

            // The data is such that another order gives other bits: the test could see a wrong order.
            Assert.True(orderShows);
        }

        [Theory]
        [InlineData(8)]
        [InlineData(13)]
        [InlineData(24)]
        [InlineData(31)]
        public void The_scalar_twin_without_AVX_sums_a_row_in_the_same_order(int count)
        {
            // Machines without AVX (and DOTNET_EnableAVX=0) take Kernels.RowSum; AVX machines never do, so it is called here.
            var random = new Random(count);
            var w = new double[40];
            var y = new double[40];
            for (var round = 0; round < 500; round++)
            {
                for (var i = 0; i < 40; i++)
                {
                    w[i] = Wide(random);
                    y[i] = Wide(random);
                }

                var expected = WrittenOut(w, 2, y, 3, count);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(Kernels.RowSum(ref w[2], ref y[3], count)));
            }
        }

        [Fact]
        public void A_row_that_has_ended_keeps_its_sum_whatever_follows_it()
        {
            // Row B has 8 terms and is followed by row C's weights; rows A, C and D read 12 sources. B's lane must not take
            // the four terms after its end (they would add 0.5*9 + 1*10 + 1.5*11 + 2*12 to its 36).
            var w = new double[60];
            var y = new double[12];
            for (var i = 0; i < 12; i++)
            {
                y[i] = i + 1;
                w[i] = w[20 + i] = w[40 + i] = 0.5 * (i + 1);
            }

            for (var i = 0; i < 8; i++)
            {
                w[12 + i] = 1.0;
            }

            var lanes = Kernels.Dot4(w, y, 0, 0, 12, 12, 8, 20, 12, 40, 12);
            Assert.Equal(36.0, lanes.GetElement(1)); // 1 + 2 + ... + 8
            Assert.Equal(WrittenOut(w, 0, y, 0, 12), lanes.GetElement(0));
        }

        [Fact]
        public void Rows_that_are_too_short_of_different_chunk_counts_or_outside_the_spans_are_refused()
        {
            var w = new double[64];
            var y = new double[20];
            Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Dot4(w, y, 0, 0, 7, 8, 7, 16, 7, 24, 7));
            Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Dot4(w, y, 0, 0, 8, 8, 16, 24, 8, 32, 8));
            Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Dot4(w, y, 0, 0, 8, 8, 8, 16, 8, 60, 8));
            Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Dot4(w, y, 14, 0, 8, 8, 8, 16, 8, 24, 8));
        }

        [Fact]
        public void The_vector_logistic_writes_each_lane_as_the_scalar_one()
        {
            var x = Vector256.Create(-3.25, 0.0, 1e-9, 40.0);
            var sigma = new double[5];
            Squash.Logistic(x, sigma.AsSpan(1));
            for (var r = 0; r < 4; r++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Squash.Logistic(x.GetElement(r))), BitConverter.DoubleToInt64Bits(sigma[r + 1]));
            }

            Assert.Equal(0.0, sigma[0]);
            Assert.Throws<ArgumentException>(() => Squash.Logistic(x, new double[3]));
        }
    }
}
