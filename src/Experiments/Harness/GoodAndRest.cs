using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Gers, Schmidhuber &amp; Cummins 2000, Table 2, on the trials that are not "perfect" solutions: "% good solutions"
    /// (note b: "average stream length &gt; 1000") and "% rest" (note c: "≤ 1000"), each with "the mean length of error-free
    /// prediction" in angle brackets; a length is null where the table prints ⟨−⟩ (no such trial).
    /// </summary>
    /// <param name="GoodPercent">Good solutions, % of all trials.</param>
    /// <param name="GoodLength">Their mean error-free length, in symbols.</param>
    /// <param name="RestPercent">The rest, % of all trials.</param>
    /// <param name="RestLength">Their mean error-free length, in symbols.</param>
    public sealed record GoodAndRest(double GoodPercent, double? GoodLength, double RestPercent, double? RestLength)
    {
        /// <summary>The results' name of a trial's mean error-free length over the final test streams (<see cref="ContinualReberRow"/>).</summary>
        public const string MeanErrorFreeLength = "meanErrorFreeLength";

        /// <summary>The results' name of the flag that a trial that is not a solution is a good one (1) or the rest (0).</summary>
        public const string Good = "good";

        /// <summary>
        /// The split of <paramref name="trials"/> as Table 2 makes it, from what the continual protocol recorded; null when
        /// they are not the continual protocol's (no trial records a mean error-free length) or there are none.
        /// </summary>
        public static GoodAndRest? Of(IReadOnlyCollection<TrialResult> trials)
        {
            System.ArgumentNullException.ThrowIfNull(trials);
            if (trials.Count == 0 || !trials.All(t => t.Extra.ContainsKey(MeanErrorFreeLength)))
            {
                return null;
            }

            var failed = trials.Where(t => !t.Success).ToList();
            var good = failed.Where(t => t.Extra.TryGetValue(Good, out var flag) && flag == 1).ToList();
            var rest = failed.Except(good).ToList();
            return new GoodAndRest(
                100.0 * good.Count / trials.Count,
                good.Count == 0 ? null : good.Average(t => t.Extra[MeanErrorFreeLength]),
                100.0 * rest.Count / trials.Count,
                rest.Count == 0 ? null : rest.Average(t => t.Extra[MeanErrorFreeLength]));
        }
    }
}
