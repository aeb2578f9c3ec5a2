using System;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>Trials are seeded by row and index, run in parallel, and resume without redoing finished trials.</summary>
    public sealed class TrialRunnerTests
    {
        private static readonly RunOptions Short = new() { MaxSequences = 300 };

        [Fact]
        public void Trial_seeds_depend_on_row_trial_and_base_seed_only()
        {
            Assert.Equal(TrialSeeds.For("6a", 3), TrialSeeds.For("6a", 3));
            Assert.NotEqual(TrialSeeds.For("6a", 3), TrialSeeds.For("6a", 4));
            Assert.NotEqual(TrialSeeds.For("6a", 3), TrialSeeds.For("6b", 3));
            Assert.NotEqual(TrialSeeds.For("6a", 3, 1), TrialSeeds.For("6a", 3, 2));
        }

        [Fact]
        public void Same_seed_gives_identical_results_whatever_the_thread_count()
        {
            var row = PaperRows.Find("4-100")!;
            var one = RunFresh(row, 3, threads: 1);
            var two = RunFresh(row, 3, threads: 2);
            Assert.Equal(one.Select(Key), two.Select(Key));
        }

        [Fact]
        public void An_interrupted_run_resumes_to_the_results_of_an_uninterrupted_one()
        {
            var row = PaperRows.Find("6a")!;
            var uninterrupted = RunFresh(row, 4, threads: 2);

            var path = TempPath();
            try
            {
                // First run: only 2 of the 4 trials, as if stopped after them; then a half-written line.
                new TrialRunner().Run(row, 2, TrialSeeds.DefaultBaseSeed, Short, path, 2, CancellationToken.None);
                File.AppendAllText(path, "{\"row\":\"6a\",\"tri");
                var runner = new TrialRunner();
                var ran = 0;
                runner.TrialFinished += _ => Interlocked.Increment(ref ran);
                var resumed = runner.Run(row, 4, TrialSeeds.DefaultBaseSeed, Short, path, 2, CancellationToken.None);

                Assert.Equal(2, ran);
                Assert.Equal(uninterrupted.Select(Key), resumed.Select(Key));
                Assert.Equal(4, ResultsFile.Read(path).Count);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_results_file_of_another_version_is_refused_and_left_as_it_is()
        {
            var row = PaperRows.Find("6a")!;
            var path = TempPath();
            try
            {
                // A line as 0.1.0 wrote it: no "version" field.
                var old = ResultsFile.Format(new TrialResult { Row = "6a", Trial = 0, Seed = 1, Success = true, Sequences = 10, WallSeconds = 1 });
                old = old.Replace(",\"version\":\"" + LstmGen.Generator.LstmGenVersion.Value + "\"", string.Empty, StringComparison.Ordinal);
                File.WriteAllText(path, old + "\n");
                Assert.Equal(ResultsFile.VersionBeforeTheField, ResultsFile.Read(path).Single().Version);

                var error = Assert.Throws<ResultsVersionException>(() =>
                    new TrialRunner().Run(row, 1, TrialSeeds.DefaultBaseSeed, Short, path, 1, CancellationToken.None));
                Assert.Contains("run by LstmGen " + ResultsFile.VersionBeforeTheField, error.Message, StringComparison.Ordinal);
                Assert.Equal(old + "\n", File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_row_of_a_version_with_the_same_results_is_resumed()
        {
            // 0.2.0 computes the bits of this version (LstmGenVersion.SameResultsAs, pinned by TraceDigestTests).
            var row = PaperRows.Find("6a")!;
            var fresh = RunFresh(row, 2, threads: 1);
            var path = TempPath();
            try
            {
                new TrialRunner().Run(row, 1, TrialSeeds.DefaultBaseSeed, Short, path, 1, CancellationToken.None);
                var line = File.ReadAllText(path).Replace(
                    "\"version\":\"" + LstmGen.Generator.LstmGenVersion.Value + "\"", "\"version\":\"0.2.0\"", StringComparison.Ordinal);
                File.WriteAllText(path, line);

                var resumed = new TrialRunner().Run(row, 2, TrialSeeds.DefaultBaseSeed, Short, path, 1, CancellationToken.None);

                Assert.Equal(new[] { "0.2.0", LstmGen.Generator.LstmGenVersion.Value }, resumed.Select(r => r.Version));
                Assert.Equal(fresh.Select(Key), resumed.Select(Key));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_cancelled_run_writes_only_whole_lines()
        {
            var row = PaperRows.Find("6a")!;
            var path = TempPath();
            try
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    new TrialRunner().Run(row, 50, TrialSeeds.DefaultBaseSeed, new RunOptions { MaxSequences = 20_000 }, path, 2, cancel.Token));
                var text = File.ReadAllText(path);
                Assert.True(text.Length == 0 || text.EndsWith('\n'));
                Assert.All(ResultsFile.Read(path), r => Assert.Equal("6a", r.Row));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static System.Collections.Generic.IReadOnlyList<TrialResult> RunFresh(ExperimentRow row, int trials, int threads)
        {
            var path = TempPath();
            try
            {
                return new TrialRunner().Run(row, trials, TrialSeeds.DefaultBaseSeed, Short, path, threads, CancellationToken.None);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static string Key(TrialResult r) => string.Join(
            "|", r.Row, r.Trial, r.Seed, r.Success, r.Sequences, r.TestWrong, BitConverter.DoubleToInt64Bits(r.TestMse), string.Join(",", r.Curve.Select(p => BitConverter.DoubleToInt64Bits(p.Error))));

        private static string TempPath() => Path.Combine(Path.GetTempPath(), "lstmgen-runner-" + Path.GetRandomFileName() + ".jsonl");
    }
}
