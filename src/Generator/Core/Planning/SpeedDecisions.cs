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
        /// Whether a run uses a network's lane classes by default (<c>CompiledNetwork.LanesByDefault</c>; <c>--lanes K</c>
        /// still runs them): not where the network keeps a touched set (<see cref="TouchedSetMinimum"/>) and its output units
        /// do not read the inputs. There the step's vector work is a few cells, and the per-lane pass over each lane's
        /// touched inputs (Eqs. 26, 28: the same element operations as the scalar class's, but each at a stride of one
        /// vector through arrays K times larger, so one cache line per element) dominates it: Exp2cP1000's lane step was
        /// an order of magnitude slower per trial than the scalar one, while Exp2LongLag's, whose 101 output units read
        /// the inputs as vectors, was faster (docs/performance.md, "Lane networks: the generated lane classes").
        /// </summary>
        public static bool LanesByDefault(bool keepsTouchedSet, bool outputsReadActiveInputs) => !keepsTouchedSet || outputsReadActiveInputs;
    }
}
