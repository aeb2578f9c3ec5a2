using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tracing
{
    /// <summary>One time step of a traced sequence: what went in, the target (or none), what came out.</summary>
    public sealed record TraceStep(double[] Input, double[]? Target, double[] Output);

    /// <summary>
    /// One training sequence run on any <see cref="ILstmNetwork"/>, recorded so that the paper's equations can be
    /// checked against it: the initial weights, every step's input, target and output, and the trained weights.
    /// </summary>
    public sealed class SequenceTrace
    {
        private SequenceTrace(ulong seed, ulong dataSeed, double learningRate, UpdateTiming update, double[] initial, double[] trained, IReadOnlyList<TraceStep> steps)
        {
            Seed = seed;
            DataSeed = dataSeed;
            LearningRate = learningRate;
            Update = update;
            InitialWeights = initial;
            TrainedWeights = trained;
            Steps = steps;
        }

        /// <summary>The seed of <see cref="ILstmNetwork.InitializeWeights"/>.</summary>
        public ulong Seed { get; }

        /// <summary>The seed of the inputs and targets (derived from <see cref="Seed"/>, so the two streams differ).</summary>
        public ulong DataSeed { get; }

        public double LearningRate { get; }

        public UpdateTiming Update { get; }

        public double[] InitialWeights { get; }

        public double[] TrainedWeights { get; }

        public IReadOnlyList<TraceStep> Steps { get; }

        /// <summary>The seed of the data stream for a given weight seed.</summary>
        public static ulong DataSeedFor(ulong seed) => SeededRandom.DeriveSeed(seed, 1);

        /// <summary>
        /// Random data for one sequence: each input uniform in [−1, 1) (one-hot networks: one random input at 1); a target vector (each value uniform in
        /// [0, 1)) at the last step, and at every other step with probability 1/2. Drawn step by step: the inputs,
        /// then (except at the last step) the coin, then the target values.
        /// </summary>
        public static IReadOnlyList<(double[] Input, double[]? Target)> MakeData(ulong dataSeed, int length, int inputCount, int outputCount, bool oneHot = false)
        {
            var random = new SeededRandom(dataSeed);
            var data = new List<(double[], double[]?)>(length);
            for (var t = 0; t < length; t++)
            {
                var input = new double[inputCount];
                if (oneHot)
                {
                    // A network declared 'inputEncoding: one-hot' refuses anything else: one random input at 1.
                    input[random.NextInt(inputCount)] = 1.0;
                }
                else
                {
                    for (var i = 0; i < inputCount; i++)
                    {
                        input[i] = random.NextUniform(-1.0, 1.0);
                    }
                }

                double[]? target = null;
                if (t == length - 1 || random.NextBool(0.5))
                {
                    target = new double[outputCount];
                    for (var k = 0; k < outputCount; k++)
                    {
                        target[k] = random.NextDouble();
                    }
                }

                data.Add((input, target));
            }

            return data;
        }

        /// <summary>
        /// Initialises the weights with <paramref name="seed"/>, then trains one sequence: <see cref="ILstmNetwork.Reset"/>,
        /// <see cref="ILstmNetwork.TrainStep"/> per step, <see cref="ILstmNetwork.EndSequence"/>.
        /// </summary>
        public static SequenceTrace Record(ILstmNetwork network, ulong seed, int length, UpdateTiming? update)
        {
            if (update is { } timing)
            {
                network.Update = timing;
            }

            network.InitializeWeights(seed);
            var initial = new double[network.WeightCount];
            network.CopyWeightsTo(initial);
            var dataSeed = DataSeedFor(seed);
            var oneHot = Describing.NetworkInfo.DeclaresOneHotInput(network);
            var data = MakeData(dataSeed, length, network.InputCount, network.OutputCount, oneHot);
            var steps = Train(network, data);
            var trained = new double[network.WeightCount];
            network.CopyWeightsTo(trained);
            return new SequenceTrace(seed, dataSeed, network.LearningRate, network.Update, initial, trained, steps);
        }

        /// <summary>Trains one sequence on the network's current weights and returns every step with its output.</summary>
        public static IReadOnlyList<TraceStep> Train(ILstmNetwork network, IReadOnlyList<(double[] Input, double[]? Target)> data)
        {
            var steps = new List<TraceStep>(data.Count);
            network.Reset();
            foreach (var (input, target) in data)
            {
                var output = new double[network.OutputCount];
                network.TrainStep(input, target is null ? ReadOnlySpan<double>.Empty : target, output);
                steps.Add(new TraceStep(input, target, output));
            }

            network.EndSequence();
            return steps;
        }
    }
}
