using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Describing
{
    /// <summary>
    /// The state one instance of a compiled network holds, in values and bytes, summed from its description's state
    /// parts (the fields of its class, <see cref="NetworkDescription.State"/>) into the groups <c>explain</c> and the
    /// benchmarks show: the weights, the pending (per-sequence) updates, the RTRL traces (2CSI), the activations the step
    /// carries over (y^u(t−1) and y^u(t) over all source units, inputs and bias unit included; s_c; y^k), and the rest,
    /// the values of one step that the learning rule reads (derivatives, error signals, the batched σ, the active inputs).
    /// </summary>
    public sealed record StateSize(int BytesPerValue, long Weights, long PendingUpdates, long Traces, long Activations, long Scratch, long Values, long Bytes)
    {
        /// <summary>The fields that hold the activations the step carries over.</summary>
        private static readonly HashSet<string> ActivationParts = new() { "yPrev", "y", "s", "yOutput" };

        public static StateSize Of(NetworkDescription description)
        {
            long weights = 0, pending = 0, traces = 0, activations = 0, scratch = 0;
            foreach (var part in description.State)
            {
                switch (part.Name)
                {
                    case "w":
                        weights += part.Count;
                        break;
                    case "delta":
                        pending += part.Count;
                        break;
                    case "traces":
                        traces += part.Count;
                        break;
                    default:
                        if (ActivationParts.Contains(part.Name))
                        {
                            activations += part.Count;
                        }
                        else
                        {
                            scratch += part.Count;
                        }

                        break;
                }
            }

            return new StateSize(description.BytesPerValue, weights, pending, traces, activations, scratch, description.StateValues, description.StateBytes);
        }
    }
}
