using System;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Benchmarking;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Benchmarking
{
    /// <summary>
    /// <c>bench --tasks</c> (<see cref="TaskShareBenchmark"/>): a trial on a network that does nothing, fed the verdicts of
    /// the real run (<see cref="VerdictTape"/>), asks for exactly the sequences the real trial asked for, so the two runs
    /// differ by the network alone; both paths present the same sequences.
    /// </summary>
    public sealed class TaskShareTests
    {
        [Fact]
        public void Bench_tasks_measures_the_same_sequences_on_the_lane_path_and_the_scalar_path()
        {
            var result = CliRunner.Run("bench", "--tasks", "--rows", "6a,3b-100-3", "--sequences", "20", "--trials", "3", "--repetitions", "1", "--test-set-size", "8", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var rows = document.RootElement.EnumerateArray().ToList();
            Assert.Equal(new[] { "6a", "3b-100-3" }, rows.Select(r => r.GetProperty("row").GetString()));
            foreach (var row in rows)
            {
                var lanes = row.GetProperty("lanes");
                var scalar = row.GetProperty("scalar");
                Assert.Equal(PaperRows.Find(row.GetProperty("row").GetString()!)!.LaneCount(new RunOptions()), lanes.GetProperty("count").GetInt32());
                Assert.Equal(1, scalar.GetProperty("count").GetInt32());
                Assert.Equal(3, lanes.GetProperty("trials").GetInt32());
                Assert.Equal(lanes.GetProperty("sequences").GetInt64(), scalar.GetProperty("sequences").GetInt64());
                Assert.Equal(lanes.GetProperty("trialSteps").GetInt64(), scalar.GetProperty("trialSteps").GetInt64());
                Assert.True(lanes.GetProperty("sequences").GetInt64() >= 3 * (20 + 8));
                foreach (var path in new[] { lanes, scalar })
                {
                    var share = path.GetProperty("outsideShare").GetDouble();
                    Assert.InRange(share, double.Epsilon, 1.0);
                    Assert.Equal(share <= BenchTasks.Goal, path.GetProperty("withinGoal").GetBoolean());
                }
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void A_silent_network_fed_the_recorded_verdicts_asks_for_the_same_sequences(int lanes)
        {
            var row = PaperRows.Find("3a-100-3")!;
            var options = new RunOptions { MaxSequences = 60, TestSetSize = 8, CheckEvery = 20, Lanes = lanes };
            var tape = new VerdictTape();
            var recorded = Run(row, options, tape, TapeMode.Record, silent: false);
            var steps = tape.Steps;

            var replayed = Run(row, options, tape, TapeMode.Replay, silent: true);
            Assert.Equal(steps, tape.Steps);
            Assert.Equal(recorded.Select(r => (r.Sequences, r.TestWrong, r.TestMse)), replayed.Select(r => (r.Sequences, r.TestWrong, r.TestMse)));

            // Without the recorded verdicts, the silent network's own (its outputs stay 0) are not the real run's.
            Assert.Throws<InvalidOperationException>(() => Run(row, options, tape, TapeMode.Check, silent: true));
        }

        [Fact]
        public void A_trial_that_asks_for_other_sequences_than_recorded_is_caught()
        {
            var row = PaperRows.Find("6a")!;
            var tape = new VerdictTape();
            Run(row, new RunOptions { MaxSequences = 30, TestSetSize = 4, Lanes = 1 }, tape, TapeMode.Record, silent: false);

            // The same trials with a smaller cap stop early: the tape notices the verdicts left unread.
            var error = Assert.Throws<InvalidOperationException>(() => Run(row, new RunOptions { MaxSequences = 20, TestSetSize = 4, Lanes = 1 }, tape, TapeMode.Replay, silent: true));
            Assert.Contains("not deterministic", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--tasks", "--networks", "Exp4Adding")]
        [InlineData("--rows", "6a")]
        public void Options_of_the_other_mode_are_usage_errors(params string[] args)
        {
            var result = CliRunner.Run(new[] { "bench" }.Concat(args).ToArray());

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Single(result.ErrorLines);
        }

        /// <summary>Trials 0 and 1 of <paramref name="row"/> on the path <paramref name="options"/> names, their verdicts through <paramref name="tape"/>.</summary>
        private static TrialResult[] Run(ExperimentRow row, RunOptions options, VerdictTape tape, TapeMode mode, bool silent) =>
            [.. TaskShareBenchmark.Pass(row, options, 2, TrialSeeds.DefaultBaseSeed, tape, mode, silent).Results.OrderBy(r => r.Trial)];
    }
}
