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

        private StepData(double[][] inputs, double[][] targets, int[]? activeInputs)
        {
            Inputs = inputs;
            Targets = targets;
            ActiveInputs = activeInputs;
        }

        /// <summary>The input of each step.</summary>
        public double[][] Inputs { get; }

        /// <summary>The target of each step.</summary>
        public double[][] Targets { get; }

        /// <summary>The index of each step's input at 1, for the symbolic tasks (null for real-valued inputs).</summary>
        public int[]? ActiveInputs { get; }

        /// <summary>Data for the paper network <paramref name="paperName"/> (its float and dense copies take the same).</summary>
        public static StepData For(string paperName, int inputCount, int outputCount, ulong seed = 1)
        {
            var oneHot = !RealValuedInputs.Contains(paperName);
            var random = new SeededRandom(seed);
            var inputs = new double[SequenceLength][];
            var targets = new double[SequenceLength][];
            var activeInputs = oneHot ? new int[SequenceLength] : null;
            for (var t = 0; t < SequenceLength; t++)
            {
                inputs[t] = new double[inputCount];
                if (oneHot)
                {
                    activeInputs![t] = random.NextInt(inputCount);
                    inputs[t][activeInputs[t]] = 1.0;
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

            return new StepData(inputs, targets, activeInputs);
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
            var oneHot = ActiveInputs is null ? null : network as IOneHotNetwork;
            for (var s = 0; s < steps / SequenceLength; s++)
            {
                network.Reset();
                if (oneHot is not null)
                {
                    // A one-hot network is stepped by the index of the active input, as the trials step it.
                    for (var t = 0; t < SequenceLength; t++)
                    {
                        oneHot.TrainStep(ActiveInputs![t], targets[t], output);
                    }
                }
                else
                {
                    for (var t = 0; t < SequenceLength; t++)
                    {
                        network.TrainStep(inputs[t], targets[t], output);
                    }
                }

                network.EndSequence();
            }
        }

        /// <summary>Forward steps only, <see cref="SequenceLength"/> per sequence from a reset (one-hot networks by index, as in <see cref="Train"/>).</summary>
        public void Forward(ILstmNetwork network, double[] output, int steps)
        {
            var inputs = Inputs;
            var oneHot = ActiveInputs is null ? null : network as IOneHotNetwork;
            for (var s = 0; s < steps / SequenceLength; s++)
            {
                network.Reset();
                if (oneHot is not null)
                {
                    for (var t = 0; t < SequenceLength; t++)
                    {
                        oneHot.Step(ActiveInputs![t], output);
                    }
                }
                else
                {
                    for (var t = 0; t < SequenceLength; t++)
                    {
                        network.Step(inputs[t], output);
                    }
                }
            }
        }
    }
}
