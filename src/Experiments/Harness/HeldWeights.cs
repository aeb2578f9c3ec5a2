using System;
using System.Numerics;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Weights a trial holds at zero while its network learns: sequential construction's hidden cells (§4; Exps 2a, 2b),
    /// whose outgoing weights must stay zero until the cells are added. The learning rule changes them like any other
    /// weight (Δw_k,c = α e_k y^c, Eq. 22), so the driver sets them to zero again after every change: after each
    /// learning step under per-step updates, after the sequence's summed changes under per-sequence updates (a network
    /// under per-sequence updates changes no weight within a sequence, App. A.1).
    /// </summary>
    public static class HeldWeights
    {
        /// <summary>Whether the weights must be set to zero after each learning step, not only after the sequence.</summary>
        public static bool AfterEveryStep(ILstmNetwork network, ReadOnlySpan<int> heldAtZero)
        {
            ArgumentNullException.ThrowIfNull(network);
            return !heldAtZero.IsEmpty && network.Update == UpdateTiming.PerStep;
        }

        /// <summary>
        /// Sets the weights at <paramref name="indices"/> (layout order) to zero: in place where the network shows its
        /// weights (<see cref="ILstmNetwork{T}.Weights"/>), through a stand-in to the network behind it, else by copying
        /// them out and back, which is exact here because it runs only where no summed change is pending (SetWeights
        /// would drop it).
        /// </summary>
        public static void Zero(ILstmNetwork network, ReadOnlySpan<int> indices)
        {
            ArgumentNullException.ThrowIfNull(network);
            switch (network)
            {
                case ILstmNetwork<double> doubles:
                    ZeroAt(doubles.Weights, indices);
                    break;
                case ForwardingNetwork forwarding:
                    // A stand-in (a benchmark's silent network, a test's crashing one) keeps its weights in the network behind it.
                    Zero(forwarding.Forwarded, indices);
                    break;
                case ILstmNetwork<float> floats:
                    ZeroAt(floats.Weights, indices);
                    break;
                default:
                    var copy = new double[network.WeightCount];
                    network.CopyWeightsTo(copy);
                    ZeroAt<double>(copy, indices);
                    network.SetWeights(copy);
                    break;
            }
        }

        private static void ZeroAt<T>(Span<T> weights, ReadOnlySpan<int> indices)
            where T : INumberBase<T>
        {
            foreach (var index in indices)
            {
                weights[index] = T.Zero;
            }
        }
    }
}
