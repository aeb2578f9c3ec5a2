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
    /// those rows: their trials from before it are refused, every other row's are kept.
    /// </summary>
    public static class ResultsVersions
    {
        /// <summary>A version that changed the results of <see cref="Rows"/> only, and why.</summary>
        public sealed record RowChange(string Version, IReadOnlyList<string> Rows, string Why);

        /// <summary>Every change that altered some rows' results alone, oldest first.</summary>
        public static readonly IReadOnlyList<RowChange> RowChanges =
        [
            new("0.6.0", ["2a", "2b"],
                "sequential construction holds the cell's output weights at zero after every learning step (before, only after each sequence, so under per-step updates the cell fed the outputs and learned before it was added)"),
            new("0.6.1", ["2b"],
                "the recorded training error (learning curve, progress) is the largest absolute error at the judged step, the sequence end (before, over every step: near 1 from the random middle); verdicts, counts and weights are unchanged; a 2a row judged at the sequence end (task.judge) changes the same way"),
        ];

        /// <summary>Whether trials of <paramref name="row"/> run by <paramref name="version"/> give this version's results.</summary>
        public static bool GivesSameResults(string version, string row) => Same(version, LstmGenVersion.Value, row);

        /// <summary>
        /// Whether trials of <paramref name="row"/> run by versions <paramref name="a"/> and <paramref name="b"/> compute
        /// the same results: both give this version's networks' bits, and no row change for the row lies between them.
        /// </summary>
        public static bool Same(string a, string b, string row)
        {
            ArgumentNullException.ThrowIfNull(a);
            ArgumentNullException.ThrowIfNull(b);
            ArgumentNullException.ThrowIfNull(row);
            return a == b ||
                (LstmGenVersion.GivesSameResults(a) && LstmGenVersion.GivesSameResults(b) &&
                 !RowChanges.Any(c => c.Rows.Contains(row, StringComparer.Ordinal) && IsBefore(a, c.Version) != IsBefore(b, c.Version)));
        }

        /// <summary>
        /// Why trials of <paramref name="row"/> run by <paramref name="version"/> are refused, for a message: every row change
        /// since it, oldest first, or "" when the version is refused as a whole (its networks compute other bits).
        /// </summary>
        public static string Reason(string version, string row)
        {
            ArgumentNullException.ThrowIfNull(version);
            ArgumentNullException.ThrowIfNull(row);
            var changes = LstmGenVersion.GivesSameResults(version)
                ? RowChanges.Where(c => c.Rows.Contains(row, StringComparer.Ordinal) && IsBefore(version, c.Version)).ToList()
                : [];
            return changes.Count == 0
                ? string.Empty
                : " (" + string.Join("; ", changes.Select(c => c.Version + " changed row " + row + "'s results: " + c.Why)) + ")";
        }

        private static bool IsBefore(string version, string than) =>
            Version.TryParse(version, out var a) && Version.TryParse(than, out var b) ? a < b : !string.Equals(version, than, StringComparison.Ordinal);
    }
}
