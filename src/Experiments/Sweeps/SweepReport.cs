using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LstmGen.Experiments.Harness;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>One variant's trials summed up, beside the paper's figures for its row.</summary>
    public sealed record SweepOutcome(SweepVariant Variant, RowSummary Summary);

    /// <summary>
    /// The report of a sweep (<c>lstmgen report --sweep</c>): a Markdown table, one line per variant (its settings, trials,
    /// success %, mean and median sequences of the successful trials, test errors, wall time, the paper's figure beside
    /// it), and an SVG plot of success and mean sequences per variant with the paper's value marked.
    /// </summary>
    public static class SweepReport
    {
        public const string MarkdownName = "report.md";
        public const string PlotName = "report.svg";

        /// <summary>Every trial of the variant found in its folder (every results file there: unsharded and shards), each once.</summary>
        public static SweepOutcome Outcome(SweepVariant variant)
        {
            ArgumentNullException.ThrowIfNull(variant);
            var trials = new Dictionary<int, TrialResult>();
            if (Directory.Exists(variant.Folder))
            {
                foreach (var file in Directory.GetFiles(variant.Folder, "*.jsonl").Order(StringComparer.Ordinal))
                {
                    foreach (var trial in ResultsFile.Read(file))
                    {
                        trials.TryAdd(trial.Trial, trial);
                    }
                }
            }

            return new SweepOutcome(variant, RowSummary.Of(variant.Id, trials.Values.OrderBy(t => t.Trial).ToList()));
        }

        /// <summary>The Markdown report; <paramref name="command"/> is the command that wrote it.</summary>
        public static string Markdown(SweepGrid grid, IReadOnlyList<SweepOutcome> outcomes, string command)
        {
            ArgumentNullException.ThrowIfNull(grid);
            ArgumentNullException.ThrowIfNull(outcomes);
            var row = outcomes.Count > 0 ? outcomes[0].Variant.Row : null;
            var text = new StringBuilder();
            text.Append("# Sweep of row ").Append(grid.Row).Append(": ").Append(string.Join(" x ", grid.Axes.Select(a => a.Key))).Append("\n\n");
            if (row is not null)
            {
                text.Append(Invariant($"{row.Settings.Title.Split(" [")[0]}; {outcomes[0].Variant.Row.Trials} trials per variant, cap {Thousands(row.DefaultMaxSequences)} training sequences, base seed {grid.Seed}. "));
            }

            text.Append("Trial i of every variant starts from the seed of trial i of the row, so the variants differ only in their settings. ");
            text.Append("Sequences are those of the successful trials (as the paper's means are). Written by `").Append(command).Append("`.\n\n");
            text.Append("| variant | ").Append(string.Join(" | ", grid.Axes.Select(a => "`" + a.Key + "`")))
                .Append(" | trials | success % | mean sequences | median sequences | test errors | wall time | paper |\n");
            text.Append("| --- | ").Append(string.Concat(grid.Axes.Select(_ => "--- | "))).Append("---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            foreach (var (variant, summary) in outcomes)
            {
                text.Append("| ").Append(variant.Id).Append(" | ")
                    .Append(string.Concat(variant.Settings.Select(s => "`" + s.Value.Replace("|", "\\|", StringComparison.Ordinal) + "` | ")))
                    .Append(Invariant($"{summary.Trials} of {variant.Row.Trials} | "))
                    .Append(summary.Trials == 0 ? "-" : Fixed(summary.SuccessPercent, 0)).Append(" | ")
                    .Append(summary.MeanSequences is { } mean ? Thousands(mean) : "-").Append(" | ")
                    .Append(summary.MedianSequences is { } median ? Thousands(median) : "-").Append(" | ")
                    .Append(TestErrors(summary)).Append(" | ")
                    .Append(Fixed(summary.TotalWallSeconds, 1)).Append(" s | ")
                    .Append(Paper(variant.Row.Paper)).Append(" |\n");
            }

            text.Append('\n');
            text.Append("![Success and mean sequences per variant](").Append(PlotName).Append(")\n\n");
            text.Append("Rerun one variant alone: the command in the header of its row file, e.g. `").Append(outcomes.Count > 0 ? outcomes[0].Variant.RerunCommand() : "lstmgen run <variant>/<row>.rows.yaml").Append("`.\n");
            return text.ToString();
        }

        /// <summary>The paper's figures of the row in one cell.</summary>
        public static string Paper(PaperFigures paper)
        {
            ArgumentNullException.ThrowIfNull(paper);
            if (!paper.InPaper)
            {
                return "not in the paper";
            }

            var parts = new List<string>();
            if (paper.SuccessPercent is { } success)
            {
                parts.Add(Fixed(success, 0) + " %");
            }

            if (paper.MeanSequences is { } mean)
            {
                parts.Add(Thousands(mean) + " seq.");
            }

            if (paper.TestWrong is { } wrong)
            {
                parts.Add(wrong + " wrong");
            }

            return string.Join(", ", parts) + Invariant($" ({paper.Table}, {paper.Trials} trials)");
        }

        private static string TestErrors(RowSummary summary) => summary.MeanTestWrong is { } wrong
            ? Fixed(wrong, 1) + " of " + summary.TestSize.ToString(CultureInfo.InvariantCulture) + " (max " + summary.MaxTestWrong!.Value.ToString(CultureInfo.InvariantCulture) + ")"
            : "-";

        internal static string Thousands(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
