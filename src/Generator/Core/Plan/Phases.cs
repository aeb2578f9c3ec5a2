using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Plan
{
    /// <summary>
    /// The net input of a gate or cell (Eqs. 7-9): net = (the active inputs' part) + <see cref="Rest"/>, where the active
    /// inputs' part, present when the inputs are read through the list of active inputs (one-hot or sparse encoding), is
    /// Σ w[FanIn.Offset + i] x_i(t) over the active inputs i in index order, starting from +0, kept in <see cref="Local"/>.
    /// </summary>
    /// <param name="FanIn">The weights into the unit.</param>
    /// <param name="Local">The local that holds the net input (or its active inputs' part), e.g. netIn0, netOut1, netC3.</param>
    /// <param name="HasActiveInputsPart">Whether the fan-in reads inputs through the list of active inputs.</param>
    /// <param name="Rest">The fan-in's other terms (all of them when it has no active inputs' part).</param>
    /// <param name="InFourFanInGroup">Whether the sum is made by <c>Kernels.Dot4</c> in the batched σ (<see cref="SigmaOfFourFanIns"/>).</param>
    /// <param name="Meaning">What the value is, for the reader, e.g. "net_in  (Eq. 7)".</param>
    public sealed record NetInput(FanIn FanIn, string Local, bool HasActiveInputsPart, FanInSum Rest, bool InFourFanInGroup, string Meaning);

    /// <summary>The statements of one block in one phase of the step.</summary>
    public sealed record BlockStatements(int Block, EquatableArray<Statement> Statements);

    /// <summary>The statements of one cell in one phase of the step.</summary>
    public sealed record CellStatements(int Block, int Cell, EquatableArray<Statement> Statements);

    /// <summary>How the step reads x(t).</summary>
    public enum InputReading
    {
        /// <summary>x(t) is copied into the source vectors, and the fan-ins read it there.</summary>
        Copy,

        /// <summary>
        /// Only the non-zero inputs are read, through a list gathered once per step (<c>inputEncoding</c> one-hot or
        /// sparse): the inactive inputs' terms are exact zeros, so the values are the dense ones up to summation order.
        /// </summary>
        ActiveInputs,
    }

    /// <summary>The input units x(t) at the start of the forward pass.</summary>
    /// <param name="Reading">How x(t) is read.</param>
    /// <param name="OutputsReadInputs">Whether the output units read x(t) too (connectivity 'B').</param>
    /// <param name="ActiveInputNetInputs">Under <see cref="InputReading.ActiveInputs"/>: the active inputs' parts of the gate and cell net inputs.</param>
    public sealed record InputUnitsPlan(InputReading Reading, bool OutputsReadInputs, EquatableArray<Statement> ActiveInputNetInputs);

    /// <summary>
    /// The forward pass of one step in the paper's processing order (§5): every gate and cell net input (Eqs. 7-9), σ of
    /// them all, the gate activations and cell inputs, the cell states (Eq. 9), the cell outputs, then the output units.
    /// </summary>
    public sealed record ForwardPlan(
        InputUnitsPlan Inputs,
        EquatableArray<BlockStatements> NetInputs,
        Sigma NetInputSigma,
        EquatableArray<BlockStatements> Activations,
        EquatableArray<Statement> CellStates,
        CellOutputsPlan CellOutputs,
        OutputLayerPlan Outputs)
    {
        /// <summary>
        /// The output gates that read s_c(t) through peepholes (Gers 2002), after the cell states and before the cell
        /// outputs: each adds Σ_v w_out,c_v s_c_v(t) to its net input, σ squashes them (the last batch slots), then their
        /// activations. Empty without peepholes.
        /// </summary>
        public EquatableArray<Statement> PeepholeOutputGates { get; init; } = EquatableArray<Statement>.Empty;
    }

    /// <summary>The cell outputs y^c(t) = y^out(t) h(s_c(t)) (Eq. 9): σ of every state when h is made of it, then per block.</summary>
    public sealed record CellOutputsPlan(Sigma? StateSigma, EquatableArray<BlockStatements> Blocks);

    /// <summary>
    /// The output units (the output equation), stated once for output unit k: net_k = <see cref="NetInput"/> (plus the
    /// active inputs' terms w_k,i x_i(t) after it, in index order, when <see cref="AddsActiveInputs"/>), then σ of every
    /// net input, then y^k and f'_k from σ.
    /// </summary>
    public sealed record OutputLayerPlan(FanInSum NetInput, bool AddsActiveInputs, bool ReadsInputs, Sigma Sigma, ApplySquash Activation);

    /// <summary>The RTRL traces (Eqs. 25, 27), per cell, then the active inputs' pass (one-hot or sparse inputs).</summary>
    public sealed record TracePlan(EquatableArray<CellStatements> Cells, EquatableArray<Statement> ActiveInputs);

    /// <summary>
    /// The output units' errors (Eq. 19), stated once for output unit k, and each cell's Σ_k w_k,c e_k.
    /// </summary>
    /// <param name="Error">e_k, as a local per output unit.</param>
    /// <param name="StoreError">Its copy in eK.</param>
    /// <param name="CellErrors">cellError[c] = Σ_k w_k,c e_k, from +0 over k in order.</param>
    /// <param name="InRegisters">Whether a printer writes each e_k and each cell's sum out (else: loops over k).</param>
    /// <param name="CellColumn">The first weight from the cells in each output fan-in.</param>
    /// <param name="LoopForm">How the loop over k adds w_k,c e_k to every cell.</param>
    public sealed record OutputErrorsPlan(Let Error, Store StoreError, EquatableArray<Store> CellErrors, bool InRegisters, int CellColumn, ScaledAddForm LoopForm);

    /// <summary>The output units' weight changes (Eq. 22), stated once for output unit k (a loop over k).</summary>
    public sealed record OutputWeightChangesPlan(Let Factor, EquatableArray<Statement> Changes, bool AddsActiveInputs, bool ReadsInputs);

    /// <summary>
    /// The learning rule at a step with a target (Eqs. 19-28): every error from the weights as they are, then every weight
    /// change (added to the weights at once, or to the sequence's sum).
    /// </summary>
    /// <param name="LearningRate">α in the network's precision, read once.</param>
    /// <param name="OutputErrors">The output units' errors and what reaches the cells.</param>
    /// <param name="BlockErrors">Per block: the internal state errors (Eq. 23) and the output gate's error (Eq. 21).</param>
    /// <param name="OutputWeightChanges">The output units' weight changes (Eq. 22).</param>
    /// <param name="BlockWeightChanges">Per block: the output gate's, input gate's and cells' weight changes (Eqs. 22, 26, 28).</param>
    /// <param name="ActiveInputChanges">The output gates' weight changes from the active inputs (one-hot or sparse inputs).</param>
    /// <param name="TouchedInputChanges">The input gates' and cells' weight changes from the touched inputs.</param>
    public sealed record LearningPlan(
        Let LearningRate,
        OutputErrorsPlan OutputErrors,
        EquatableArray<BlockStatements> BlockErrors,
        OutputWeightChangesPlan OutputWeightChanges,
        EquatableArray<BlockStatements> BlockWeightChanges,
        EquatableArray<Statement> ActiveInputChanges,
        EquatableArray<Statement> TouchedInputChanges);
}
