using System;
using System.IO;
using System.Linq;
using System.Threading;
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
            using var temporary = new TemporaryDirectory("lstmgen-reproduce-");
            var directory = temporary.Path;
            var first = new ReproductionRun(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), 3600.5, 2, false, ReproductionRun.InterruptedOutcome, new[] { "1-1", "2a" }, "0.3.0");
            var second = first with { Started = first.Started.AddHours(2), WallSeconds = 7200.25, Outcome = ReproductionRun.CompletedOutcome };
            ReproductionLog.Append(directory, first);
            File.AppendAllText(Path.Combine(directory, ReproductionLog.FileName), "{\"started\":\"2026-11-");
            ReproductionLog.Append(directory, second);
            File.AppendAllText(Path.Combine(directory, ReproductionLog.FileName),
                "{\"started\":\"2026-11-28T09:00:00Z\",\"wallSeconds\":60,\"threads\":2,\"quick\":false,\"completed\":false,\"rows\":[\"2a\"],\"version\":\"0.3.0\"}\n" +
                "not json\n{\"started\":\"2026-11-");

            var runs = ReproductionLog.Read(directory);

            Assert.Equal(3, runs.Count);
            Assert.Equal(ReproductionRun.InterruptedOutcome, runs[2].Outcome);   // a line of the first format: "completed": false
            Assert.Equal(first.Started, runs[0].Started);
            Assert.Equal(3600.5, runs[0].WallSeconds);
            Assert.Equal(ReproductionRun.InterruptedOutcome, runs[0].Outcome);
            Assert.Equal(new[] { "1-1", "2a" }, runs[0].Rows);
            Assert.Equal(ReproductionRun.CompletedOutcome, runs[1].Outcome);
            Assert.Equal(7200.25, runs[1].WallSeconds);
            Assert.Equal("0.3.0", runs[1].Version);
        }

        [Fact]
        public void The_report_sums_the_pieces_once_each_and_says_how_the_last_one_ended()
        {
            var start = new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);
            var interrupted = new ReproductionRun(start, 5400, 2, false, ReproductionRun.InterruptedOutcome, new[] { "2a" }, "0.3.0");
            var finished = interrupted with { Started = start.AddHours(3), WallSeconds = 1800, Outcome = ReproductionRun.CompletedOutcome };
            var sideBySide = finished with { Started = start.AddHours(3).AddMinutes(10), WallSeconds = 600 };   // inside 'finished'
            var quickLook = finished with { Quick = true, WallSeconds = 60 };

            Assert.Null(ResultsReport.ReproductionWallTime(Array.Empty<ReproductionRun>()));
            var all = ResultsReport.ReproductionWallTime(new[] { interrupted, quickLook, sideBySide, finished })!;
            Assert.Contains(": 2.0 h over 3 runs", all, StringComparison.Ordinal);
            Assert.Contains("2 threads", all, StringComparison.Ordinal);
            Assert.Contains("started 2026-11-28 08:00 UTC", all, StringComparison.Ordinal);
            Assert.Contains("finished every row it was given (1).", all, StringComparison.Ordinal);
            Assert.Contains("was interrupted", ResultsReport.ReproductionWallTime(new[] { finished, interrupted })!, StringComparison.Ordinal);
            Assert.Contains("was killed without a word", ResultsReport.ReproductionWallTime(new[] { finished with { Outcome = ReproductionRun.KilledOutcome } })!, StringComparison.Ordinal);
            Assert.Contains("is still running", ResultsReport.ReproductionWallTime(new[] { finished with { Outcome = ReproductionRun.RunningOutcome } })!, StringComparison.Ordinal);
            Assert.Contains("stopped with an error", ResultsReport.ReproductionWallTime(new[] { finished with { Outcome = ReproductionRun.FailedOutcome } })!, StringComparison.Ordinal);
            Assert.Contains("`lstmgen reproduce --quick` in this results folder: 1.0 min in one run", ResultsReport.ReproductionWallTime(new[] { finished, quickLook })!, StringComparison.Ordinal);
        }

        [Fact]
        public void Reproduce_logs_itself_and_the_report_states_the_wall_time()
        {
            using var temporary = new TemporaryDirectory("lstmgen-reproduce-");
            var directory = temporary.Path;
            var report = Path.Combine(directory, "report.md");
            var result = CliRunner.Run("reproduce", "--quick", "--rows", "6a", "--results-dir", directory, "--report", report, "--threads", "2");

            Assert.Equal(0, result.ExitCode);
            var run = Assert.Single(ReproductionLog.Read(directory));
            Assert.Equal(ReproductionRun.CompletedOutcome, run.Outcome);
            Assert.True(run.Quick);
            Assert.Equal(new[] { "6a" }, run.Rows);
            Assert.True(run.WallSeconds > 0);
            Assert.Contains("Wall time of `lstmgen reproduce --quick` in this results folder:", File.ReadAllText(report), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(directory, ReproductionHeartbeat.FilePattern));   // a run that ends by itself takes its heartbeat along
        }

        [Fact]
        public void A_results_file_of_another_version_stops_reproduce_before_any_trial_and_logs_no_run()
        {
            using var temporary = new TemporaryDirectory("lstmgen-reproduce-");
            var directory = temporary.Path;
            // 4-100 comes before 6a in the paper's order; 6a's file holds a trial as 0.1.0 wrote it (no version field).
            var line = ResultsFile.Format(new TrialResult { Row = "6a", Trial = 0, Seed = 1, Success = true, Sequences = 10, WallSeconds = 1 })
                .Replace(",\"version\":\"" + LstmGen.Generator.LstmGenVersion.Value + "\"", string.Empty, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(directory, "6a.jsonl"), line + "\n");

            var result = CliRunner.Run("reproduce", "--quick", "--rows", "4-100,6a", "--results-dir", directory, "--report", Path.Combine(directory, "report.md"));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("run by LstmGen 0.1.0", result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(directory, "4-100.jsonl")));
            Assert.Empty(ReproductionLog.Read(directory));
        }

        [Fact]
        public void A_heartbeat_rewrites_its_file_on_its_timer_with_the_wall_time_so_far()
        {
            using var temporary = new TemporaryDirectory("lstmgen-reproduce-");
            var directory = temporary.Path;
            var run = new ReproductionRun(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), 0, 2, false, ReproductionRun.FailedOutcome, new[] { "2b" }, "0.6.1");
            var elapsed = 1.0;
            using var heartbeat = new ReproductionHeartbeat(directory, run, () => Volatile.Read(ref elapsed), TimeSpan.FromMilliseconds(20));
            Assert.Equal(1.0, Assert.Single(ReproductionLog.Read(directory)).WallSeconds);   // written at once

            // No Beat() here: only the timer can bring the new wall time into the file.
            Volatile.Write(ref elapsed, 7.5);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (ReproductionLog.Read(directory).Single().WallSeconds != 7.5 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            Assert.Equal(7.5, ReproductionLog.Read(directory).Single().WallSeconds);
        }

        [Fact]
        public void A_heartbeat_holds_the_run_so_far_reads_as_killed_once_stale_and_goes_when_the_run_ends()
        {
            using var temporary = new TemporaryDirectory("lstmgen-reproduce-");
            var directory = temporary.Path;
            var run = new ReproductionRun(new DateTimeOffset(2026, 12, 4, 2, 25, 0, TimeSpan.Zero), 0, 2, false, ReproductionRun.FailedOutcome, new[] { "2c-8", "2c-9" }, "0.6.1");
            var elapsed = 42.5;
            using (var heartbeat = new ReproductionHeartbeat(directory, run, () => elapsed))
            {
                var now = DateTimeOffset.UtcNow;
                var live = Assert.Single(ReproductionLog.Read(directory, now, HeartbeatRuns.All));
                Assert.Equal(ReproductionRun.RunningOutcome, live.Outcome);
                Assert.Equal(42.5, live.WallSeconds);
                Assert.Equal(new[] { "2c-8", "2c-9" }, live.Rows);

                elapsed = 4000;
                heartbeat.Beat();
                var later = now + ReproductionHeartbeat.StaleAfter + TimeSpan.FromSeconds(1);
                var killed = Assert.Single(ReproductionLog.Read(directory, later, HeartbeatRuns.All));
                Assert.Equal(ReproductionRun.KilledOutcome, killed.Outcome);
                Assert.Equal(4000, killed.WallSeconds);
                Assert.Equal(0, ReproductionLog.AdoptStaleHeartbeats(directory, now));   // fresh: a run still going
                Assert.Empty(ReproductionLog.Read(directory, now, HeartbeatRuns.Stale));  // a merge leaves a run still going out
                Assert.Single(ReproductionLog.Read(directory, later, HeartbeatRuns.Stale));
                Assert.Empty(ReproductionLog.Read(directory, later, HeartbeatRuns.None)); // the published reports read the log alone
            }

            Assert.Empty(ReproductionLog.Read(directory));
            Assert.Empty(Directory.GetFiles(directory));
        }

        [Fact]
        public void A_run_killed_outright_is_logged_by_the_next_run_from_its_last_heartbeat()
        {
            using var temporary = new TemporaryDirectory("lstmgen-reproduce-");
            var directory = temporary.Path;
            // A run killed by SIGKILL leaves its heartbeat and no line: the next run logs it before its own.
            var killedRun = new ReproductionRun(new DateTimeOffset(2026, 12, 4, 2, 25, 0, TimeSpan.Zero), 0, 2, true, ReproductionRun.FailedOutcome, new[] { "6a" }, "0.6.1");
            string leftBehind;
            using (var heartbeat = new ReproductionHeartbeat(directory, killedRun, () => 16_000))
            {
                leftBehind = Path.Combine(directory, "reproduce-run-20261204T022500Z-killed.heartbeat");
                File.Copy(heartbeat.FilePath, leftBehind);
            }

            File.SetLastWriteTimeUtc(leftBehind, DateTime.UtcNow - ReproductionHeartbeat.StaleAfter - TimeSpan.FromMinutes(1));
            var report = Path.Combine(directory, "report.md");

            var result = CliRunner.Run("reproduce", "--quick", "--rows", "6a", "--results-dir", directory, "--report", report, "--threads", "2");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("1 earlier run was killed without logging itself", result.Error, StringComparison.Ordinal);
            var runs = ReproductionLog.Read(directory);
            Assert.Equal(2, runs.Count);
            Assert.Equal(ReproductionRun.KilledOutcome, runs[0].Outcome);
            Assert.Equal(16_000, runs[0].WallSeconds);
            Assert.Equal(ReproductionRun.CompletedOutcome, runs[1].Outcome);
            Assert.Empty(Directory.GetFiles(directory, ReproductionHeartbeat.FilePattern));
            Assert.Contains("over 2 runs", File.ReadAllText(report), StringComparison.Ordinal);
        }
    }
}
