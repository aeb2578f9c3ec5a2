using System;

namespace LstmGen.Generator.Model
{
    /// <summary>Which non-input units carry a bias weight (Table 10, column "bias").</summary>
    public enum BiasPolicy
    {
        /// <summary>"none": no unit has a bias weight (Exps 2a, 2b, 2c).</summary>
        None,

        /// <summary>"ga": only the gate units are biased (Exp 1).</summary>
        Gates,

        /// <summary>"b1": all hidden units, i.e. cells and gates, but not the outputs (Exp 3).</summary>
        Hidden,

        /// <summary>"all": all non-input units, outputs included (Exps 4, 5, 6).</summary>
        All,
    }

    /// <summary>The cell input squashing function g (App. A.1, Eq. 5; Table 10 column "g").</summary>
    public enum CellInputSquash
    {
        /// <summary>"g2": g(x) = 4σ(x) − 2, range [−2, 2] (Eq. 5).</summary>
        G2,

        /// <summary>"g1": g(x) = σ(x), range [0, 1] (Exps 2a, 2b).</summary>
        G1,

        /// <summary>g(x) = x.</summary>
        Identity,
    }

    /// <summary>The cell output squashing function h (App. A.1, Eq. 4; Table 10 column "h").</summary>
    public enum CellOutputSquash
    {
        /// <summary>"h1": h(x) = 2σ(x) − 1, range [−1, 1] (Eq. 4).</summary>
        H1,

        /// <summary>"id": h(x) = x (Exps 2a, 2b).</summary>
        Identity,
    }

    /// <summary>When the summed weight changes of App. A.1 are applied (the paper is ambiguous, extraction §2.4).</summary>
    public enum UpdateTiming
    {
        /// <summary>Accumulate every step's contribution and apply it once at the end of the sequence.</summary>
        PerSequence,

        /// <summary>Apply each step's contribution right after that step (real-time RTRL style).</summary>
        PerStep,
    }

    /// <summary>
    /// What the spec promises about the input vector x(t) of every step (docs/spec-language.md, "Input encoding").
    /// The generated code skips the inputs that are exactly zero when the spec says they are usually most of them.
    /// </summary>
    public enum InputEncoding
    {
        /// <summary>"dense": no promise; every input is read at every step.</summary>
        Dense,

        /// <summary>"one-hot": at most one input is non-zero at each step (a local code, as in Exps 1, 2 and 6); checked.</summary>
        OneHot,

        /// <summary>"sparse": any number of inputs may be non-zero; the code reads only those that are.</summary>
        Sparse,
    }

    /// <summary>The floating-point type of the generated network.</summary>
    public enum Precision
    {
        Double,
        Float,
    }

    /// <summary>The shape of the connections (Table 10 column "c").</summary>
    public enum ConnectivityKind
    {
        /// <summary>"F": inputs, cells and gates feed every cell and gate; only the cells feed the outputs.</summary>
        Full,

        /// <summary>"B": each layer sees all layers below; the inputs feed the outputs; no recurrence but the CEC.</summary>
        Layered,

        /// <summary>An explicit source list per kind of unit.</summary>
        Custom,
    }

    /// <summary>The kinds of unit whose activations can feed a net input.</summary>
    [Flags]
    public enum SourceSet
    {
        None = 0,

        /// <summary>The input units x(t).</summary>
        Input = 1,

        /// <summary>The memory cell outputs y^c.</summary>
        Cells = 2,

        /// <summary>The input gate activations y^in.</summary>
        InputGates = 4,

        /// <summary>The output gate activations y^out.</summary>
        OutputGates = 8,

        /// <summary>Inputs, cells and both kinds of gate.</summary>
        All = Input | Cells | InputGates | OutputGates,
    }
}
