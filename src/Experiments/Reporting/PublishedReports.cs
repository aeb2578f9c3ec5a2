using System.Collections.Generic;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Reporting
{
    /// <summary>
    /// One published report: the results folder it reads (under results/, in git), the report it writes (under docs/),
    /// the hand-written discussion appended to it, and the commands its opening sentence names. Paths are relative to
    /// the repository root, '/'-separated, as the report prints them.
    /// </summary>
    public sealed record PublishedReport(string ResultsDirectory, string Report, string? Discussion, string RunCommand)
    {
        /// <summary>
        /// The row files whose rows the report shows, with their <c>paper</c> figures (<see cref="RowFileReport"/>), instead
        /// of the 1997 paper's built-in rows; null for a report of the built-in rows.
        /// </summary>
        public IReadOnlyList<string>? RowFiles { get; init; }

        /// <summary>The heading of a report of row files.</summary>
        public string Title { get; init; } = "Results";

        /// <summary>The command line the report's opening sentence names.</summary>
        public string Command => RowFiles is null ? "lstmgen report --results-dir " + ResultsDirectory : "lstmgen report --published";

        /// <summary>Writes the report from the results under <paramref name="root"/> to the same relative path under <paramref name="outputRoot"/>.</summary>
        /// <exception cref="Rows.RowFileException">One of <see cref="RowFiles"/> has errors.</exception>
        public int Write(string root, string outputRoot) => RowFiles is null
            ? ResultsReport.Write(
                Path.Combine(root, ResultsDirectory),
                Path.Combine(outputRoot, Report),
                Command,
                Discussion is null ? null : Path.Combine(root, Discussion),
                RunCommand,
                ResultsDirectory,
                Harness.HeartbeatRuns.None)
            : RowFileReport.Write(
                Title,
                RowFiles.Select(f => (f, RowFileReader.Read(f, File.ReadAllText(Path.Combine(root, f))))).ToList(),
                Path.Combine(root, ResultsDirectory),
                Path.Combine(outputRoot, Report),
                Command,
                ResultsDirectory);
    }

    /// <summary>
    /// The reports in docs/ and the results they are made from: <c>lstmgen report --published</c> regenerates them, and a
    /// test checks that they are what the committed results give, byte for byte (figures included). The results under
    /// results/ change only when a command names them (<c>--results</c>, <c>--results-dir</c>); a user's runs go to runs/.
    /// </summary>
    public static class PublishedReports
    {
        public static IReadOnlyList<PublishedReport> All { get; } = new[]
        {
            // The rows run with the paper's protocol, row by row, and the hand-written discussion.
            new PublishedReport("results", "docs/results.md", "docs/results-discussion.md", "lstmgen run <row>"),

            // The full reproduction at the paper's caps, in progress (lstmgen reproduce --results-dir results/full).
            new PublishedReport("results/full", "docs/results-full.md", null, "lstmgen run <row>"),

            // Every row, 2 trials each, small caps (lstmgen reproduce --quick --results-dir results/quick).
            new PublishedReport("results/quick", "docs/results-quick.md", null, "lstmgen run <row>"),

            // Gers, Schmidhuber & Cummins 2000 (docs/gers2000.md): its rows are row files, their figures beside Table 2's.
            new PublishedReport("results/gers2000", "docs/results-gers2000.md", null, "lstmgen run <row file> <row>")
            {
                Title = "Gers, Schmidhuber & Cummins (2000), \"Learning to Forget\": results",
                RowFiles = ["specs/gers2000/gers2000.rows.yaml", "specs/gers2000/gers2000-erg.rows.yaml"],
            },
        };
    }
}
