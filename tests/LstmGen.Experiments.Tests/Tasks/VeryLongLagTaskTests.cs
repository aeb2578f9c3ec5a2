using System;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class VeryLongLagTaskTests
    {
        private const int P = 10;
        private const int Q = 20;

        [Fact]
        public void Sequences_are_b_c_distractors_e_c_with_the_target_only_when_e_is_read()
        {
            var task = new VeryLongLagTask(P, Q);
            Assert.Equal(P + 4, task.InputSize);
            Assert.Equal(2, task.OutputSize);
            var random = new SeededRandom(21);
            for (var i = 0; i < 500; i++)
            {
                var s = task.Next(random);
                var sym = s.Symbols!;
                var n = sym.Length;
                Assert.True(n >= Q + 4);
                Assert.Equal(n - 1, s.Length);
                Assert.Equal(task.SymbolB, sym[0]);
                Assert.True(sym[1] == task.SymbolX || sym[1] == task.SymbolY);
                Assert.Equal(sym[1], sym[n - 1]);
                Assert.Equal(task.SymbolE, sym[n - 2]);
                Assert.Equal(1, sym.Count(x => x == task.SymbolE));
                Assert.All(sym.Skip(2).Take(n - 4), x => Assert.InRange(x, 0, P - 1));

                Assert.Equal(1, s.HasTarget.Count(h => h));
                Assert.True(s.HasTarget[s.Length - 1]);
                Assert.Equal(task.SymbolE, TaskTestSupport.OneHotIndex(s.Input(s.Length - 1)));
                Assert.Equal(sym[1] == task.SymbolX ? 0 : 1, TaskTestSupport.OneHotIndex(s.Target(s.Length - 1)));
                Assert.Equal(s.Class, TaskTestSupport.OneHotIndex(s.Target(s.Length - 1)));
                for (var t = 0; t < s.Length; t++)
                {
                    Assert.Equal(sym[t], TaskTestSupport.OneHotIndex(s.Input(t)));
                }
            }
        }

        [Fact]
        public void Extra_distractor_count_is_geometric_with_mean_9()
        {
            // k ~ Geometric on {0, 1, ...} with continuation 9/10: mean 0.9/0.1 = 9, sd sqrt(0.9)/0.1 ≈ 9.5, P(k = 0) = 0.1.
            var task = new VeryLongLagTask(P, Q);
            var random = new SeededRandom(22);
            const int n = 20000;
            var ks = new double[n];
            for (var i = 0; i < n; i++)
            {
                ks[i] = task.Next(random).Symbols!.Length - Q - 4;
                Assert.True(ks[i] >= 0);
            }

            Assert.InRange(ks.Average(), 8.8, 9.2); // SE ≈ 0.067
            Assert.InRange(ks.Count(k => k == 0) / (double)n, 0.09, 0.11);
            Assert.InRange(ks.Count(k => k == 1) / (double)n, 0.08, 0.10); // 0.1 * 0.9
        }

        [Fact]
        public void Each_distractor_occurs_q_plus_9_over_p_times_on_average()
        {
            // E[count of a_i] = E[q + k]/p = (q + 9)/p = 2.9; per-sequence variance (q + 9)/p (1 - 1/p) + Var(k)/p² ≈ 3.51,
            // so over 5000 sequences the SE is ≈ 0.026.
            var task = new VeryLongLagTask(P, Q);
            var random = new SeededRandom(23);
            const int n = 5000;
            var counts = new int[P];
            for (var i = 0; i < n; i++)
            {
                foreach (var x in task.Next(random).Symbols!)
                {
                    if (x < P)
                    {
                        counts[x]++;
                    }
                }
            }

            foreach (var c in counts)
            {
                Assert.InRange(c / (double)n, 2.9 - 0.12, 2.9 + 0.12);
            }
        }

        [Fact]
        public void Judge_is_abs_0_2_on_both_outputs_at_the_end()
        {
            var task = new VeryLongLagTask(P, Q);
            var s = task.Next(new SeededRandom(24));
            var y = s.NewOutputBuffer();
            var end = s.Length - 1;
            y[(2 * end) + s.Class] = 0.81;
            y[(2 * end) + (1 - s.Class)] = 0.19;
            y[0] = 0.9; // steps without target do not count
            Assert.True(task.Judge(s, y).Correct);
            y[(2 * end) + (1 - s.Class)] = 0.2;
            var wrong = task.Judge(s, y);
            Assert.False(wrong.Correct);
            Assert.Equal(0.2, wrong.EndAbsError, 12);
        }

        [Fact]
        public void Rejects_a_probability_of_one()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new VeryLongLagTask(P, Q, 1.0));
        }
    }
}
