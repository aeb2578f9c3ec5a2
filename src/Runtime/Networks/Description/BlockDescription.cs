namespace LstmGen.Runtime
{
    /// <summary>
    /// A memory cell block as its spec declares it: S_j cells sharing one input gate, optionally one output gate and,
    /// optionally, one forget gate (Gers, Schmidhuber &amp; Cummins 2000).
    /// </summary>
    /// <param name="Cells">The block size S_j.</param>
    /// <param name="HasOutputGate">False for the paper's blocks without one (Exps 2a, 2b: "no og"; y^out = 1).</param>
    /// <param name="InputGateBias">The input gate bias the spec fixes (Table 10 "igb"), or null: drawn with the other weights.</param>
    /// <param name="OutputGateBias">The output gate bias the spec fixes (Table 10 "ogb"), or null: drawn with the other weights.</param>
    /// <param name="HasForgetGate">Whether the block has a forget gate; false is the 1997 cell (its forget gate fixed open, y^φ = 1).</param>
    /// <param name="ForgetGateBias">The forget gate bias the spec fixes, or null: drawn with the other weights (or no forget gate).</param>
    /// <param name="HasPeepholes">
    /// Whether the block's gates read its cells' states through peephole weights (Gers &amp; Schmidhuber 2000; Gers,
    /// Schraudolph &amp; Schmidhuber 2002): the input and forget gates s_c(t−1), the output gate s_c(t).
    /// </param>
    public sealed record BlockDescription(int Cells, bool HasOutputGate, double? InputGateBias, double? OutputGateBias, bool HasForgetGate = false, double? ForgetGateBias = null, bool HasPeepholes = false);

    /// <summary>
    /// Where one cell's RTRL traces ∂s_c/∂w lie among the network's traces (App. A.1): one per weight of its block's input
    /// gate (Eq. 25), then one per weight of its block's forget gate (if any; Gers 2000), then one per weight of its own
    /// cell input (Eq. 27).
    /// </summary>
    /// <param name="InputGateOffset">The index of its first input gate trace.</param>
    /// <param name="InputGateCount">The number of its input gate traces (the input gate's fan-in length).</param>
    /// <param name="CellInputOffset">The index of its first cell input trace.</param>
    /// <param name="CellInputCount">The number of its cell input traces (its own fan-in length).</param>
    /// <param name="ForgetGateOffset">The index of its first forget gate trace, or −1 when its block has no forget gate.</param>
    /// <param name="ForgetGateCount">The number of its forget gate traces (the forget gate's fan-in length), or 0.</param>
    public sealed record CellTraces(int InputGateOffset, int InputGateCount, int CellInputOffset, int CellInputCount, int ForgetGateOffset = -1, int ForgetGateCount = 0);

    /// <summary>One array of a network's state (a field of its compiled class) and what it holds.</summary>
    /// <param name="Name">The field's name in the compiled class, e.g. <c>traces</c>.</param>
    /// <param name="Holds">What it holds, in the paper's notation.</param>
    /// <param name="Count">The number of elements.</param>
    /// <param name="BytesPerElement">The size of one element: 8 or 4 for a real number, 4 for an index, 1 for a flag.</param>
    public sealed record StatePart(string Name, string Holds, int Count, int BytesPerElement)
    {
        /// <summary>The part's bytes.</summary>
        public long Bytes => (long)Count * BytesPerElement;
    }
}
