using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Runtime;
using LstmGen.Runtime.Checkpoints;
using Xunit;
using Xunit.Abstractions;

namespace LstmGen.Experiments.Tests.Checkpoints
{
    /// <summary>
    /// A stream row's trial that crashes and resumes from its last training checkpoint ends exactly like the trial that
    /// never stopped: same result, same learning curve, same final weights, bit for bit.
    /// </summary>
    public sealed class TrainingCheckpointTests : IDisposable
    {
        private const int Trial = 1;
        private static readonly RunOptions Short = new() { MaxSequences = 2500, TestSetSize = 64 };

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lstmgen-train-ckpt-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper _output;

        public TrainingCheckpointTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        [Theory]
        [InlineData("2b", 0, 2200, 1400, 1450)] // successive-correct rule; sequential construction adds the cells at 2000
        [InlineData("4-100", 1, 2500, 700, 1600)] // ST3: the 2000-sequence window half full at the checkpoint
        [InlineData("5-140", 1, 2500, 700, 2300)] // fewer than n_seq wrong: the window full at the checkpoint
        [InlineData("6a", 1, 2500, 1000, 1500)] // ST3 on the temporal-order task
        public void A_trial_resumed_after_a_crash_ends_bit_for_bit_like_an_uninterrupted_one(string id, int trial, long cap, int every, int crashAt)
        {
            var row = PaperRows.Find(id)!;
            var seed = TrialSeeds.For(id, trial);
            var options = Short with { MaxSequences = cap };
            var (expected, expectedWeights, _) = Run(row, trial, seed, options);

            var checkpointed = options with { CheckpointDirectory = _directory, CheckpointEvery = every };
            Assert.Throws<SimulatedCrashException>(() => Run(row, trial, seed, checkpointed, crashAt));
            var path = TrainingCheckpoint.PathFor(_directory, id, trial);
            var summary = TrainingCheckpoint.ReadSummary(path);
            Assert.Equal(crashAt / every * every, summary.Sequences);
            Assert.Equal((id, trial, seed, false), (summary.Row, summary.Trial, summary.Seed, summary.Success));

            var (resumed, resumedWeights, trained) = Run(row, trial, seed, checkpointed);
            Assert.Equal(expected.Sequences - summary.Sequences, trained); // it did resume, not start over
            AssertSameOutcome(expected, resumed);
            AssertSameBits(expectedWeights, resumedWeights);
            Assert.True(resumed.WallSeconds >= summary.WallSeconds);
            _output.WriteLine($"{id}: checkpoint at {summary.Sequences}, crash at {crashAt}, end {resumed.Sequences}, extra {string.Join(", ", resumed.Extra.Select(p => p.Key + "=" + p.Value))}");
            if (row is StreamRow { SequentialConstruction: true })
            {
                // The cells were added after the checkpoint: the window sums and the cells' initial weights had to survive it.
                Assert.InRange(resumed.Extra["cellAddedAfter"], summary.Sequences + 1, cap);
            }

            // The final checkpoint records the end of training; resuming from it runs only the final test again.
            Assert.Equal(expected.Sequences, TrainingCheckpoint.ReadSummary(path).Sequences);
            var (again, againWeights, trainedAgain) = Run(row, trial, seed, checkpointed);
            Assert.Equal(0, trainedAgain);
            AssertSameOutcome(expected, again);
            AssertSameBits(expectedWeights, againWeights);
        }

        [Fact]
        public void A_later_run_with_a_higher_cap_continues_from_the_end_of_training()
        {
            var row = PaperRows.Find("6a")!;
            var seed = TrialSeeds.For("6a", Trial);
            var (expected, expectedWeights) = Run(row, seed, Short);

            var checkpointed = Short with { CheckpointDirectory = _directory, CheckpointEvery = 100_000 };
            var (first, _) = Run(row, seed, checkpointed with { MaxSequences = 1200 });
            Assert.Equal(1200, first.Sequences);
            Assert.Equal(1200, TrainingCheckpoint.ReadSummary(TrainingCheckpoint.PathFor(_directory, "6a", Trial)).Sequences);

            var (extended, extendedWeights, trained) = Run(row, Trial, seed, checkpointed);
            Assert.Equal(2500 - 1200, trained);
            AssertSameOutcome(expected, extended);
            AssertSameBits(expectedWeights, extendedWeights);
        }

        [Fact]
        public void A_checkpoint_of_another_seed_or_other_settings_is_refused_not_overwritten()
        {
            var row = PaperRows.Find("6a")!;
            var seed = TrialSeeds.For("6a", Trial);
            var options = new RunOptions { MaxSequences = 300, TestSetSize = 8, CheckpointDirectory = _directory, CheckpointEvery = 100 };
            Run(row, seed, options);
            var path = TrainingCheckpoint.PathFor(_directory, "6a", Trial);
            var before = File.ReadAllBytes(path);

            var otherSeed = Assert.Throws<CheckpointException>(() => Run(row, seed + 1, options));
            Assert.Equal(path, otherSeed.Path);
            Assert.StartsWith($"checkpoint is for row 6a, trial 1, seed {seed}, not row 6a, trial 1, seed {seed + 1}; delete the file", otherSeed.Reason, StringComparison.Ordinal);

            var otherRate = Assert.Throws<CheckpointException>(() => Run(row, seed, options with { LearningRate = 0.25 }));
            Assert.StartsWith("checkpoint was written with other settings (network Exp6aTemporalOrder, learning rate 0.5, ", otherRate.Reason, StringComparison.Ordinal);
            Assert.Contains("), not (network Exp6aTemporalOrder, learning rate 0.25, ", otherRate.Reason, StringComparison.Ordinal);

            var otherMeasure = Assert.Throws<CheckpointException>(() => Run(row, seed, options with { ErrorMeasure = TrainingErrorMeasure.Absolute }));
            Assert.Contains("other settings", otherMeasure.Reason, StringComparison.Ordinal);

            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void A_damaged_training_checkpoint_stops_the_trial_with_the_reason_and_the_file()
        {
            var row = PaperRows.Find("4-100")!;
            var seed = TrialSeeds.For("4-100", Trial);
            var options = new RunOptions { MaxSequences = 200, TestSetSize = 8, CheckpointDirectory = _directory, CheckpointEvery = 100 };
            Run(row, seed, options);
            var path = TrainingCheckpoint.PathFor(_directory, "4-100", Trial);
            var bytes = File.ReadAllBytes(path);

            var flipped = (byte[])bytes.Clone();
            flipped[bytes.Length / 2] ^= 0x10;
            File.WriteAllBytes(path, flipped);
            var corrupted = Assert.Throws<CheckpointException>(() => Run(row, seed, options));
            Assert.Equal(path + ": checksum mismatch: the file is corrupted; delete the file to start this trial afresh, or use another checkpoint directory", corrupted.Message);

            File.WriteAllBytes(path, bytes[..1000]);
            var truncated = Assert.Throws<CheckpointException>(() => Run(row, seed, options));
            Assert.StartsWith($"truncated: expected {bytes.Length} bytes, got 1000", truncated.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Leftovers_of_a_crashed_write_are_ignored_and_removed()
        {
            var row = PaperRows.Find("6a")!;
            var seed = TrialSeeds.For("6a", Trial);
            var options = new RunOptions { MaxSequences = 300, TestSetSize = 8, CheckpointDirectory = _directory, CheckpointEvery = 100 };
            var (plain, _) = Run(row, seed, options with { CheckpointDirectory = null });
            Directory.CreateDirectory(_directory);
            var leftover = Path.Combine(_directory, ".6a-1.ckpt.00000000deadbeef.tmp");
            File.WriteAllBytes(leftover, [76, 83, 84, 77]);

            var (result, _) = Run(row, seed, options);
            AssertSameOutcome(plain, result);
            Assert.False(File.Exists(leftover));
            Assert.Equal(new[] { "6a-1.ckpt" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
        }

        [Fact]
        public void Trials_run_by_the_trial_runner_keep_one_checkpoint_each()
        {
            var row = PaperRows.Find("6a")!;
            var results = Path.Combine(_directory, "results.jsonl");
            var options = new RunOptions { MaxSequences = 300, TestSetSize = 8, CheckpointDirectory = _directory, CheckpointEvery = 100 };
            var run = new TrialRunner().Run(row, 3, TrialSeeds.DefaultBaseSeed, options, results, 2, CancellationToken.None);
            Assert.Equal(3, run.Count);
            for (var trial = 0; trial < 3; trial++)
            {
                var summary = TrainingCheckpoint.ReadSummary(TrainingCheckpoint.PathFor(_directory, "6a", trial));
                Assert.Equal((trial, TrialSeeds.For("6a", trial), 300L), (summary.Trial, summary.Seed, summary.Sequences));
            }
        }

        private static (TrialResult Result, double[] Weights) Run(ExperimentRow row, ulong seed, RunOptions options)
        {
            var (result, weights, _) = Run(row, Trial, seed, options);
            return (result, weights);
        }

        private static (TrialResult Result, double[] Weights, long Trained) Run(ExperimentRow row, int trial, ulong seed, RunOptions options, long crashAt = long.MaxValue)
        {
            CrashingNetwork? network = null;
            var withNetwork = options with { Network = new CompiledNetwork(row.NetworkName, row.NetworkName, string.Empty, () => network = new CrashingNetwork(row.NetworkName, crashAt)) };
            var result = row.RunTrial(trial, seed, withNetwork, new TrialProgress(row.Id, trial), CancellationToken.None);
            return (result, network!.CopyOfWeights(), network.SequencesTrained);
        }

        private static void AssertSameOutcome(TrialResult expected, TrialResult actual)
        {
            Assert.Equal(
                (expected.Row, expected.Trial, expected.Seed, expected.Success, expected.Sequences, expected.TestSize, expected.TestWrong),
                (actual.Row, actual.Trial, actual.Seed, actual.Success, actual.Sequences, actual.TestSize, actual.TestWrong));
            AssertSameBits([expected.TestMse, expected.TestMeanAbsError], [actual.TestMse, actual.TestMeanAbsError]);
            Assert.Equal(expected.Extra.OrderBy(p => p.Key), actual.Extra.OrderBy(p => p.Key));
            Assert.Equal(expected.Curve.Select(p => p.Sequences), actual.Curve.Select(p => p.Sequences));
            AssertSameBits(expected.Curve.Select(p => p.Error).ToArray(), actual.Curve.Select(p => p.Error).ToArray());
            Assert.NotEmpty(expected.Curve);
        }

        private static void AssertSameBits(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
        {
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"value {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }
    }
}
