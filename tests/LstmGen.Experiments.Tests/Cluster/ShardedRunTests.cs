using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Sharding;
using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>
    /// <c>--shard I/N</c> and <c>lstmgen merge</c> in-process: shards of a run merged give the unsharded run's results files,
    /// line for line apart from the wall times; a shard resumes; missing trials are listed by row, trial and shard.
    /// </summary>
    public sealed class ShardedRunTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("lstmgen-shards-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task Two_shards_of_a_quick_reproduction_merge_into_the_unsharded_results()
        {
            var rows = new[] { "reproduce", "--quick", "--rows", "6a,4-100,1-5", "--threads", "1" };
            var runs = await Task.WhenAll(
                Task.Run(() => CliRunner.Run([.. rows, "--shard", "0/2", "--results-dir", Path("s0")])),
                Task.Run(() => CliRunner.Run([.. rows, "--shard", "1/2", "--results-dir", Path("s1")])),
                Task.Run(() => CliRunner.Run([.. rows, "--results-dir", Path("whole")])));
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
            Assert.Contains("shard 0/2 done: 3 trials", runs[0].Out, StringComparison.Ordinal);
            Assert.False(File.Exists(Path("s0", "report.md")));   // a shard's share is no report

            var merge = CliRunner.Run("merge", Path("s0"), Path("s1"), "--into", Path("merged"));

            Assert.True(merge.ExitCode == 0, merge.Error);
            Assert.Equal("merged 6 trials of 3 rows from 2 shard folders into " + Path("merged") + "\n", merge.Out);
            foreach (var row in new[] { "6a", "4-100", "1-5" })
            {
                // 'whole' ran one trial at a time, so its lines are in trial order; the merge writes that order too.
                Assert.Equal(WithoutWallTimes(Path("whole", row + ".jsonl")), WithoutWallTimes(Path("merged", row + ".jsonl")));
                Assert.Single(File.ReadAllLines(Path("s0", row + ".jsonl")));   // each shard ran one of the row's two trials
            }

            Assert.Equal(2, ReproductionLog.Read(Path("merged")).Count);   // both shards' pieces, for the report's wall time
            var report = CliRunner.Run("report", "--results-dir", Path("merged"), "-o", Path("report", "merged.md"), "--discussion", "none");
            Assert.True(report.ExitCode == 0, report.Error);
            Assert.Contains("(3 rows with results; trials: 0 run now, 6 read from earlier runs)", report.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void A_shard_of_one_row_resumes_and_merge_lists_the_missing_trials_until_every_shard_is_done()
        {
            var plan = ShardedRuns.RowPlan(PaperRows.Find("6a")!, 4, new RunOptions { MaxSequences = 3_000 }, null, 2);
            var first = RunShard(0, "a");
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Equal(plan.TrialsOf(0, "6a"), ResultsFile.Read(Path("a", "6a.jsonl")).Select(r => r.Trial).Order());

            // A shard stopped after its first trial resumes: only the missing trial runs again, with the same result.
            var lines = File.ReadAllLines(Path("a", "6a.jsonl"));
            File.WriteAllText(Path("a", "6a.jsonl"), lines[0] + "\n" + lines[1][..20]);
            Assert.Equal(0, RunShard(0, "a").ExitCode);
            Assert.Equal(WithoutWallTimes(lines), WithoutWallTimes(File.ReadAllLines(Path("a", "6a.jsonl"))));

            var partial = CliRunner.Run("merge", Path("a"), "--into", Path("merged"));

            Assert.Equal(1, partial.ExitCode);
            var missing = plan.TrialsOf(1, "6a");
            Assert.Equal("missing: row 6a, trials " + string.Join(", ", missing) + " (shard 1/2)\n", partial.Out);
            Assert.Equal(
                "lstmgen: error: 2 of 4 trials are missing (listed above), from shard 1 of 2; the other 2 are merged into " + Path("merged") +
                ": run that shard again (it resumes), then merge again",
                Assert.Single(partial.ErrorLines));
            Assert.Equal(2, File.ReadAllLines(Path("merged", "6a.jsonl")).Length);
            Assert.Equal("1\n", CliRunner.Run("merge", Path("a"), "--pending").Out);

            Assert.Equal(0, RunShard(1, "b").ExitCode);
            var complete = CliRunner.Run("merge", "--from", _folder, "--into", Path("merged"));
            Assert.True(complete.ExitCode == 0, complete.Error);
            Assert.Equal(new[] { 0, 1, 2, 3 }, ResultsFile.Read(Path("merged", "6a.jsonl")).Select(r => r.Trial));
            Assert.Equal("\n", CliRunner.Run("merge", "--from", _folder, "--pending").Out);
        }

        [Fact]
        public void A_trial_found_twice_merges_once_when_equal_and_is_refused_when_not()
        {
            Assert.Equal(0, RunShard(0, "a").ExitCode);
            Assert.Equal(0, RunShard(1, "b").ExitCode);
            CopyFolder(Path("b"), Path("b-again"));
            var line = File.ReadAllLines(Path("b-again", "6a.jsonl"))[0];
            File.WriteAllText(Path("b-again", "6a.jsonl"), Regex.Replace(line, "\"wallSeconds\":[^,]*", "\"wallSeconds\":99") + "\n");

            var same = CliRunner.Run("merge", Path("a"), Path("b"), Path("b-again"), "--into", Path("merged"));
            Assert.True(same.ExitCode == 0, same.Error);
            Assert.Equal(4, File.ReadAllLines(Path("merged", "6a.jsonl")).Length);

            var sequences = Regex.Match(line, "\"sequences\":([0-9]+)").Groups[1].Value;
            File.WriteAllText(Path("b-again", "6a.jsonl"), line.Replace("\"sequences\":" + sequences, "\"sequences\":" + (long.Parse(sequences) + 1), StringComparison.Ordinal) + "\n");
            var conflict = CliRunner.Run("merge", Path("a"), Path("b"), Path("b-again"), "--into", Path("merged2"));

            Assert.Equal(2, conflict.ExitCode);
            Assert.Matches("^lstmgen: error: trial [0-9]+ of row 6a is in .* and in .* with different results \\([0-9]+ and [0-9]+ sequences\\)", Assert.Single(conflict.ErrorLines));
            Assert.False(Directory.Exists(Path("merged2")));   // nothing written
        }

        [Fact]
        public void A_shard_whose_run_is_still_going_is_named_on_stderr_and_kept_out_of_the_merged_log()
        {
            Assert.Equal(0, RunShard(0, "a").ExitCode);
            Assert.Equal(0, RunShard(1, "b").ExitCode);
            var started = new DateTimeOffset(2026, 12, 4, 12, 30, 0, TimeSpan.Zero);
            var going = new ReproductionRun(started, 0, 1, false, ReproductionRun.FailedOutcome, new[] { "6a" }, "0.6.1", "1/2");

            using (new ReproductionHeartbeat(Path("b"), going, () => 60))
            {
                var merge = CliRunner.Run("merge", Path("a"), Path("b"), "--into", Path("merged"));
                var pending = CliRunner.Run("merge", Path("a"), Path("b"), "--pending");

                Assert.True(merge.ExitCode == 0, merge.Error);
                Assert.Equal(
                    "lstmgen: warning: a run is still going in " + Path("b") + " (started 2026-12-04 12:30:00 UTC, its heartbeat is fresh): " +
                    "the trials it finishes from now on are not in this merge; merge again when it ends",
                    Assert.Single(merge.ErrorLines));
                Assert.Empty(ReproductionLog.Read(Path("merged")));   // a run still going is no line of the merged log
                Assert.Equal("\n", pending.Out);                      // stdout stays the shard list alone
                Assert.Single(pending.ErrorLines);
            }

            Assert.Empty(CliRunner.Run("merge", Path("a"), Path("b"), "--into", Path("merged")).ErrorLines);
        }

        [Fact]
        public void Folders_that_are_not_shards_of_one_run_are_refused_in_one_line()
        {
            Assert.Equal(0, RunShard(0, "a").ExitCode);
            Assert.Equal(0, CliRunner.Run("run", "6a", "--trials", "4", "--max-sequences", "2000", "--threads", "1", "--shard", "1/2", "--results", Path("other", "6a.jsonl")).ExitCode);
            Directory.CreateDirectory(Path("plain"));
            File.WriteAllText(Path("plain", "6a.jsonl"), string.Empty);

            AssertRefused(CliRunner.Run("merge", Path("a"), Path("other"), "--into", Path("m")), "are shards of different runs (row 6a is capped at 3000 sequences in one, 2000 in the other)");
            AssertRefused(CliRunner.Run("merge", Path("a"), Path("plain"), "--into", Path("m")), "is not a shard's results folder (it has no shard.json)");
            AssertRefused(CliRunner.Run("merge", Path("a"), "--into", Path("plain")), "holds files that no merge wrote");
            AssertRefused(CliRunner.Run("merge", Path("a"), "--into", Path("a")), "is one of the shard folders");
            AssertRefused(CliRunner.Run("merge", Path("a")), "merge needs --into");
            AssertRefused(RunShard(1, "a"), "is the folder of shard 0/2, not 1/2");
            AssertRefused(CliRunner.Run("run", "6a", "--trials", "4", "--max-sequences", "3000", "--shard", "0/2", "--results", Path("plain", "6a.jsonl")), "holds results files but no shard.json");
            AssertRefused(CliRunner.Run("run", "6a", "--shard", "2/2"), "--shard must be I/N with 0 <= I < N");

            var seeds = File.ReadAllText(Path("a", "6a.jsonl"));
            File.WriteAllText(Path("a", "6a.jsonl"), Regex.Replace(seeds, "\"seed\":\"[0-9]+\"", "\"seed\":\"1\""));
            AssertRefused(CliRunner.Run("merge", Path("a"), "--into", Path("m")), "with seed 1, not the seed of base seed 19979");
            var missing = CliRunner.Run("merge", Path("nowhere"), "--into", Path("m"));
            Assert.Equal(4, missing.ExitCode);
            Assert.Equal("lstmgen: error: no folder '" + Path("nowhere") + "'", Assert.Single(missing.ErrorLines));
        }

        [Fact]
        public void A_shard_of_a_row_file_s_row_resumes_in_its_folder()
        {
            // A row that is not the paper's: the shard's folder check must judge its trials by the row file's row.
            File.WriteAllText(Path("mine.rows.yaml"), """
                rows:
                  - id: 6a-mine
                    title: 6a, a row of my own
                    network: Exp6aTemporalOrder
                    task: { name: temporal-order, relevantSymbols: 2 }
                    stop: { rule: st3, beta: 0.1, errorMeasure: squared }
                    testSetSize: 64
                    trials: 4
                    cap: 2000
                """);
            string[] run = ["run", Path("mine.rows.yaml"), "6a-mine", "--threads", "1", "--shard", "1/2", "--results", Path("mine", "6a-mine.jsonl")];

            var first = CliRunner.Run(run);
            Assert.True(first.ExitCode == 0, first.Error);
            var again = CliRunner.Run(run);

            Assert.True(again.ExitCode == 0, again.Error);
            Assert.Equal(2, ResultsFile.Read(Path("mine", "6a-mine.jsonl")).Count);
        }

        [Fact]
        public void A_shard_of_another_version_another_plan_or_an_unknown_row_is_refused_with_the_reason()
        {
            Assert.Equal(0, RunShard(0, "a").ExitCode);
            var theirs = JsonNode.Parse(File.ReadAllText(Path("a", ShardManifest.FileName)))!["trials"]!["6a"]!.AsArray().Select(t => (int)t!).ToList();

            CopyFolder(Path("a"), Path("old"));
            EditManifest("old", m => m["version"] = "0.1.0");
            AssertRefused(CliRunner.Run("merge", Path("old"), "--into", Path("m")), "holds a shard run by LstmGen 0.1.0, whose results differ from this version's");
            AssertRefused(RunShard(0, "old"), "holds a shard run by LstmGen 0.1.0; this is LstmGen " + LstmGen.Generator.LstmGenVersion.Value + ", which computes other results");

            // The other shard's share under this shard's index: planned with other row costs than this build's.
            CopyFolder(Path("a"), Path("replanned"));
            var others = Enumerable.Range(0, 4).Except(theirs).ToArray();
            EditManifest("replanned", m => m["trials"]!["6a"] = new JsonArray(others.Select(t => (JsonNode)t).ToArray()));
            AssertRefused(CliRunner.Run("merge", Path("replanned"), "--into", Path("m")), "whose row costs split the run otherwise than this build's");

            CopyFolder(Path("a"), Path("unknown"));
            EditManifest("unknown", m =>
            {
                m["rows"]![0]!["row"] = "9z";
                var trials = m["trials"]!.AsObject();
                trials["9z"] = trials["6a"]!.DeepClone();
                trials.Remove("6a");
            });
            AssertRefused(CliRunner.Run("merge", Path("unknown"), "--into", Path("m")), "with row '9z', which this build of lstmgen does not know");

            CopyFolder(Path("a"), Path("stray"));
            EditManifest("stray", m => m["trials"]!["9z"] = new JsonArray(0));
            AssertRefused(CliRunner.Run("merge", Path("stray"), "--into", Path("m")), "lists trials of row 9z, which is not among its rows");
            Assert.False(Directory.Exists(Path("m")));   // nothing written by any refusal
        }

        private void EditManifest(string folder, Action<JsonNode> edit)
        {
            var path = Path(folder, ShardManifest.FileName);
            var manifest = JsonNode.Parse(File.ReadAllText(path))!;
            edit(manifest);
            File.WriteAllText(path, manifest.ToJsonString());
        }

        private static void AssertRefused(CliResult result, string part)
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(part, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        }

        private CliResult RunShard(int shard, string folder) =>
            CliRunner.Run("run", "6a", "--trials", "4", "--max-sequences", "3000", "--threads", "1", "--shard", shard + "/2", "--results", Path(folder, "6a.jsonl"));

        private string Path(params string[] parts) => System.IO.Path.Combine([_folder, .. parts]);

        private static string[] WithoutWallTimes(string path) => WithoutWallTimes(File.ReadAllLines(path));

        // The same trials, in any order: a run in lanes appends trials as they finish, a merge writes them in trial order.
        private static string[] WithoutWallTimes(string[] lines) => lines.Select(l => Regex.Replace(l, "\"wallSeconds\":[^,]*,", string.Empty)).Order(StringComparer.Ordinal).ToArray();

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
            }
        }
    }
}
