using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Experiments.Harness
{
    /// <summary>A row's trials summed up in the paper's terms, next to the paper's figures.</summary>
    public sealed record RowSummary(
        string Row,
        int Trials,
        int Successes,
        double SuccessPercent,
        double? MeanSequences,
        double? MedianSequences,
        long? MinSequences,
        long? MaxSequences,
        double? MeanTestWrong,
        int? MaxTestWrong,
        int TestSize,
        double? MeanTestMse,
        double? MeanTestAbsError,
        double TotalWallSeconds)
    {
        /// <summary>Of <see cref="Trials"/>, how many the command that made this summary ran (or finished, if resumed from a checkpoint).</summary>
        public int TrialsRun { get; init; }

        /// <summary>Of <see cref="Trials"/>, how many were read from the results of earlier runs.</summary>
        public int TrialsReused => Trials - TrialsRun;

        /// <summary>
        /// Trials of the row in the same results file that this summary leaves out because another base seed made them
        /// (<see cref="RowTrials"/>): a summary never mixes base seeds.
        /// </summary>
        public int TrialsOfOtherBaseSeeds { get; init; }

        /// <summary>Sums up the trials of <paramref name="row"/>; sequence figures are over the successful trials, as the paper's means are.</summary>
        public static RowSummary Of(string row, IReadOnlyCollection<TrialResult> trials)
        {
            var ok = trials.Where(t => t.Success).Select(t => t.Sequences).OrderBy(s => s).ToList();
            var tested = trials.Where(t => t.TestSize > 0).ToList();
            return new RowSummary(
                row,
                trials.Count,
                ok.Count,
                trials.Count == 0 ? 0 : 100.0 * ok.Count / trials.Count,
                ok.Count == 0 ? null : ok.Average(s => (double)s),
                ok.Count == 0 ? null : Median(ok),
                ok.Count == 0 ? null : ok[0],
                ok.Count == 0 ? null : ok[^1],
                tested.Count == 0 ? null : tested.Average(t => (double)t.TestWrong),
                tested.Count == 0 ? null : tested.Max(t => t.TestWrong),
                tested.Count == 0 ? 0 : tested[0].TestSize,
                tested.Count == 0 ? null : tested.Average(t => t.TestMse),
                tested.Count == 0 ? null : tested.Average(t => t.TestMeanAbsError),
                trials.Sum(t => t.WallSeconds));
        }

        /// <summary>The median of sorted counts: the middle one, or the mean of the two middle ones.</summary>
        public static double Median(IReadOnlyList<long> sorted)
        {
            ArgumentNullException.ThrowIfNull(sorted);
            var n = sorted.Count;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
        }
    }
}
