using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Tests.Checkpoints;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>
    /// Trials run in lanes (<c>--lanes K</c>, <see cref="LaneScheduler"/>) give the results files of the scalar path
    /// (<c>--lanes 1</c>), apart from wall times and the order in which trials finish. K = 3 with 5 trials, so that lanes
    /// take a new trial while their neighbours are in the middle of theirs; the network has no generated lane class yet,
    /// so <c>--lanes 3</c> runs <see cref="LstmGen.Runtime.ScalarLanes"/>.
    /// </summary>
    public sealed class LaneRunTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lstmgen-lanes-" + Guid.NewGuid().ToString("N"));

        public LaneRunTests() => Directory.CreateDirectory(_directory);

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        [Theory]
        [InlineData("6a", "300")]
        [InlineData("1-5", "200", "--check-every", "100")] // success tests on 512 strings between training sequences
        [InlineData("3a-100-3", "200", "--check-every", "100")] // ST1/ST2 tests, then the final test set
        [InlineData("4-100", "300")]
        [InlineData("2c-1", "300")]
        public void Results_in_lanes_are_those_of_the_scalar_path(string row, string cap, params string[] more)
        {
            var scalar = Run(row, "1", cap, more);
            var lanes = Run(row, "3", cap, more);
            Assert.Equal(5, scalar.Length);
            Assert.Equal(scalar, lanes);
        }

        [Fact]
        public void A_run_in_lanes_resumed_after_a_crash_gives_the_results_of_an_uninterrupted_scalar_run()
        {
            var row = PaperRows.Find("4-100")!;
            var options = new RunOptions { MaxSequences = 400, TestSetSize = 32 };
            var uninterrupted = Path.Combine(_directory, "uninterrupted.jsonl");
            new TrialRunner().Run(row, 5, TrialSeeds.DefaultBaseSeed, options with { Lanes = 1 }, uninterrupted, 1, CancellationToken.None);

            // Every lane's network crashes at the end of its 250th sequence: trials 0-2 stop after their checkpoints at 200.
            var resumedPath = Path.Combine(_directory, "resumed.jsonl");
            var checkpointed = options with { Lanes = 3, CheckpointDirectory = Path.Combine(_directory, "checkpoints"), CheckpointEvery = 100 };
            Assert.Throws<SimulatedCrashException>(() => new TrialRunner().Run(
                row, 5, TrialSeeds.DefaultBaseSeed, checkpointed with { Network = new CompiledNetwork(row.NetworkName, row.NetworkName, string.Empty, () => new CrashingNetwork(row.NetworkName, 250)) }, resumedPath, 1, CancellationToken.None));
            Assert.Equal(200, TrainingCheckpoint.ReadSummary(TrainingCheckpoint.PathFor(checkpointed.CheckpointDirectory!, row.Id, 0)).Sequences);
            Assert.Empty(ResultsFile.Read(resumedPath));

            new TrialRunner().Run(row, 5, TrialSeeds.DefaultBaseSeed, checkpointed, resumedPath, 1, CancellationToken.None);
            Assert.Equal(Lines(uninterrupted), Lines(resumedPath));
        }

        [Theory]
        [InlineData("4-100", 1)]
        [InlineData("6a", 1)]
        [InlineData("4-100", 2)]
        [InlineData("1-5", 2)]
        public void Trials_handed_over_from_lanes_to_scalar_networks_give_the_results_of_the_scalar_path(string id, int threads)
        {
            // A learning rate and an update timing other than the spec's: a hand-over must carry the lane's, not the spec's.
            var row = PaperRows.Find(id)!;
            var options = new RunOptions { MaxSequences = 300, TestSetSize = 32, CheckEvery = 100, LearningRate = 0.3, Update = UpdateTiming.PerSequence };
            var scalarPath = Path.Combine(_directory, "scalar.jsonl");
            new TrialRunner().Run(row, 5, TrialSeeds.DefaultBaseSeed, options with { Lanes = 1 }, scalarPath, threads, CancellationToken.None);

            // Every trial leaves its lane at its first sequence boundary once the row has no trial left to start.
            var handedPath = Path.Combine(_directory, "handed-over.jsonl");
            var runner = new TrialRunner();
            runner.Run(row, 5, TrialSeeds.DefaultBaseSeed, options with { Lanes = 3, HandOverBelow = double.PositiveInfinity }, handedPath, threads, CancellationToken.None);

            Assert.True(runner.HandedOver >= 2, $"{runner.HandedOver} trials were handed over");
            Assert.Equal(Lines(scalarPath), Lines(handedPath));
        }

        [Fact]
        public void A_thread_without_lanes_takes_trials_over_and_the_results_stay_those_of_the_scalar_path()
        {
            // Three trials fill one lane network of three lanes: the second thread has no lanes, and while it waits, the
            // lane network hands it a trial at each sequence boundary (HandOverBelow 0: never for thinness alone).
            var row = PaperRows.Find("4-100")!;
            var options = new RunOptions { MaxSequences = 2000, TestSetSize = 32 };
            var scalarPath = Path.Combine(_directory, "scalar.jsonl");
            new TrialRunner().Run(row, 3, TrialSeeds.DefaultBaseSeed, options with { Lanes = 1 }, scalarPath, 1, CancellationToken.None);
            var handedPath = Path.Combine(_directory, "handed-over.jsonl");
            new TrialRunner().Run(row, 3, TrialSeeds.DefaultBaseSeed, options with { Lanes = 3, HandOverBelow = 0 }, handedPath, 2, CancellationToken.None);
            Assert.Equal(Lines(scalarPath), Lines(handedPath));
        }

        [Fact]
        public void A_trial_that_fails_ends_the_run_with_its_own_exception_and_no_trial_left_listed_as_running()
        {
            // Every network crashes at its 250th training sequence, lane and handed-over scalar ones alike (each
            // CrashingNetwork counts its own): the crash, not the cancellations it causes on the other thread, is thrown.
            var row = PaperRows.Find("4-100")!;
            var options = new RunOptions
            {
                MaxSequences = 400,
                TestSetSize = 32,
                Lanes = 3,
                HandOverBelow = double.PositiveInfinity,
                Network = new CompiledNetwork(row.NetworkName, row.NetworkName, string.Empty, () => new CrashingNetwork(row.NetworkName, 250)),
            };
            var runner = new TrialRunner();
            Assert.Throws<SimulatedCrashException>(() => runner.Run(row, 5, TrialSeeds.DefaultBaseSeed, options, Path.Combine(_directory, "crash.jsonl"), 2, CancellationToken.None));
            Assert.Empty(runner.Running);
        }

        [Fact]
        public void Two_lane_networks_that_fail_at_once_end_the_run_with_one_of_their_own_exceptions()
        {
            // Two threads, each with a lane network of the machine's K full of trials; both networks crash at the end of
            // lane 0's 250th sequence, after waiting for each other, so Parallel.For collects two failures (not one failure
            // and a cancellation): the run throws one crash itself, neither an AggregateException nor a cancellation.
            var row = PaperRows.Find("4-100")!;
            var compiled = RowNetworks.Find(row.NetworkName)!;
            var lanes = LaneNetworks.DefaultCount(compiled);
            Assert.True(lanes > 1, $"{row.NetworkName} has a generated lane class");
            using var together = new Barrier(2);
            var options = new RunOptions
            {
                MaxSequences = 400,
                TestSetSize = 32,
                Lanes = lanes,
                HandOverBelow = 0,
                Network = compiled with { CreateLanes = width => new CrashingLanes(compiled.CreateLanes!(width), 250, together) },
            };
            var runner = new TrialRunner();
            var path = Path.Combine(_directory, "crash-together.jsonl");
            var thrown = Record.Exception(() => runner.Run(row, 2 * lanes, TrialSeeds.DefaultBaseSeed, options, path, 2, CancellationToken.None));
            Assert.IsType<SimulatedCrashException>(thrown);
            Assert.Equal(1, together.CurrentPhaseNumber); // both networks reached the crash: the barrier's one phase completed
            Assert.Empty(runner.Running);
            Assert.Empty(ResultsFile.Read(path));
        }

        [Fact]
        public void Trials_in_lanes_report_their_share_of_the_thread_time_not_the_overlapping_wall_time()
        {
            // Four trials in one lane network of four lanes on one thread: their wall times overlap, so summed they would
            // be about four times the run's wall time; their shares add up to at most the run's wall time.
            var row = PaperRows.Find("4-100")!;
            var path = Path.Combine(_directory, "shares.jsonl");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            new TrialRunner().Run(row, 4, TrialSeeds.DefaultBaseSeed, new RunOptions { MaxSequences = 600, TestSetSize = 32, Lanes = 4 }, path, 1, CancellationToken.None);
            var elapsed = watch.Elapsed.TotalSeconds;
            var shares = ResultsFile.Read(path).Select(result => result.WallSeconds).ToArray();
            Assert.Equal(4, shares.Length);
            Assert.All(shares, share => Assert.True(share > 0, "every trial used some time"));
            Assert.True(shares.Sum() <= elapsed, $"the shares add up to {shares.Sum():R} s, more than the run's {elapsed:R} s");
            Assert.True(shares.Sum() >= 0.25 * elapsed, $"the shares add up to {shares.Sum():R} s of the run's {elapsed:R} s");
        }

        [Fact]
        public void The_scheduler_refuses_a_trial_that_holds_weights_at_zero_rather_than_run_it_wrong()
        {
            // ExperimentRow.LaneCount keeps rows with sequential construction off lanes; driven into a lane anyway, the
            // trial's first work (held weights) stops the scheduler before any step is taken with the cell visible.
            var row = PaperRows.Find("2a")!;
            var options = new RunOptions { MaxSequences = 100 };
            Assert.Equal(1, row.LaneCount(options with { Lanes = 2 }));
            var scheduler = new LaneScheduler(row.NewLanes(options, 2), row.NewNetwork(options));
            var started = 0;

            var error = Assert.Throws<InvalidOperationException>(() => scheduler.Run(
                (lane, clock) => started++ == 0 ? row.Start(0, TrialSeeds.For(row.Id, 0), lane, options, new TrialProgress(row.Id, 0), CancellationToken.None, clock) : null,
                _ => Assert.Fail("no trial may finish")));

            Assert.Equal("A lane network cannot hold one lane's weights at zero: trial 0 must run on a scalar network.", error.Message);
        }

        [Fact]
        public void Lanes_are_refused_outside_1_to_64()
        {
            var result = CliRunner.Run("run", "6a", "--lanes", "0");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--lanes must be between 1 and 64", result.Error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("run", "6a")]
        [InlineData("reproduce", "--quick")]
        public void A_hand_over_threshold_outside_0_to_64_is_refused(string command, string argument)
        {
            var result = CliRunner.Run(command, argument, "--hand-over-below", "-1");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--hand-over-below must be between 0 and 64", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Trials_kept_in_their_lanes_from_the_command_line_give_the_results_of_the_scalar_path()
        {
            // --hand-over-below 0 on one thread: no trial leaves its lane (the lane figures of deploy/costs/row-costs.sh).
            Assert.Equal(Run("4-100", "1", "300", []), Run("4-100", "3", "300", ["--hand-over-below", "0"]));
        }

        /// <summary>Runs 5 trials of <paramref name="row"/> through the command line, one thread, and returns the results file's lines.</summary>
        private string[] Run(string row, string lanes, string cap, string[] more)
        {
            var path = Path.Combine(_directory, row + "-lanes-" + lanes + ".jsonl");
            var result = CliRunner.Run(["run", row, "--trials", "5", "--threads", "1", "--max-sequences", cap, "--lanes", lanes, "--results", path, .. more]);
            Assert.True(result.ExitCode == 0, result.Error);
            return Lines(path);
        }

        /// <summary>The file's lines without their wall times, ordered by trial (lanes finish trials in another order).</summary>
        private static string[] Lines(string path) =>
            ResultsFile.ReadLines(path).OrderBy(l => l.Result.Trial).Select(l => Regex.Replace(l.Line, "\"wallSeconds\":[^,]*,", string.Empty)).ToArray();
    }
}
