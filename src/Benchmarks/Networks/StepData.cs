using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks.Networks
{
    /// <summary>
    /// The inputs and targets of one synthetic sequence of <see cref="SequenceLength"/> steps, as <c>lstmgen bench</c>
    /// uses them (src/Experiments/Benchmarking/StepBenchmark.cs): a target at every step, uniform in [0, 1]. The inputs
    /// look like the paper's: one symbol per step, coded one-hot, for the symbolic tasks (Exps 1, 2, 6); values uniform
    /// in [−1, 1] for the real-valued ones (Exps 3, 4). A dense network's cost does not depend on the values, but a
    /// one-hot one's does, so each network gets inputs of the kind its experiment feeds it.
    /// </summary>
    internal sealed class StepData
    {
        /// <summary>Steps between <see cref="ILstmNetwork.Reset"/>s (and EndSequences when learning), as in <c>lstmgen bench</c>.</summary>
        public const int SequenceLength = 100;

        // The paper networks whose experiments read real values rather than one-hot symbols.
        private static readonly HashSet<string> RealValuedInputs = new HashSet<string>(StringComparer.Ordinal)
        {
            "Exp3NoiseSignal", // Exp 3: one line of noise and signal
            "Exp4Adding",      // Exps 4, 5: a value and a marker per pair
        };

        private StepData(double[][] inputs, double[][] targets)
        {
            Inputs = inputs;
            Targets = targets;
        }

        /// <summary>The input of each step.</summary>
        public double[][] Inputs { get; }

        /// <summary>The target of each step.</summary>
        public double[][] Targets { get; }

        /// <summary>Data for the paper network <paramref name="paperName"/> (its float and dense copies take the same).</summary>
        public static StepData For(string paperName, int inputCount, int outputCount, ulong seed = 1)
        {
            var oneHot = !RealValuedInputs.Contains(paperName);
            var random = new SeededRandom(seed);
            var inputs = new double[SequenceLength][];
            var targets = new double[SequenceLength][];
            for (var t = 0; t < SequenceLength; t++)
            {
                inputs[t] = new double[inputCount];
                if (oneHot)
                {
                    inputs[t][random.NextInt(inputCount)] = 1.0;
                }
                else
                {
                    for (var i = 0; i < inputCount; i++)
                    {
                        inputs[t][i] = random.NextUniform(-1.0, 1.0);
                    }
                }

                targets[t] = new double[outputCount];
                for (var k = 0; k < outputCount; k++)
                {
                    targets[t][k] = random.NextDouble();
                }
            }

            return new StepData(inputs, targets);
        }

        /// <summary>
        /// <paramref name="steps"/> learning steps from <paramref name="initialWeights"/>: TrainStep with this data's target
        /// at every step, Reset before and EndSequence after every <see cref="SequenceLength"/> steps. Starting from the
        /// same weights each time keeps every invocation on the same numeric path, however long a benchmark runs.
        /// </summary>
        public void Train(ILstmNetwork network, double[] initialWeights, double[] output, int steps)
        {
            network.SetWeights(initialWeights);
            var inputs = Inputs;
            var targets = Targets;
            for (var s = 0; s < steps / SequenceLength; s++)
            {
                network.Reset();
                for (var t = 0; t < SequenceLength; t++)
                {
                    network.TrainStep(inputs[t], targets[t], output);
                }

                network.EndSequence();
            }
        }
    }
}
