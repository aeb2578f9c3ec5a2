using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Reporting;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Sharding;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen reproduce</c>: every row of Tables 1-9 with the paper's trial counts (or a quick first look), one row
    /// after another with each row's trials in parallel, resumable, then the report.
    /// </summary>
    public static class ReproduceCommand
    {
        public static Command Create(CliConsole console)
        {
            var quick = new Option<bool>("--quick") { Description = "A first look in minutes: 2 trials per row, about 3 million training steps per trial." };
            var rows = new Option<string?>("--rows") { Description = "Only these rows (comma-separated ids, see 'lstmgen rows')." };
            var resultsDirectory = new Option<string?>("--results-dir") { Description = "Where the results files go (default runs/reproduce/, or runs/quick/ with --quick: working folders git ignores; name results/full to add to the published full reproduction).", HelpName = "dir" };
            var threads = TrialOptions.Threads();
            var seed = CommonOptions.Seed("Base seed of every row's trials.");
            var report = new Option<string?>("--report") { Description = "The report to write at the end (default <results-dir>/report.md; the published reports change only through 'lstmgen report --published').", HelpName = "file.md" };
            var shard = ShardOption.Create("Run only shard I of N of the reproduction's trials (0 <= I < N), balanced by their expected cost, the same split on every machine (docs/cluster.md); default folder runs/reproduce/shard-I-of-N (runs/quick/shard-I-of-N with --quick), no report; 'lstmgen merge' joins the shards.");
            var lanes = LanesOption.Create();
            var handOver = LanesOption.HandOverBelow();
            var command = new Command("reproduce", "Reproduce every row of the paper's Tables 1-9 (paper's trial counts; resumable: rerun to continue), then write the report.")
            {
                quick, rows, resultsDirectory, threads, seed, report, shard, lanes, handOver,
            };
            command.WithExamples(
                "lstmgen reproduce --quick",
                "lstmgen reproduce",
                "lstmgen reproduce --rows 4-100,6a --threads 2",
                "lstmgen reproduce --quick --rows 6a,4-100,1-5 --shard 0/2 --results-dir shards/0",
                "lstmgen reproduce --shard 7/64 --threads 1     # one array task of the full reproduction: runs/reproduce/shard-7-of-64/",
                "lstmgen reproduce --results-dir results/full   # resume the published full reproduction (then: lstmgen report --published)");
            command.SetAction((parseResult, cancellationToken) =>
            {
                var isQuick = parseResult.GetValue(quick);
                var selected = RowSelection.Parse(parseResult.GetValue(rows));
                var shardSpec = ShardOption.Value(parseResult, shard);
                var defaultDirectory = Path.Combine(RunCommand.WorkingFolder, isQuick ? "quick" : "reproduce");
                var directory = parseResult.GetValue(resultsDirectory) ?? (shardSpec is { } s ? Path.Combine(defaultDirectory, s.FolderName) : defaultDirectory);
                ShardPlan? plan = null;
                if (shardSpec is { } share)
                {
                    // A shard runs its share of the rows' trials, row by row in catalogue order.
                    plan = ShardedRuns.ReproductionPlan(selected, isQuick, share.Count);
                    ShardOption.Claim(directory, plan, ShardManifest.For(plan, share.Index, ShardedRuns.ReproduceCommand, parseResult.GetValue(seed)));
                    selected = plan.Rows.Select(r => r.Row).ToList();
                }

                // Every row's results file is checked before the first trial, not when the row's turn comes hours later.
                foreach (var row in selected)
                {
                    var path = Path.Combine(directory, row.Id + ".jsonl");
                    TrialRunner.CheckVersions(row, path);
                    Refusing(() => RowTrials.CheckResumable(row.Id, ResultsFile.Read(path), Options(row, isQuick, directory).MaxSequences ?? row.DefaultMaxSequences,
                        Sharding.RunSettings.Describe(Options(row, isQuick, directory), null), path));
                }

                var watch = Stopwatch.StartNew();
                var started = DateTimeOffset.UtcNow;
                var outcome = ReproductionRun.FailedOutcome;
                var account = (Run: 0, Reused: 0);
                var logged = new ReproductionRun(started, 0, parseResult.GetValue(threads), isQuick, outcome,
                    selected.Select(r => r.Id).ToList(), LstmGen.Generator.LstmGenVersion.Value, shardSpec?.ToString());
                var heartbeat = Heartbeat(console, directory, logged, () => watch.Elapsed.TotalSeconds);
                try
                {
                    account = RunRows(console, selected, isQuick, directory, parseResult.GetValue(seed), parseResult.GetValue(threads), parseResult.GetValue(lanes), parseResult.GetValue(handOver), cancellationToken, plan, shardSpec?.Index ?? 0);
                    outcome = ReproductionRun.CompletedOutcome;
                }
                catch (OperationCanceledException)
                {
                    outcome = ReproductionRun.InterruptedOutcome;
                    throw;
                }
                catch (CliException e) when (e.ExitCode == ExitCodes.Interrupted)
                {
                    // A row's run turns the cancellation into its own one-line message (RunCommand): still an interruption.
                    outcome = ReproductionRun.InterruptedOutcome;
                    throw;
                }
                finally
                {
                    // However it ends: a reproduction's wall time is the sum of its pieces (ReproductionLog, in the report).
                    try
                    {
                        Log(console, directory, logged with { WallSeconds = watch.Elapsed.TotalSeconds, Outcome = outcome });
                    }
                    finally
                    {
                        heartbeat?.Dispose();
                        Adopt(console, directory, DateTimeOffset.UtcNow);
                    }
                }

                if (shardSpec is { } done && parseResult.GetValue(report) is null)
                {
                    // A shard's trials are a share of every row: the report is written from the merge (docs/cluster.md).
                    var parent = Path.GetDirectoryName(Path.GetFullPath(directory)) ?? ".";
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"shard {done} done: {plan!.ItemsOf(done.Index).Count} trials in {directory} ({account.Run} run now, {account.Reused} read from earlier runs) in {watch.Elapsed.TotalMinutes:F1} min; once every shard is done: lstmgen merge --from {parent} --into {Path.Combine(parent, "merged")}"));
                    return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
                }

                var reportPath = parseResult.GetValue(report) ?? Path.Combine(directory, "report.md");
                var commandLine = "lstmgen reproduce" + (isQuick ? " --quick" : string.Empty);
                var written = Refusing(() => ResultsReport.Write(directory, reportPath, commandLine, null));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {reportPath} ({written} rows with results; trials: {account.Run} run now, {account.Reused} read from earlier runs) in {watch.Elapsed.TotalMinutes:F1} min"));
                return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
            });
            return command;
        }

        /// <summary>
        /// Logs the runs killed earlier in <paramref name="directory"/> (their stale heartbeats) and starts this run's own
        /// heartbeat; a folder where neither can be written gets a warning and no heartbeat, never an error.
        /// </summary>
        private static ReproductionHeartbeat? Heartbeat(CliConsole console, string directory, ReproductionRun run, Func<double> elapsedSeconds)
        {
            Adopt(console, directory, run.Started);
            try
            {
                return new ReproductionHeartbeat(directory, run, elapsedSeconds);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine("lstmgen: warning: no heartbeat in " + directory + " (a run killed outright will not be in the log): " + e.Message);
                return null;
            }
        }

        /// <summary>Logs the runs killed earlier in <paramref name="directory"/> whose heartbeats are stale at <paramref name="now"/>.</summary>
        private static void Adopt(CliConsole console, string directory, DateTimeOffset now)
        {
            try
            {
                var adopted = ReproductionLog.AdoptStaleHeartbeats(directory, now);
                if (adopted > 0)
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"lstmgen: {adopted} earlier run{(adopted == 1 ? " was" : "s were")} killed without logging {(adopted == 1 ? "itself" : "themselves")}; logged from {(adopted == 1 ? "its" : "their")} last heartbeat in {Path.Combine(directory, ReproductionLog.FileName)}"));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine("lstmgen: warning: the killed runs' heartbeats in " + directory + " could not be logged: " + e.Message);
            }
        }

        /// <summary>Appends to the log; a log that cannot be written is a warning, never the error the run ends with.</summary>
        private static void Log(CliConsole console, string directory, ReproductionRun run)
        {
            try
            {
                ReproductionLog.Append(directory, run);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine("lstmgen: warning: the wall time of this run could not be logged in " +
                    Path.Combine(directory, ReproductionLog.FileName) + ": " + e.Message);
            }
        }

        /// <summary>Every selected row with the paper's trial counts (or the quick look's), one after the other.</summary>
        private static (int Run, int Reused) RunRows(CliConsole console, System.Collections.Generic.IReadOnlyList<ExperimentRow> selected, bool isQuick, string directory, ulong seed, int threads, int? lanes, double? handOverBelow, System.Threading.CancellationToken cancellationToken, ShardPlan? plan, int shard)
        {
            var account = (Run: 0, Reused: 0);
            foreach (var row in selected)
            {
                var only = plan?.TrialsOf(shard, row.Id);
                if (only is { Count: 0 })
                {
                    continue;
                }

                var options = Options(row, isQuick, directory) with { Lanes = lanes, HandOverBelow = handOverBelow };
                var trials = isQuick ? Math.Min(2, row.Trials) : row.Trials;
                var summary = RunCommand.RunRow(console, row, trials, seed, options, Path.Combine(directory, row.Id + ".jsonl"), threads, cancellationToken, only);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Id}: {summary.Successes}/{summary.Trials} successful, mean sequences {summary.MeanSequences?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} (paper {row.Paper.MeanSequences?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"}); {SummaryText.Account(summary, Path.Combine(directory, row.Id + ".jsonl"))}"));
                account = (account.Run + summary.TrialsRun, account.Reused + summary.TrialsReused);
            }

            return account;
        }

        /// <summary>A row's options in a reproduction: long trials checkpoint their training state, so an interruption loses at most a few minutes.</summary>
        private static RunOptions Options(ExperimentRow row, bool isQuick, string directory) =>
            new() { MaxSequences = isQuick ? row.QuickMaxSequences : null, CheckpointDirectory = Path.Combine(directory, "checkpoints") };

        /// <summary>Runs <paramref name="action"/>, a mix of trials it refuses as a usage error.</summary>
        private static T Refusing<T>(Func<T> action)
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

        private static void Refusing(Action action) => Refusing(() =>
        {
            action();
            return 0;
        });
    }
}
