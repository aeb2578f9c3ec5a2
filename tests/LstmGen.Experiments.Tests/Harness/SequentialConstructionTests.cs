using System;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>
    /// Sequential construction (§4; Exps 2a, 2b): until the cell is added, the network is the feedforward net. The cell's
    /// outgoing weights are held at zero after every learning step, so it sends nothing to the outputs and receives no
    /// error (Eq. 23's Σ_k w_k,c e_k is zero): its own weights must not move. Before 0.6.0 they were reset only after each
    /// sequence, and under per-step updates the cell learned within every sequence.
    /// </summary>
    public sealed class SequentialConstructionTests
    {
        /// <summary>Fewer sequences than the two windows of 500 the construction needs before it can add the cell.</summary>
        private const int BeforeTheCellCanJoin = 600;

        [Theory]
        [InlineData("2a", UpdateTiming.PerStep)]
        [InlineData("2b", UpdateTiming.PerStep)]
        [InlineData("2a", UpdateTiming.PerSequence)]
        public void The_hidden_cell_learns_nothing_and_sends_nothing_before_it_is_added(string rowId, UpdateTiming update)
        {
            var row = PaperRows.Find(rowId)!;
            var options = new RunOptions { MaxSequences = BeforeTheCellCanJoin, Update = update };
            var seed = TrialSeeds.For(row.Id, 0);
            var initial = Weights(row.CreateInitialNetwork(seed, options));

            var result = row.RunTrial(0, seed, options, new TrialProgress(row.Id, 0), CancellationToken.None, out var trained);

            Assert.Equal(0.0, result.Extra!["cellAddedAfter"]);
            var weights = Weights(trained);
            var description = trained.Description;
            var gatesAndCells = description.OutputOffset;
            Assert.True(gatesAndCells > 0);
            Assert.Equal(initial.AsSpan(0, gatesAndCells).ToArray(), weights.AsSpan(0, gatesAndCells).ToArray());
            Assert.All(description.CellToOutputWeights(), i => Assert.Equal(0.0, weights[i]));

            // The feedforward part learned meanwhile: the test would pass vacuously on a network that learns nothing.
            Assert.NotEqual(initial.AsSpan(gatesAndCells).ToArray(), weights.AsSpan(gatesAndCells).ToArray());
        }

        [Fact]
        public void Held_weights_are_zero_after_every_per_step_learning_step()
        {
            var row = PaperRows.Find("2a")!;
            var network = row.CreateInitialNetwork(TrialSeeds.For("2a", 0), new RunOptions());
            Assert.Equal(UpdateTiming.PerStep, network.Update);
            var held = network.Description.CellToOutputWeights().ToArray();
            var task = row.CreateTask();
            var sequence = task.Next(new SeededRandom(7));
            var outputs = new double[sequence.Length * sequence.OutputSize];

            // Held only at the end of the sequence (the defect of 0.5.0): the cell's weights move within it.
            var unheld = row.CreateInitialNetwork(TrialSeeds.For("2a", 0), new RunOptions());
            HeldWeights.Zero(unheld, held);
            var before = Weights(unheld);
            SequenceRunner.TrainSteps(unheld, sequence, outputs, sequence.OutputSize);
            Assert.NotEqual(before.AsSpan(0, unheld.Description.OutputOffset).ToArray(), Weights(unheld).AsSpan(0, unheld.Description.OutputOffset).ToArray());

            HeldWeights.Zero(network, held);
            before = Weights(network);
            SequenceRunner.TrainSteps(network, sequence, outputs, sequence.OutputSize, heldAtZero: held);
            var after = Weights(network);
            Assert.Equal(before.AsSpan(0, network.Description.OutputOffset).ToArray(), after.AsSpan(0, network.Description.OutputOffset).ToArray());
            Assert.All(held, i => Assert.Equal(0.0, after[i]));

            // The same through the vector steps: a stand-in that is no one-hot network takes TrainSteps' other branch,
            // which must hold the weights alike and give the index steps' bits.
            Assert.IsAssignableFrom<IOneHotNetwork>(network);
            var vector = row.CreateInitialNetwork(TrialSeeds.For("2a", 0), new RunOptions());
            HeldWeights.Zero(vector, held);
            SequenceRunner.TrainSteps(new TrialNetwork(vector), sequence, outputs, sequence.OutputSize, heldAtZero: held);
            Assert.Equal(after, Weights(vector));
        }

        [Fact]
        public void Held_weights_are_zeroed_through_a_copy_where_the_network_shows_no_weights_and_in_its_lane_alone()
        {
            // A lane view is an ILstmNetwork without a Weights span: HeldWeights copies its lane's weights out and back.
            var compiled = PaperNetworks.Find("Exp4Adding")!;
            var lanes = LaneNetworks.Create(compiled, 4);
            var views = Enumerable.Range(0, 4).Select(k => new LaneView(lanes, k, compiled.Create())).ToArray();
            for (var k = 0; k < views.Length; k++)
            {
                views[k].InitializeWeights((ulong)(30 + k));
            }

            var before = views.Select(Weights).ToArray();
            int[] held = [0, 7, before[2].Length - 1];

            HeldWeights.Zero(views[2], held);

            var after = views.Select(Weights).ToArray();
            Assert.All(held, i => Assert.NotEqual(0.0, before[2][i]));
            Assert.All(held, i => Assert.Equal(0.0, after[2][i]));
            Assert.Equal(before[2].Where((_, i) => !held.Contains(i)), after[2].Where((_, i) => !held.Contains(i)));
            Assert.Equal(before[1], after[1]);
            Assert.Equal(before[3], after[3]);
        }

        [Fact]
        public void Rows_with_sequential_construction_run_on_scalar_networks_whatever_the_lanes_option_says()
        {
            var options = new RunOptions { Lanes = 4 };
            Assert.Equal(1, PaperRows.Find("2a")!.LaneCount(options));
            Assert.Equal(1, PaperRows.Find("2b")!.LaneCount(options));
            Assert.Equal(4, PaperRows.Find("2c-1")!.LaneCount(options));
        }

        [Fact]
        public void Trials_of_2a_and_2b_from_before_the_fix_are_refused_and_other_rows_kept()
        {
            Assert.False(ResultsVersions.GivesSameResults("0.5.0", Row("2a")));
            Assert.False(ResultsVersions.GivesSameResults("0.2.0", Row("2b")));
            Assert.True(ResultsVersions.GivesSameResults("0.5.0", Row("2c-1")));
            Assert.True(ResultsVersions.GivesSameResults("0.2.0", Row("6a")));
            Assert.True(ResultsVersions.GivesSameResults(LstmGen.Generator.LstmGenVersion.Value, Row("2a")));
            Assert.False(ResultsVersions.GivesSameResults("0.1.0", Row("6a")));
        }

        [Fact]
        public void Resuming_a_2a_file_of_0_5_0_says_which_change_refuses_it()
        {
            using var temporary = new TemporaryDirectory("lstmgen-construction-");
            var directory = temporary.Path;
            var path = Path.Combine(directory, "2a.jsonl");
            File.WriteAllText(path, ResultsFile.Format(new TrialResult { Row = "2a", Trial = 0, Seed = 1, Sequences = 10, Success = false, WallSeconds = 1, Version = "0.5.0" }) + "\n");
            var error = Assert.Throws<ResultsVersionException>(() => TrialRunner.CheckVersions(PaperRows.Find("2a")!, path));
            Assert.Contains("0.6.0 changed row 2a's results: sequential construction", error.Message, StringComparison.Ordinal);

            var other = Path.Combine(directory, "2c-1.jsonl");
            File.WriteAllText(other, ResultsFile.Format(new TrialResult { Row = "2c-1", Trial = 0, Seed = 1, Sequences = 10, Success = false, WallSeconds = 1, Version = "0.5.0" }) + "\n");
            Assert.Single(TrialRunner.CheckVersions(PaperRows.Find("2c-1")!, other));
        }

        [Fact]
        public void Versions_compare_row_by_row_and_only_a_row_change_is_named_as_the_reason()
        {
            Assert.True(ResultsVersions.Same("0.4.0", "0.5.0", Row("2a")));
            Assert.False(ResultsVersions.Same("0.5.0", "0.6.0", Row("2b")));
            Assert.True(ResultsVersions.Same("0.5.0", "0.6.0", Row("6a")));
            Assert.Equal(string.Empty, ResultsVersions.Reason("0.1.0", Row("2a")));
            Assert.Equal(string.Empty, ResultsVersions.Reason("0.5.0", Row("6a")));
            Assert.StartsWith(" (0.6.0 changed row 2a's results", ResultsVersions.Reason("0.5.0", Row("2a")), StringComparison.Ordinal);

            // Every change since the version is named, oldest first: 2b of 0.5.0 lacks both 0.6.0's and 0.6.1's.
            var both = ResultsVersions.Reason("0.5.0", Row("2b"));
            Assert.StartsWith(" (0.6.0 changed row 2b's results", both, StringComparison.Ordinal);
            Assert.Contains("; 0.6.1 changed row 2b's results", both, StringComparison.Ordinal);
            Assert.DoesNotContain("0.6.0 changed", ResultsVersions.Reason("0.6.0", Row("2b")), StringComparison.Ordinal);
        }

        [Fact]
        public void A_construction_checkpoint_records_that_the_cell_is_held_at_every_step()
        {
            // Checkpoints of earlier versions say "sequential construction on" and are refused: their cell learned before it was added.
            using var temporary = new TemporaryDirectory("lstmgen-construction-");
            var directory = temporary.Path;
            var row = PaperRows.Find("2a")!;
            var options = new RunOptions { MaxSequences = 200, CheckpointDirectory = directory, CheckpointEvery = 100 };
            row.RunTrial(0, TrialSeeds.For("2a", 0), options, new TrialProgress("2a", 0), CancellationToken.None);
            var summary = TrainingCheckpoint.ReadSummary(TrainingCheckpoint.PathFor(directory, "2a", 0));
            Assert.EndsWith("sequential construction on, held at every step", summary.Settings, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("2b", true)]
        [InlineData("2a", false)]
        [InlineData("2c-1", false)]
        public void A_long_lag_checkpoint_judged_at_the_end_records_its_running_error_at_the_judged_step(string id, bool marked)
        {
            // 0.6.1 records 2b's running error at the sequence end; a checkpoint of 0.6.0 (error over every step) must not resume.
            using var temporary = new TemporaryDirectory("lstmgen-judged-");
            var directory = temporary.Path;
            var options = new RunOptions { MaxSequences = 200, CheckpointDirectory = directory, CheckpointEvery = 100 };
            PaperRows.Find(id)!.RunTrial(0, TrialSeeds.For(id, 0), options, new TrialProgress(id, 0), CancellationToken.None);
            var settings = TrainingCheckpoint.ReadSummary(TrainingCheckpoint.PathFor(directory, id, 0)).Settings;
            Assert.Equal(marked, settings.EndsWith(", running error at the judged step", StringComparison.Ordinal));
        }

        private static ExperimentRow Row(string id) => PaperRows.Find(id)!;

        private static double[] Weights(ILstmNetwork network)
        {
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            return weights;
        }
    }
}
