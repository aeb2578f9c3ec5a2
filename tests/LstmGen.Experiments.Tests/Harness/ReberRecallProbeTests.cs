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
            Assert.Equal(0, trial.WrongAtRecall);
            Assert.Equal(0, trial.WrongElsewhere);
            Assert.Equal(4, trial.Cells.Count);   // 4 blocks of 1 cell
            Assert.Equal(Enumerable.Range(0, 4), trial.Cells.Select(c => c.Block));
            Assert.All(trial.Cells, c => Assert.InRange(c.Separation, 0.5, 1.0));
            Assert.All(trial.Cells, c => Assert.InRange(c.InputGateAtStore, 0.0, 1.0));
        }

        [Fact]
        public void An_unsolved_trial_counts_its_wrong_strings_by_where_they_go_wrong()
        {
            var row = Assert.IsType<ReberRow>(PaperRows.Find("1-5"));

            var trial = Assert.Single(ReberRecallProbe.Measure(row, [0], TrialSeeds.DefaultBaseSeed, new RunOptions { MaxSequences = 100 }).Trials);

            Assert.False(trial.Success);
            Assert.Equal(100, trial.Sequences);
            Assert.InRange(trial.WrongAtRecall + trial.WrongElsewhere, 1, 2 * trial.Strings);
            Assert.Equal(6, trial.Cells.Count);   // 3 blocks of 2 cells
            Assert.Equal(new[] { 0, 0, 1, 1, 2, 2 }, trial.Cells.Select(c => c.Block));
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
        public void Recall_json_has_a_line_per_cell_of_every_trial()
        {
            var result = CliRunner.Run("recall", "1-1", "--trials", "2", "--max-sequences", "100", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            Assert.Equal("Exp1Reber4x1", document.RootElement.GetProperty("network").GetString());
            var trials = document.RootElement.GetProperty("trials");
            Assert.Equal(2, trials.GetArrayLength());
            Assert.All(trials.EnumerateArray(), t => Assert.Equal(4, t.GetProperty("cells").GetArrayLength()));
            Assert.Equal(100, trials[1].GetProperty("sequences").GetInt64());
        }

        [Theory]
        [InlineData("6a")]
        [InlineData("no-such-row")]
        [InlineData("1-5", "--trials", "0")]
        [InlineData("1-5", "--max-sequences", "0")]
        [InlineData("1-5", "--learning-rate", "-1")]
        public void Recall_rejects_rows_outside_table_1_and_bad_arguments_with_one_line(params string[] args)
        {
            var result = CliRunner.Run(new[] { "recall" }.Concat(args).ToArray());

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Single(result.ErrorLines);
            Assert.Equal(string.Empty, result.Out);
        }
    }
}
