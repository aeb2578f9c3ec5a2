using LstmGen.Generator.Model;

namespace LstmGen.Generator.Plan
{
    /// <summary>
    /// A loop variable an index or a local may depend on. The learning step is straight-line code over constant indices,
    /// except where it runs over a list made at run time (the active or touched inputs) or over the output units, which
    /// the plan states once for every k (a printer may write a loop or one copy per k).
    /// </summary>
    public enum IndexVariable
    {
        /// <summary>A constant index.</summary>
        None,

        /// <summary>i, the input in hand in a pass over the active inputs (or the touched ones).</summary>
        Input,

        /// <summary>k, the output unit: the index is k plus the offset (arrays with one value per output unit).</summary>
        OutputUnit,

        /// <summary>The first weight of output unit k's fan-in: the index is that plus the offset.</summary>
        OutputFanIn,
    }

    /// <summary>An index into an array of the step: a constant, or a constant plus a loop variable.</summary>
    /// <param name="Offset">The constant part.</param>
    /// <param name="Variable">The loop variable added to it, if any.</param>
    public sealed record Index(int Offset, IndexVariable Variable = IndexVariable.None);

    /// <summary>
    /// A value of the learning step, as the maths writes it. Every operation is one IEEE operation of the network's
    /// precision, in the order the tree gives: products multiply their factors left to right, sums add their terms left
    /// to right. Printers must keep that order (and never fuse a multiply and an add): every printer of a plan computes
    /// the same bits.
    /// </summary>
    public abstract record Expr;

    /// <summary>An element of an array of the step (a state array of the class, or the <c>target</c> argument), e.g. gNetC[3].</summary>
    /// <param name="Array">The array's name in the step (the field's name without its underscore).</param>
    /// <param name="At">The index.</param>
    public sealed record Element(string Array, Index At) : Expr;

    /// <summary>A named intermediate value of the step (introduced by a <see cref="Let"/>), e.g. yIn0 or inputGateFactor3.</summary>
    /// <param name="Name">The name (for <see cref="IndexVariable.OutputUnit"/>, the name of the value of output unit k is the name followed by k).</param>
    /// <param name="Per">The loop variable the value depends on, if any.</param>
    public sealed record Local(string Name, IndexVariable Per = IndexVariable.None) : Expr;

    /// <summary>A constant of the network's precision (0 or 1 here).</summary>
    public sealed record Number(double Value) : Expr;

    /// <summary>A member of the network object read as a value, e.g. its <c>LearningRate</c> (a double).</summary>
    public sealed record Member(string Name) : Expr;

    /// <summary>A double value (an argument of the step, or a member) rounded to the network's precision (a no-op in double networks).</summary>
    public sealed record InNetworkPrecision(Expr Value) : Expr;

    /// <summary>f_0 · f_1 · … , multiplied left to right.</summary>
    public sealed record Product(EquatableArray<Expr> Factors) : Expr
    {
        public Product(params Expr[] factors)
            : this(new EquatableArray<Expr>(factors))
        {
        }
    }

    /// <summary>t_0 + t_1 + … , added left to right.</summary>
    public sealed record Sum(EquatableArray<Expr> Terms) : Expr
    {
        public Sum(params Expr[] terms)
            : this(new EquatableArray<Expr>(terms))
        {
        }
    }

    /// <summary>a − b.</summary>
    public sealed record Difference(Expr Minuend, Expr Subtrahend) : Expr;

    /// <summary>Explicit parentheses for the reader around a value whose association they do not change.</summary>
    public sealed record Grouped(Expr Inner) : Expr;

    /// <summary>x_i(t), the value of the input in hand in a pass over the active inputs.</summary>
    public sealed record ActiveInputValue : Expr;

    /// <summary>
    /// (((+0 + Term(0)) + Term(1)) + …) + Term(K−1): a sum over the output units k in order from zero that starts from +0
    /// (so that a sum of terms that are all −0 is +0, as in a loop that adds to a cleared array).
    /// </summary>
    /// <param name="Term">The term, written for output unit k.</param>
    public sealed record OutputUnitsSum(Expr Term) : Expr;

    /// <summary>The net input of a gate or cell (<see cref="Plan.NetInput"/>): its active inputs' part, if any, plus the rest of its sum.</summary>
    public sealed record NetInputValue(NetInput NetInput) : Expr;
}
