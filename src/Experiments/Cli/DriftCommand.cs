using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Runtime;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen drift &lt;row&gt;</c>: internal state drift (§4) of a row's untrained networks, i.e. how large the cell
    /// states are at the end of the trials' first training sequences and what that leaves of h'(s_c).
    /// </summary>
    public static class DriftCommand
    {
        public static Command Create(CliConsole console)
        {
            var rowArgument = new Argument<string>("row") { Description = "The row whose networks and sequences are probed (see 'lstmgen rows'), e.g. 2c-2, 4-100." };
            var trials = new Option<int>("--trials") { Description = "Trials probed: trial i starts from the same weights as trial i of 'lstmgen run'.", DefaultValueFactory = _ => 10 };
            var sequences = new Option<int>("--sequences") { Description = "Training sequences per trial (each trial's first ones, forward only).", DefaultValueFactory = _ => 5 };
            var seed = CommonOptions.Seed("Base seed, as in 'lstmgen run'.");
            var spec = CommonOptions.Spec("Probe this spec (not compiled in) instead of the row's network.");
            var json = CommonOptions.Json("Write one JSON document instead of text.");
            var command = new Command(
                "drift",
                "Internal state drift (the paper's §4) of a row's networks before training: |s_c| and h'(s_c) at the end of each trial's first training sequences. "
                + "Large states make h'(s_c) tiny, and every error reaching the cell is scaled by it (Eqs. 21, 23).")
            {
                rowArgument,
                trials,
                sequences,
                seed,
                spec,
                json,
            };
            command.WithExamples("lstmgen drift 2c-2", "lstmgen drift 2c-5 --trials 20 --json", "lstmgen drift 4-100 --spec my-variant.lstm.yaml");
            command.SetAction(parseResult =>
            {
                var row = PaperRows.Find(parseResult.GetValue(rowArgument)!)
                    ?? throw CliException.Usage("no row '" + parseResult.GetValue(rowArgument) + "'; 'lstmgen rows' lists them");
                var trialCount = parseResult.GetValue(trials);
                var sequenceCount = parseResult.GetValue(sequences);
                if (trialCount < 1 || sequenceCount < 1)
                {
                    throw CliException.Usage("--trials and --sequences must be at least 1");
                }

                var options = new RunOptions { Network = SpecVariant.Load(console, row, parseResult.GetValue(spec), "probing it") };
                var summary = StateDriftProbe.Measure(row, trialCount, sequenceCount, parseResult.GetValue(seed), options);
                if (parseResult.GetValue(json))
                {
                    console.Out.WriteLine(JsonText.Write(w => WriteJson(w, summary)));
                }
                else
                {
                    WriteText(console.Out, summary);
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        private static void WriteText(TextWriter output, DriftSummary summary)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Row {summary.Row}, network {summary.Network}, h = {Name(summary)}: cell states s_c after the last step of each trial's first {summary.SequencesPerTrial} training sequences, before any weight change."));
            output.WriteLine();
            var table = new TextTable("trial", "mean length", "|s_c| median", "|s_c| 90%", "|s_c| max", "h'(s_c) median", "h'(s_c) 10%");   // nearest-rank quantiles
            foreach (var trial in summary.Trials)
            {
                table.Add(Int(trial.Trial), Number(trial.MeanLength, "0.0"), Number(StateDriftProbe.Quantile(trial.AbsoluteStates, 0.5), "0.00"), Number(StateDriftProbe.Quantile(trial.AbsoluteStates, 0.9), "0.00"),
                    Number(trial.AbsoluteStates.Max(), "0.00"), Number(StateDriftProbe.Quantile(trial.HPrimes, 0.5), "G3"), Number(StateDriftProbe.Quantile(trial.HPrimes, 0.1), "G3"));
            }

            var states = summary.Trials.SelectMany(t => t.AbsoluteStates).ToList();
            var hPrimes = summary.Trials.SelectMany(t => t.HPrimes).ToList();
            table.Add("all", Number(summary.Trials.Average(t => t.MeanLength), "0.0"), Number(StateDriftProbe.Quantile(states, 0.5), "0.00"), Number(StateDriftProbe.Quantile(states, 0.9), "0.00"),
                Number(states.Max(), "0.00"), Number(StateDriftProbe.Quantile(hPrimes, 0.5), "G3"), Number(StateDriftProbe.Quantile(hPrimes, 0.1), "G3"));
            table.WriteTo(output);
            output.WriteLine();
            output.WriteLine("Quantiles by the nearest-rank rule (a median of an even count is the lower middle value).");
            output.WriteLine(summary.CellOutput == CellOutputSquashing.Identity
                ? "h is the identity: h'(s) = 1 whatever the state, but the cell output y_c = y_out s grows with it."
                : "h'(0) = 0.5; an error reaching a cell is scaled by y_out h'(s_c) (Eqs. 21, 23), so a median far below it means the cells start out saturated.");
        }

        private static void WriteJson(Utf8JsonWriter w, DriftSummary summary)
        {
            w.WriteStartObject();
            w.WriteString("row", summary.Row);
            w.WriteString("network", summary.Network);
            w.WriteString("cellOutput", Name(summary));
            w.WriteNumber("sequencesPerTrial", summary.SequencesPerTrial);
            w.WriteStartArray("trials");
            foreach (var trial in summary.Trials)
            {
                w.WriteStartObject();
                w.WriteNumber("trial", trial.Trial);
                w.WriteString("seed", trial.Seed.ToString(CultureInfo.InvariantCulture));   // a string: seeds exceed 2^53
                JsonText.Number(w, "meanLength", trial.MeanLength);
                w.WriteStartArray("absoluteStates");
                foreach (var s in trial.AbsoluteStates)
                {
                    JsonText.Number(w, s);
                }

                w.WriteEndArray();
                w.WriteStartArray("hPrimes");
                foreach (var h in trial.HPrimes)
                {
                    JsonText.Number(w, h);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static string Name(DriftSummary summary) => summary.CellOutput == CellOutputSquashing.H1 ? "h1" : "identity";
    }
}
