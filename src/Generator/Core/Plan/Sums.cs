using LstmGen.Generator.Model;

namespace LstmGen.Generator.Plan
{
    /// <summary>The vector of source units y^m a fan-in multiplies: the input units x(t), the hidden units, and the bias unit (y = 1).</summary>
    public enum SourceVector
    {
        /// <summary>yPrev: x(t), the hidden units at t−1 and the bias unit, read by the gates and cells (Eqs. 7-9).</summary>
        Previous,

        /// <summary>y: x(t), the hidden units at t and the bias unit, read by the output units (output equation).</summary>
        Current,
    }

    /// <summary>How a run of a fan-in sum is added up. Both orders are exact definitions; they differ only in the sign of a sum whose terms are all −0.</summary>
    public enum RunForm
    {
        /// <summary>
        /// Written out term by term in the order of <c>Kernels.Dot</c>: with n terms t_i, eight interleaved partial sums
        /// s_l = t_l + t_(l+8) + … over the first 8⌊n/8⌋ terms, each starting from its first term and added in increasing i,
        /// combined as ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), then the remaining terms added one by one (fewer
        /// than 8 terms: t_0 + t_1 + … left to right). Each lane of <c>Kernels.Dot4</c> sums its fan-in this way too.
        /// </summary>
        WrittenOut,

        /// <summary>
        /// A call of <c>Kernels.Dot</c>: the order of <see cref="WrittenOut"/>, except that each partial sum starts from +0
        /// (s_l = (+0 + t_l) + t_(l+8) + …).
        /// </summary>
        DotKernel,
    }

    /// <summary>
    /// A run of a fan-in: weights w[base + FirstWeight + i] against consecutive source units y[FirstSource + i], i &lt; Count
    /// (consecutive weights that read consecutive sources; a fully connected fan-in is one run, its bias included).
    /// </summary>
    /// <param name="FirstWeight">The run's first weight, relative to the fan-in's first weight.</param>
    /// <param name="FirstSource">The run's first source unit, an index into the source vector.</param>
    /// <param name="Count">Number of terms.</param>
    /// <param name="Form">How the run is added up (a speed decision that is also an exact order).</param>
    public sealed record SumRun(int FirstWeight, int FirstSource, int Count, RunForm Form);

    /// <summary>
    /// Σ_m w_u,m y^m over runs of a fan-in: each run's sum in its <see cref="RunForm"/>, the runs' sums added left to
    /// right; no run at all is +0. The bias unit's y is 1 (a printer may write its term as the weight alone).
    /// </summary>
    /// <param name="WeightBase">The fan-in's first weight in w (for the output units: relative to output unit k's fan-in).</param>
    /// <param name="Sources">The source vector the weights multiply.</param>
    /// <param name="Runs">The runs, in weight order.</param>
    public sealed record FanInSum(Index WeightBase, SourceVector Sources, EquatableArray<SumRun> Runs) : Expr;

    /// <summary>How a scaled add is written. Elementwise, so every form gives the same bits.</summary>
    public enum ScaledAddForm
    {
        /// <summary>One statement per element.</summary>
        WrittenOut,

        /// <summary>A call of <c>Kernels.AddScaled</c> (one or two terms).</summary>
        Kernel,

        /// <summary>A loop over the elements.</summary>
        Loop,
    }

    /// <summary>One term f · source[SourceBase + m] of a <see cref="ScaledAdd"/>.</summary>
    /// <param name="Factor">The factor f.</param>
    /// <param name="Source">The array read: a source vector (<c>yPrev</c>, <c>y</c>; its bias unit is 1) or <c>traces</c>.</param>
    /// <param name="SourceBase">The index of element m = 0 in the source.</param>
    public sealed record ScaledTerm(Expr Factor, string Source, int SourceBase);
}
