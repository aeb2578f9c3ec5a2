using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>
    /// Every figure of every built-in row file equals the paper's (Tables 1-9, and Table 10's α for the learning rate a row
    /// trains at, its own or its network spec's), as transcribed in paper-tables.md beside this file.
    /// </summary>
    public sealed class PaperFigureTests
    {
        /// <summary>One line of paper-tables.md.</summary>
        private sealed record PaperRow(
            string Id, string Table, int Trials, double LearningRate, double? SuccessPercent, double? Sequences, double? St1, string? Test, double? Mse,
            IReadOnlyDictionary<string, string> Parameters);

        [Fact]
        public void Every_built_in_row_has_the_paper_s_figures()
        {
            var rows = PaperRows.Files().SelectMany(f => f.Definitions).ToList();

            Assert.Empty(Mismatches(rows));
            Assert.Equal(Transcription().Keys.Order(), rows.Select(r => r.Id).Order());
        }

        [Theory]
        [InlineData("exp4-adding.rows.yaml", "meanSequences: 74000", "meanSequences: 74001", "4-100: sequences")]
        [InlineData("exp1-reber.rows.yaml", "learningRate: 0.2", "learningRate: 0.3", "1-3: α")]
        [InlineData("exp1-reber.rows.yaml", "successPercent: 97, meanSequences: 9500", "successPercent: 98, meanSequences: 9500", "1-4: % success")]
        [InlineData("exp3-noise-signal.rows.yaml", "testWrong: \"0.01500\"", "testWrong: \"0.015\"", "3b-100-1: test")]
        [InlineData("exp3-noise-signal.rows.yaml", "st1Sequences: 58370", "st1Sequences: 58730", "3a-100-1: ST1")]
        [InlineData("exp5-multiplication.rows.yaml", "mse: 0.0139", "mse: 0.0193", "5-13: MSE")]
        [InlineData("exp5-multiplication.rows.yaml", "stop: { nSeq: 13 }", "stop: { nSeq: 31 }", "5-13: stop.nSeq")]
        [InlineData("exp2c-very-long-lag.rows.yaml", "task: { name: very-long-lag, q: 1000, p: 200 }", "task: { name: very-long-lag, q: 100, p: 200 }", "2c-7: task.q")]
        [InlineData("exp6-temporal-order.rows.yaml", "trials: 20, meanSequences", "trials: 10, meanSequences", "6a: trials")]
        [InlineData("exp2ab-long-lag.rows.yaml", "table: \"§5.2 text\"", "table: Table 2", "2b: table")]
        public void A_changed_figure_fails_the_comparison(string file, string original, string changed, string expected)
        {
            var text = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "specs", "rows", file));
            Assert.Contains(original, text);

            var mutated = RowFileReader.Read(file, text.Replace(original, changed));

            Assert.Empty(mutated.Diagnostics);
            Assert.Contains(Mismatches(mutated.Definitions), m => m.StartsWith(expected, StringComparison.Ordinal));
        }

        private static List<string> Mismatches(IEnumerable<RowDefinition> rows)
        {
            var paper = Transcription();
            var mismatches = new List<string>();
            foreach (var row in rows)
            {
                if (!paper.TryGetValue(row.Id, out var expected))
                {
                    mismatches.Add(row.Id + ": not in paper-tables.md");
                    continue;
                }

                var figures = row.Settings.Paper;
                Compare(mismatches, row.Id, "table", expected.Table, figures.Table);
                Compare(mismatches, row.Id, "trials", expected.Trials, figures.Trials);
                Compare(mismatches, row.Id, "α", expected.LearningRate, row.Settings.LearningRate);
                Compare(mismatches, row.Id, "% success", expected.SuccessPercent, figures.SuccessPercent);
                Compare(mismatches, row.Id, "sequences", expected.Sequences, figures.MeanSequences);
                Compare(mismatches, row.Id, "ST1", expected.St1, figures.Extra.TryGetValue("ST1", out var st1) ? Number(st1) : null);
                Compare(mismatches, row.Id, "test", expected.Test, figures.TestWrong);
                Compare(mismatches, row.Id, "MSE", expected.Mse, figures.Extra.TryGetValue("MSE", out var mse) ? Number(mse) : null);
                foreach (var (path, value) in expected.Parameters)
                {
                    var (level, key) = (path[..path.IndexOf('.', StringComparison.Ordinal)], path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..]);
                    var parameters = level == "task" ? row.TaskParameters : row.StopParameters;
                    Compare(mismatches, row.Id, path, value, parameters.All.ContainsKey(key) ? parameters.Text(key) : null);
                }
            }

            return mismatches;
        }

        private static void Compare<T>(List<string> mismatches, string id, string figure, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                mismatches.Add(id + ": " + figure + " is " + (actual?.ToString() ?? "none") + " in the row file, " + (expected?.ToString() ?? "none") + " in the paper");
            }
        }

        private static Dictionary<string, PaperRow> Transcription()
        {
            var rows = new Dictionary<string, PaperRow>(StringComparer.Ordinal);
            var lines = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, "tests", "LstmGen.Experiments.Tests", "Rows", "paper-tables.md"))
                .Where(line => line.StartsWith('|'))
                .Skip(2);
            foreach (var line in lines)
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                Assert.Equal(10, cells.Length);
                var parameters = cells[9] == "-"
                    ? new Dictionary<string, string>()
                    : cells[9].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
                rows.Add(cells[0], new PaperRow(cells[0], cells[1], (int)Number(cells[2])!.Value, Number(cells[3])!.Value, Number(cells[4]), Number(cells[5]),
                    Number(cells[6]), cells[7] == "-" ? null : cells[7], Number(cells[8]), parameters));
            }

            return rows;
        }

        /// <summary>A number as the paper prints it ("39,740"), or null for "-".</summary>
        private static double? Number(string text) =>
            text == "-" ? null : double.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
