using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The network a trial started in a lane sees: its lane (a <see cref="LaneView"/>) until the lane scheduler hands the
    /// trial over to a scalar network of its own at a sequence boundary (<see cref="HandOver"/>), that network afterwards.
    /// A trial keeps the network it was started with for its whole life (its iterator holds it, for its checkpoints and
    /// sequential construction), so the move happens behind this one reference.
    /// </summary>
    /// <remarks>
    /// At a sequence boundary a trial's network is its weights, its learning rate and its update timing: the next
    /// sequence starts from a reset (states, activations and traces zero, §5), and per-sequence changes were applied by
    /// the sequence's end (Eq. 28's sums, App. A.1). So these three, copied, are the whole trial, and it goes on bit for bit
    /// as it would have in its lane: what a checkpoint written in a lane and resumed on a scalar network also relies on.
    /// Only the trial's own calls (set-up, checkpoints) pass through here; drivers step the network behind it directly.
    /// </remarks>
    public sealed class TrialNetwork : ILstmNetwork
    {
        private ILstmNetwork _network;

        public TrialNetwork(ILstmNetwork lane)
        {
            ArgumentNullException.ThrowIfNull(lane);
            _network = lane;
        }

        /// <summary>The network behind this one now: the lane's view, or after <see cref="HandOver"/> the trial's own network.</summary>
        public ILstmNetwork Current => _network;

        /// <summary>
        /// Moves the trial to <paramref name="scalar"/>, a network of the same spec: copies the weights, the learning rate and
        /// the update timing. Only at a sequence boundary, before a sequence that starts from a reset.
        /// </summary>
        public void HandOver(ILstmNetwork scalar)
        {
            ArgumentNullException.ThrowIfNull(scalar);
            if (scalar.WeightCount != _network.WeightCount || scalar.Name != _network.Name)
            {
                throw new ArgumentException("A trial of " + _network.Name + " cannot move to a network of " + scalar.Name + ".", nameof(scalar));
            }

            var weights = new double[_network.WeightCount];
            _network.CopyWeightsTo(weights);
            scalar.SetWeights(weights);
            scalar.LearningRate = _network.LearningRate;
            scalar.Update = _network.Update;
            _network = scalar;
        }

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

        public void Reset() => _network.Reset();

        public void Step(ReadOnlySpan<double> input, Span<double> output) => _network.Step(input, output);

        public void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output) => _network.TrainStep(input, target, output);

        public void EndSequence() => _network.EndSequence();

        public void CopyWeightsTo(Span<double> destination) => _network.CopyWeightsTo(destination);

        public void SetWeights(ReadOnlySpan<double> source) => _network.SetWeights(source);
    }
}
