namespace LstmGen.Experiments.Dispatch
{
    /// <summary>Run in this process (<see cref="Sibling"/> null), or re-execute the sibling at <see cref="Sibling"/>; <see cref="Reason"/> says why.</summary>
    public sealed record DispatchDecision(string? Sibling, string Reason)
    {
        /// <summary>Run in this process.</summary>
        public static DispatchDecision Here(string reason) => new(null, reason);

        /// <summary>Replace this process by the sibling, with the same arguments.</summary>
        public static DispatchDecision ReExecute(string sibling) => new(sibling, "this CPU has AVX-512: " + Avx512Dispatch.SiblingName + " runs instead");
    }
}
