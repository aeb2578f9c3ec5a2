using System.Collections.Generic;

namespace LstmGen.Experiments.Harness
{
    /// <summary>One point of a learning curve: the running training error after a number of training sequences.</summary>
    public readonly record struct CurvePoint(long Sequences, double Error);

    /// <summary>
    /// The outcome of one trial (one training run from fresh random weights, §5), as written to a results file (one JSON
    /// line per trial).
    /// </summary>
    public sealed record TrialResult
    {
        /// <summary>The protocol row, e.g. "exp1-3x2-lr0.5".</summary>
        public required string Row { get; init; }

        /// <summary>The trial's index within its row; trial i of a row always gets the same seed.</summary>
        public required int Trial { get; init; }

        public required ulong Seed { get; init; }

        /// <summary>Whether the stopping rule was met before the sequence cap.</summary>
        public required bool Success { get; init; }

        /// <summary>Training sequences presented until success (or until the cap, on failure).</summary>
        public required long Sequences { get; init; }

        /// <summary>Size of the final test set (0 when the row has none).</summary>
        public int TestSize { get; init; }

        /// <summary>Test sequences processed wrongly (misclassifications / wrong predictions).</summary>
        public int TestWrong { get; init; }

        /// <summary>Mean squared error at the judged steps over the test set.</summary>
        public double TestMse { get; init; }

        /// <summary>Mean absolute error at the judged steps over the test set.</summary>
        public double TestMeanAbsError { get; init; }

        /// <summary>Secondary figures some rows report (e.g. Exp 3's sequences until ST1), by name.</summary>
        public IReadOnlyDictionary<string, double> Extra { get; init; } = new Dictionary<string, double>();

        public required double WallSeconds { get; init; }

        /// <summary>
        /// The LstmGen version that ran the trial. Versions can differ in their numerics (0.2.0 replaced the C runtime's
        /// exp with LstmGen's own), so a row never mixes trials of two versions; lines written before the field existed
        /// are 0.1.0's.
        /// </summary>
        public string Version { get; init; } = LstmGen.Generator.LstmGenVersion.Value;

        /// <summary>
        /// The base seed of the run that made the trial (the trial's own seed is derived from it, the row and the trial's
        /// index, <see cref="TrialSeeds"/>); null on lines written before results recorded it (LstmGen 0.4.0 and earlier).
        /// </summary>
        public ulong? BaseSeed { get; init; }

        /// <summary>The cap on training sequences the trial ran under; null on lines written before results recorded it.</summary>
        public long? MaxSequences { get; init; }

        /// <summary>
        /// The other settings that shape the trial's bits, in words (<see cref="Sharding.RunSettings.Describe"/>: update
        /// timing, error measure, learning rate, stopping-test interval, test set, network); null on lines written before
        /// results recorded them. A row's summary never mixes trials whose caps or settings differ (<see cref="RowTrials"/>).
        /// </summary>
        public string? Settings { get; init; }

        /// <summary>The running training error, sampled during training.</summary>
        public IReadOnlyList<CurvePoint> Curve { get; init; } = new List<CurvePoint>();
    }
}
