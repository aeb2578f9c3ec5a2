using System;
using System.IO;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Reporting;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>The wall time of a reproduction run in pieces: every 'lstmgen reproduce' logs itself, the report sums them.</summary>
    public sealed class ReproductionLogTests
    {
        [Fact]
        public void Runs_round_trip_and_a_line_cut_short_is_ignored()
        {
            var directory = TempDirectory();
            try
            {
                var first = new ReproductionRun(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), 3600.5, 2, false, false, new[] { "1-1", "2a" }, "0.3.0");
                var second = first with { Started = first.Started.AddHours(2), WallSeconds = 7200.25, Completed = true };
                ReproductionLog.Append(directory, first);
                File.AppendAllText(Path.Combine(directory, ReproductionLog.FileName), "{\"started\":\"2026-11-");
                ReproductionLog.Append(directory, second);

                var runs = ReproductionLog.Read(directory);

                Assert.Equal(2, runs.Count);
                Assert.Equal(first.Started, runs[0].Started);
                Assert.Equal(3600.5, runs[0].WallSeconds);
                Assert.False(runs[0].Completed);
                Assert.Equal(new[] { "1-1", "2a" }, runs[0].Rows);
                Assert.True(runs[1].Completed);
                Assert.Equal(7200.25, runs[1].WallSeconds);
                Assert.Equal("0.3.0", runs[1].Version);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void The_report_sums_the_pieces_and_says_whether_the_last_one_finished()
        {
            var start = new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);
            var interrupted = new ReproductionRun(start, 5400, 2, false, false, new[] { "2a" }, "0.3.0");
            var finished = interrupted with { Started = start.AddHours(3), WallSeconds = 1800, Completed = true };

            Assert.Null(ResultsReport.ReproductionWallTime(Array.Empty<ReproductionRun>()));
            var both = ResultsReport.ReproductionWallTime(new[] { interrupted, finished })!;
            Assert.Contains("2.0 h in 2 runs", both, StringComparison.Ordinal);
            Assert.Contains("2 threads", both, StringComparison.Ordinal);
            Assert.Contains("started 2026-11-28 08:00 UTC", both, StringComparison.Ordinal);
            Assert.EndsWith("finished every row it was given (1).", both, StringComparison.Ordinal);
            Assert.EndsWith("was interrupted before the end.", ResultsReport.ReproductionWallTime(new[] { finished, interrupted })!, StringComparison.Ordinal);
        }

        [Fact]
        public void Reproduce_logs_itself_and_the_report_states_the_wall_time()
        {
            var directory = TempDirectory();
            try
            {
                var report = Path.Combine(directory, "report.md");
                var result = CliRunner.Run("reproduce", "--quick", "--rows", "6a", "--results-dir", directory, "--report", report, "--threads", "2");

                Assert.Equal(0, result.ExitCode);
                var run = Assert.Single(ReproductionLog.Read(directory));
                Assert.True(run.Completed);
                Assert.True(run.Quick);
                Assert.Equal(new[] { "6a" }, run.Rows);
                Assert.True(run.WallSeconds > 0);
                Assert.Contains("Wall time of `lstmgen reproduce --quick` here:", File.ReadAllText(report), StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static string TempDirectory()
        {
            var path = Path.Combine(Path.GetTempPath(), "lstmgen-reproduce-" + Path.GetRandomFileName());
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
