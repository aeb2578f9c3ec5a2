using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class NoiseSignalTaskTests
    {
        [Fact]
        public void Task_3a_lengths_cover_T_to_T_plus_T_over_10_and_the_signal_is_exact()
        {
            const int n = 3;
            var task = new NoiseSignalTask(NoiseSignalVariant.TwoSequence, 100, n);
            var random = new SeededRandom(31);
            var lengths = new HashSet<int>();
            var class1 = 0;
            for (var i = 0; i < 3000; i++)
            {
                var s = task.Next(random);
                lengths.Add(s.Length);
                Assert.InRange(s.Length, 100, 110);
                var sign = s.Class == 0 ? 1.0 : -1.0;
                for (var t = 0; t < n; t++)
                {
                    Assert.Equal(sign, s.Input(t)[0]);
                }

                Assert.Equal(1, s.HasTarget.Count(h => h));
                Assert.True(s.HasTarget[s.Length - 1]);
                Assert.Equal(s.Class == 0 ? 1.0 : 0.0, s.Target(s.Length - 1)[0]);
                Assert.Null(s.CleanTargets);
                Assert.Equal(new[] { 0, 1, 2 }, s.RelevantPositions);
                class1 += s.Class == 0 ? 1 : 0;
            }

            Assert.Equal(Enumerable.Range(100, 11), lengths.Order());
            Assert.InRange(class1, 1400, 1600);
        }

        [Fact]
        public void Noise_elements_have_mean_0_and_variance_0_2()
        {
            var task = new NoiseSignalTask(NoiseSignalVariant.TwoSequence, 100, 1);
            var random = new SeededRandom(32);
            var noise = new List<double>();
            for (var i = 0; i < 2000; i++)
            {
                var s = task.Next(random);
                noise.AddRange(s.CopyInputs().Skip(1));
            }

            // ≈ 209000 samples: SE of the mean ≈ 0.001, of the variance ≈ 0.2 * sqrt(2/n) ≈ 0.0006.
            var (mean, variance) = TaskTestSupport.MeanAndVariance(noise);
            Assert.InRange(mean, -0.005, 0.005);
            Assert.InRange(variance, 0.197, 0.203);
        }

        [Fact]
        public void Task_3b_adds_the_same_noise_to_the_information_carrying_elements()
        {
            const int n = 3;
            var task = new NoiseSignalTask(NoiseSignalVariant.NoisyInformation, 100, n);
            var random = new SeededRandom(33);
            var deviations = new List<double>();
            for (var i = 0; i < 10000; i++)
            {
                var s = task.Next(random);
                var sign = s.Class == 0 ? 1.0 : -1.0;
                for (var t = 0; t < n; t++)
                {
                    deviations.Add(s.Input(t)[0] - sign);
                }

                Assert.Equal(s.Class == 0 ? 1.0 : 0.0, s.Target(s.Length - 1)[0]);
            }

            var (mean, variance) = TaskTestSupport.MeanAndVariance(deviations);
            Assert.InRange(mean, -0.01, 0.01);
            Assert.InRange(variance, 0.19, 0.21);
        }

        [Fact]
        public void Task_3c_targets_are_0_2_or_0_8_plus_noise_of_variance_0_1()
        {
            var task = new NoiseSignalTask(NoiseSignalVariant.NoisyTargets, 100, 1);
            var random = new SeededRandom(34);
            var noise = new List<double>();
            for (var i = 0; i < 20000; i++)
            {
                var s = task.Next(random);
                var end = s.Length - 1;
                var clean = s.CleanTarget(end)[0];
                Assert.Equal(s.Class == 0 ? 0.2 : 0.8, clean);
                Assert.Equal(s.Class == 0 ? 1.0 : -1.0, s.Input(0)[0]);
                noise.Add(s.Target(end)[0] - clean);
            }

            var (mean, variance) = TaskTestSupport.MeanAndVariance(noise);
            Assert.InRange(mean, -0.01, 0.01);
            Assert.InRange(variance, 0.097, 0.103); // SE ≈ 0.001
        }

        [Fact]
        public void Task_3a_is_correct_below_0_2_at_the_end()
        {
            var task = new NoiseSignalTask(NoiseSignalVariant.TwoSequence, 100, 1);
            var s = task.Next(new SeededRandom(35));
            var y = s.NewOutputBuffer();
            var target = s.Target(s.Length - 1)[0];
            y[^1] = target + (target > 0.5 ? -0.19 : 0.19);
            Assert.True(task.Judge(s, y).Correct);
            y[^1] = target + (target > 0.5 ? -0.21 : 0.21);
            Assert.False(task.Judge(s, y).Correct);
        }

        [Fact]
        public void Task_3c_is_judged_against_the_noise_free_target()
        {
            var task = new NoiseSignalTask(NoiseSignalVariant.NoisyTargets, 100, 1);
            var random = new SeededRandom(36);
            var s = task.Next(random);
            while (Math.Abs(s.Targets[^1] - s.CleanTargets![^1]) < 0.2)
            {
                s = task.Next(random); // one whose noisy target is far from the clean one
            }

            var clean = s.CleanTargets![^1];
            var y = s.NewOutputBuffer();
            y[^1] = clean + 0.09;
            var good = task.Judge(s, y);
            Assert.True(good.Correct);
            Assert.Equal(0.09, good.EndCleanAbsError, 12);
            Assert.True(good.EndAbsError > 0.1);
            y[^1] = clean - 0.11;
            Assert.False(task.Judge(s, y).Correct);
        }

        [Fact]
        public void Names_follow_the_paper()
        {
            Assert.Equal("3a", new NoiseSignalTask(NoiseSignalVariant.TwoSequence).Name);
            Assert.Equal("3b", new NoiseSignalTask(NoiseSignalVariant.NoisyInformation).Name);
            Assert.Equal("3c", new NoiseSignalTask(NoiseSignalVariant.NoisyTargets).Name);
            Assert.Equal(1100, new NoiseSignalTask(NoiseSignalVariant.TwoSequence, 1000).MaxLength);
        }
    }
}
