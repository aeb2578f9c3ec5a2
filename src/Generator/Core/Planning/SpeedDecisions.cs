namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The thresholds of the scalar class's speed decisions (and, last, of whether lanes are the harness's default). Each choice is recorded in the plan (run forms, scaled-add
    /// forms, σ groups, loops over the output units, the touched set, the vector scan) and none changes a result:
    /// every form computes the same operations in the same order. docs/performance.md has the measurements behind the
    /// values.
    /// </summary>
    public static class SpeedDecisions
    {
        /// <summary>
        /// Runs of at most this many weights in a net input are written out term by term (<see cref="Plan.RunForm.WrittenOut"/>);
        /// longer runs call <c>Kernels.Dot</c>. Short written-out sums beat the inlined vector kernel (no horizontal sum, no
        /// loop); long ones would bloat the methods of wide networks past what the JIT optimises.
        /// </summary>
        public const int UnrollLimit = 16;

        /// <summary>
        /// Scaled adds (traces, Eqs. 25, 27; weight changes, Eqs. 22, 26, 28) over at most this many elements are written out;
        /// longer ones call <c>Kernels.AddScaled</c>, whose vector loop wins on longer runs.
        /// </summary>
        public const int ScaledAddUnrollLimit = 4;

        /// <summary>
        /// Up to this many output units, the output σ reads the net inputs into registers one by one and each cell's
        /// Σ_k w_k,c e_k is written out; above it, loops keep the methods short.
        /// </summary>
        public const int UnrolledOutputLimit = 16;

        /// <summary>
        /// Under one-hot or sparse inputs, specs with at least this many inputs look for the non-zero inputs four vectors at
        /// a time (skipping blocks of zeros) before the scalar scan.
        /// </summary>
        public const int VectorScanMinimum = 16;

        /// <summary>
        /// Under one-hot or sparse inputs, specs with at least this many inputs keep the set of inputs touched since Reset
        /// and change the input gate and cell weights (Eqs. 26, 28) of those inputs only; with fewer inputs, most are
        /// touched within a few steps and the whole fan-ins are updated from their traces.
        /// </summary>
        public const int TouchedSetMinimum = 16;

        /// <summary>
        /// Whether the lane classes keep the weights from the inputs, their pending changes and their traces in rows per
        /// lane and input (<c>LaneInputRows</c>) instead of one vector per weight: where the network keeps a touched set
        /// (<see cref="TouchedSetMinimum"/>), its output units do not read the inputs, and it has no forget gates (whose
        /// trace decay, Gers 2000, reaches every input's traces at every step, not only the active input's). A step then
        /// touches one row of each lane (the active input's: its weights, changes and traces together), and a lane's
        /// touched-input pass (Eqs. 26, 28) walks its own rows, instead of reading one element of a vector per weight at a
        /// stride of K through arrays K times the scalar class's (docs/performance.md, "Lane networks: rows by input").
        /// </summary>
        public static bool LaneInputRows(bool keepsTouchedSet, bool outputsReadActiveInputs, bool hasForgetGates) =>
            keepsTouchedSet && !outputsReadActiveInputs && !hasForgetGates;

        /// <summary>
        /// Whether a run uses a network's lane classes by default (<c>CompiledNetwork.LanesByDefault</c>; <c>--lanes K</c>
        /// still runs them): everywhere but where the network keeps a touched set (<see cref="TouchedSetMinimum"/>) and its
        /// lane classes have no rows by input (<see cref="LaneInputRows"/>: its output units read the inputs, or it has
        /// forget gates). Without rows, the per-lane pass over each lane's touched inputs (Eqs. 26, 28) reads one element
        /// of a vector per weight through arrays K times larger, one cache line per element: Exp2cP1000's lane step was an
        /// order of magnitude slower per trial than the scalar one before its rows (docs/performance.md, "Lane networks:
        /// the generated lane classes"). Exp2LongLag (2a, 2b), whose 101 output units read the inputs, had a faster lane
        /// step in the step benchmark, but its whole trials cost 1.3x more CPU on lanes than scalar (docs/performance.md,
        /// "Whole trials of every row"), so it runs scalar by default too.
        /// </summary>
        public static bool LanesByDefault(bool keepsTouchedSet, bool outputsReadActiveInputs, bool hasForgetGates) =>
            !keepsTouchedSet || LaneInputRows(keepsTouchedSet, outputsReadActiveInputs, hasForgetGates);
    }
}
