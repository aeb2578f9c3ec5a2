using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class LongLagTaskTests
    {
        [Fact]
        public void Task_2a_draws_exactly_the_two_sequences_about_equally_often()
        {
            const int p = 100;
            var task = new LongLagTask(LongLagVariant.NoiseFree, p);
            Assert.Equal(101, task.InputSize);
            Assert.Equal(101, task.OutputSize);
            var middle = Enumerable.Range(0, p - 1).ToArray(); // a_1 .. a_{p-1}
            int[] withX = [task.SymbolX, .. middle, task.SymbolX];
            int[] withY = [task.SymbolY, .. middle, task.SymbolY];
            var random = new SeededRandom(5);
            var ys = 0;
            for (var i = 0; i < 2000; i++)
            {
                var s = task.Next(random);
                Assert.Equal(p + 1, s.Symbols!.Length);
                Assert.True(s.Symbols.SequenceEqual(withX) || s.Symbols.SequenceEqual(withY));
                ys += s.Symbols[0] == task.SymbolY ? 1 : 0;
                Assert.Equal(s.Symbols[0] == task.SymbolY ? 1 : 0, s.Class);
            }

            Assert.InRange(ys, 920, 1080);
        }

        [Fact]
        public void Every_step_predicts_the_next_symbol()
        {
            var task = new LongLagTask(LongLagVariant.NoLocalRegularities, 12);
            var s = task.Next(new SeededRandom(9));
            Assert.Equal(12, s.Length);
            for (var t = 0; t < s.Length; t++)
            {
                Assert.True(s.HasTarget[t]);
                Assert.Equal(s.Symbols![t], TaskTestSupport.OneHotIndex(s.Input(t)));
                Assert.Equal(s.Symbols![t + 1], TaskTestSupport.OneHotIndex(s.Target(t)));
            }
        }

        [Fact]
        public void Task_2b_middle_symbols_are_uniform_over_a1_to_ap_minus_1()
        {
            const int p = 10;
            var task = new LongLagTask(LongLagVariant.NoLocalRegularities, p);
            var random = new SeededRandom(6);
            var counts = new int[p + 1];
            for (var i = 0; i < 3000; i++)
            {
                var s = task.Next(random).Symbols!;
                Assert.True(s[0] == task.SymbolX || s[0] == task.SymbolY);
                Assert.Equal(s[0], s[p]);
                for (var j = 1; j < p; j++)
                {
                    Assert.InRange(s[j], 0, p - 2);
                    counts[s[j]]++;
                }
            }

            // 27000 middle symbols over 9 symbols: 3000 each, sd ≈ 52.
            for (var k = 0; k < p - 1; k++)
            {
                Assert.InRange(counts[k], 2750, 3250);
            }

            Assert.Equal(0, counts[p - 1] + counts[p]);
        }

        [Fact]
        public void Task_2a_is_judged_at_every_step_and_2b_at_the_end()
        {
            var a = new LongLagTask(LongLagVariant.NoiseFree, 10);
            var b = new LongLagTask(LongLagVariant.NoLocalRegularities, 10);
            Assert.True(a.JudgeEveryStep);
            Assert.False(b.JudgeEveryStep);
            foreach (var task in new[] { a, b })
            {
                var s = task.Next(new SeededRandom(1));
                var y = TaskTestSupport.PerfectOutputs(s);
                Assert.True(task.Judge(s, y).Correct);
                y[(4 * s.OutputSize) + 3] = 0.3; // a middle step off by 0.3
                Assert.Equal(task == b, task.Judge(s, y).Correct);
                var atEnd = TaskTestSupport.PerfectOutputs(s);
                atEnd[((s.Length - 1) * s.OutputSize) + s.Symbols![^1]] = 0.74; // the final x/y off by 0.26
                Assert.False(task.Judge(s, atEnd).Correct);
                atEnd[((s.Length - 1) * s.OutputSize) + s.Symbols![^1]] = 0.76;
                Assert.True(task.Judge(s, atEnd).Correct);
            }

            Assert.True(new LongLagTask(LongLagVariant.NoLocalRegularities, 10, judgeEveryStep: true).JudgeEveryStep);
            Assert.Equal(new[] { "2a", "2b" }, new List<string> { a.Name, b.Name });
        }

        [Theory]
        [InlineData("noise-free")]
        [InlineData("no-local-regularities")]
        public void The_row_key_task_targets_teaches_the_final_symbol_alone(string variant)
        {
            var kind = TaskCatalog.All.Single(k => k.Name == "long-lag");
            Assert.Equal("every-step", kind.Parameters.Single(p => p.Key == "targets").Default);
            var values = new Dictionary<string, object> { ["variant"] = variant, ["p"] = 10, ["judge"] = "by-variant", ["targets"] = "sequence-end" };
            var task = (LongLagTask)kind.Create(new ParameterValues(values));
            Assert.False(task.TaughtEveryStep);
            var random = new SeededRandom(3);
            for (var i = 0; i < 20; i++)
            {
                var s = task.Next(random);
                Assert.Equal(10, s.Length);
                Assert.Equal(s.Length - 1, s.LastTargetStep);
                for (var t = 0; t < s.Length; t++)
                {
                    Assert.Equal(t == s.Length - 1, s.HasTarget[t]);
                    Assert.Equal(s.Symbols![t], TaskTestSupport.OneHotIndex(s.Input(t)));
                }

                // The final x/y, the first symbol again.
                Assert.Equal(s.Symbols![0], TaskTestSupport.OneHotIndex(s.Target(s.Length - 1)));
                var y = TaskTestSupport.PerfectOutputs(s);
                Assert.True(task.Judge(s, y).Correct);
                y[((s.Length - 1) * s.OutputSize) + s.Symbols![0]] = 0.7;
                Assert.False(task.Judge(s, y).Correct);
            }

            // The default: every step is taught (§5).
            values["targets"] = "every-step";
            Assert.True(((LongLagTask)kind.Create(new ParameterValues(values))).TaughtEveryStep);
        }

        [Theory]
        [InlineData("noise-free", "by-variant", true)]
        [InlineData("no-local-regularities", "by-variant", false)]
        [InlineData("noise-free", "sequence-end", false)]
        [InlineData("no-local-regularities", "every-step", true)]
        [InlineData("noise-free", "every-step", true)]
        [InlineData("no-local-regularities", "sequence-end", false)]
        public void The_row_key_task_judge_chooses_where_ABS_is_judged(string variant, string judge, bool everyStep)
        {
            var kind = TaskCatalog.All.Single(k => k.Name == "long-lag");
            Assert.Equal("by-variant", kind.Parameters.Single(p => p.Key == "judge").Default);
            var values = new Dictionary<string, object> { ["variant"] = variant, ["p"] = 10, ["judge"] = judge, ["targets"] = "every-step" };
            var task = (LongLagTask)kind.Create(new ParameterValues(values));
            Assert.Equal(everyStep, task.JudgeEveryStep);
        }
    }
}
