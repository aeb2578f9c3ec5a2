using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Which versions' trials a row's results may mix with this version's. A version whose generated networks compute
    /// the same bits lists its predecessors in <see cref="LstmGenVersion.SameResultsAs"/> (TraceDigestTests pins them);
    /// a change of the harness that alters the results of some rows only (not a network's bits) is listed here, with
    /// what those rows do (sequential construction, a judged step apart from the taught ones): their trials from before
    /// it are refused, every other row's are kept. A change is keyed by what a row does, not by its id, so that a row of
    /// a row file or a sweep variant that does the same (2a judged at the sequence end, say) is refused alike wherever
    /// the row itself is at hand: a run or sweep resuming its results, a shard claiming its folder. A merge and the report
    /// know a row by its id only and judge it as the paper's row of that id (shards run the paper's rows).
    /// </summary>
    public static class ResultsVersions
    {
        /// <summary>A version that changed the results of the rows <see cref="Changes"/> picks only, and why.</summary>
        /// <param name="Version">The version that made the change.</param>
        /// <param name="Changes">Whether it changed a row's results.</param>
        /// <param name="Why">What it changed, for the message that refuses older trials.</param>
        public sealed record RowChange(string Version, Func<ExperimentRow, bool> Changes, string Why);

        /// <summary>Every change that altered some rows' results alone, oldest first.</summary>
        public static readonly IReadOnlyList<RowChange> RowChanges =
        [
            // Rows with sequential construction (the paper's 2a and 2b).
            new("0.6.0", row => row.HoldsWeightsAtZero,
                "sequential construction holds the cell's output weights at zero after every learning step (before, only after each sequence, so under per-step updates the cell fed the outputs and learned before it was added)"),
            // Long-lag rows judged at the sequence end and taught at every step (the paper's 2b; 2a with task.judge: sequence-end).
            new("0.6.1", row => row is StreamRow { RecordsJudgedError: true },
                "the recorded training error (learning curve, progress) is the largest absolute error at the judged step, the sequence end (before, over every step: near 1 from the random middle); verdicts, counts and weights are unchanged"),
        ];

        /// <summary>Whether trials of <paramref name="row"/> run by <paramref name="version"/> give this version's results.</summary>
        public static bool GivesSameResults(string version, ExperimentRow row) => Same(version, LstmGenVersion.Value, row);

        /// <summary>
        /// Whether trials of <paramref name="row"/> run by versions <paramref name="a"/> and <paramref name="b"/> compute
        /// the same results: both give this version's networks' bits, and no row change for the row lies between them.
        /// </summary>
        public static bool Same(string a, string b, ExperimentRow row)
        {
            ArgumentNullException.ThrowIfNull(a);
            ArgumentNullException.ThrowIfNull(b);
            ArgumentNullException.ThrowIfNull(row);
            return SameBits(a, b) && (a == b || !RowChanges.Any(c => IsBefore(a, c.Version) != IsBefore(b, c.Version) && c.Changes(row)));
        }

        /// <summary>Whether versions <paramref name="a"/> and <paramref name="b"/> both give this version's networks' bits (no row change considered).</summary>
        public static bool SameBits(string a, string b)
        {
            ArgumentNullException.ThrowIfNull(a);
            ArgumentNullException.ThrowIfNull(b);
            return a == b || (LstmGenVersion.GivesSameResults(a) && LstmGenVersion.GivesSameResults(b));
        }

        /// <summary>
        /// Why trials of <paramref name="row"/> run by <paramref name="version"/> are refused, for a message: every row change
        /// since it, oldest first, or "" when the version is refused as a whole (its networks compute other bits).
        /// </summary>
        public static string Reason(string version, ExperimentRow row)
        {
            ArgumentNullException.ThrowIfNull(version);
            ArgumentNullException.ThrowIfNull(row);
            var changes = LstmGenVersion.GivesSameResults(version)
                ? RowChanges.Where(c => IsBefore(version, c.Version) && c.Changes(row)).ToList()
                : [];
            return changes.Count == 0
                ? string.Empty
                : " (" + string.Join("; ", changes.Select(c => c.Version + " changed row " + row.Id + "'s results: " + c.Why)) + ")";
        }

        private static bool IsBefore(string version, string than) =>
            Version.TryParse(version, out var a) && Version.TryParse(than, out var b) ? a < b : !string.Equals(version, than, StringComparison.Ordinal);
    }
}
