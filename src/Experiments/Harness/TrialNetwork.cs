using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The network a trial started in a lane sees: its lane (a <see cref="LaneView"/>) until the lane scheduler hands the
    /// trial over to a scalar network of its own at a sequence boundary (<see cref="HandOver"/>), that network afterwards.
    /// A trial keeps the network it was started with for its whole life (its iterator holds it, for its checkpoints), so
    /// the move happens behind this one reference. (Rows with sequential construction never start in a lane:
    /// <see cref="ExperimentRow.HoldsWeightsAtZero"/>.)
    /// </summary>
    /// <remarks>
    /// At a sequence boundary a trial's network is its weights, its learning rate and its update timing: the next
    /// sequence starts from a reset (states, activations and traces zero, §5), and per-sequence changes were applied by
    /// the sequence's end (Eq. 28's sums, App. A.1). So these three, copied, are the whole trial, and it goes on bit for bit
    /// as it would have in its lane: what a checkpoint written in a lane and resumed on a scalar network also relies on.
    /// Only the trial's own calls (set-up, checkpoints) pass through here; drivers step the network behind it directly.
    /// </remarks>
    public sealed class TrialNetwork(ILstmNetwork lane) : ForwardingNetwork(lane)
    {
        /// <summary>
        /// Moves the trial to <paramref name="scalar"/>, a network of the same spec: copies the weights, the learning rate and
        /// the update timing. Only at a sequence boundary, before a sequence that starts from a reset.
        /// </summary>
        public void HandOver(ILstmNetwork scalar)
        {
            ArgumentNullException.ThrowIfNull(scalar);
            if (scalar.WeightCount != Inner.WeightCount || scalar.Name != Inner.Name)
            {
                throw new ArgumentException("A trial of " + Inner.Name + " cannot move to a network of " + scalar.Name + ".", nameof(scalar));
            }

            var weights = new double[Inner.WeightCount];
            Inner.CopyWeightsTo(weights);
            scalar.SetWeights(weights);
            scalar.LearningRate = Inner.LearningRate;
            scalar.Update = Inner.Update;
            Inner = scalar;
        }
    }
}
