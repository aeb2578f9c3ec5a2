using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class ReberDataSetTests
    {
        [Fact]
        public void Sets_have_256_strings_and_the_test_set_avoids_the_training_set()
        {
            var task = new EmbeddedReberTask();
            var data = new ReberDataSet(task, new SeededRandom(7));
            Assert.Equal(256, data.Training.Count);
            Assert.Equal(256, data.Test.Count);
            var training = new HashSet<string>(data.Training.Select(task.Describe));
            foreach (var s in data.Test)
            {
                Assert.DoesNotContain(task.Describe(s), training);
                Assert.False(data.InTrainingSet(task.Describe(s)));
            }

            // Drawn as generated: the short strings (each of the 4 nine-symbol strings has probability 1/16) repeat.
            Assert.True(training.Count < 256);
            Assert.True(data.InTrainingSet(task.Describe(data.Training[0])));
        }

        [Fact]
        public void Same_seed_gives_the_same_sets_and_another_seed_other_sets()
        {
            var task = new EmbeddedReberTask();
            string Join(ReberDataSet d) => string.Join(",", d.Training.Concat(d.Test).Select(task.Describe));
            var a = Join(new ReberDataSet(task, new SeededRandom(3)));
            Assert.Equal(a, Join(new ReberDataSet(task, new SeededRandom(3))));
            Assert.NotEqual(a, Join(new ReberDataSet(task, new SeededRandom(4))));
        }

        [Fact]
        public void Training_exemplars_are_picked_from_the_training_set_uniformly()
        {
            var data = new ReberDataSet(new EmbeddedReberTask(), new SeededRandom(11), trainingCount: 4, testCount: 2);
            var random = new SeededRandom(12);
            var counts = new Dictionary<Sequence, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < 4000; i++)
            {
                var s = data.PickTraining(random);
                Assert.Contains(s, data.Training);
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }

            Assert.Equal(4, counts.Count);
            Assert.All(counts.Values, c => Assert.InRange(c, 900, 1100));
        }
    }
}
