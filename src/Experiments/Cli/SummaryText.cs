using System.Globalization;
using System.IO;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Cli
{
    /// <summary>A row's summary next to the paper's figures, as text or JSON.</summary>
    public static class SummaryText
    {
        /// <summary>The summary as a table; <paramref name="resultsPath"/> is the file its trials were run into or read from.</summary>
        public static void Write(TextWriter writer, ExperimentRow row, RowSummary summary, string resultsPath)
        {
            var table = new TextTable("", "paper", "measured");
            var inPaper = row.Paper.InPaper;
            table.Add("trials", inPaper ? Int(row.Paper.Trials) : "-", Int(summary.Trials));
            table.Add("% successful", !inPaper ? "-" : row.Paper.SuccessPercent is { } p ? p.ToString("0", CultureInfo.InvariantCulture) : "100 (implied)", summary.SuccessPercent.ToString("0.#", CultureInfo.InvariantCulture));
            table.Add("mean sequences until success", Number(row.Paper.MeanSequences), Number(summary.MeanSequences));
            table.Add("median sequences", "-", Number(summary.MedianSequences));
            table.Add("range of sequences", "-", summary.MinSequences is { } min ? min.ToString("N0", CultureInfo.InvariantCulture) + " - " + summary.MaxSequences!.Value.ToString("N0", CultureInfo.InvariantCulture) : "-");
            table.Add("test set", row.Paper.TestWrong ?? "-", summary.MeanTestWrong is { } wrong
                ? wrong.ToString("0.##", CultureInfo.InvariantCulture) + " of " + Int(summary.TestSize) + " wrong on average (max " + Int(summary.MaxTestWrong ?? 0) + ")"
                : "-");
            foreach (var extra in row.Paper.Extra)
            {
                table.Add(extra.Key, extra.Value, "-");
            }

            table.Add("test MSE", "-", summary.MeanTestMse?.ToString("G4", CultureInfo.InvariantCulture) ?? "-");
            table.Add("test mean abs. error", "-", summary.MeanTestAbsError?.ToString("G4", CultureInfo.InvariantCulture) ?? "-");
            table.Add("wall time (all trials)", "-", summary.TotalWallSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s");
            writer.WriteLine(row.Id + ": " + row.Title + " (" + row.Paper.Table + ")");
            writer.WriteLine("stopping rule: " + row.StoppingRule);
            table.WriteTo(writer, "  ");
            writer.WriteLine(Account(summary, resultsPath));
        }

        /// <summary>
        /// How many of the summary's trials ran now and how many were read from earlier runs, and how many trials of other
        /// base seeds the file holds that it leaves out: "2 trials run now, 0 read from earlier runs (runs/6a.jsonl)".
        /// </summary>
        public static string Account(RowSummary summary, string resultsPath)
        {
            System.ArgumentNullException.ThrowIfNull(summary);
            var text = Trials(summary.TrialsRun) + " run now, " + Int(summary.TrialsReused) + " read from earlier runs (" + resultsPath.Replace('\\', '/') + ")";
            if (summary.TrialsOfOtherBaseSeeds > 0)
            {
                text += "; not in this summary: " + Trials(summary.TrialsOfOtherBaseSeeds) + " of other base seeds in the same file";
            }

            return text;
        }

        public static string Json(ExperimentRow row, RowSummary summary, string resultsPath) => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("row", row.Id);
            w.WriteString("resultsFile", resultsPath.Replace('\\', '/'));
            w.WriteNumber("trialsRun", summary.TrialsRun);
            w.WriteNumber("trialsReused", summary.TrialsReused);
            w.WriteNumber("trialsOfOtherBaseSeeds", summary.TrialsOfOtherBaseSeeds);
            w.WriteString("title", row.Title);
            w.WriteString("table", row.Paper.Table);
            w.WriteString("network", row.NetworkName);
            w.WriteString("stoppingRule", row.StoppingRule);
            w.WriteStartObject("paper");
            w.WriteNumber("trials", row.Paper.Trials);
            if (row.Paper.SuccessPercent is { } p)
            {
                w.WriteNumber("successPercent", p);
            }

            if (row.Paper.MeanSequences is { } m)
            {
                w.WriteNumber("meanSequences", m);
            }

            if (row.Paper.TestWrong is { } t)
            {
                w.WriteString("test", t);
            }

            w.WriteEndObject();
            w.WriteStartObject("measured");
            w.WriteNumber("trials", summary.Trials);
            w.WriteNumber("successes", summary.Successes);
            w.WriteNumber("successPercent", summary.SuccessPercent);
            Optional(w, "meanSequences", summary.MeanSequences);
            Optional(w, "medianSequences", summary.MedianSequences);
            Optional(w, "meanTestWrong", summary.MeanTestWrong);
            w.WriteNumber("testSize", summary.TestSize);
            Optional(w, "meanTestMse", summary.MeanTestMse);
            Optional(w, "meanTestAbsError", summary.MeanTestAbsError);
            w.WriteNumber("wallSeconds", summary.TotalWallSeconds);
            w.WriteEndObject();
            w.WriteEndObject();
        });

        private static void Optional(System.Text.Json.Utf8JsonWriter w, string name, double? value)
        {
            if (value is { } v)
            {
                w.WritePropertyName(name);
                JsonText.Number(w, v);
            }
        }

        private static string Trials(int count) => Int(count) + (count == 1 ? " trial" : " trials");

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Number(double? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
    }
}
