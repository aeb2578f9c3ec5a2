using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class TemporalOrderTaskTests
    {
        [Theory]
        [InlineData(TemporalOrderVariant.TwoSymbols, new[] { 9, 49 }, new[] { 19, 59 })]
        [InlineData(TemporalOrderVariant.ThreeSymbols, new[] { 9, 32, 65 }, new[] { 19, 42, 75 })]
        public void Sequences_start_with_E_end_with_B_and_hold_X_or_Y_only_in_the_windows(TemporalOrderVariant variant, int[] low, int[] high)
        {
            // 1-based paper positions (E = position 1), so t1 ∈ [10, 20] is index 9..19.
            var task = new TemporalOrderTask(variant);
            Assert.Equal(8, task.InputSize);
            Assert.Equal(variant == TemporalOrderVariant.TwoSymbols ? 4 : 8, task.OutputSize);
            var random = new SeededRandom(51);
            var lengths = new HashSet<int>();
            var seenPositions = low.Select(_ => new HashSet<int>()).ToArray();
            for (var i = 0; i < 3000; i++)
            {
                var s = task.Next(random);
                var sym = s.Symbols!;
                Assert.InRange(s.Length, 100, 110);
                lengths.Add(s.Length);
                Assert.Equal(TemporalOrderTask.E, sym[0]);
                Assert.Equal(TemporalOrderTask.B, sym[^1]);
                var relevant = Enumerable.Range(0, sym.Length).Where(t => sym[t] >= TemporalOrderTask.X).ToArray();
                Assert.Equal(s.RelevantPositions, relevant);
                Assert.Equal(low.Length, relevant.Length);
                var cls = 0;
                for (var r = 0; r < relevant.Length; r++)
                {
                    Assert.InRange(relevant[r], low[r], high[r]);
                    seenPositions[r].Add(relevant[r]);
                    cls = (2 * cls) + (sym[relevant[r]] == TemporalOrderTask.Y ? 1 : 0);
                }

                Assert.Equal(cls, s.Class);
                Assert.All(sym.Skip(1).SkipLast(1).Where((_, t) => !relevant.Contains(t + 1)), x => Assert.InRange(x, 2, 5));
                for (var t = 0; t < s.Length; t++)
                {
                    Assert.Equal(sym[t], TaskTestSupport.OneHotIndex(s.Input(t)));
                    Assert.Equal(t == s.Length - 1, s.HasTarget[t]);
                }

                Assert.Equal(cls, TaskTestSupport.OneHotIndex(s.Target(s.Length - 1)));
            }

            Assert.Equal(Enumerable.Range(100, 11), lengths.Order());
            for (var r = 0; r < low.Length; r++)
            {
                Assert.Equal(Enumerable.Range(low[r], 11), seenPositions[r].Order());
            }
        }

        [Theory]
        [InlineData(TemporalOrderVariant.TwoSymbols, 4, 0.02)]
        [InlineData(TemporalOrderVariant.ThreeSymbols, 8, 0.015)]
        public void Classes_are_balanced(TemporalOrderVariant variant, int classes, double tolerance)
        {
            var task = new TemporalOrderTask(variant);
            var random = new SeededRandom(52);
            const int n = 8000;
            var counts = new int[classes];
            for (var i = 0; i < n; i++)
            {
                counts[task.Next(random).Class]++;
            }

            Assert.All(counts, c => Assert.InRange(c / (double)n, (1.0 / classes) - tolerance, (1.0 / classes) + tolerance));
        }

        [Fact]
        public void Class_names_follow_the_paper()
        {
            var a = new TemporalOrderTask(TemporalOrderVariant.TwoSymbols);
            var b = new TemporalOrderTask(TemporalOrderVariant.ThreeSymbols);
            Assert.Equal(new[] { "Q", "R", "S", "U" }, a.ClassNames);
            Assert.Equal(new[] { "Q", "R", "S", "U", "V", "A", "B", "C" }, b.ClassNames);
            var s = a.Next(new SeededRandom(53));
            var xy = string.Concat(s.RelevantPositions.Select(t => TemporalOrderTask.SymbolNames[s.Symbols![t]]));
            var expected = xy switch { "XX" => "Q", "XY" => "R", "YX" => "S", _ => "U" };
            Assert.EndsWith("-> " + expected, a.Describe(s), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Zero_based_positions_shift_the_windows_by_one()
        {
            var task = new TemporalOrderTask(TemporalOrderVariant.TwoSymbols, PositionBase.ZeroBased);
            Assert.Equal(new[] { (10, 20), (50, 60) }, task.RelevantWindows);
            var random = new SeededRandom(54);
            var first = new HashSet<int>();
            for (var i = 0; i < 2000; i++)
            {
                first.Add(task.Next(random).RelevantPositions[0]);
            }

            Assert.Equal(Enumerable.Range(10, 11), first.Order());
        }

        [Fact]
        public void Judge_is_abs_0_3_on_all_outputs_at_the_end()
        {
            var task = new TemporalOrderTask(TemporalOrderVariant.ThreeSymbols);
            var s = task.Next(new SeededRandom(55));
            var y = TaskTestSupport.PerfectOutputs(s);
            var end = (s.Length - 1) * 8;
            y[end + s.Class] = 0.71;
            y[end + ((s.Class + 1) % 8)] = 0.29;
            Assert.True(task.Judge(s, y).Correct);
            y[end + ((s.Class + 2) % 8)] = 0.3;
            Assert.False(task.Judge(s, y).Correct);
        }
    }
}
