using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// The workload of a step benchmark, the one measuring core of <c>lstmgen bench</c> (timed by <see cref="StepBenchmark"/>
    /// with its own clock, so that the NativeAOT binary can run it) and of the BenchmarkDotNet suite (src/Benchmarks, which
    /// wraps the same loops in its benchmark classes): the inputs and targets of one synthetic sequence of
    /// <see cref="SequenceLength"/> steps, and the loops that step a network through it.
    /// </summary>
    /// <remarks>
    /// A target at every step, uniform in [0, 1]. The inputs look like the paper's: one symbol per step, coded one-hot,
    /// for a network whose spec declares one-hot inputs (<see cref="IOneHotNetwork"/>: Exps 1, 2, 6); values uniform in
    /// [−1, 1] for the real-valued ones (Exps 3, 4). A dense network's cost does not depend on the values, but a one-hot
    /// one's does, so each network gets inputs of the kind its experiment feeds it; a copy of a paper network (the
    /// suite's float and dense specs) takes the paper network's data.
    /// </remarks>
    public sealed class StepData
    {
        /// <summary>Steps between <see cref="ILstmNetwork.Reset"/>s (and EndSequences when learning).</summary>
        public const int SequenceLength = 100;

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

        /// <summary>The index of each step's input at 1, for one-hot data (null for real-valued inputs).</summary>
        public int[]? ActiveInputs { get; }

        /// <summary>Data of the kind <paramref name="network"/>'s experiment feeds it: one-hot if it is an <see cref="IOneHotNetwork"/>.</summary>
        public static StepData For(ILstmNetwork network, ulong seed = 1)
        {
            ArgumentNullException.ThrowIfNull(network);
            return Create(network.InputCount, network.OutputCount, network is IOneHotNetwork, seed);
        }

        /// <summary>One sequence of data drawn from a <see cref="SeededRandom"/> of <paramref name="seed"/>, step by step: the input, then the targets.</summary>
        public static StepData Create(int inputCount, int outputCount, bool oneHot, ulong seed = 1)
        {
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
        /// <paramref name="steps"/> learning steps on the network's current weights: sequences of <see cref="SequenceLength"/>
        /// steps (the last one shorter when <paramref name="steps"/> is not a multiple), each a Reset, a TrainStep with this
        /// data's target at every step, and an EndSequence. Callers that repeat it restore the weights first, so that every
        /// repetition follows the same numeric path.
        /// </summary>
        public void Train(ILstmNetwork network, double[] output, int steps)
        {
            var inputs = Inputs;
            var targets = Targets;
            var oneHot = ActiveInputs is null ? null : network as IOneHotNetwork;
            for (var done = 0; done < steps; done += SequenceLength)
            {
                var length = Math.Min(SequenceLength, steps - done);
                network.Reset();
                if (oneHot is not null)
                {
                    // A one-hot network is stepped by the index of the active input, as the trials step it.
                    for (var t = 0; t < length; t++)
                    {
                        oneHot.TrainStep(ActiveInputs![t], targets[t], output);
                    }
                }
                else
                {
                    for (var t = 0; t < length; t++)
                    {
                        network.TrainStep(inputs[t], targets[t], output);
                    }
                }

                network.EndSequence();
            }
        }

        /// <summary>Forward steps only, in sequences of <see cref="SequenceLength"/> from a Reset (one-hot networks by index, as in <see cref="Train"/>).</summary>
        public void Forward(ILstmNetwork network, double[] output, int steps)
        {
            var inputs = Inputs;
            var oneHot = ActiveInputs is null ? null : network as IOneHotNetwork;
            for (var done = 0; done < steps; done += SequenceLength)
            {
                var length = Math.Min(SequenceLength, steps - done);
                network.Reset();
                if (oneHot is not null)
                {
                    for (var t = 0; t < length; t++)
                    {
                        oneHot.Step(ActiveInputs![t], output);
                    }
                }
                else
                {
                    for (var t = 0; t < length; t++)
                    {
                        network.Step(inputs[t], output);
                    }
                }
            }
        }
    }
}
