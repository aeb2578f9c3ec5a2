using System;
using System.Collections.Generic;
using LstmGen.Experiments.Tasks;

namespace LstmGen.Experiments.Tests.Tasks
{
    /// <summary>Shared helpers: every task under test, and small statistics.</summary>
    internal static class TaskTestSupport
    {
        public static readonly IReadOnlyDictionary<string, Func<ISequenceTask>> AllTasks = new Dictionary<string, Func<ISequenceTask>>
        {
            ["1"] = () => new EmbeddedReberTask(),
            ["1-multihot"] = () => new EmbeddedReberTask(ReberTarget.LegalSuccessors),
            ["2a"] = () => new LongLagTask(LongLagVariant.NoiseFree, 10),
            ["2b"] = () => new LongLagTask(LongLagVariant.NoLocalRegularities, 10),
            ["2c"] = () => new VeryLongLagTask(10, 20),
            ["3a"] = () => new NoiseSignalTask(NoiseSignalVariant.TwoSequence, 100, 3),
            ["3b"] = () => new NoiseSignalTask(NoiseSignalVariant.NoisyInformation, 100, 1),
            ["3c"] = () => new NoiseSignalTask(NoiseSignalVariant.NoisyTargets, 100, 3),
            ["4"] = () => new AddingTask(100),
            ["5"] = () => new MultiplicationTask(100),
            ["6a"] = () => new TemporalOrderTask(TemporalOrderVariant.TwoSymbols),
            ["6b"] = () => new TemporalOrderTask(TemporalOrderVariant.ThreeSymbols),
        };

        public static IEnumerable<object[]> TaskKeys()
        {
            foreach (var key in AllTasks.Keys)
            {
                yield return new object[] { key };
            }
        }

        /// <summary>The index of the single 1.0 in a one-hot vector; fails if it is not one-hot.</summary>
        public static int OneHotIndex(ReadOnlySpan<double> code)
        {
            var index = -1;
            for (var i = 0; i < code.Length; i++)
            {
                if (code[i] == 1.0)
                {
                    Xunit.Assert.Equal(-1, index);
                    index = i;
                }
                else
                {
                    Xunit.Assert.Equal(0.0, code[i]);
                }
            }

            Xunit.Assert.True(index >= 0, "not one-hot: no unit is 1");
            return index;
        }

        /// <summary>Outputs equal to the sequence's targets at target steps and 0 elsewhere.</summary>
        public static double[] PerfectOutputs(Sequence s) => (double[])s.Targets.Clone();

        public static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
        {
            var mean = 0.0;
            foreach (var v in values)
            {
                mean += v;
            }

            mean /= values.Count;
            var variance = 0.0;
            foreach (var v in values)
            {
                variance += (v - mean) * (v - mean);
            }

            return (mean, variance / (values.Count - 1));
        }
    }
}
