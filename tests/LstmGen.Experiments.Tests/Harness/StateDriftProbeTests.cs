using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Networks;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary><c>lstmgen drift</c>: the states it reports are the ones trial i's network reaches on trial i's first sequences.</summary>
    public sealed class StateDriftProbeTests
    {
        [Fact]
        public void Probe_reports_the_states_the_compiled_network_reaches_on_the_trials_first_sequences()
        {
            var row = PaperRows.Find("4-100")!;
            var probe = StateDriftProbe.Measure(row, trials: 2, sequencesPerTrial: 2, TrialSeeds.DefaultBaseSeed, new RunOptions());

            for (var trial = 0; trial < 2; trial++)
            {
                // Trial i of 'run': its initial weights, its training stream, the compiled network stepping forward.
                var seed = TrialSeeds.For("4-100", trial);
                var network = Assert.IsType<Exp4Adding>(row.CreateInitialNetwork(seed, new RunOptions()));
                var task = row.CreateTask();
                var random = ExperimentRow.TrainingRandom(seed);
                var output = new double[Exp4Adding.OutputCount];
                var expected = new List<double>();
                for (var n = 0; n < 2; n++)
                {
                    var sequence = task.Next(random);
                    network.Reset();
                    for (var t = 0; t < sequence.Length; t++)
                    {
                        network.Step(sequence.Input(t), output);
                    }

                    expected.AddRange(network.CellStates.ToArray());
                }

                var measured = probe.Trials[trial];
                Assert.Equal(trial, measured.Trial);
                Assert.Equal(seed, measured.Seed);
                Assert.Equal(expected.Count, measured.AbsoluteStates.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    var s = expected[i];
                    Assert.Equal(Math.Abs(s), measured.AbsoluteStates[i], 1e-12);
                    var sigma = 1.0 / (1.0 + Math.Exp(-s));
                    Assert.Equal(2.0 * sigma * (1.0 - sigma), measured.HPrimes[i], 1e-12);   // h1' (Eq. 4)
                }
            }
        }

        [Fact]
        public void Exp1_training_sequences_are_picked_from_the_trials_training_set()
        {
            // Exp 1 trains on 256 fixed strings (ReberRow.Train reads this very stream), not on fresh grammar strings.
            var row = Assert.IsType<ReberRow>(PaperRows.Find("1-5"));
            var training = row.DataSetFor(12).Training;

            foreach (var sequence in row.TrainingSequences(12, TrialSeeds.For("1-5", 12)).Take(40))
            {
                Assert.Contains(training, s => s.Symbols!.SequenceEqual(sequence.Symbols!));
            }
        }

        [Fact]
        public void Identity_cell_output_has_derivative_one()
        {
            var probe = StateDriftProbe.Measure(PaperRows.Find("2a")!, trials: 1, sequencesPerTrial: 1, TrialSeeds.DefaultBaseSeed, new RunOptions());

            Assert.Equal("identity", probe.CellOutput.ToString().ToLowerInvariant());
            Assert.All(probe.Trials[0].HPrimes, h => Assert.Equal(1.0, h));
        }

        [Fact]
        public void Quantile_uses_the_nearest_rank()
        {
            var values = new[] { 5.0, 1.0, 4.0, 2.0, 3.0 };

            Assert.Equal(3.0, StateDriftProbe.Quantile(values, 0.5));
            Assert.Equal(5.0, StateDriftProbe.Quantile(values, 0.9));
            Assert.Equal(1.0, StateDriftProbe.Quantile(values, 0.1));
            Assert.True(double.IsNaN(StateDriftProbe.Quantile(Array.Empty<double>(), 0.5)));
        }

        [Fact]
        public void Drift_command_prints_one_row_per_trial_and_a_summary()
        {
            var result = CliRunner.Run("drift", "2c-1", "--trials", "3", "--sequences", "2");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Contains("Row 2c-1, network Exp2cP50, h = h1", result.Out);
            var lines = result.Out.Split('\n');
            Assert.Equal(3, lines.Count(l => l.Length > 0 && char.IsDigit(l[0])));
            Assert.Single(lines, l => l.StartsWith("all ", StringComparison.Ordinal));
        }

        [Fact]
        public void Drift_json_holds_every_cell_state_of_every_probed_sequence()
        {
            var result = CliRunner.Run("drift", "2c-1", "--trials", "1", "--sequences", "3", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var trial = document.RootElement.GetProperty("trials")[0];
            Assert.Equal(6, trial.GetProperty("absoluteStates").GetArrayLength());   // 2 cells x 3 sequences
            Assert.Equal(6, trial.GetProperty("hPrimes").GetArrayLength());
            Assert.True(trial.GetProperty("meanLength").GetDouble() >= 54);           // q + 4 at least (q = 50)
        }

        [Theory]
        [InlineData("no-such-row")]
        [InlineData("2c-1", "--trials", "0")]
        [InlineData("2c-1", "--sequences", "-1")]
        public void Drift_rejects_bad_arguments_with_one_line(params string[] args)
        {
            var result = CliRunner.Run(new[] { "drift" }.Concat(args).ToArray());

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Single(result.ErrorLines);
            Assert.Equal(string.Empty, result.Out);
        }
    }
}
