using System;

namespace LstmGen.Runtime
{
    /// <summary>The squashing function g of the cell input (Table 10 "g").</summary>
    public enum CellInputSquashing
    {
        /// <summary>g(x) = 4σ(x) − 2, range [−2, 2] (Eq. 5).</summary>
        G2,

        /// <summary>g(x) = σ(x), range [0, 1].</summary>
        G1,

        /// <summary>g(x) = x.</summary>
        Identity,
    }

    /// <summary>The squashing function h of the cell output (Table 10 "h").</summary>
    public enum CellOutputSquashing
    {
        /// <summary>h(x) = 2σ(x) − 1, range [−1, 1] (Eq. 4).</summary>
        H1,

        /// <summary>h(x) = x.</summary>
        Identity,
    }

    /// <summary>Which units carry a bias weight from the bias unit, y = 1 (Table 10 "bias").</summary>
    public enum BiasedUnits
    {
        /// <summary>No unit.</summary>
        None,

        /// <summary>The input and output gates ("ga").</summary>
        Gates,

        /// <summary>The gates and the cells, not the output units ("b1").</summary>
        Hidden,

        /// <summary>The gates, the cells and the output units.</summary>
        All,
    }

    /// <summary>Which of the paper's connectivity patterns a spec declares (Table 10 "c").</summary>
    public enum ConnectivityPattern
    {
        /// <summary>"F": every gate and cell reads the inputs and every hidden unit; the outputs read the cells.</summary>
        Full,

        /// <summary>"B": gates and cells read the inputs and the cells; the outputs read the cells and the inputs.</summary>
        Layered,

        /// <summary>The sources of each kind of unit spelled out in the spec.</summary>
        Custom,
    }

    /// <summary>The kinds of source unit a net input reads (a set).</summary>
    [Flags]
    public enum ConnectedSources
    {
        None = 0,

        /// <summary>The input units x(t).</summary>
        Input = 1,

        /// <summary>The cell outputs y^c.</summary>
        Cells = 2,

        /// <summary>The input gates y^in.</summary>
        InputGates = 4,

        /// <summary>The output gates y^out.</summary>
        OutputGates = 8,
    }

    /// <summary>What a spec promises about the inputs x(t) (docs/spec-language.md, "Input encoding").</summary>
    public enum InputCoding
    {
        /// <summary>Any values.</summary>
        Dense,

        /// <summary>At most one input is non-zero at a step, and it is 1 (<see cref="IOneHotNetwork"/>).</summary>
        OneHot,

        /// <summary>Most inputs are zero at a step.</summary>
        Sparse,
    }

    /// <summary>The floating-point type a network computes in.</summary>
    public enum NumberPrecision
    {
        Double,

        Float,
    }

    /// <summary>The sources of each kind of unit's net input (Table 10 "c").</summary>
    /// <param name="Pattern">F, B or custom.</param>
    /// <param name="CellInputs">What every cell's net input net_c reads (Eq. 9).</param>
    /// <param name="InputGates">What every input gate reads (Eq. 7).</param>
    /// <param name="OutputGates">What every output gate reads (Eq. 8).</param>
    /// <param name="Outputs">What every output unit reads: this step's cells, and the inputs where the pattern says so.</param>
    public sealed record ConnectivityDescription(ConnectivityPattern Pattern, ConnectedSources CellInputs, ConnectedSources InputGates, ConnectedSources OutputGates, ConnectedSources Outputs);
}
