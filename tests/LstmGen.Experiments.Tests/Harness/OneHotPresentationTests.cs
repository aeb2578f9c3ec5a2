using System;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>
    /// The trials feed one-hot sequences to one-hot networks by the index of each step's active input
    /// (<see cref="SequenceRunner.TrainSteps"/>); that must train exactly as the vectors would.
    /// </summary>
    public sealed class OneHotPresentationTests
    {
        public static TheoryData<string> Cases => new() { "2c", "6a", "reber" };

        private static (ILstmNetwork Network, ISequenceTask Task) Create(string key) => key switch
        {
            "2c" => (PaperNetworks.Find("Exp2cP50")!.Create(), new VeryLongLagTask(p: 50, q: 50)),
            "6a" => (PaperNetworks.Find("Exp6aTemporalOrder")!.Create(), new TemporalOrderTask(TemporalOrderVariant.TwoSymbols)),
            _ => (PaperNetworks.Find("Exp1Reber3x2")!.Create(), new EmbeddedReberTask()),
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Training_by_index_gives_the_bits_of_training_by_vector(string key)
        {
            var (byIndex, task) = Create(key);
            var (byVector, _) = Create(key);
            Assert.IsAssignableFrom<IOneHotNetwork>(byIndex);
            byIndex.InitializeWeights(11);
            byVector.InitializeWeights(11);
            var random = new SeededRandom(12);
            var indexOutputs = Array.Empty<double>();
            for (var n = 0; n < 20; n++)
            {
                var sequence = task.Next(random);
                Assert.True(sequence.IsOneHot);

                SequenceRunner.Train(byIndex, task, sequence, ref indexOutputs);
                var vectorOutputs = new double[sequence.Length * sequence.OutputSize];
                byVector.Reset();
                for (var t = 0; t < sequence.Length; t++)
                {
                    byVector.TrainStep(sequence.Input(t), sequence.Target(t), vectorOutputs.AsSpan(t * sequence.OutputSize, sequence.OutputSize));
                }

                byVector.EndSequence();

                // The runner fills the target steps' slots (the judges read no others).
                for (var t = 0; t < sequence.Length; t++)
                {
                    if (sequence.HasTarget[t])
                    {
                        var slot = new Range(t * sequence.OutputSize, (t + 1) * sequence.OutputSize);
                        Assert.Equal(vectorOutputs[slot].Select(BitConverter.DoubleToInt64Bits), indexOutputs[slot].Select(BitConverter.DoubleToInt64Bits));
                    }
                }
            }

            var a = new double[byIndex.WeightCount];
            var b = new double[byVector.WeightCount];
            byIndex.CopyWeightsTo(a);
            byVector.CopyWeightsTo(b);
            Assert.Equal(b.Select(BitConverter.DoubleToInt64Bits), a.Select(BitConverter.DoubleToInt64Bits));
        }

        [Theory]
        [MemberData(nameof(LstmGen.Experiments.Tests.Tasks.TaskTestSupport.TaskKeys), MemberType = typeof(LstmGen.Experiments.Tests.Tasks.TaskTestSupport))]
        public void Judges_read_the_target_steps_only(string key)
        {
            // The trials leave the slots of target-less steps as they were (their outputs are not computed).
            var task = LstmGen.Experiments.Tests.Tasks.TaskTestSupport.AllTasks[key]();
            var random = new SeededRandom(31);
            var values = new Random(37);
            for (var n = 0; n < 10; n++)
            {
                var sequence = task.Next(random);
                var poisoned = new double[sequence.Length * sequence.OutputSize];
                var plain = new double[poisoned.Length];
                for (var t = 0; t < sequence.Length; t++)
                {
                    for (var k = 0; k < sequence.OutputSize; k++)
                    {
                        var i = (t * sequence.OutputSize) + k;
                        plain[i] = values.NextDouble();
                        poisoned[i] = sequence.HasTarget[t] ? plain[i] : double.NaN;
                    }
                }

                var expected = task.Judge(sequence, plain);
                var actual = task.Judge(sequence, poisoned);
                Assert.Equal(expected.Correct, actual.Correct);
                Assert.Equal(expected.WrongSteps, actual.WrongSteps);
                Assert.Equal(expected.SquaredError, actual.SquaredError);
                Assert.Equal(expected.MaxAbsError, actual.MaxAbsError);
            }
        }

        [Fact]
        public void A_one_hot_sequence_of_another_size_is_refused()
        {
            var network = PaperNetworks.Find("Exp2cP50")!.Create();
            var task = new VeryLongLagTask(p: 100, q: 100);
            var sequence = task.Next(new SeededRandom(1));
            var outputs = Array.Empty<double>();

            var error = Assert.Throws<ArgumentException>(() => SequenceRunner.Train(network, task, sequence, ref outputs));

            Assert.Contains("104 inputs", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_real_valued_sequence_has_no_active_input()
        {
            var sequence = new Sequence(2, 1, new double[] { 0.5, -1, 0, 1 }, new double[] { 0, 0.75 }, new[] { false, true });

            Assert.False(sequence.IsOneHot);
            Assert.Throws<InvalidOperationException>(() => sequence.ActiveInput(0));
        }
    }
}
