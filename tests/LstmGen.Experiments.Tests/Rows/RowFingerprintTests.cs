using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>
    /// Every setting of every built-in row, and the first data and weights its trials see, pinned: the snapshots were taken
    /// while the rows were still C# (PaperRows.cs), so the row files must give every row exactly what it had. A trial's
    /// bits follow from what is pinned here (the network, its initial weights, the learning rate and update timing, the
    /// task's first training sequences) together with the protocol's code; <c>lstmgen reproduce --quick</c> checks the rest.
    /// </summary>
    public sealed class RowFingerprintTests
    {
        /// <summary>Compares with <c>Snapshots/{name}.verified.txt</c> (<see cref="Snapshot"/>).</summary>
        private static void MatchesSnapshot(string name, string actual) =>
            Snapshot.VerifyNamed(Path.Combine(CliRunner.RepositoryRoot, "tests", "LstmGen.Experiments.Tests", "Rows", "Snapshots"), name, actual);

        [Fact]
        public void Rows_lists_the_same_rows_and_figures_as_before_the_row_files()
        {
            var result = CliRunner.Run("rows");

            Assert.Equal(0, result.ExitCode);
            MatchesSnapshot("rows", result.Out);
        }

        [Fact]
        public void Rows_verbose_gives_the_same_stopping_rules_as_before_the_row_files()
        {
            var result = CliRunner.Run("rows", "--verbose");

            Assert.Equal(0, result.ExitCode);
            MatchesSnapshot("rows-verbose", result.Out);
        }

        [Fact]
        public void Every_row_has_the_settings_data_and_initial_weights_it_had_before_the_row_files()
        {
            var text = new StringBuilder();
            foreach (var row in PaperRows.All)
            {
                Fingerprint(row, text);
            }

            MatchesSnapshot("row-fingerprints", text.ToString());
        }

        private static void Fingerprint(ExperimentRow row, StringBuilder text)
        {
            var seed = TrialSeeds.For(row.Id, 0);
            text.Append('[').Append(row.Id).Append("]\n");
            Line(text, "title", row.Title);
            Line(text, "protocol", row.GetType().Name);
            Line(text, "network", row.NetworkName);
            Line(text, "learning rate", row.LearningRate.ToString("R", CultureInfo.InvariantCulture));
            Line(text, "cap", Int(row.DefaultMaxSequences));
            Line(text, "quick cap", Int(row.QuickMaxSequences));
            Line(text, "typical length", Int(row.TypicalLength));
            Line(text, "stopping rule", row.StoppingRule);
            Line(text, "average error bound", row.AverageErrorBound is { } bound
                ? bound.Beta.ToString("R", CultureInfo.InvariantCulture) + " over " + Int(bound.Window)
                : "-");
            if (row is StreamRow stream)
            {
                Line(text, "test set size", Int(stream.TestSetSize));
                Line(text, "sequential construction", stream.SequentialConstruction ? "on" : "off");
            }

            var paper = row.Paper;
            Line(text, "paper", string.Join(" | ",
                paper.Table,
                Int(paper.Trials),
                paper.SuccessPercent?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
                paper.MeanSequences?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
                paper.TestWrong ?? "-"));
            foreach (var extra in paper.Extra)
            {
                Line(text, "paper " + extra.Key, extra.Value);
            }

            var task = row.CreateTask();
            Line(text, "task", task.Name + ", " + Int(task.InputSize) + " in, " + Int(task.OutputSize) + " out");

            var network = row.CreateInitialNetwork(seed, new RunOptions());
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            Line(text, "initial network", network.Name + ", learning rate " + network.LearningRate.ToString("R", CultureInfo.InvariantCulture) +
                ", update " + network.Update + ", weights " + Digest(weights));

            // Trial 10 of Exp 1 is on the second data set pair: its strings differ from trial 0's.
            foreach (var trial in row is ReberRow ? new[] { 0, 10 } : new[] { 0 })
            {
                var sequences = row.TrainingSequences(trial, TrialSeeds.For(row.Id, trial)).Take(3).Select(Digest);
                Line(text, "trial " + Int(trial) + " sequences", string.Join(" ", sequences));
            }

            text.Append('\n');
        }

        private static void Line(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append('\n');

        private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Digest(Sequence sequence)
        {
            var numbers = new List<double> { sequence.Length, sequence.Class };
            for (var t = 0; t < sequence.Length; t++)
            {
                foreach (var x in sequence.Input(t))
                {
                    numbers.Add(x);
                }

                numbers.Add(sequence.HasTarget[t] ? 1 : 0);
            }

            numbers.AddRange(sequence.Targets);
            return Digest(numbers);
        }

        /// <summary>FNV-1a over the numbers' bits: equal digests mean equal numbers, bit for bit.</summary>
        private static string Digest(IEnumerable<double> numbers)
        {
            var hash = 14695981039346656037UL;
            foreach (var number in numbers)
            {
                var bits = (ulong)BitConverter.DoubleToInt64Bits(number);
                for (var i = 0; i < 8; i++)
                {
                    hash = (hash ^ ((bits >> (8 * i)) & 0xFF)) * 1099511628211UL;
                }
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }
    }
}
