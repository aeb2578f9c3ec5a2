using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Which trials of a row one summary may stand on. A summary never mixes trials of different base seeds, caps,
    /// settings (<see cref="Sharding.RunSettings"/>) or versions that compute different results: a run keeps the trials of
    /// other base seeds apart (they share the file, not the summary, and the summary says how many there are) and refuses a
    /// file holding trials of the row under another cap or other settings, which it would otherwise take as its own (the
    /// trial seeds are the same); a report refuses any such mix in its folder. Lines written before the results recorded
    /// cap and settings (0.4.0 and earlier) carry none, and are taken as the run's.
    /// </summary>
    public static class RowTrials
    {
        /// <summary>
        /// Checks that the trials of <paramref name="row"/> in <paramref name="trialsInFile"/> may be resumed by a run of
        /// cap <paramref name="maxSequences"/> and settings <paramref name="settings"/>.
        /// </summary>
        /// <exception cref="MixedTrialsException">Some trial of the row was run under another cap or other settings.</exception>
        public static void CheckResumable(string rowId, IEnumerable<TrialResult> trialsInFile, long maxSequences, string settings, string resultsPath)
        {
            ArgumentNullException.ThrowIfNull(trialsInFile);
            var ofRow = trialsInFile.Where(t => t.Row == rowId).ToList();
            var otherCap = ofRow.Where(t => t.MaxSequences is { } cap && cap != maxSequences).ToList();
            if (otherCap.Count > 0)
            {
                throw new MixedTrialsException(string.Create(CultureInfo.InvariantCulture,
                    $"{resultsPath} holds {Trials(otherCap.Count)} of row {rowId} run with a cap of {otherCap[0].MaxSequences:N0} sequences (this run: {maxSequences:N0}); a summary never mixes caps: pass --results <another file>"));
            }

            var otherSettings = ofRow.Where(t => t.Settings is { } s && s != settings).ToList();
            if (otherSettings.Count > 0)
            {
                throw new MixedTrialsException(string.Create(CultureInfo.InvariantCulture,
                    $"{resultsPath} holds {Trials(otherSettings.Count)} of row {rowId} run with other settings ({Difference(otherSettings[0].Settings!, settings)}); a summary never mixes settings: pass --results <another file>"));
            }
        }

        /// <summary>Whether <paramref name="trial"/> is one of row <paramref name="rowId"/> that a run of base seed <paramref name="baseSeed"/> made.</summary>
        public static bool OfBaseSeed(TrialResult trial, string rowId, ulong baseSeed)
        {
            ArgumentNullException.ThrowIfNull(trial);
            return trial.Row == rowId && trial.Seed == TrialSeeds.For(rowId, trial.Trial, baseSeed);
        }

        /// <summary>
        /// Checks that the trials of one row in a results folder may be summed up as one row of a report (its lines in file
        /// order; a later line of the same trial replaces an earlier one).
        /// </summary>
        /// <exception cref="MixedTrialsException">They mix base seeds, caps, settings or versions.</exception>
        /// <param name="rowId">The row's id.</param>
        /// <param name="row">The row, when this build knows it (its version changes apply to it); null for a row it does not
        /// know, whose trials then only need versions whose networks compute the same bits.</param>
        /// <param name="lines">The row's lines.</param>
        /// <param name="resultsDirectory">The folder, for the message.</param>
        public static void CheckReportable(string rowId, ExperimentRow? row, IReadOnlyList<TrialResult> lines, string resultsDirectory)
        {
            ArgumentNullException.ThrowIfNull(lines);
            string Refuse(string what) =>
                throw new MixedTrialsException("the trials of row " + rowId + " in " + resultsDirectory + " mix " + what + "; a summary never mixes them: report each set from its own folder");

            var seeds = lines.GroupBy(t => t.Trial).FirstOrDefault(g => g.Select(t => t.Seed).Distinct().Count() > 1);
            var baseSeeds = lines.Select(t => t.BaseSeed).OfType<ulong>().Distinct().ToList();
            if (seeds is not null || baseSeeds.Count > 1)
            {
                Refuse(seeds is not null
                    ? "base seeds (trial " + seeds.Key.ToString(CultureInfo.InvariantCulture) + " appears with two seeds)"
                    : "base seeds (" + string.Join(", ", baseSeeds.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")");
            }

            var caps = lines.Select(t => t.MaxSequences).OfType<long>().Distinct().ToList();
            if (caps.Count > 1)
            {
                Refuse("caps (" + string.Join(", ", caps.Select(c => c.ToString("N0", CultureInfo.InvariantCulture))) + " sequences)");
            }

            var settings = lines.Select(t => t.Settings).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (settings.Count > 1)
            {
                Refuse("settings (" + Difference(settings[0], settings[1]) + ")");
            }

            var versions = lines.Select(t => t.Version).Distinct(StringComparer.Ordinal).ToList();
            if (versions.Any(a => versions.Any(b => row is null ? !ResultsVersions.SameBits(a, b) : !ResultsVersions.Same(a, b, row))))
            {
                Refuse("versions that compute different results (" + string.Join(", ", versions.OrderBy(v => v, StringComparer.Ordinal)) + ")");
            }
        }

        /// <summary>The parts of two settings descriptions that differ: "learning rate: 0.1 instead of the row's".</summary>
        private static string Difference(string theirs, string ours)
        {
            var mine = ours.Split("; ");
            var parts = theirs.Split("; ").Where(p => Array.IndexOf(mine, p) < 0).ToList();
            var replaced = mine.Where(p => Array.IndexOf(theirs.Split("; "), p) < 0).ToList();
            return parts.Count == 0 ? theirs : string.Join(", ", parts) + (replaced.Count == 0 ? string.Empty : " instead of " + string.Join(", ", replaced));
        }

        private static string Trials(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " trial" : " trials");
    }
}
