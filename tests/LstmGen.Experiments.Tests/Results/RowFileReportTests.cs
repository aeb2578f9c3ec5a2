using System;
using System.Collections.Generic;
using System.IO;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Reporting;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Results
{
    /// <summary>
    /// The report of rows from row files (docs/results-gers2000.md): Gers 2000 Table 2's columns, the paper's line from the
    /// row file's <c>paper</c> figures and ours from the results, and the plain table for rows of other protocols.
    /// </summary>
    public sealed class RowFileReportTests : IDisposable
    {
        /// <summary>A continual row with Table 2's figures and a row of Exp 1's protocol without any.</summary>
        private const string Rows = """
            rows:
              - id: cerg
                title: "CERG, the 1997 cell"
                network: Gers2000ReberStandard
                task: { name: continual-embedded-reber }
                stop: { rule: continual-solution, trainingStreamSymbols: 10000 }
                trials: 100
                cap: 20000
                paper: { table: Gers 2000 Table 2, trials: 100, successPercent: 18, meanSequences: 18889, goodPercent: 29, goodLength: 39171, restPercent: 53, restLength: 145 }
              - id: erg
                title: ERG by Exp 1's protocol
                network: Gers2000ReberStandard
                task: { name: embedded-reber }
                stop: { rule: training-and-test-correct, checkEvery: 1000 }
                trials: 30
                cap: 30000
            """;

        private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-row-file-report-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void Report_puts_the_row_files_paper_figures_beside_the_results()
        {
            var results = Path.Combine(_directory, "results");
            Directory.CreateDirectory(results);
            using (var writer = ResultsFile.OpenForAppend(Path.Combine(results, "cerg.jsonl")))
            {
                // 2 solutions (2,000 and 3,000 streams), 1 good (1,500 symbols), 2 rest (20 and 26 symbols).
                ResultsFile.Append(writer, Continual(0, success: true, 2_000, 100_000));
                ResultsFile.Append(writer, Continual(1, success: true, 3_000, 100_000));
                ResultsFile.Append(writer, Continual(2, success: false, 20_000, 1_500));
                ResultsFile.Append(writer, Continual(3, success: false, 20_000, 20));
                ResultsFile.Append(writer, Continual(4, success: false, 20_000, 26));
            }

            using (var writer = ResultsFile.OpenForAppend(Path.Combine(results, "erg.jsonl")))
            {
                ResultsFile.Append(writer, Trial("erg", 0, success: true, 4_000, 30_000) with { TestSize = 256 });
                ResultsFile.Append(writer, Trial("erg", 1, success: false, 30_000, 30_000) with { TestSize = 256, TestWrong = 3 });
            }

            var markdown = Path.Combine(_directory, "docs", "report.md");
            Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);

            var rows = RowFileReport.Write("A title", [("specs/my.rows.yaml", RowFileReader.Read("my.rows.yaml", Rows))], results, markdown, "lstmgen report --published", "results/mine");

            Assert.Equal(2, rows);
            Snapshot.Verify(File.ReadAllText(markdown));
            foreach (var figure in new[] { "curve-cerg.svg", "success-cerg.svg", "curve-erg.svg", "success-erg.svg", "wall-time.svg" })
            {
                Assert.True(File.Exists(Path.Combine(_directory, "docs", "figures", "report", figure)), figure);
            }
        }

        [Fact]
        public void A_row_without_results_is_listed_as_not_run()
        {
            var row = RowFactory.Create(RowFileReader.Read("my.rows.yaml", Rows).Definitions[0]);

            var lines = RowFileReport.Table2Lines(row, []);

            Assert.Equal(
                "| `cerg`: CERG, the 1997 cell | Gers 2000 Table 2 | 100 | 18 (18,889) | 29 ⟨39,171⟩ | 53 ⟨145⟩ | - | - | - |\n" +
                "| | ours | - | not run | - | - | - | - | - |\n",
                lines);
        }

        [Theory]
        [InlineData(74, 7441.0, "74 (7,441)")]
        [InlineData(0, null, "0 (-)")]
        [InlineData(66.7, 2500.4, "66.7 (2,500)")]
        public void Solutions_are_a_percentage_and_the_mean_streams(double percent, double? streams, string expected)
        {
            Assert.Equal(expected, RowFileReport.Solutions(percent, streams));
        }

        [Theory]
        [InlineData(0, null, "0 ⟨−⟩")]
        [InlineData(29, 39171.0, "29 ⟨39,171⟩")]
        [InlineData(30, 18.94, "30 ⟨18.9⟩")]
        [InlineData(53, 145.4, "53 ⟨145⟩")]
        public void Good_and_rest_are_a_percentage_and_a_mean_length_in_angle_brackets(double percent, double? length, string expected)
        {
            Assert.Equal(expected, RowFileReport.Part(percent, length));
        }

        [Fact]
        public void Good_and_rest_split_the_failed_trials_by_the_recorded_flag()
        {
            var split = GoodAndRest.Of([Continual(0, true, 10, 100_000), Continual(1, false, 20, 2_000), Continual(2, false, 20, 3_000), Continual(3, false, 20, 10)]);

            Assert.Equal(new GoodAndRest(50, 2_500, 25, 10), split);
        }

        [Fact]
        public void Trials_of_other_protocols_have_no_good_and_rest()
        {
            Assert.Null(GoodAndRest.Of([Trial("erg", 0, true, 10, 30_000)]));
            Assert.Null(GoodAndRest.Of([]));
        }

        private static TrialResult Continual(int trial, bool success, long streams, double meanErrorFreeLength) =>
            Trial("cerg", trial, success, streams, 20_000) with
            {
                TestSize = 10,
                TestWrong = success ? 0 : 10,
                Extra = new Dictionary<string, double>
                {
                    [GoodAndRest.MeanErrorFreeLength] = meanErrorFreeLength,
                    [GoodAndRest.Good] = !success && meanErrorFreeLength > ContinualReberRow.GoodLength ? 1 : 0,
                },
            };

        private static TrialResult Trial(string row, int trial, bool success, long sequences, long cap) => new()
        {
            Row = row,
            Trial = trial,
            Seed = (ulong)trial + 1,
            Success = success,
            Sequences = sequences,
            WallSeconds = 30,
            Version = "9.9.9",
            BaseSeed = 19979,
            MaxSequences = cap,
            Settings = "the row's",
            Curve = [new CurvePoint(100, 5), new CurvePoint(sequences, 1)],
        };
    }
}
