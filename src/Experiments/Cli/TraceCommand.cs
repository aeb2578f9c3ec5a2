using System.CommandLine;
using System.Globalization;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Tracing;
using LstmGen.Experiments.Compiling;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen trace</c>: trains one random sequence and writes everything needed to recompute it from the
    /// paper's equations (the trace format, <see cref="TraceDocument"/>).
    /// </summary>
    public static class TraceCommand
    {
        public const int MaxLength = 100_000;

        public static Command Create(CliConsole console)
        {
            var network = new Argument<string?>("network")
            {
                Description = "A compiled network's name (see 'lstmgen specs') or a spec file (*.lstm.yaml, compiled at run time); omit it when using --spec.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var spec = CommonOptions.Spec("Trace a spec file that is not compiled in: compiled at run time (the reference interpreter in a NativeAOT binary).");
            var seed = new Option<ulong>("--seed")
            {
                Description = "Seed of the weight initialisation (InitializeWeights); the data use a seed derived from it.",
                DefaultValueFactory = _ => 1UL,
            };
            var length = new Option<int>("--length")
            {
                Description = "Number of time steps.",
                DefaultValueFactory = _ => 20,
            };
            length.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<int>();
                if (value < 1 || value > MaxLength)
                {
                    result.AddError("--length must be between 1 and " + MaxLength.ToString(CultureInfo.InvariantCulture) + ", got " + value.ToString(CultureInfo.InvariantCulture));
                }
            });
            var update = new Option<string?>("--update")
            {
                Description = "When weight changes are applied (default: the network's own setting).",
            };
            update.AcceptOnlyFromAmong("per-step", "per-sequence");
            var output = new Option<string?>("--output", "-o")
            {
                Description = "Write the JSON document to this file instead of stdout.",
                HelpName = "file",
            };
            var command = new Command(
                "trace",
                "Train one sequence of random inputs (uniform in [-1, 1]) and random targets (uniform in [0, 1], at the last step and at each other step with probability 1/2), "
                + "and write one JSON document with every weight (named by the units it connects; initial and trained) and every step's input, target and output: "
                + "enough to recompute the run from the paper's equations.")
            {
                network,
                spec,
                seed,
                length,
                update,
                output,
            };
            command.WithExamples(
                "lstmgen trace Exp4Adding --seed 3 --length 12",
                "lstmgen trace Exp1Reber3x2 --update per-sequence -o trace.json",
                "lstmgen trace --spec my-net.lstm.yaml",
                "lstmgen trace my-net.lstm.yaml --seed 3");
            command.SetAction(parseResult =>
            {
                var name = parseResult.GetValue(network);
                var specPath = parseResult.GetValue(spec);
                if (name is not null && specPath is null && SpecFiles.IsSpecFile(name))
                {
                    (name, specPath) = (null, name);
                }

                if ((name is null) == (specPath is null))
                {
                    throw CliException.Usage("trace needs either a network name or --spec <file.lstm.yaml>, not " + (name is null ? "neither" : "both"));
                }

                ILstmNetwork instance;
                if (specPath is not null)
                {
                    // The run-time spec path: compiled at run time where the program can, else the reference interpreter.
                    instance = SpecVariant.Load(console, specPath, "tracing it").Create();
                }
                else
                {
                    instance = NetworkInfo.FindCompiled(name!).Create();
                }

                UpdateTiming? timing = parseResult.GetValue(update) switch
                {
                    "per-step" => UpdateTiming.PerStep,
                    "per-sequence" => UpdateTiming.PerSequence,
                    _ => null,
                };
                var trace = SequenceTrace.Record(instance, parseResult.GetValue(seed), parseResult.GetValue(length), timing);
                var document = TraceDocument.Write(instance.Description, trace);
                var outputPath = parseResult.GetValue(output);
                if (outputPath is null)
                {
                    console.Out.WriteLine(document);
                }
                else
                {
                    CliFiles.Write(outputPath, document + "\n");
                    console.Error.WriteLine("lstmgen: wrote the trace of " + instance.Name + " (" + trace.Steps.Count.ToString(CultureInfo.InvariantCulture) + " steps) to " + outputPath);
                }

                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
