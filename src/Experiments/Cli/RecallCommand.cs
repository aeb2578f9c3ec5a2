using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen recall &lt;row&gt;</c>: for the rows of Table 1, trains trials as <c>run</c> does and shows where each trained
    /// network keeps the second symbol (T or P) that it must predict again before the end (<see cref="ReberRecallProbe"/>).
    /// </summary>
    public static class RecallCommand
    {
        public static Command Create(CliConsole console)
        {
            var rowArgument = new Argument<string>("row") { Description = "A row of Table 1 (Exp 1, the embedded Reber grammar): 1-1 … 1-5." };
            var trials = TrialOptions.Trials("Trials trained and probed, 0 … N − 1: trial i is trial i of 'lstmgen run' (its seed, weights and strings; trials 0-9 share data set pair 0 of the three, 'run' runs 30).", 10);
            var maxSequences = TrialOptions.MaxSequences("Cap on training sequences per trial (default: the row's).");
            var checkEvery = TrialOptions.CheckEvery();
            var update = TrialOptions.Update();
            var learningRate = TrialOptions.LearningRate();
            var seed = CommonOptions.Seed("Base seed, as in 'lstmgen run'.");
            var spec = CommonOptions.Spec("Train and probe this spec (not compiled in) instead of the row's network, e.g. a sweep's variant.");
            var json = CommonOptions.Json("Write one JSON document instead of text.");
            var command = new Command(
                "recall",
                "Exp 1 (Table 1): train trials as 'run' does, then read their 512 strings forward and show, per memory cell, whether its state tells "
                + "the T branch from the P branch when the net must predict the symbol before last (§5.1), and what its gates did on the way.")
            {
                rowArgument,
                trials,
                maxSequences,
                checkEvery,
                update,
                learningRate,
                seed,
                spec,
                json,
            };
            command.WithExamples("lstmgen recall 1-5", "lstmgen recall 1-1 --trials 3 --max-sequences 20000 --json", "lstmgen recall 1-4 --spec variant/exp1-reber-4x1.lstm.yaml");
            command.SetAction((parseResult, cancellationToken) =>
            {
                var id = parseResult.GetValue(rowArgument)!;
                var found = PaperRows.Find(id) ?? throw CliException.Usage("no row '" + id + "'; 'lstmgen rows' lists them");
                if (found is not ReberRow row)
                {
                    throw CliException.Usage("row " + id + " is not a row of Table 1: 'recall' reads the embedded Reber grammar's second symbol (rows 1-1 … 1-5)");
                }

                var options = new RunOptions
                {
                    Network = SpecVariant.Load(console, row, parseResult.GetValue(spec), "training it"),
                    SpecPath = parseResult.GetValue(spec),
                    MaxSequences = parseResult.GetValue(maxSequences),
                    CheckEvery = parseResult.GetValue(checkEvery),
                    Update = TrialOptions.UpdateValue(parseResult.GetValue(update)),
                    LearningRate = parseResult.GetValue(learningRate),
                };
                RecallSummary summary;
                try
                {
                    summary = ReberRecallProbe.Measure(row, Enumerable.Range(0, parseResult.GetValue(trials)).ToList(), parseResult.GetValue(seed), options,
                        probed => console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"[{row.Id}] trial {probed.Trial}: {Outcome(probed)}, {probed.WrongStrings} of {probed.Strings} strings wrong")),
                        cancellationToken);
                }
                catch (System.OperationCanceledException)
                {
                    throw new CliException(ExitCodes.Interrupted, "interrupted; 'recall' writes nothing until every trial is probed");
                }
                catch (NumericalException e)
                {
                    throw new CliException(ExitCodes.RunFailure, e.Message);
                }

                if (parseResult.GetValue(json))
                {
                    console.Out.WriteLine(JsonText.Write(w => WriteJson(w, summary)));
                }
                else
                {
                    WriteText(console.Out, summary);
                }

                return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
            });
            return command;
        }

        private static void WriteText(TextWriter output, RecallSummary summary)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Row {summary.Row}, network {summary.Network}, trained as 'lstmgen run' trains it (cap {summary.MaxSequences:N0} sequences), then its 256 training and 256 test strings read forward."));
            output.WriteLine("Recall step: the one reading the inner string's E, taught the symbol before last (the second symbol, T or P, again).");
            output.WriteLine("separation: the share of the strings one threshold on the cell's state s_c at the recall step sorts into their branch (1: the cell alone tells T from P; about 0.55 on 512 strings: nothing).");
            output.WriteLine();
            var table = new TextTable("trial", "outcome", "wrong at recall", "wrong elsewhere", "cell", "block", "s_c (T)", "s_c (P)", "separation", "y_in at store", "y_in inner", "y_out at recall");
            foreach (var trial in summary.Trials)
            {
                var outcome = Outcome(trial);
                var first = true;
                foreach (var cell in trial.Cells)
                {
                    table.Add(
                        first ? Int(trial.Trial) : string.Empty,
                        first ? outcome : string.Empty,
                        first ? Int(trial.WrongAtRecall) + " of " + Int(trial.Strings) : string.Empty,
                        first ? Int(trial.WrongElsewhere) : string.Empty,
                        Int(cell.Cell),
                        Int(cell.Block),
                        Number(cell.MeanStateT, "0.00"),
                        Number(cell.MeanStateP, "0.00"),
                        Number(cell.Separation, "0.000"),
                        Number(cell.InputGateAtStore, "0.000"),
                        Number(cell.InputGateInner, "0.000"),
                        Number(cell.OutputGateAtRecall, "0.000"));
                    first = false;
                }
            }

            table.WriteTo(output);
            output.WriteLine();
            var solved = summary.Trials.Count(t => t.Success);
            var failed = summary.Trials.Where(t => !t.Success).ToList();
            var storedNotRecalled = failed.Count(t => t.WrongAtRecall > 0 && t.Cells.Any(c => c.Separation == 1.0));
            var recalled = failed.Count(t => t.WrongAtRecall == 0);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{solved} of {summary.Trials.Count} trials solved. Of the {failed.Count} others, {recalled} predict the symbol before last right on every string (they fail elsewhere), {storedNotRecalled} hold the branch in one cell (separation 1) but predict it wrongly somewhere, and {failed.Count - recalled - storedNotRecalled} hold it in no single cell."));
            output.WriteLine("Settings: " + summary.Settings);
        }

        private static void WriteJson(Utf8JsonWriter w, RecallSummary summary)
        {
            w.WriteStartObject();
            w.WriteString("row", summary.Row);
            w.WriteString("network", summary.Network);
            w.WriteNumber("maxSequences", summary.MaxSequences);
            w.WriteString("settings", summary.Settings);
            w.WriteStartArray("trials");
            foreach (var trial in summary.Trials)
            {
                w.WriteStartObject();
                w.WriteNumber("trial", trial.Trial);
                w.WriteString("seed", trial.Seed.ToString(CultureInfo.InvariantCulture));   // a string: seeds exceed 2^53
                w.WriteBoolean("success", trial.Success);
                w.WriteNumber("sequences", trial.Sequences);
                w.WriteNumber("strings", trial.Strings);
                w.WriteNumber("wrongStrings", trial.WrongStrings);
                w.WriteNumber("wrongAtRecall", trial.WrongAtRecall);
                w.WriteNumber("wrongElsewhere", trial.WrongElsewhere);
                w.WriteStartArray("cells");
                foreach (var cell in trial.Cells)
                {
                    w.WriteStartObject();
                    w.WriteNumber("cell", cell.Cell);
                    w.WriteNumber("block", cell.Block);
                    JsonText.Number(w, "meanStateT", cell.MeanStateT);
                    JsonText.Number(w, "meanStateP", cell.MeanStateP);
                    JsonText.Number(w, "separation", cell.Separation);
                    JsonText.Number(w, "inputGateAtStore", cell.InputGateAtStore);
                    JsonText.Number(w, "inputGateInner", cell.InputGateInner);
                    JsonText.Number(w, "outputGateAtRecall", cell.OutputGateAtRecall);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static string Outcome(RecallTrial trial) => trial.Success
            ? string.Create(CultureInfo.InvariantCulture, $"solved after {trial.Sequences:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"not solved by {trial.Sequences:N0}");
    }
}
