namespace LstmGen.Runtime
{
    /// <summary>
    /// When a network applies the weight changes of App. A.1. The paper says only that "each weight's total update
    /// is the sum of the contributions of all time steps" (extraction §2.4); both readings are offered.
    /// They differ only where errors arrive at more than one step of a sequence (Exps 1, 2a, 2b).
    /// </summary>
    public enum UpdateTiming
    {
        /// <summary>Accumulate every step's contribution; apply the sum at <see cref="ILstmNetwork.EndSequence"/>.</summary>
        PerSequence,

        /// <summary>Apply each step's contribution at the end of that step.</summary>
        PerStep,
    }
}
