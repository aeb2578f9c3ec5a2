using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// A network whose steps do nothing: resets, steps and sequence ends return at once, leaving the outputs as they
    /// were; everything else (weights, learning rate, set-up) goes to the real network behind it. A trial driven on it
    /// costs everything a trial costs outside the network: drawing its sequences, presenting them, judging, the
    /// stopping rule (<see cref="TaskShareBenchmark"/>, which hands the trial the verdicts of a real run).
    /// </summary>
    public class SilentNetwork : ILstmNetwork
    {
        private readonly ILstmNetwork _network;

        protected SilentNetwork(ILstmNetwork network)
        {
            ArgumentNullException.ThrowIfNull(network);
            _network = network;
        }

        /// <summary>A silent network in front of <paramref name="network"/>, one-hot (<see cref="IOneHotNetwork"/>) where it is,
        /// so that the harness feeds it as it feeds the real one.</summary>
        public static ILstmNetwork Over(ILstmNetwork network) =>
            network is IOneHotNetwork ? new SilentOneHotNetwork(network) : new SilentNetwork(network);

        public string Name => _network.Name;

        public int InputCount => _network.InputCount;

        public int OutputCount => _network.OutputCount;

        public int WeightCount => _network.WeightCount;

        public double LearningRate
        {
            get => _network.LearningRate;
            set => _network.LearningRate = value;
        }

        public UpdateTiming Update
        {
            get => _network.Update;
            set => _network.Update = value;
        }

        public string SpecText => _network.SpecText;

        public string SpecFileName => _network.SpecFileName;

        public NetworkDescription Description => _network.Description;

        public void InitializeWeights(ulong seed) => _network.InitializeWeights(seed);

        public void Reset()
        {
        }

        public void Step(ReadOnlySpan<double> input, Span<double> output)
        {
        }

        public void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output)
        {
        }

        public void EndSequence()
        {
        }

        public void CopyWeightsTo(Span<double> destination) => _network.CopyWeightsTo(destination);

        public void SetWeights(ReadOnlySpan<double> source) => _network.SetWeights(source);

        private sealed class SilentOneHotNetwork(ILstmNetwork network) : SilentNetwork(network), IOneHotNetwork
        {
            public void Step(int activeInput, Span<double> output)
            {
            }

            public void TrainStep(int activeInput, ReadOnlySpan<double> target, Span<double> output)
            {
            }
        }
    }
}
