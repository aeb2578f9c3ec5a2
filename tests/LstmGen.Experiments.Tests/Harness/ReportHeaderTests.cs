using System;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Cli;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>The report's opening sentence names its commands as code, each in its own pair of backticks.</summary>
    public sealed class ReportHeaderTests
    {
        [Fact]
        public void Report_names_the_run_and_report_commands_as_two_code_spans()
        {
            var directory = Directory.CreateTempSubdirectory("lstmgen-report-").FullName;
            try
            {
                var results = Path.Combine(directory, "results");
                Directory.CreateDirectory(results);
                var markdown = Path.Combine(directory, "report.md");

                var result = CliRunner.Run("report", "--results-dir", results, "-o", markdown);

                Assert.Equal(ExitCodes.Ok, result.ExitCode);
                var sentence = File.ReadAllLines(markdown).Single(line => line.StartsWith("Every figure below", StringComparison.Ordinal));
                var shownDirectory = results.Replace('\\', '/');
                Assert.StartsWith(
                    "Every figure below was measured by `lstmgen run <row>` (see each row) and `lstmgen report --results-dir " + shownDirectory + "` (results in `" + shownDirectory + "/`) with the LstmGen version in the row's last column. ",
                    sentence,
                    StringComparison.Ordinal);
                Assert.Equal(0, sentence.Count(c => c == '`') % 2);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
