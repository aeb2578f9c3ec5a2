using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using LstmGen.Experiments.Benchmarking;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Dispatch;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Reporting;
using LstmGen.Runtime;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen bench</c>: nanoseconds per time step of the generated networks against the reference interpreter
    /// running the same spec and weights, for the forward pass and for a learning step, with bytes allocated per step.
    /// </summary>
    public static class BenchCommand
    {
        /// <summary>The networks measured when none are named: a small, a mid-size and a large one.</summary>
        public static readonly string[] DefaultNetworks = { "Exp1Reber3x2", "Exp4Adding", "Exp2cP1000" };

        public static Command Create(CliConsole console)
        {
            var networks = new Option<string?>("--networks")
            {
                Description = "Comma-separated network names or spec files (default: " + string.Join(",", DefaultNetworks) + ").",
                HelpName = "a,b,...",
            };
            var all = new Option<bool>("--all") { Description = "Measure every compiled network." };
            var specFiles = new Option<string[]>("--spec")
            {
                Description = "Measure a spec file compiled at run time (repeatable), beside the compiled-in network of the same name when there is one, and report its compile time.",
                HelpName = "file.lstm.yaml",
                AllowMultipleArgumentsPerToken = false,
            };
            var steps = new Option<int>("--steps")
            {
                Description = "Time steps per timed repetition.",
                DefaultValueFactory = _ => 5000,
            };
            steps.Validators.Add(result => Positive(result, "--steps"));
            var repetitions = new Option<int>("--repetitions")
            {
                Description = "Timed repetitions; the median is reported.",
                DefaultValueFactory = _ => 5,
            };
            repetitions.Validators.Add(result => Positive(result, "--repetitions"));
            var noReference = new Option<bool>("--no-reference") { Description = "Measure the generated networks only." };
            var json = CommonOptions.Json("Write a JSON array instead of a table.");
            var plot = new Option<string?>("--plot")
            {
                Description = "Also draw ns per step against the number of weights W (log-log) as an SVG file: the O(W) claim at a glance.",
                HelpName = "file.svg",
            };
            var tasks = new Option<bool>("--tasks")
            {
                Description = "Instead: per row, the share of its trials' time spent outside the network (drawing sequences, judging, the stopping rule), "
                    + "on run's lane path and on the scalar path (--lanes 1), from the thread CPU time of the trials run on the real network and on one that does nothing.",
            };
            var rows = new Option<string?>("--rows") { Description = "With --tasks: comma-separated row ids (default: every row of Tables 1-9).", HelpName = "a,b,..." };
            var sequences = new Option<long?>("--sequences") { Description = "With --tasks: training sequences per trial, its cap (default: about 100,000 steps' worth, 20 at least).", HelpName = "N" };
            sequences.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<long?>() is < 1)
                {
                    result.AddError("--sequences must be a positive integer");
                }
            });
            var trials = new Option<int?>("--trials") { Description = "With --tasks: trials per pass (default: K, the lanes of one lane network).", HelpName = "N" };
            trials.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is < 1)
                {
                    result.AddError("--trials must be a positive integer");
                }
            });
            var lanes = LanesOption.Create();
            lanes.Description = "With --tasks: K of the lane path (default: run's; the scalar path is measured too).";
            var testSetSize = new Option<int>("--test-set-size") { Description = "With --tasks: size of a row's test sets (default 100; the paper's are 2560 after far longer training).", DefaultValueFactory = _ => 100 };
            testSetSize.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError("--test-set-size must be a positive integer");
                }
            });
            var command = new Command(
                "bench",
                "Measure ns per time step of the generated networks and of the reference interpreter on the same spec and weights: "
                + "the forward pass (Step) and a learning step (TrainStep with a target every step, EndSequence every 100 steps); "
                + "median of several repetitions after a warm-up, with the speed-up and the bytes allocated per step. "
                + "With --tasks: per row, the share of a trial's time outside the network (median of 3 repetitions unless --repetitions).")
            {
                networks,
                all,
                specFiles,
                steps,
                repetitions,
                noReference,
                json,
                plot,
                tasks,
                rows,
                sequences,
                trials,
                lanes,
                testSetSize,
            };
            command.WithExamples(
                "lstmgen bench",
                "lstmgen bench --networks Exp4Adding,Exp3NoiseSignal --steps 20000",
                "lstmgen bench --all --json",
                "lstmgen bench --spec specs/exp4-adding.lstm.yaml --json",
                "lstmgen bench --all --plot docs/figures/performance/cost-per-step.svg",
                "lstmgen bench --tasks --rows 2a,3b-100-3,6a --sequences 500 --json");
            command.SetAction(parseResult =>
            {
                if (parseResult.GetValue(tasks))
                {
                    if (parseResult.GetValue(networks) is not null || parseResult.GetValue(all) || parseResult.GetValue(specFiles) is { Length: > 0 } || parseResult.GetValue(plot) is not null)
                    {
                        throw CliException.Usage("--tasks measures rows (--rows), not networks: leave out --networks, --all, --spec and --plot");
                    }

                    var settings = new BenchTasks.Settings(
                        parseResult.GetValue(sequences),
                        parseResult.GetValue(trials),
                        parseResult.GetValue(lanes),
                        parseResult.GetValue(testSetSize),
                        parseResult.GetResult(repetitions) is { Implicit: false } ? parseResult.GetValue(repetitions) : 3);
                    BenchTasks.Run(console, RowSelection.Parse(parseResult.GetValue(rows)), settings, parseResult.GetValue(json));
                    return ExitCodes.Ok;
                }

                if (parseResult.GetValue(rows) is not null || parseResult.GetValue(trials) is not null || parseResult.GetValue(lanes) is not null)
                {
                    throw CliException.Usage("--rows, --trials and --lanes go with --tasks");
                }

                var names = parseResult.GetValue(networks);
                if (names is not null && parseResult.GetValue(all))
                {
                    throw CliException.Usage("give either --networks or --all, not both");
                }

                // A spec file may stand in --networks too, as in every command that takes a network.
                var listed = names?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                var files = (parseResult.GetValue(specFiles) ?? []).Concat(listed.Where(Compiling.SpecFiles.IsSpecFile)).ToArray();
                var entries = parseResult.GetValue(all)
                    ? PaperNetworks.All.ToList()
                    : (names is null && files.Length == 0 ? DefaultNetworks : listed.Where(n => !Compiling.SpecFiles.IsSpecFile(n)))
                        .Select(NetworkInfo.FindCompiled).ToList();
                if (entries.Count == 0 && files.Length == 0)
                {
                    throw CliException.Usage("--networks names no network");
                }

                var withReference = !parseResult.GetValue(noReference);
                var results = new List<BenchRow>();
                foreach (var entry in entries)
                {
                    results.Add(Measure(entry, parseResult.GetValue(steps), parseResult.GetValue(repetitions), withReference));
                }

                // A spec file: its class compiled at run time and the compiled-in class of the same name, measured alternately
                // in the same repetitions (the run-time class must be as fast: same code, same JIT).
                foreach (var file in files)
                {
                    var loaded = SpecVariant.Load(console, file, "measuring it");
                    var compiledIn = PaperNetworks.Find(loaded.Network.Name);
                    var (row, same) = Measure(loaded.Network, parseResult.GetValue(steps), parseResult.GetValue(repetitions), withReference, compiledIn);
                    row = row with { Variant = (loaded.IsCompiled ? "compiled at run time" : "reference interpreter") + " from " + file, Source = loaded };
                    if (same is not null)
                    {
                        same = same with { Variant = "compiled in" };
                        results.Add(row with { CompiledIn = same });
                        results.Add(same);
                    }
                    else
                    {
                        results.Add(row);
                    }
                }

                if (parseResult.GetValue(json))
                {
                    WriteJson(console, results, parseResult.GetValue(steps), parseResult.GetValue(repetitions));
                }
                else
                {
                    WriteTable(console, results, parseResult.GetValue(steps), parseResult.GetValue(repetitions));
                }

                // After the table, so a plot that cannot be written does not lose the measurements.
                if (parseResult.GetValue(plot) is { } plotPath)
                {
                    CliFiles.Write(plotPath, Plot(results));
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        private static void Positive(System.CommandLine.Parsing.OptionResult result, string name)
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1)
            {
                result.AddError(name + " must be a positive integer, got " + value.ToString(CultureInfo.InvariantCulture));
            }
        }

        private static BenchRow Measure(CompiledNetwork entry, int steps, int repetitions, bool withReference) =>
            Measure(entry, steps, repetitions, withReference, compiledIn: null).Row;

        /// <summary>
        /// Measures <paramref name="entry"/>; with <paramref name="compiledIn"/> (the compiled-in class of the spec that
        /// <paramref name="entry"/> was compiled from at run time), measures both alternately in the same repetitions, on
        /// the same weights and data, the scalar classes and the lane classes alike, so that their ratio holds under load.
        /// </summary>
        private static (BenchRow Row, BenchRow? CompiledIn) Measure(CompiledNetwork entry, int steps, int repetitions, bool withReference, CompiledNetwork? compiledIn)
        {
            var generated = entry.Create();
            generated.InitializeWeights(1);
            var networks = new List<ILstmNetwork> { generated };
            if (compiledIn is not null)
            {
                var same = compiledIn.Create();
                same.InitializeWeights(1);
                networks.Add(same);
            }

            // A network declared 'inputEncoding: one-hot' refuses other inputs: it is measured on one-hot inputs, as its tasks
            // feed it, and the reference on the same data.
            var bench = new StepBenchmark(StepData.For(generated), steps, repetitions);
            var forward = bench.Forward(networks);
            var train = bench.Train(networks);
            StepCost? referenceForward = null;
            StepCost? referenceTrain = null;
            if (withReference)
            {
                var reference = ReferenceCopy.Of(generated);
                referenceForward = bench.Forward(reference);
                referenceTrain = bench.Train(reference);
            }

            // The lane class at the widest accelerated width, against the scalar learning step, alternately in this run (and
            // the compiled-in lane class beside the run-time one).
            IReadOnlyList<LaneCost?> lanes = [null, null];
            if (entry.CreateLanes is { } createLanes && Lanes.Widest != LaneWidth.Scalar)
            {
                var laneNetworks = new List<ILaneNetwork> { createLanes(Lanes.Widest) };
                if (compiledIn?.CreateLanes is { } createCompiledInLanes)
                {
                    laneNetworks.Add(createCompiledInLanes(Lanes.Widest));
                }

                var costs = new LaneBenchmark(StepData.For(generated), steps, repetitions).Train(generated, laneNetworks);
                lanes = [costs[0], costs.Count > 1 ? costs[1] : null];
            }

            var row = new BenchRow(entry.Name, generated.WeightCount, forward[0], train[0], referenceForward, referenceTrain, lanes[0]);
            var compiledInRow = compiledIn is null ? null : new BenchRow(compiledIn.Name, networks[1].WeightCount, forward[1], train[1], null, null, lanes[1]);
            return (row, compiledInRow);
        }

        private static void WriteTable(CliConsole console, IReadOnlyList<BenchRow> rows, int steps, int repetitions)
        {
            var table = new TextTable(
                "network", ">W",
                ">fwd gen ns", ">fwd ref ns", ">fwd x",
                ">train gen ns", ">train ref ns", ">train x",
                ">B/step gen", ">B/step ref",
                ">K", ">lane ns", ">lane x");
            foreach (var row in rows)
            {
                table.Add(
                    row.Label,
                    row.WeightCount.ToString(CultureInfo.InvariantCulture),
                    Fixed(row.Forward.NanosecondsPerStep, 0),
                    row.ReferenceForward is null ? "-" : Fixed(row.ReferenceForward.NanosecondsPerStep, 0),
                    row.ReferenceForward is null ? "-" : Fixed(row.ReferenceForward.NanosecondsPerStep / row.Forward.NanosecondsPerStep, 1),
                    Fixed(row.Train.NanosecondsPerStep, 0),
                    row.ReferenceTrain is null ? "-" : Fixed(row.ReferenceTrain.NanosecondsPerStep, 0),
                    row.ReferenceTrain is null ? "-" : Fixed(row.ReferenceTrain.NanosecondsPerStep / row.Train.NanosecondsPerStep, 1),
                    Fixed(row.Forward.BytesPerStep, 1) + " / " + Fixed(row.Train.BytesPerStep, 1),
                    row.ReferenceForward is null || row.ReferenceTrain is null ? "-" : Fixed(row.ReferenceForward.BytesPerStep, 1) + " / " + Fixed(row.ReferenceTrain.BytesPerStep, 1),
                    row.Lanes is null ? "-" : row.Lanes.Count.ToString(CultureInfo.InvariantCulture),
                    row.Lanes is null ? "-" : Fixed(row.Lanes.NanosecondsPerTrialStep, 1),
                    row.Lanes is null ? "-" : Fixed(row.Lanes.SpeedUpOverScalar, 1));
            }

            table.WriteTo(console.Out);
            console.Out.WriteLine();
            foreach (var row in rows.Where(r => r.Source is not null))
            {
                var source = row.Source!;
                var stages = source.CompileStages.Count == 0 ? string.Empty
                    : " (" + string.Join(", ", source.CompileStages.Select(s => s.Stage + " " + Fixed(s.Time.TotalSeconds, 2))) + ")";
                var lanes = row.Lanes is not null && source.LaneClassCompileTime(row.Lanes.Width) is { } laneTime
                    ? "; lane class " + row.Lanes.Width + " " + Fixed(laneTime.TotalSeconds, 2) + " s"
                    : string.Empty;
                console.Out.WriteLine(row.Label + ": compile time " + Fixed(source.CompileTime.TotalSeconds, 2) + " s" + stages + lanes
                    + (source.IsCompiled ? string.Empty : " (this native binary runs spec files on the reference interpreter)"));
                if (row.CompiledIn is { } compiledIn)
                {
                    console.Out.WriteLine(row.Name + ": speed of the class compiled at run time / compiled in: forward " + Percent(compiledIn.Forward, row.Forward)
                        + ", learning step " + Percent(compiledIn.Train, row.Train)
                        + (row.Lanes is not null && compiledIn.Lanes is not null ? ", lanes " + Fixed(100 * compiledIn.Lanes.NanosecondsPerTrialStep / row.Lanes.NanosecondsPerTrialStep, 0) + " %" : string.Empty));
                }
            }

            console.Out.WriteLine(
                "ns per time step, median of " + repetitions.ToString(CultureInfo.InvariantCulture) + " repetitions of " + steps.ToString(CultureInfo.InvariantCulture)
                + " steps after a warm-up; x = reference / generated; B/step = bytes allocated per step (forward / train).");
            console.Out.WriteLine("K = lanes of the lane class at the widest accelerated width; lane ns = one lane learning step / K; lane x = scalar train ns / lane ns, the two measured alternately.");
            console.Out.WriteLine("binary: " + ThisProcess.Describe() + ".");
            console.Out.WriteLine("One-hot networks are fed one random input at 1 per step: by its index (IOneHotNetwork, as the trials feed them); the reference reads the vector.");
        }

        private static void WriteJson(CliConsole console, IReadOnlyList<BenchRow> rows, int steps, int repetitions)
        {
            var binary = ThisProcess.Describe();
            console.Out.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartArray();
                foreach (var row in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("network", row.Name);
                    w.WriteNumber("weightCount", row.WeightCount);
                    w.WriteNumber("steps", steps);
                    w.WriteNumber("repetitions", repetitions);
                    w.WriteStartObject("binary");
                    w.WriteString("name", binary.Name);
                    w.WriteString("build", binary.Build);
                    w.WriteString("widestLanes", binary.Widest.ToString());
                    w.WriteString("reason", binary.Reason);
                    w.WriteEndObject();
                    if (row.Variant is { } variant)
                    {
                        w.WriteString("variant", variant);
                    }

                    if (row.Source is { } source)
                    {
                        w.WriteString("specFile", source.Path);
                        w.WriteString("code", source.IsCompiled ? "compiled at run time" : "reference interpreter");
                        JsonText.Number(w, "compileSeconds", source.CompileTime.TotalSeconds);
                        w.WriteStartObject("compileStages");
                        foreach (var (stage, time) in source.CompileStages)
                        {
                            JsonText.Number(w, stage.ToLowerInvariant() + "Seconds", time.TotalSeconds);
                        }

                        w.WriteEndObject();
                        if (row.Lanes is not null && source.LaneClassCompileTime(row.Lanes.Width) is { } laneTime)
                        {
                            JsonText.Number(w, "laneClassCompileSeconds", laneTime.TotalSeconds);
                        }
                    }

                    if (row.CompiledIn is { } compiledIn)
                    {
                        // Speed of this class relative to the compiled-in class of the same spec, measured in the same run (1 = as fast).
                        w.WriteStartObject("speedOfCompiledIn");
                        JsonText.Number(w, "forward", compiledIn.Forward.NanosecondsPerStep / row.Forward.NanosecondsPerStep);
                        JsonText.Number(w, "train", compiledIn.Train.NanosecondsPerStep / row.Train.NanosecondsPerStep);
                        if (row.Lanes is not null && compiledIn.Lanes is not null)
                        {
                            JsonText.Number(w, "lanes", compiledIn.Lanes.NanosecondsPerTrialStep / row.Lanes.NanosecondsPerTrialStep);
                        }

                        w.WriteEndObject();
                    }

                    foreach (var (name, generated, reference) in new[] { ("forward", row.Forward, row.ReferenceForward), ("train", row.Train, row.ReferenceTrain) })
                    {
                        w.WriteStartObject(name);
                        JsonText.Number(w, "generatedNsPerStep", generated.NanosecondsPerStep);
                        JsonText.Number(w, "generatedBytesPerStep", generated.BytesPerStep);
                        if (reference is null)
                        {
                            w.WriteNull("referenceNsPerStep");
                            w.WriteNull("referenceBytesPerStep");
                            w.WriteNull("speedUp");
                        }
                        else
                        {
                            JsonText.Number(w, "referenceNsPerStep", reference.NanosecondsPerStep);
                            JsonText.Number(w, "referenceBytesPerStep", reference.BytesPerStep);
                            JsonText.Number(w, "speedUp", reference.NanosecondsPerStep / generated.NanosecondsPerStep);
                        }

                        w.WriteEndObject();
                    }

                    if (row.Lanes is null)
                    {
                        w.WriteNull("lanes");
                    }
                    else
                    {
                        w.WriteStartObject("lanes");
                        w.WriteNumber("count", row.Lanes.Count);
                        w.WriteString("width", row.Lanes.Width.ToString());
                        JsonText.Number(w, "nsPerTrialStep", row.Lanes.NanosecondsPerTrialStep);
                        JsonText.Number(w, "scalarNsPerStep", row.Lanes.ScalarNanosecondsPerStep);
                        JsonText.Number(w, "speedUpOverScalar", row.Lanes.SpeedUpOverScalar);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
        }

        private static string Plot(IReadOnlyList<BenchRow> rows)
        {
            var byWeights = rows.OrderBy(r => r.WeightCount).ToList();
            var series = new List<PlotSeries>
            {
                new PlotSeries("generated, learning step", byWeights.Select(r => ((double)r.WeightCount, r.Train.NanosecondsPerStep)).ToList()),
                new PlotSeries("generated, forward pass", byWeights.Select(r => ((double)r.WeightCount, r.Forward.NanosecondsPerStep)).ToList()),
            };
            if (byWeights.All(r => r.ReferenceTrain is not null))
            {
                series.Add(new PlotSeries("reference interpreter, learning step", byWeights.Select(r => ((double)r.WeightCount, r.ReferenceTrain!.NanosecondsPerStep)).ToList()));
            }

            return SvgPlot.Lines("Cost of a time step against the number of weights W", "weights W", "ns per time step", series, logY: true, logX: true, markers: true);
        }

        /// <summary>Speed of <paramref name="measured"/> as a percentage of <paramref name="baseline"/>'s (time per step inverted).</summary>
        private static string Percent(StepCost baseline, StepCost measured) => Fixed(100 * baseline.NanosecondsPerStep / measured.NanosecondsPerStep, 0) + " %";

        private sealed record BenchRow(string Name, int WeightCount, StepCost Forward, StepCost Train, StepCost? ReferenceForward, StepCost? ReferenceTrain, LaneCost? Lanes)
        {
            /// <summary>The spec file measured, for a network compiled at run time.</summary>
            public Compiling.SpecFileNetwork? Source { get; init; }

            /// <summary>For a spec compiled at run time: the compiled-in class of the same name, measured right after it.</summary>
            public BenchRow? CompiledIn { get; init; }

            /// <summary>Which code of a spec file measured ("compiled at run time from FILE", "compiled in"), or null.</summary>
            public string? Variant { get; init; }

            /// <summary>The network's name, and which code it is where a spec file is measured.</summary>
            public string Label => Variant is null ? Name : Name + " (" + Variant + ")";
        }
    }
}
