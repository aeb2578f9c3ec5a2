using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class DeterminismTests
    {
        private static Sequence[] Draw(ISequenceTask task, ulong seed, int count)
        {
            var random = new SeededRandom(seed);
            return Enumerable.Range(0, count).Select(_ => task.Next(random)).ToArray();
        }

        private static bool Same(Sequence a, Sequence b) =>
            a.CopyInputs().SequenceEqual(b.CopyInputs()) && a.Targets.SequenceEqual(b.Targets) && a.HasTarget.SequenceEqual(b.HasTarget)
            && a.Class == b.Class && a.RelevantPositions.SequenceEqual(b.RelevantPositions);

        [Theory]
        [MemberData(nameof(TaskTestSupport.TaskKeys), MemberType = typeof(TaskTestSupport))]
        public void Same_seed_gives_identical_sequences_and_another_seed_different_ones(string key)
        {
            var task = TaskTestSupport.AllTasks[key]();
            var a = Draw(task, 1234, 20);
            var b = Draw(TaskTestSupport.AllTasks[key](), 1234, 20);
            var c = Draw(task, 1235, 20);
            Assert.All(a.Zip(b), pair => Assert.True(Same(pair.First, pair.Second)));
            Assert.Contains(a.Zip(c), pair => !Same(pair.First, pair.Second));
        }

        [Theory]
        [MemberData(nameof(TaskTestSupport.TaskKeys), MemberType = typeof(TaskTestSupport))]
        public void Sizes_match_the_task_and_outputs_equal_to_the_targets_have_zero_error(string key)
        {
            var task = TaskTestSupport.AllTasks[key]();
            foreach (var s in Draw(task, 99, 10))
            {
                Assert.Equal(task.InputSize, s.InputSize);
                Assert.Equal(task.OutputSize, s.OutputSize);
                Assert.True(s.LastTargetStep >= 0);
                Assert.Equal(s.Length - 1, s.LastTargetStep);
                var j = task.Judge(s, TaskTestSupport.PerfectOutputs(s));
                Assert.Equal(0.0, j.MaxAbsError);
                Assert.Equal(0.0, j.SquaredError);
                Assert.False(string.IsNullOrEmpty(task.Describe(s)));
                if (task is not EmbeddedReberTask)
                {
                    // Outputs equal to the noise-free targets are correct (3c's noisy targets need not be; Reber's
                    // one-hot targets cannot show two legal successors: both tested in their own classes).
                    Assert.True(task.Judge(s, (double[])(s.CleanTargets ?? s.Targets).Clone()).Correct);
                }
            }
        }
    }
}
