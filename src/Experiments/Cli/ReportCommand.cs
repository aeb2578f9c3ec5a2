using System.CommandLine;
using System.Globalization;
using System.IO;
using LstmGen.Experiments.Reporting;

namespace LstmGen.Experiments.Cli
{
    /// <summary><c>lstmgen report</c>: regenerates the Markdown report and its figures from results files.</summary>
    public static class ReportCommand
    {
        public static Command Create(CliConsole console)
        {
            var resultsDirectory = new Option<string>("--results-dir") { Description = "The results files to read (*.jsonl).", DefaultValueFactory = _ => "results", HelpName = "dir" };
            var output = new Option<string>("--output", "-o") { Description = "The report to write; figures go to a 'figures' folder beside it.", DefaultValueFactory = _ => Path.Combine("docs", "results.md"), HelpName = "file.md" };
            var discussion = new Option<string?>("--discussion") { Description = "A hand-written Markdown file appended to the report (default: results-discussion.md beside the report, if it exists).", HelpName = "file.md" };
            var sweep = new Option<string?>("--sweep") { Description = "Report a sweep instead (docs/sweeps.md): write report.md (a table of its variants beside the paper's figure) and report.svg into its folder.", HelpName = "dir" };
            var command = new Command("report", "Turn results files into the Markdown report: paper next to measured per row, learning curves, success distributions and wall times as SVG figures.")
            {
                resultsDirectory, output, discussion, sweep,
            };
            command.WithExamples("lstmgen report", "lstmgen report --results-dir results/quick -o docs/results-quick.md --discussion none", "lstmgen report --sweep runs/sweeps/6a-1a2b3c4d");
            command.SetAction(parseResult =>
            {
                if (parseResult.GetValue(sweep) is { } sweepFolder)
                {
                    var (grid, variants) = SweepCommand.Read(sweepFolder);
                    SweepCommand.WriteReport(console, grid, variants, sweepFolder);
                    return ExitCodes.Ok;
                }

                var directory = parseResult.GetValue(resultsDirectory)!;
                if (!Directory.Exists(directory))
                {
                    throw new CliException(ExitCodes.IoError, "no results directory '" + directory + "'");
                }

                var path = parseResult.GetValue(output)!;
                var rows = ResultsReport.Write(directory, path, "lstmgen report --results-dir " + directory,
                    parseResult.GetValue(discussion) ?? Path.Combine(Path.GetDirectoryName(path) ?? ".", "results-discussion.md"),
                    runCommand: "lstmgen run <row>");
                console.Out.WriteLine("wrote " + path + " (" + rows.ToString(CultureInfo.InvariantCulture) + " rows with results)");
                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
