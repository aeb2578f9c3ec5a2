using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Plan
{
    /// <summary>
    /// One memory cell block's place in the network: its cells and the fan-ins of its units.
    /// </summary>
    /// <param name="Block">j.</param>
    /// <param name="Cells">S_j.</param>
    /// <param name="FirstCell">The index of its cell 0 among all cells (and in the hidden vector).</param>
    /// <param name="InputGate">The input gate's fan-in.</param>
    /// <param name="OutputGate">The output gate's fan-in, or null (the paper's "no og").</param>
    /// <param name="CellInputs">Each cell's fan-in.</param>
    /// <param name="InputGateSource">The input gate's index in the source vectors.</param>
    /// <param name="OutputGateSource">The output gate's index in the source vectors, or −1.</param>
    public sealed record BlockShape(int Block, int Cells, int FirstCell, FanIn InputGate, FanIn? OutputGate, EquatableArray<FanIn> CellInputs, int InputGateSource, int OutputGateSource)
    {
        /// <summary>The forget gate's fan-in (Gers, Schmidhuber &amp; Cummins 2000), or null: the 1997 cell, its forget gate fixed open.</summary>
        public FanIn? ForgetGate { get; init; }
    }

    /// <summary>
    /// The sizes and orders every printer of a network shares (<see cref="NetworkLayout"/>, as values). Source units y^u:
    /// [0, InputCount) the input units, then the hidden units (cells, input gates, output gates), then the bias unit.
    /// </summary>
    public sealed record NetworkShape(
        int InputCount,
        int OutputCount,
        int CellCount,
        int HiddenCount,
        int OutputGateCount,
        int WeightCount,
        int TraceCount,
        int OutputOffset,
        int OutputFanInLength,
        EquatableArray<BlockShape> Blocks,
        EquatableArray<FanIn> FanIns,
        EquatableArray<int> InputGateTraceOffsets,
        EquatableArray<int> CellTraceOffsets)
    {
        public int BlockCount => Blocks.Count;

        /// <summary>
        /// Per cell, the offset of its traces of its block's forget gate weights (Gers 2000), or −1; empty when no block has
        /// a forget gate. A cell's traces (input gate, forget gate, cell input) are one span from its input gate offset.
        /// </summary>
        public EquatableArray<int> ForgetGateTraceOffsets { get; init; } = EquatableArray<int>.Empty;

        /// <summary>Number of source units: inputs, hidden units and the bias unit.</summary>
        public int SourceCount => InputCount + HiddenCount + 1;

        /// <summary>The bias unit's index in the source vectors (its y is always 1).</summary>
        public int BiasUnit => InputCount + HiddenCount;

        /// <summary>The index of hidden unit <paramref name="hidden"/> in the source vectors.</summary>
        public int HiddenSource(int hidden) => InputCount + hidden;
    }

    /// <summary>How the step finds the non-zero inputs (one-hot or sparse encoding): the speed decisions of the scan and the touched set.</summary>
    /// <param name="OneHot">At most one input may be non-zero at a step (checked).</param>
    /// <param name="VectorScan">The scan skips blocks of zero inputs four vectors at a time before the scalar scan.</param>
    /// <param name="KeepsTouchedSet">
    /// The inputs non-zero at some step since Reset are kept as a set, and the input gate and cell weights from the inputs
    /// change for those inputs only (every other input's traces are exact zeros).
    /// </param>
    public sealed record ActiveInputsPlan(bool OneHot, bool VectorScan, bool KeepsTouchedSet)
    {
        /// <summary>
        /// The lane classes keep the weights from the inputs, their pending changes and their traces in rows per lane and
        /// input (<see cref="Planning.SpeedDecisions.LaneInputRows"/>); the scalar class is the same either way.
        /// </summary>
        public bool LaneInputRows { get; init; }
    }

    /// <summary>
    /// The plan of a network's class: what one learning step computes, in which order, with every summation order and
    /// every speed decision recorded as data, and the state it keeps. Printers turn it into code (the scalar class, <see
    /// cref="Emitting.NetworkEmitter"/>); every printer of the same plan computes the same bits. Records and equatable
    /// arrays all the way down: the source generator caches on it.
    /// </summary>
    /// <param name="Spec">The spec (names, the class's documentation, constants).</param>
    /// <param name="Shape">Sizes, fan-ins and trace offsets.</param>
    /// <param name="State">Every field of the class's state, grouped.</param>
    /// <param name="FixedWeights">The weights InitializeWeights fixes after drawing.</param>
    /// <param name="Reset">What Reset does, in order.</param>
    /// <param name="ActiveInputs">How the non-zero inputs are found (one-hot or sparse encoding), or null (dense).</param>
    /// <param name="Forward">The forward pass.</param>
    /// <param name="Traces">The RTRL traces.</param>
    /// <param name="Learning">The learning rule at a target.</param>
    public sealed record NetworkPlan(
        NetworkSpec Spec,
        NetworkShape Shape,
        EquatableArray<StateGroup> State,
        EquatableArray<FixedWeight> FixedWeights,
        EquatableArray<ResetAction> Reset,
        ActiveInputsPlan? ActiveInputs,
        ForwardPlan Forward,
        TracePlan Traces,
        LearningPlan Learning)
    {
        public bool IsFloat => Spec.Precision == Precision.Float;
    }
}
