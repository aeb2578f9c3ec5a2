using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Reporting;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen report</c>: regenerates a Markdown report and its figures from results files: by default the user's runs
    /// (runs/ to runs/report.md); with <c>--published</c>, the published reports in docs/ from the published results
    /// (<see cref="PublishedReports"/>), which the committed results reproduce byte for byte.
    /// </summary>
    public static class ReportCommand
    {
        public static Command Create(CliConsole console)
        {
            var resultsDirectory = new Option<string?>("--results-dir") { Description = "The results files to read (*.jsonl; default runs/, where 'lstmgen run' writes).", HelpName = "dir" };
            var output = new Option<string?>("--output", "-o") { Description = "The report to write (default <results-dir>/report.md); figures go to a 'figures' folder beside it.", HelpName = "file.md" };
            var discussion = new Option<string?>("--discussion") { Description = "A hand-written Markdown file appended to the report (default: results-discussion.md beside the report, if it exists).", HelpName = "file.md" };
            var sweep = new Option<string?>("--sweep") { Description = "Report a sweep instead (docs/sweeps.md): write report.md (a table of its variants beside the paper's figure) and report.svg into its folder.", HelpName = "dir" };
            var published = new Option<bool>("--published") { Description = "Regenerate the published reports (" + string.Join(", ", PublishedReports.All.Select(r => r.Report)) + ") from the published results (" + string.Join(", ", PublishedReports.All.Select(r => r.ResultsDirectory + "/")) + "); run from the repository root." };
            var command = new Command("report", "Turn results files into the Markdown report: paper next to measured per row, learning curves, success distributions and wall times as SVG figures.")
            {
                resultsDirectory, output, discussion, published, sweep,
            };
            command.WithExamples("lstmgen report", "lstmgen report --results-dir runs/quick -o runs/quick/report.md --discussion none", "lstmgen report --published", "lstmgen report --sweep runs/sweeps/6a-1a2b3c4d");
            command.SetAction(parseResult =>
            {
                if (parseResult.GetValue(sweep) is { } sweepFolder)
                {
                    var (grid, variants) = SweepCommand.Read(sweepFolder);
                    SweepCommand.WriteReport(console, grid, variants, sweepFolder);
                    return ExitCodes.Ok;
                }

                if (parseResult.GetValue(published))
                {
                    if (parseResult.GetValue(resultsDirectory) is not null || parseResult.GetValue(output) is not null || parseResult.GetValue(discussion) is not null)
                    {
                        throw CliException.Usage("--published writes the published reports from the published results: it takes no --results-dir, --output or --discussion");
                    }

                    foreach (var report in PublishedReports.All)
                    {
                        if (!Directory.Exists(report.ResultsDirectory))
                        {
                            throw new CliException(ExitCodes.IoError, "no results directory '" + report.ResultsDirectory + "': run 'lstmgen report --published' from the repository root");
                        }

                        var count = Trials(report.ResultsDirectory);
                        var rows = Refusing(() => report.Write(".", "."));
                        console.Out.WriteLine(Wrote(report.Report, rows, count));
                    }

                    return ExitCodes.Ok;
                }

                var directory = parseResult.GetValue(resultsDirectory) ?? RunCommand.WorkingFolder;
                if (!Directory.Exists(directory))
                {
                    throw new CliException(ExitCodes.IoError, "no results directory '" + directory + "'" +
                        (parseResult.GetValue(resultsDirectory) is null ? " ('lstmgen run <row>' writes there; 'lstmgen report --published' regenerates the published reports)" : string.Empty));
                }

                var path = parseResult.GetValue(output) ?? Path.Combine(directory, "report.md");
                var trials = Trials(directory);
                var written = Refusing(() => ResultsReport.Write(directory, path, "lstmgen report --results-dir " + directory,
                    parseResult.GetValue(discussion) ?? Path.Combine(Path.GetDirectoryName(path) ?? ".", "results-discussion.md"),
                    runCommand: "lstmgen run <row>"));
                console.Out.WriteLine(Wrote(path, written, trials));
                return ExitCodes.Ok;
            });
            return command;
        }

        /// <summary>The trials a report of <paramref name="directory"/> stands on (a mix is refused).</summary>
        private static int Trials(string directory) => Refusing(() => ResultsReport.Load(directory).Values.Sum(t => t.Count));

        /// <summary>A report runs no trial: every one it shows was read from earlier runs, and it says so.</summary>
        private static string Wrote(string path, int rows, int trials) => string.Create(CultureInfo.InvariantCulture,
            $"wrote {path.Replace('\\', '/')} ({rows} rows with results; trials: 0 run now, {trials} read from earlier runs)");

        private static T Refusing<T>(System.Func<T> action)
        {
            try
            {
                return action();
            }
            catch (MixedTrialsException e)
            {
                throw CliException.Usage(e.Message);
            }
        }
    }
}
