using System;
using LstmGen.Experiments.Harness;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// A network whose steps do nothing: resets, steps and sequence ends return at once, leaving the outputs as they
    /// were; everything else (weights, learning rate, set-up) goes to the real network behind it. A trial driven on it
    /// costs everything a trial costs outside the network: drawing its sequences, presenting them, judging, the
    /// stopping rule (<see cref="TaskShareBenchmark"/>, which hands the trial the verdicts of a real run).
    /// </summary>
    public class SilentNetwork : ForwardingNetwork
    {
        protected SilentNetwork(ILstmNetwork network)
            : base(network)
        {
        }

        /// <summary>A silent network in front of <paramref name="network"/>, one-hot (<see cref="IOneHotNetwork"/>) where it is,
        /// so that the harness feeds it as it feeds the real one.</summary>
        public static ILstmNetwork Over(ILstmNetwork network) =>
            network is IOneHotNetwork ? new SilentOneHotNetwork(network) : new SilentNetwork(network);

        public override void Reset()
        {
        }

        public override void Step(ReadOnlySpan<double> input, Span<double> output)
        {
        }

        public override void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output)
        {
        }

        public override void EndSequence()
        {
        }

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
