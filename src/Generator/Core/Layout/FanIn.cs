using LstmGen.Generator.Model;

namespace LstmGen.Generator.Layout
{
    /// <summary>Where a net input reads its sources from.</summary>
    public enum SourceRegion
    {
        /// <summary>The input units x(t) of the current step.</summary>
        Input,

        /// <summary>The hidden activation vector y(t−1) (net inputs of cells and gates) or y(t) (output units).</summary>
        Hidden,

        /// <summary>
        /// The cell states s_c of the gate's own block, read through peephole connections (Gers 2002): s_c(t−1) by the input
        /// and forget gates, s_c(t) by the output gate. Source indices are cell indices c.
        /// </summary>
        CellState,
    }

    /// <summary>The kind of unit a fan-in feeds.</summary>
    public enum UnitKind
    {
        InputGate,
        OutputGate,
        CellInput,
        Output,

        /// <summary>The forget gate φ of a block (Gers, Schmidhuber &amp; Cummins 2000).</summary>
        ForgetGate,
    }

    /// <summary>A run of consecutive weights of one fan-in that reads consecutive sources of one region.</summary>
    /// <param name="Region">Inputs or hidden activations.</param>
    /// <param name="SourceStart">Index of the first source within its region.</param>
    /// <param name="Count">Number of sources (and weights).</param>
    /// <param name="WeightOffset">Index of the first weight in the network's flat weight array.</param>
    public sealed record Segment(SourceRegion Region, int SourceStart, int Count, int WeightOffset);

    /// <summary>
    /// A fan-in: the weights into one unit, w_u,m over its sources m (the paper's "incoming weights" of a unit). A
    /// contiguous slice of the flat weight array, made of source segments in a fixed order (inputs, cells, input gates,
    /// output gates, then the block's cell states for a gate with peepholes), followed by the bias weight when the unit has one. ("Row" is kept for the rows of the paper's tables.)
    /// </summary>
    /// <param name="Kind">The kind of unit the weights feed.</param>
    /// <param name="Block">The block j (gates and cells), or −1.</param>
    /// <param name="Cell">The cell v within its block (cell inputs), or −1.</param>
    /// <param name="Output">The output unit k (outputs), or −1.</param>
    /// <param name="Offset">Index of the fan-in's first weight.</param>
    /// <param name="Segments">The runs of sources, in weight order.</param>
    /// <param name="HasBias">Whether the last weight is a bias weight (from the bias unit, y = 1).</param>
    /// <param name="UnitName">The unit's name as the trace format writes it, e.g. <c>block[1].input_gate</c>.</param>
    public sealed record FanIn(UnitKind Kind, int Block, int Cell, int Output, int Offset, EquatableArray<Segment> Segments, bool HasBias, string UnitName)
    {
        /// <summary>Number of weights, bias included.</summary>
        public int Length
        {
            get
            {
                var length = HasBias ? 1 : 0;
                foreach (var segment in Segments)
                {
                    length += segment.Count;
                }

                return length;
            }
        }

        /// <summary>Index of the bias weight (only when <see cref="HasBias"/>).</summary>
        public int BiasOffset => Offset + Length - 1;

        /// <summary>The peephole segment (the block's cell states, Gers 2002), or null when the fan-in has none.</summary>
        public Segment? Peepholes
        {
            get
            {
                foreach (var segment in Segments)
                {
                    if (segment.Region == SourceRegion.CellState)
                    {
                        return segment;
                    }
                }

                return null;
            }
        }

        /// <summary>Whether the fan-in reads the input units x(t).</summary>
        public bool ReadsInputs
        {
            get
            {
                foreach (var segment in Segments)
                {
                    if (segment.Region == SourceRegion.Input)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
