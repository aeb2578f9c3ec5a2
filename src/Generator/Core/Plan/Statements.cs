using LstmGen.Generator.Model;

namespace LstmGen.Generator.Plan
{
    /// <summary>One statement of the learning step, in the order the step runs it.</summary>
    public abstract record Statement;

    /// <summary>A comment for the reader of the generated code (it cites the paper's equations).</summary>
    public sealed record Comment(string Text) : Statement;

    /// <summary>A named value: <c>var Name = Value;</c>, with an optional note.</summary>
    public sealed record Let(Local Name, Expr Value, string Note = "") : Statement;

    /// <summary><c>Target = Value;</c></summary>
    public sealed record Store(Element Target, Expr Value, string Note = "") : Statement;

    /// <summary><c>Target = Target + Value;</c>, the new value also named <paramref name="Capture"/> when it is not empty.</summary>
    public sealed record AddTo(Expr Target, Expr Value, string Capture = "", string Note = "") : Statement;

    /// <summary>
    /// A gate's or cell's net input into its local (Eqs. 7-9): the rest of its sum added to the active inputs' part, or the
    /// whole sum; in a group of four fan-ins, the sum is left to the batched σ.
    /// </summary>
    public sealed record ComputeNetInput(NetInput NetInput) : Statement;

    /// <summary>The squashing functions of the paper and their derivatives, as <c>Squash</c> computes them.</summary>
    public enum SquashFunction
    {
        /// <summary>f = σ and f' = σ(1 − σ), from σ (Eq. 3).</summary>
        LogisticFromSigma,

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ), from σ (Eq. 5).</summary>
        G2FromSigma,

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ), from σ (Eq. 4).</summary>
        H1FromSigma,

        /// <summary>The identity, derivative 1 (g or h = x).</summary>
        Identity,
    }

    /// <summary><c>Value = F(Argument)</c> and <c>Derivative = F'(…)</c>.</summary>
    /// <param name="Function">The function.</param>
    /// <param name="Argument">Its argument (σ of the net input for the "FromSigma" functions).</param>
    /// <param name="Value">Where the value goes: an element, or a new local.</param>
    /// <param name="Derivative">Where the derivative goes.</param>
    /// <param name="Note">A note for the reader.</param>
    public sealed record ApplySquash(SquashFunction Function, Expr Argument, Expr Value, Element Derivative, string Note = "") : Statement;

    /// <summary>
    /// σ(x) = 1/(1 + e^−x) of several values into consecutive elements of <paramref name="Destination"/> (Eq. 3). Every
    /// value's σ is the scalar σ's bits, however they are grouped.
    /// </summary>
    public sealed record Sigma(string Destination, EquatableArray<SigmaGroup> Groups) : Statement;

    /// <summary>A group of a <see cref="Sigma"/>: how a printer may batch the σ (a speed decision).</summary>
    public abstract record SigmaGroup;

    /// <summary>σ of one, two or four values into Destination[Offset…], passed in registers.</summary>
    public sealed record SigmaOfValues(int Offset, EquatableArray<Expr> Values) : SigmaGroup;

    /// <summary>
    /// σ of the net inputs of four fan-ins of the same shape (each one run of at least 8 terms from the same first source,
    /// with the same 8⌊n/8⌋), summed together by <c>Kernels.Dot4</c> into one vector (each lane in
    /// <see cref="RunForm.WrittenOut"/> order), plus their active inputs' parts when they have them.
    /// </summary>
    public sealed record SigmaOfFourFanIns(int Offset, EquatableArray<NetInput> NetInputs) : SigmaGroup;

    /// <summary>σ of every element of <paramref name="Source"/>, in place or into the destination (one call over the array).</summary>
    public sealed record SigmaOfArray(string Source) : SigmaGroup;

    /// <summary>
    /// Destination[DestinationBase + m] += Σ_v Terms[v].Factor · Terms[v].Source[Terms[v].SourceBase + m] for m in
    /// [First, First + Count): per element, the terms are summed left to right, then added once.
    /// </summary>
    public sealed record ScaledAdd(string Destination, Index DestinationBase, int First, int Count, EquatableArray<ScaledTerm> Terms, ScaledAddForm Form) : Statement;

    /// <summary>
    /// Destination[First + m] = Destination[First + m] · Factor for m in [0, Count): the decay of a cell's traces by its
    /// forget gate's activation, dS/dw(t−1) y^φ(t) (Gers, Schmidhuber &amp; Cummins 2000), before the step's terms are added
    /// (a <see cref="ScaledAdd"/> after it gives (dS/dw(t−1) y^φ(t)) + term, the equation's order). Elementwise: every form
    /// gives the same bits.
    /// </summary>
    public sealed record ScaleBy(string Destination, int First, int Count, Expr Factor) : Statement;

    /// <summary>
    /// The body run once per active input (x_i(t) ≠ 0, in index order; i and x_i(t) are
    /// <see cref="IndexVariable.Input"/> and <see cref="ActiveInputValue"/>).
    /// </summary>
    public sealed record ForEachActiveInput(EquatableArray<Statement> Body) : Statement;

    /// <summary>The body run once per touched input (non-zero at some step since Reset; i is <see cref="IndexVariable.Input"/>).</summary>
    public sealed record ForEachTouchedInput(EquatableArray<Statement> Body) : Statement;

    /// <summary>In a pass over the active inputs: input i joins the touched set if it is not in it yet.</summary>
    public sealed record MarkInputTouched : Statement;
}
