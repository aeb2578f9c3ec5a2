using System;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Tasks;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary><c>lstmgen recall</c>: where Exp 1's trained networks keep the second symbol.</summary>
    public sealed class ReberRecallProbeTests
    {
        [Fact]
        public void Recall_step_reads_the_inner_strings_E_and_is_taught_the_second_symbol_again()
        {
            var task = new EmbeddedReberTask();

            foreach (var text in new[] { "BTBTXSETE", "BPBPVVEPE", "BTBTSSXXTVVETE" })
            {
                var sequence = task.FromString(text);
                var recall = ReberRecallProbe.RecallStep(sequence);

                Assert.Equal(text.Length - 3, recall);
                Assert.Equal(EmbeddedReberTask.E, sequence.Symbols![recall]);
                Assert.Equal(new[] { sequence.Symbols[ReberRecallProbe.StoreStep] }, sequence.LegalSuccessors![recall]);
                Assert.Equal(sequence.Class == 0 ? EmbeddedReberTask.T : EmbeddedReberTask.P, sequence.Symbols[ReberRecallProbe.StoreStep]);
            }
        }

        [Fact]
        public void Gates_and_states_are_read_from_the_right_units()
        {
            // Every weight zero but the gate biases, each a different value: then y_in = σ(b_in), y_out = σ(b_out) at every
            // step, the cell inputs g(0) = 0 leave every state at 0, and the seven outputs tie at σ(0), so every step is wrong.
            var row = Assert.IsType<ReberRow>(PaperRows.Find("1-5"));
            var network = row.NewNetwork(new RunOptions());
            var layout = ReferenceCopy.Of(network).Layout;
            var weights = new double[network.WeightCount];
            for (var j = 0; j < layout.BlockCount; j++)
            {
                weights[layout.InputGateFanIn(j).BiasOffset] = -1.0 - j;
                weights[layout.OutputGateFanIn(j)!.BiasOffset] = 0.5 + j;
            }

            network.SetWeights(weights);
            var dataSet = row.DataSetFor(0);
            var strings = dataSet.Test.Take(40).ToList();

            var trial = ReberRecallProbe.Probe(network, row.CreateTask(), strings, trial: 0, seed: 1, success: false, sequences: 0);

            Assert.Equal(40, trial.Strings);
            Assert.Equal(40, trial.WrongStrings);
            Assert.Equal(40, trial.WrongAtRecall);
            Assert.Equal(40, trial.WrongElsewhere);
            var larger = Math.Max(strings.Count(s => s.Class == 0), strings.Count(s => s.Class == 1));
            Assert.Equal(new[] { 0, 0, 1, 1, 2, 2 }, trial.Cells.Select(c => c.Block));
            foreach (var cell in trial.Cells)
            {
                Assert.Equal(Sigma(-1.0 - cell.Block), cell.InputGateAtStore, 1e-12);
                Assert.Equal(Sigma(-1.0 - cell.Block), cell.InputGateInner, 1e-12);
                Assert.Equal(Sigma(0.5 + cell.Block), cell.OutputGateAtRecall, 1e-12);
                Assert.Equal(0.0, cell.MeanStateT);
                Assert.Equal(0.0, cell.MeanStateP);
                Assert.Equal((double)larger / 40, cell.Separation, 12);   // equal states cannot be split
            }
        }

        [Fact]
        public void A_solved_trial_is_trained_as_run_trains_it_and_gets_every_string_right()
        {
            // results/1-4.jsonl: trial 9 of row 1-4 solves the task after 6,800 sequences (the same bits on every path).
            var row = Assert.IsType<ReberRow>(PaperRows.Find("1-4"));

            var summary = ReberRecallProbe.Measure(row, [9], TrialSeeds.DefaultBaseSeed, new RunOptions { MaxSequences = 10_000 });

            var trial = Assert.Single(summary.Trials);
            Assert.Equal(9, trial.Trial);
            Assert.True(trial.Success);
            Assert.Equal(6_800, trial.Sequences);
            Assert.Equal(512, trial.Strings);
            Assert.Equal(0, trial.WrongStrings);
            Assert.Equal(0, trial.WrongAtRecall);
            Assert.Equal(0, trial.WrongElsewhere);
            Assert.Equal(Enumerable.Range(0, 4), trial.Cells.Select(c => c.Block));   // 4 blocks of 1 cell
            Assert.Contains(trial.Cells, c => c.Separation == 1.0);   // a solved net carries the branch in one cell
        }

        [Fact]
        public void An_unsolved_trial_has_the_wrong_strings_the_run_counts()
        {
            var row = Assert.IsType<ReberRow>(PaperRows.Find("1-5"));
            var options = new RunOptions { MaxSequences = 300 };
            var run = row.RunTrial(0, TrialSeeds.For("1-5", 0), options, new TrialProgress("1-5", 0), default);

            var trial = Assert.Single(ReberRecallProbe.Measure(row, [0], TrialSeeds.DefaultBaseSeed, options).Trials);

            Assert.False(trial.Success);
            Assert.Equal(run.Sequences, trial.Sequences);
            Assert.Equal(run.TestWrong + (int)run.Extra["trainingWrong"], trial.WrongStrings);
            Assert.InRange(trial.WrongAtRecall, 0, trial.WrongStrings);
            Assert.InRange(trial.WrongElsewhere, trial.WrongStrings - trial.WrongAtRecall, trial.WrongStrings);
        }

        [Theory]
        [InlineData(new[] { 0.1, 0.2, 0.3, 0.9 }, new[] { 0, 0, 1, 1 }, 1.0)]        // separable
        [InlineData(new[] { 0.9, 0.8, 0.1, 0.2 }, new[] { 0, 0, 1, 1 }, 1.0)]        // separable, classes the other way round
        [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, new[] { 0, 1, 0, 1 }, 0.5)]        // equal values cannot be split
        [InlineData(new[] { 0.1, 0.2, 0.2, 0.3 }, new[] { 0, 0, 1, 1 }, 0.75)]       // a tie across the classes costs one
        [InlineData(new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }, new[] { 0, 1, 0, 1, 1 }, 0.8)]
        public void Best_threshold_accuracy_splits_between_distinct_values_only(double[] values, int[] classes, double expected)
        {
            Assert.Equal(expected, ReberRecallProbe.BestThresholdAccuracy(values, classes), 12);
        }

        [Fact]
        public void Recall_prints_a_line_per_cell_and_a_progress_line_per_trial()
        {
            var result = CliRunner.Run("recall", "1-1", "--trials", "2", "--max-sequences", "100");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Contains("Row 1-1, network Exp1Reber4x1", result.Out);
            var lines = result.Out.Split('\n');
            var rule = Array.FindIndex(lines, l => l.StartsWith("-----", StringComparison.Ordinal));
            var table = lines.Skip(rule + 1).TakeWhile(l => l.Length > 0).ToList();
            Assert.Equal(8, table.Count);                                   // 2 trials x 4 cells
            Assert.Equal(2, table.Count(l => char.IsDigit(l[0])));          // each trial named on its first cell's line
            Assert.Contains(lines, l => l.StartsWith("0 of 2 trials solved.", StringComparison.Ordinal));
            Assert.Equal(2, result.ErrorLines.Count(l => l.StartsWith("[1-1] trial ", StringComparison.Ordinal)));
        }

        [Fact]
        public void Recall_json_has_every_cell_of_every_trial_and_the_settings()
        {
            var result = CliRunner.Run("recall", "1-1", "--trials", "2", "--max-sequences", "100", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            Assert.Equal("Exp1Reber4x1", document.RootElement.GetProperty("network").GetString());
            Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("settings").GetString()));
            var trials = document.RootElement.GetProperty("trials");
            Assert.Equal(2, trials.GetArrayLength());
            Assert.All(trials.EnumerateArray(), t => Assert.Equal(4, t.GetProperty("cells").GetArrayLength()));
            Assert.Equal(100, trials[1].GetProperty("sequences").GetInt64());
        }

        private static double Sigma(double x) => 1.0 / (1.0 + Math.Exp(-x));
    }
}
