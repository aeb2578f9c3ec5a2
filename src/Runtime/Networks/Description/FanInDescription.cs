using System.Collections.Generic;

namespace LstmGen.Runtime
{
    /// <summary>The kind of unit a fan-in feeds.</summary>
    public enum FanInKind
    {
        /// <summary>A block's input gate (Eq. 7).</summary>
        InputGate,

        /// <summary>A block's output gate (Eq. 8).</summary>
        OutputGate,

        /// <summary>A cell's input net_c (Eq. 9).</summary>
        CellInput,

        /// <summary>An output unit.</summary>
        Output,

        /// <summary>
        /// A block's forget gate φ (Gers, Schmidhuber &amp; Cummins 2000): it reads the input gate's sources and scales the
        /// state its cells keep, s_c(t) = y^φ(t) s_c(t−1) + y^in(t) g(net_c(t)). Not a source of any unit.
        /// </summary>
        ForgetGate,
    }

    /// <summary>Where a run of sources lies.</summary>
    public enum SourceUnits
    {
        /// <summary>The input units x(t) of the current step.</summary>
        Inputs,

        /// <summary>
        /// The hidden activation vector (cells, input gates, output gates; <see cref="NetworkDescription.HiddenUnitNames"/>):
        /// y(t−1) for the net inputs of gates and cells, this step's y(t) for the output units.
        /// </summary>
        Hidden,

        /// <summary>
        /// The cell states s_c of the gate's own block, read through peephole connections (Gers &amp; Schmidhuber 2000; Gers,
        /// Schraudolph &amp; Schmidhuber 2002): s_c(t−1) by the input and forget gates, s_c(t) by the output gate. The index is
        /// the cell index c (the trace format names the source <c>block[j].cell[v].state</c>).
        /// </summary>
        CellStates,
    }

    /// <summary>A run of consecutive weights of one fan-in that read consecutive sources of one kind.</summary>
    /// <param name="Units">Inputs or hidden activations.</param>
    /// <param name="First">The index of the first source among its units.</param>
    /// <param name="Count">The number of sources (and weights).</param>
    /// <param name="WeightOffset">The index of the first weight in the network's weights.</param>
    public sealed record SourceRun(SourceUnits Units, int First, int Count, int WeightOffset);

    /// <summary>
    /// A fan-in: the weights into one unit, w_u,m over its sources m. A contiguous slice of the weights: its runs of
    /// sources in order (inputs, cells, input gates, output gates, as the connectivity allows; then a gate's peepholes from
    /// its block's cell states), then the bias weight when
    /// the unit has one.
    /// </summary>
    /// <param name="Kind">The kind of unit the weights feed.</param>
    /// <param name="Block">The block j (gates and cells), or −1.</param>
    /// <param name="Cell">The cell v within its block (cell inputs), or −1.</param>
    /// <param name="Output">The output unit k (outputs), or −1.</param>
    /// <param name="Offset">The index of its first weight.</param>
    /// <param name="Length">The number of its weights, the bias included.</param>
    /// <param name="HasBias">Whether its last weight is a bias weight (from the bias unit, y = 1).</param>
    /// <param name="UnitName">The unit's name as the trace format writes it, e.g. <c>block[1].input_gate</c>.</param>
    /// <param name="Sources">Its runs of sources, in weight order.</param>
    public sealed record FanInDescription(FanInKind Kind, int Block, int Cell, int Output, int Offset, int Length, bool HasBias, string UnitName, IReadOnlyList<SourceRun> Sources)
    {
        /// <summary>The index of the bias weight (only when <see cref="HasBias"/>).</summary>
        public int BiasOffset => Offset + Length - 1;

        /// <summary>
        /// Whether the learning rule keeps traces ∂s/∂w of these weights (input gates, Eq. 25; cell inputs, Eq. 27; forget
        /// gates, Gers 2000).
        /// </summary>
        public bool IsTraced => Kind == FanInKind.InputGate || Kind == FanInKind.ForgetGate || Kind == FanInKind.CellInput;

        /// <summary>Whether weight <paramref name="weight"/> is one of this fan-in's.</summary>
        public bool Holds(int weight) => weight >= Offset && weight < Offset + Length;

        /// <summary>
        /// The gates' and cells' fan-ins followed by those of <paramref name="outputCount"/> output units, which all read the
        /// same sources (the layout gives every output unit the same fan-in): output k's weights follow output k − 1's, its
        /// runs are output 0's shifted by k fan-in lengths. A network with many output units is described without a line
        /// per unit.
        /// </summary>
        /// <param name="hiddenFanIns">The fan-ins of the gates and cells, in weight order.</param>
        /// <param name="outputCount">The number of output units.</param>
        /// <param name="length">The length of each output unit's fan-in, the bias included.</param>
        /// <param name="hasBias">Whether the output units carry a bias weight.</param>
        /// <param name="firstOutputSources">Output 0's runs of sources.</param>
        public static IReadOnlyList<FanInDescription> WithOutputUnits(
            IReadOnlyList<FanInDescription> hiddenFanIns, int outputCount, int length, bool hasBias, IReadOnlyList<SourceRun> firstOutputSources)
        {
            System.ArgumentNullException.ThrowIfNull(hiddenFanIns);
            System.ArgumentNullException.ThrowIfNull(firstOutputSources);
            var last = hiddenFanIns.Count == 0 ? null : hiddenFanIns[hiddenFanIns.Count - 1];
            var offset = last is null ? 0 : last.Offset + last.Length;
            var all = new List<FanInDescription>(hiddenFanIns.Count + outputCount);
            all.AddRange(hiddenFanIns);
            for (var k = 0; k < outputCount; k++)
            {
                var shift = k * length;
                var runs = new SourceRun[firstOutputSources.Count];
                for (var r = 0; r < runs.Length; r++)
                {
                    runs[r] = firstOutputSources[r] with { WeightOffset = firstOutputSources[r].WeightOffset + shift };
                }

                all.Add(new FanInDescription(FanInKind.Output, -1, -1, k, offset + shift, length, hasBias,
                    "output[" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", runs));
            }

            return all;
        }
    }
}
