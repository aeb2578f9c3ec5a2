using System.Collections.Generic;
using System.IO;

namespace LstmGen.Experiments.Reporting
{
    /// <summary>
    /// One published report: the results folder it reads (under results/, in git), the report it writes (under docs/),
    /// the hand-written discussion appended to it, and the commands its opening sentence names. Paths are relative to
    /// the repository root, '/'-separated, as the report prints them.
    /// </summary>
    public sealed record PublishedReport(string ResultsDirectory, string Report, string? Discussion, string RunCommand)
    {
        /// <summary>The command line the report's opening sentence names.</summary>
        public string Command => "lstmgen report --results-dir " + ResultsDirectory;

        /// <summary>Writes the report from the results under <paramref name="root"/> to the same relative path under <paramref name="outputRoot"/>.</summary>
        public int Write(string root, string outputRoot) => ResultsReport.Write(
            Path.Combine(root, ResultsDirectory),
            Path.Combine(outputRoot, Report),
            Command,
            Discussion is null ? null : Path.Combine(root, Discussion),
            RunCommand,
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
        };
    }
}
