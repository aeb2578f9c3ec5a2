using System;
using System.Buffers.Binary;
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
    /// Exp 3's trials (3a, 3b, 3c: <see cref="NoiseSignalRow"/>) stopped at several points and resumed from their
    /// training checkpoints end exactly like trials that never stopped, on the scalar path and on the lane path: the same
    /// results line (wall time aside) and the same final weights, bit for bit. Checkpoints of other trials are refused, and
    /// the stream rows' checkpoints keep the format they had before Exp 3 got checkpoints.
    /// </summary>
    public sealed class NoiseSignalCheckpointTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lstmgen-exp3-ckpt-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper _output;

        public NoiseSignalCheckpointTests(ITestOutputHelper output)
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

        /// <summary>
        /// ST1/ST2 are tested every 500 sequences and checkpoints written every 700, so some checkpoints fall on a test
        /// (3500) and most between two; the crashes come after a checkpoint, before the next.
        /// </summary>
        [Theory]
        [InlineData("3a-100-3", 0, 7000, false, new long[] { 1500, 4250, 6650 })] // ST1 met near 6000: its sequences survive the last crash
        [InlineData("3a-100-3", 0, 7000, true, new long[] { 1500, 4250, 6650 })]
        [InlineData("3b-100-3", 1, 5000, false, new long[] { 1200, 2900 })] // ST2 met near 4000, after the last resume
        [InlineData("3b-100-3", 1, 5000, true, new long[] { 1200, 2900 })]
        [InlineData("3c-100-3", 1, 2500, false, new long[] { 800, 1900 })] // the cap; the error against the noise-free targets
        [InlineData("3c-100-3", 1, 2500, true, new long[] { 800, 1900 })]
        public void A_trial_stopped_several_times_and_resumed_ends_bit_for_bit_like_an_uninterrupted_one(string id, int trial, long cap, bool lanes, long[] crashes)
        {
            const int every = 700;
            var row = PaperRows.Find(id)!;
            var options = new RunOptions { MaxSequences = cap, CheckEvery = 500, TestSetSize = 256 };
            var (expected, expectedWeights, _) = Run(row, trial, options, lanes);
            Assert.True(crashes[^1] < expected.Sequences, $"the trial ends after {expected.Sequences} sequences, before the crash at {crashes[^1]}");

            var checkpointed = options with { CheckpointDirectory = _directory, CheckpointEvery = every };
            var path = TrainingCheckpoint.PathFor(_directory, id, trial);
            long resumedFrom = 0;
            foreach (var crash in crashes)
            {
                Assert.Throws<SimulatedCrashException>(() => Run(row, trial, checkpointed, lanes, crashAt: crash - resumedFrom));
                var summary = TrainingCheckpoint.ReadSummary(path);
                Assert.Equal((crash - 1) / every * every, summary.Sequences);
                Assert.Equal((id, trial, TrialSeeds.For(id, trial), false), (summary.Row, summary.Trial, summary.Seed, summary.Success));
                resumedFrom = summary.Sequences;
            }

            var (resumed, resumedWeights, trained) = Run(row, trial, checkpointed, lanes);
            Assert.Equal(expected.Sequences - resumedFrom, trained); // it did resume, not start over
            Assert.Equal(Line(expected), Line(resumed));
            AssertSameBits(expectedWeights, resumedWeights);
            _output.WriteLine($"{id} trial {trial} ({(lanes ? "lanes" : "scalar")}): crashes at {string.Join(", ", crashes)}, end {resumed.Sequences} ({(resumed.Success ? "ST2" : "cap")}), ST1 after {resumed.Extra["st1Sequences"]}");

            // The last checkpoint holds the end of training; resuming from it runs only the final test again.
            var end = TrainingCheckpoint.ReadSummary(path);
            Assert.Equal((expected.Sequences, expected.Success), (end.Sequences, end.Success));
            var (again, againWeights, trainedAgain) = Run(row, trial, checkpointed, lanes);
            Assert.Equal(0, trainedAgain);
            Assert.Equal(Line(expected), Line(again));
            AssertSameBits(expectedWeights, againWeights);
        }

        [Fact]
        public void A_checkpoint_of_another_seed_row_kind_or_test_interval_is_refused_not_overwritten()
        {
            var exp3 = PaperRows.Find("3a-100-3")!;
            var seed = TrialSeeds.For("3a-100-3", 1);
            var options = new RunOptions { MaxSequences = 300, CheckEvery = 100, TestSetSize = 8, CheckpointDirectory = _directory, CheckpointEvery = 100 };
            RunScalar(exp3, 1, seed, options);
            var path = TrainingCheckpoint.PathFor(_directory, "3a-100-3", 1);
            var before = File.ReadAllBytes(path);

            var otherSeed = Assert.Throws<CheckpointException>(() => RunScalar(exp3, 1, seed + 1, options));
            Assert.Equal(path, otherSeed.Path);
            Assert.StartsWith($"checkpoint is for row 3a-100-3, trial 1, seed {seed}, not row 3a-100-3, trial 1, seed {seed + 1}; delete the file", otherSeed.Reason, StringComparison.Ordinal);

            var otherInterval = Assert.Throws<CheckpointException>(() => RunScalar(exp3, 1, seed, options with { CheckEvery = 50 }));
            Assert.StartsWith("checkpoint was written with other settings (network Exp3NoiseSignal, learning rate 1, update ", otherInterval.Reason, StringComparison.Ordinal);
            Assert.Contains("tested every 100 training sequences), not (", otherInterval.Reason, StringComparison.Ordinal);
            Assert.Contains("tested every 50 training sequences)", otherInterval.Reason, StringComparison.Ordinal);

            // 3a's checkpoint under 3b's file name (the same network, trial and seed): the row is named.
            var exp3b = PaperRows.Find("3b-100-3")!;
            var otherTask = Path.Combine(_directory, "3b");
            Directory.CreateDirectory(otherTask);
            File.Copy(path, TrainingCheckpoint.PathFor(otherTask, "3b-100-3", 1));
            var task = Assert.Throws<CheckpointException>(() => RunScalar(exp3b, 1, seed, options with { CheckpointDirectory = otherTask }));
            Assert.StartsWith("checkpoint is for row 3a-100-3, trial 1, seed ", task.Reason, StringComparison.Ordinal);

            // A stream row's checkpoint for an Exp 3 trial, and the other way round: the other kind of row is named.
            var stream = PaperRows.Find("6a")!;
            var streamDirectory = Path.Combine(_directory, "6a");
            RunScalar(stream, 1, TrialSeeds.For("6a", 1), options with { CheckpointDirectory = streamDirectory });
            var swapped = Path.Combine(_directory, "swapped");
            Directory.CreateDirectory(swapped);
            File.Copy(TrainingCheckpoint.PathFor(streamDirectory, "6a", 1), TrainingCheckpoint.PathFor(swapped, "3a-100-3", 1));
            File.Copy(path, TrainingCheckpoint.PathFor(swapped, "6a", 1));
            var streamInExp3 = Assert.Throws<CheckpointException>(() => RunScalar(exp3, 1, seed, options with { CheckpointDirectory = swapped }));
            Assert.StartsWith($"checkpoint is for row 6a, trial 1, seed {TrialSeeds.For("6a", 1)}, not row 3a-100-3, trial 1, seed {seed}", streamInExp3.Reason, StringComparison.Ordinal);
            var exp3InStream = Assert.Throws<CheckpointException>(() => RunScalar(stream, 1, TrialSeeds.For("6a", 1), options with { CheckpointDirectory = swapped }));
            Assert.StartsWith($"checkpoint is for row 3a-100-3, trial 1, seed {seed}, not row 6a, ", exp3InStream.Reason, StringComparison.Ordinal);

            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void The_command_line_refuses_a_mismatched_checkpoint_in_one_line()
        {
            var stream = PaperRows.Find("6a")!;
            var streamDirectory = Path.Combine(_directory, "6a");
            RunScalar(stream, 0, TrialSeeds.For("6a", 0), new RunOptions { MaxSequences = 100, TestSetSize = 8, CheckpointDirectory = streamDirectory });
            var checkpoints = Path.Combine(_directory, "checkpoints");
            Directory.CreateDirectory(checkpoints);
            File.Copy(TrainingCheckpoint.PathFor(streamDirectory, "6a", 0), TrainingCheckpoint.PathFor(checkpoints, "3a-100-3", 0));

            var result = CliRunner.Run("run", "3a-100-3", "--trials", "1", "--max-sequences", "200", "--check-every", "100", "--lanes", "1",
                "--results", Path.Combine(_directory, "results.jsonl"), "--checkpoints", checkpoints);
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.ErrorLines, l => l.StartsWith("lstmgen: error: ", StringComparison.Ordinal));
            Assert.Contains("3a-100-3-0.ckpt: checkpoint is for row 6a, trial 0, seed ", line, StringComparison.Ordinal);
            Assert.EndsWith("; delete the file to start this trial afresh, or use another checkpoint directory", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        /// <summary>
        /// A stream row's checkpoint written by LstmGen before Exp 3 had checkpoints (the fixture: <c>lstmgen run 6a --trials 1
        /// --max-sequences 300 --checkpoints … --checkpoint-every 100 --lanes 1</c> of main d4ce14a) still loads, and this
        /// build writes the same bytes at the same point (its wall time aside).
        /// </summary>
        [Fact]
        public void A_stream_rows_checkpoint_keeps_the_format_it_had()
        {
            var fixture = File.ReadAllBytes(Path.Combine(CliRunner.RepositoryRoot, "tests", "LstmGen.Experiments.Tests", "Checkpoints", "Fixtures", "6a-0.format1.ckpt"));
            var row = PaperRows.Find("6a")!;
            var seed = TrialSeeds.For("6a", 0);
            var options = new RunOptions { MaxSequences = 300, CheckpointDirectory = _directory, CheckpointEvery = 100, TestSetSize = 64 };
            RunScalar(row, 0, seed, options);
            var written = File.ReadAllBytes(TrainingCheckpoint.PathFor(_directory, "6a", 0));
            Assert.Equal(fixture.Length, written.Length);
            var wall = WallSecondsOffset(written);
            Assert.Equal(fixture.AsSpan(0, wall).ToArray(), written.AsSpan(0, wall).ToArray());
            Assert.Equal(fixture.AsSpan(wall + 8, fixture.Length - wall - 8 - 32).ToArray(), written.AsSpan(wall + 8, written.Length - wall - 8 - 32).ToArray());

            // Resumed from the old file with a higher cap, the trial ends like one that ran to that cap at once.
            var (expected, _) = RunScalar(row, 0, seed, options with { MaxSequences = 400, CheckpointDirectory = null });
            var old = Path.Combine(_directory, "old");
            Directory.CreateDirectory(old);
            File.WriteAllBytes(TrainingCheckpoint.PathFor(old, "6a", 0), fixture);
            var (resumed, trained) = RunScalar(row, 0, seed, options with { MaxSequences = 400, CheckpointDirectory = old });
            Assert.Equal(100, trained);
            Assert.Equal(Line(expected), Line(resumed));
        }

        /// <summary>The offset of the wall-seconds field: after the envelope's header, row, trial, seed, settings, sequences and flag.</summary>
        private static int WallSecondsOffset(byte[] file)
        {
            var at = 52;
            at += 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at)) + 4 + 8;
            at += 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at)) + 8 + 1;
            return at;
        }

        /// <summary>
        /// Trial <paramref name="trial"/> of <paramref name="row"/> on the scalar path (<see cref="ExperimentRow.RunTrial"/>) or in
        /// the lanes of the network's generated lane class (<see cref="TrialRunner"/>, the trial in lane 0), crashing at the
        /// end of its <paramref name="crashAt"/>-th training sequence of this session.
        /// </summary>
        private (TrialResult Result, double[] Weights, long Trained) Run(ExperimentRow row, int trial, RunOptions options, bool lanes, long crashAt = long.MaxValue)
        {
            if (!lanes)
            {
                var (result, weights, trained) = Scalar(row, trial, TrialSeeds.For(row.Id, trial), options, crashAt);
                return (result, weights, trained);
            }

            var compiled = RowNetworks.Find(row.NetworkName)!;
            var count = LaneNetworks.DefaultCount(compiled);
            Assert.True(count > 1, $"{row.NetworkName} has a generated lane class: the lane path runs {count} lanes");
            CrashingLanes? network = null;
            var withLanes = options with
            {
                Lanes = count,
                HandOverBelow = 0, // one trial alone in its lane network stays there: this is the lane path's checkpoint test
                Network = compiled with { CreateLanes = width => network = new CrashingLanes(compiled.CreateLanes!(width), crashAt) },
            };
            var results = Path.Combine(_directory, "results-" + Guid.NewGuid().ToString("N") + ".jsonl");
            var run = new TrialRunner().Run(row, [trial], TrialSeeds.DefaultBaseSeed, withLanes, results, 1, CancellationToken.None);
            Assert.NotEqual(LaneWidth.Scalar, network!.Width);
            return (Assert.Single(run), network.CopyOfWeights(0), network.SequencesTrained);
        }

        private static (TrialResult Result, long Trained) RunScalar(ExperimentRow row, int trial, ulong seed, RunOptions options)
        {
            var (result, _, trained) = Scalar(row, trial, seed, options, long.MaxValue);
            return (result, trained);
        }

        private static (TrialResult Result, double[] Weights, long Trained) Scalar(ExperimentRow row, int trial, ulong seed, RunOptions options, long crashAt)
        {
            CrashingNetwork? network = null;
            var withNetwork = options with { Lanes = 1, Network = new CompiledNetwork(row.NetworkName, row.NetworkName, string.Empty, () => network = new CrashingNetwork(row.NetworkName, crashAt)) };
            var result = row.RunTrial(trial, seed, withNetwork, new TrialProgress(row.Id, trial), CancellationToken.None);
            return (result, network!.CopyOfWeights(), network.SequencesTrained);
        }

        /// <summary>The trial's results line without its wall time (the only field a resumed trial may change).</summary>
        private static string Line(TrialResult result) => ResultsFile.Format(result with { WallSeconds = 0 });

        private static void AssertSameBits(double[] expected, double[] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"weight {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }
    }
}
