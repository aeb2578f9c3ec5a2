using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class MarkedPairsTaskTests
    {
        private static double Value(Sequence s, int t) => s.Input(t)[0];

        private static double Marker(Sequence s, int t) => s.Input(t)[1];

        /// <summary>Checks the marker rules and returns the two marked positions, found from the inputs alone.</summary>
        private static (int First, int Second) CheckMarkers(Sequence s)
        {
            var marked = Enumerable.Range(0, s.Length).Where(t => Marker(s, t) == 1.0).ToArray();
            Assert.Equal(2, marked.Length);
            for (var t = 0; t < s.Length; t++)
            {
                if (marked.Contains(t))
                {
                    continue;
                }

                Assert.Equal(t == 0 || t == s.Length - 1 ? -1.0 : 0.0, Marker(s, t));
            }

            Assert.Equal(s.RelevantPositions.Order(), marked);
            return (s.RelevantPositions[0], s.RelevantPositions[1]);
        }

        [Theory]
        [InlineData(100)]
        [InlineData(1000)]
        public void Adding_sequences_follow_the_marking_rules_and_the_target_formula(int t)
        {
            var task = new AddingTask(t);
            var random = new SeededRandom(41);
            var lengths = new HashSet<int>();
            var secondPositions = new HashSet<int>();
            var firstPairMarked = 0;
            for (var i = 0; i < 2000; i++)
            {
                var s = task.Next(random);
                Assert.InRange(s.Length, t, t + (t / 10));
                lengths.Add(s.Length);
                var (x1, x2) = CheckMarkers(s);
                Assert.InRange(x1, 0, 9);
                Assert.InRange(x2, 0, (t / 2) - 2);
                Assert.NotEqual(x1, x2);
                secondPositions.Add(x2);
                for (var p = 0; p < s.Length; p++)
                {
                    Assert.InRange(Value(s, p), -1.0, 1.0);
                }

                if (x1 == 0)
                {
                    firstPairMarked++;
                    Assert.Equal(0.0, Value(s, 0));
                }

                Assert.Equal(1, s.HasTarget.Count(h => h));
                var target = s.Target(s.Length - 1)[0];
                Assert.Equal(0.5 + ((Value(s, x1) + Value(s, x2)) / 4.0), target, 15);
                Assert.InRange(target, 0.0, 1.0);
            }

            Assert.Equal((t / 10) + 1, lengths.Count); // every length T .. T + T/10 occurs
            Assert.Contains((t / 2) - 2, secondPositions);
            Assert.InRange(firstPairMarked, 140, 260); // 1/10 of 2000
        }

        [Fact]
        public void The_literal_reading_lets_the_second_mark_reach_position_T_over_2_minus_1()
        {
            var task = new AddingTask(100, SecondMarkRange.FirstUnmarkedPairs);
            var random = new SeededRandom(42);
            var seen = new HashSet<int>();
            for (var i = 0; i < 5000; i++)
            {
                var (x1, x2) = CheckMarkers(task.Next(random));
                Assert.InRange(x2, 0, 49);
                Assert.NotEqual(x1, x2);
                seen.Add(x2);
            }

            Assert.Contains(49, seen);
            Assert.Contains(0, seen);
        }

        [Fact]
        public void Second_mark_is_uniform_over_its_candidates()
        {
            // Default, T = 100: positions 0..48 minus X1's, 48 candidates, each ≈ 1/48.
            var task = new AddingTask(100);
            var random = new SeededRandom(43);
            var counts = new int[50];
            const int n = 48000;
            for (var i = 0; i < n; i++)
            {
                counts[task.Next(random).RelevantPositions[1]]++;
            }

            // Positions 10..48 are never X1, so each is hit with probability exactly 1/48 (expected 1000, sd ≈ 31).
            for (var p = 10; p <= 48; p++)
            {
                Assert.InRange(counts[p], 860, 1140);
            }

            Assert.Equal(0, counts[49]);
        }

        [Fact]
        public void Multiplication_values_lie_in_0_1_and_the_target_is_the_product()
        {
            var task = new MultiplicationTask(100);
            var random = new SeededRandom(44);
            var firstPairMarked = 0;
            for (var i = 0; i < 2000; i++)
            {
                var s = task.Next(random);
                var (x1, x2) = CheckMarkers(s);
                for (var p = 0; p < s.Length; p++)
                {
                    Assert.InRange(Value(s, p), 0.0, 1.0);
                }

                if (x1 == 0)
                {
                    firstPairMarked++;
                    Assert.Equal(1.0, Value(s, 0));
                }

                var target = s.Target(s.Length - 1)[0];
                Assert.Equal(Value(s, x1) * Value(s, x2), target, 15);
                Assert.InRange(target, 0.0, 1.0);
            }

            Assert.True(firstPairMarked > 100);
        }

        [Fact]
        public void Judge_is_abs_0_04_at_the_end()
        {
            foreach (MarkedPairsTask task in new MarkedPairsTask[] { new AddingTask(), new MultiplicationTask() })
            {
                var s = task.Next(new SeededRandom(45));
                var y = s.NewOutputBuffer();
                y[^1] = s.Targets[^1] + 0.039;
                Assert.True(task.Judge(s, y).Correct);
                y[^1] = s.Targets[^1] - 0.041;
                var wrong = task.Judge(s, y);
                Assert.False(wrong.Correct);
                Assert.Equal(0.041 * 0.041, wrong.SquaredError, 12);
            }
        }

        [Fact]
        public void T_below_22_is_rejected()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new AddingTask(20));
        }
    }
}
