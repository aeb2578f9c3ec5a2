using LstmGen.Generator.Model;

namespace LstmGen.Generator.Plan
{
    /// <summary>The element type of a state array.</summary>
    public enum StateElement
    {
        /// <summary>The network's real type (double or float).</summary>
        Real,

        /// <summary>A 32-bit integer.</summary>
        Int,

        /// <summary>A boolean.</summary>
        Bool,
    }

    /// <summary>How many elements a state array has: a constant of the generated class, or a number.</summary>
    /// <param name="Constant">The name of the class's constant that holds it (e.g. <c>CellCount</c>), or empty.</param>
    /// <param name="Value">The number.</param>
    public sealed record StateLength(string Constant, int Value);

    /// <summary>How a state array starts.</summary>
    public enum StateStart
    {
        /// <summary>All zeros (or false).</summary>
        Zero,

        /// <summary>A source vector: zeros, the bias unit 1.</summary>
        SourceVector,
    }

    /// <summary>
    /// One array (or scalar) of a network's state: a field of the generated class. The plan lists every one, so that one
    /// source decides which fields exist and what they hold.
    /// </summary>
    /// <param name="Name">The name in the step (the field is named with a leading underscore).</param>
    /// <param name="Element">The element type.</param>
    /// <param name="Length">Number of elements.</param>
    /// <param name="IsScalar">A single value (a count), not an array.</param>
    /// <param name="Start">How it starts.</param>
    /// <param name="Holds">What it holds, in the paper's notation.</param>
    public sealed record StateArray(string Name, StateElement Element, StateLength Length, bool IsScalar, StateStart Start, string Holds);

    /// <summary>State arrays that belong together, under a heading; when <paramref name="ListsHoldings"/>, each array's <see cref="StateArray.Holds"/> is written beside it.</summary>
    public sealed record StateGroup(EquatableArray<string> Heading, bool ListsHoldings, EquatableArray<StateArray> Arrays);

    /// <summary>What <c>Reset</c> does to one piece of state.</summary>
    public enum ResetKind
    {
        /// <summary>Every element to zero.</summary>
        Zero,

        /// <summary>Every element of a source vector to zero but the bias unit's (which stays 1).</summary>
        ZeroButBiasUnit,

        /// <summary>A count to zero.</summary>
        ZeroCount,

        /// <summary>The touched set emptied (its flags cleared through its list, then its count zeroed).</summary>
        EmptyTouchedSet,

        /// <summary>
        /// The hidden units' elements of a source vector (cells, input gates, output gates) to <see cref="ResetAction.Value"/>,
        /// the spec's <c>resetActivation</c> (the 1997 JKU simulator's <c>reset_net</c>: 0.5); the inputs and the bias unit
        /// keep what the action before set. Only in a plan whose spec resets to a value other than zero.
        /// </summary>
        HiddenUnitsToValue,

        /// <summary>Every element to <see cref="ResetAction.Value"/>, the spec's <c>resetActivation</c> (the outputs y^k).</summary>
        AllToValue,
    }

    /// <summary>One action of <c>Reset</c> (§5: all activations, states and traces start at zero), in order.</summary>
    /// <param name="Kind">What it does.</param>
    /// <param name="Array">The state array it does it to.</param>
    public sealed record ResetAction(ResetKind Kind, string Array)
    {
        /// <summary>The value of <see cref="ResetKind.HiddenUnitsToValue"/> and <see cref="ResetKind.AllToValue"/>; 0 otherwise.</summary>
        public double Value { get; init; }
    }

    /// <summary>A weight that <c>InitializeWeights</c> sets to a fixed value after drawing every weight (a gate bias the spec fixes).</summary>
    public sealed record FixedWeight(int Index, double Value, string Note);
}
