using System;
using System.Collections.Generic;
using System.IO;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Reporting;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>The report's account of ST3's two conditions, read from the learning curves.</summary>
    public sealed class ReportTests
    {
        [Fact]
        public void Average_error_part_is_the_first_full_window_point_below_beta()
        {
            var row = PaperRows.Find("4-100")!;
            Assert.Equal((0.01, 2000), row.AverageErrorBound);
            var trials = new List<TrialResult>
            {
                // Below 0.01 at 1,600 does not count (the window of 2000 is not full yet); 4,000 is the first that does.
                Trial(0, (1600, 0.005), (3200, 0.02), (4000, 0.009), (8000, 0.001)),
                Trial(1, (2000, 0.03), (6000, 0.008)),    // placed to within 4,000 sequences (2,000 to 6,000)
                Trial(2, (2000, 0.03), (4000, 0.02)),     // never below
                Trial(3, (2000, 0.02), (20000, 0.005)),   // placed to within 18,000
            };

            var sentence = ResultsReport.AverageErrorPart(row, trials);

            Assert.NotNull(sentence);
            Assert.Contains("after a mean of 10,000 sequences (median 6,000) in 3 of 4 trials", sentence, StringComparison.Ordinal);
            Assert.Contains("each crossing is placed to within 18,000 sequences", sentence, StringComparison.Ordinal);
        }

        [Fact]
        public void Average_error_part_says_when_no_trial_got_below_beta()
        {
            var sentence = ResultsReport.AverageErrorPart(PaperRows.Find("4-500")!, new List<TrialResult> { Trial(0, (2000, 0.04), (600_000, 0.04)) });

            Assert.Equal("Row 4-500, ST3's average alone: in none of the 1 trials did the average training error of the 2000 most recent sequences fall below 0.01 (learning curves).", sentence);
        }

        [Fact]
        public void Rows_without_ST3_have_no_average_error_part()
        {
            var row = PaperRows.Find("2c-1")!;

            Assert.Null(row.AverageErrorBound);
            Assert.Null(ResultsReport.AverageErrorPart(row, new List<TrialResult> { Trial(0, (2000, 0.001)) }));
            Assert.NotNull(PaperRows.Find("6a")!.AverageErrorBound);
        }

        [Fact]
        public void Report_states_the_average_error_part_under_the_table()
        {
            var directory = Directory.CreateTempSubdirectory("lstmgen-report-").FullName;
            try
            {
                var results = Path.Combine(directory, "results");
                Directory.CreateDirectory(results);
                using (var writer = ResultsFile.OpenForAppend(Path.Combine(results, "4-100.jsonl")))
                {
                    ResultsFile.Append(writer, Trial(0, (2000, 0.05), (4000, 0.004)));
                }

                var markdown = Path.Combine(directory, "report.md");
                Assert.Equal(1, ResultsReport.Write(results, markdown, "lstmgen report", discussionPath: null));

                var text = File.ReadAllText(markdown);
                Assert.Contains("Row 4-100, ST3's average alone: the average training error of the 2000 most recent sequences first fell below 0.01 after a mean of 4,000 sequences", text, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static TrialResult Trial(int trial, params (long Sequences, double Error)[] curve)
        {
            var points = new List<CurvePoint>();
            foreach (var (sequences, error) in curve)
            {
                points.Add(new CurvePoint(sequences, error));
            }

            return new TrialResult { Row = "4-100", Trial = trial, Seed = 1, Success = false, Sequences = 10_000, WallSeconds = 1, Curve = points };
        }
    }
}
