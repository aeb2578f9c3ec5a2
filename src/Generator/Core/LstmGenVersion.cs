namespace LstmGen.Generator
{
    /// <summary>The version written into generated files' headers and GeneratedCode attributes, and into results files.</summary>
    public static class LstmGenVersion
    {
        public const string Value = "0.6.1";

        /// <summary>
        /// Earlier versions whose trials this version reproduces bit for bit, so that a row may hold trials of both
        /// (TrialRunner refuses any other mix). 0.3.0 changed the emitted code's shape and API (register-fed σ,
        /// IOneHotNetwork, outputs on demand), 0.4.0 sums four gate and cell fan-ins at once (Kernels.Dot4), 0.5.0 moves the
        /// reference interpreter out of the runtime (the package layout and API) and 0.6.0 changes the experiments' harness
        /// (sequential construction, rows 2a and 2b: LstmGen.Experiments' ResultsVersions refuses those rows' older trials), 0.6.1
        /// the training error Exp 2's rows record (row 2b),
        /// but none changed one operation of a network or its order: TraceDigestTests pins the bits of every compiled
        /// network's training as 0.2.0 computed them. A version that changes any digest must not be listed here.
        /// </summary>
        public static readonly System.Collections.Generic.IReadOnlyList<string> SameResultsAs = new[] { "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0" };

        /// <summary>Whether trials run by <paramref name="version"/> may stand in one row beside this version's.</summary>
        public static bool GivesSameResults(string version) =>
            version == Value || System.Linq.Enumerable.Contains(SameResultsAs, version);
    }
}
