using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Compiling;
using LstmGen.Experiments.Describing;
using LstmGen.Runtime;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen explain &lt;network&gt;</c>: everything the spec decides and the layout derives — blocks, gates,
    /// connectivity, biases, squashing, every weight row with its sources, the traces, and the memory it takes.
    /// </summary>
    public static class ExplainCommand
    {
        public static Command Create(CliConsole console)
        {
            var network = new Argument<string>("network") { Description = "A compiled network's name (see 'lstmgen specs'; case-insensitive) or a spec file (*.lstm.yaml)." };
            var json = CommonOptions.Json("Write one JSON document instead of text.");
            var command = new Command("explain", "Explain one network: blocks, gates, connectivity, biases, squashing, every weight row and its sources, the RTRL traces, the bytes of state.")
            {
                network,
                json,
            };
            command.WithExamples("lstmgen explain Exp4Adding", "lstmgen explain Exp2LongLag --json", "lstmgen explain my-net.lstm.yaml");
            command.SetAction(parseResult =>
            {
                var name = parseResult.GetRequiredValue(network);
                // A spec file needs no compiled class: what explain shows, the spec and its layout decide.
                var description = SpecFiles.IsSpecFile(name) ? SpecVariant.Describe(console, name) : NetworkInfo.FindCompiled(name).Create().Description;
                if (parseResult.GetValue(json))
                {
                    console.Out.WriteLine(JsonText.Write(w => WriteJson(w, description)));
                }
                else
                {
                    WriteText(console.Out, description);
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        /// <summary>The number of peephole weights (Gers 2002): the gates' runs from the cell states.</summary>
        public static int PeepholeWeightCount(NetworkDescription description) =>
            description.FanIns.SelectMany(f => f.Sources).Where(s => s.Units == SourceUnits.CellStates).Sum(s => s.Count);

        /// <summary>The sources of one run in words, e.g. <c>input[0..1]</c> or <c>block[0].cell[0]..block[1].output_gate (t-1)</c>.</summary>
        public static string DescribeRun(NetworkDescription description, FanInDescription fanIn, SourceRun run)
        {
            if (run.Units == SourceUnits.Inputs)
            {
                return run.Count == 1 ? "input[" + Int(run.First) + "]" : "input[" + Int(run.First) + ".." + Int(run.First + run.Count - 1) + "]";
            }

            if (run.Units == SourceUnits.CellStates)
            {
                var firstState = description.SourceName(run.Units, run.First);
                var states = run.Count == 1 ? firstState : firstState + ".." + description.SourceName(run.Units, run.First + run.Count - 1);
                return states + (fanIn.Kind == FanInKind.OutputGate ? " (t, peepholes)" : " (t-1, peepholes)");
            }

            var first = description.HiddenUnitNames[run.First];
            var range = run.Count == 1 ? first : first + ".." + description.HiddenUnitNames[run.First + run.Count - 1];
            return range + " " + Time(fanIn);
        }

        private static string Time(FanInDescription fanIn) => fanIn.Kind == FanInKind.Output ? "(t)" : "(t-1)";

        private static string KindName(FanInKind kind) => kind switch
        {
            FanInKind.InputGate => "inputGate",
            FanInKind.OutputGate => "outputGate",
            FanInKind.ForgetGate => "forgetGate",
            FanInKind.CellInput => "cellInput",
            _ => "output",
        };

        private static string Bias(double? bias, double interval) =>
            bias is { } value ? "fixed " + D(value) : "random in [-" + D(interval) + ", " + D(interval) + "]";

        private static void WriteText(TextWriter o, NetworkDescription d)
        {
            o.WriteLine(d.Name + " (" + d.FullTypeName + ", spec file " + d.SpecFileName + ")");
            if (d.Summary.Length > 0)
            {
                o.WriteLine("  " + d.Summary);
            }

            o.WriteLine();
            o.WriteLine("Units: " + Count(d.InputCount, "input") + ", " + Count(d.OutputCount, "output") + ", " + Count(d.BlockCount, "block") + ", "
                + Count(d.CellCount, "cell") + "; hidden vector y of " + Int(d.HiddenCount) + " = cells, input gates, output gates");
            o.WriteLine("Blocks:");
            for (var j = 0; j < d.BlockCount; j++)
            {
                var block = d.Blocks[j];
                var outputGateFanIn = d.OutputGateFanIn(j);
                var outputGate = outputGateFanIn is null ? "no output gate (y_out = 1)"
                    : outputGateFanIn.HasBias ? "output gate bias " + Bias(block.OutputGateBias, d.InitInterval) : "output gate without bias";
                var inputGateBias = d.InputGateFanIn(j).HasBias ? "input gate bias " + Bias(block.InputGateBias, d.InitInterval) : "input gate without bias";
                var forgetGate = d.ForgetGateFanIn(j) is not { } forgetGateFanIn ? string.Empty
                    : forgetGateFanIn.HasBias ? ", forget gate bias " + Bias(block.ForgetGateBias, d.InitInterval) : ", forget gate without bias";
                var peepholes = block.HasPeepholes ? ", peepholes from its cells' states (Gers 2002)" : string.Empty;
                o.WriteLine("  block[" + Int(j) + "]: " + Count(block.Cells, "cell") + ", " + inputGateBias + forgetGate + ", " + outputGate + peepholes);
            }

            var c = d.Connectivity;
            o.WriteLine("Connectivity: " + SpecNames.Of(c.Pattern));
            o.WriteLine("  cell inputs  <- " + Sources(c.CellInputs) + "  (t-1 for hidden units, t for inputs)");
            o.WriteLine("  input gates  <- " + Sources(c.InputGates));
            if (d.HasForgetGates)
            {
                o.WriteLine("  forget gates <- " + Sources(c.InputGates) + "  (the input gates' sources; Gers 2000)");
            }

            o.WriteLine("  output gates <- " + Sources(c.OutputGates));
            o.WriteLine("  outputs      <- " + Sources(c.Outputs) + "  (this step's values)");
            o.WriteLine("Bias: " + SpecNames.Of(d.Bias) + " (" + SpecNames.UnitsWithBias(d.Bias) + " carry a bias weight from a constant 1)");
            o.WriteLine("Squashing: " + SpecNames.Formula(d.CellInput) + "; " + SpecNames.Formula(d.CellOutput) + "; gates and outputs f(x) = sigma(x) = 1 / (1 + e^-x) (Eq. 3)");
            o.WriteLine("Training: weights U[-" + D(d.InitInterval) + ", " + D(d.InitInterval) + "], learning rate " + D(d.LearningRate)
                + ", updates " + SpecNames.Of(d.Update) + ", precision " + SpecNames.Of(d.Precision) + " (" + Int(d.BytesPerValue) + " bytes)");
            if (d.ResetActivation != 0.0)
            {
                o.WriteLine("Reset: hidden and output activations start every sequence at " + D(d.ResetActivation)
                    + " (resetActivation, the 1997 JKU simulator's reset_net; the paper: 0); cell states and traces at 0");
            }

            o.WriteLine();
            o.WriteLine("Weights: W = " + Int(d.WeightCount));
            var kinds = new TextTable("kind", ">rows", ">weights");
            foreach (var group in d.FanIns.GroupBy(r => r.Kind))
            {
                kinds.Add(KindName(group.Key), Int(group.Count()), Int(group.Sum(r => r.Length)));
            }

            kinds.WriteTo(o, "  ");
            if (d.HasPeepholes)
            {
                o.WriteLine("  of which " + Int(PeepholeWeightCount(d)) + " peephole weights from the cells' states into their block's gates (Gers 2002)");
            }

            o.WriteLine();
            o.WriteLine("Weight rows (a row's weights are consecutive, bias last):");
            var rows = new TextTable("unit", ">offset", ">length", "sources");
            foreach (var fanIn in d.FanIns)
            {
                var sources = fanIn.Sources.Select(s => DescribeRun(d, fanIn, s)).ToList();
                if (fanIn.HasBias)
                {
                    sources.Add("bias");
                }

                rows.Add(fanIn.UnitName, Int(fanIn.Offset), Int(fanIn.Length), string.Join(", ", sources));
            }

            rows.WriteTo(o, "  ");
            o.WriteLine();
            o.WriteLine("Traces (App. A.1, Eqs. 25 and 27): " + Int(d.TraceCount) + " = one per input gate weight and one per own cell input weight, for each cell");
            var traces = new TextTable("cell", "input gate row", ">traces", ">at", ">cell row traces", ">at");
            for (var j = 0; j < d.BlockCount; j++)
            {
                for (var v = 0; v < d.Blocks[j].Cells; v++)
                {
                    var cell = d.CellTraces[d.CellIndex(j, v)];
                    traces.Add(
                        d.CellFanIn(j, v).UnitName,
                        d.InputGateFanIn(j).UnitName,
                        Int(cell.InputGateCount),
                        Int(cell.InputGateOffset),
                        Int(cell.CellInputCount),
                        Int(cell.CellInputOffset));
                }
            }

            traces.WriteTo(o, "  ");
            if (d.HasForgetGates)
            {
                o.WriteLine("  With a forget gate (Gers 2000) a cell's traces of its block's forget gate weights sit between the two rows above,");
                o.WriteLine("  and all of the cell's traces decay by y_phi(t) at every step:");
                var forgetTraces = new TextTable("cell", "forget gate row", ">traces", ">at");
                for (var j = 0; j < d.BlockCount; j++)
                {
                    for (var v = 0; v < d.Blocks[j].Cells && d.ForgetGateFanIn(j) is { } forgetRow; v++)
                    {
                        var cell = d.CellTraces[d.CellIndex(j, v)];
                        forgetTraces.Add(d.CellFanIn(j, v).UnitName, forgetRow.UnitName, Int(cell.ForgetGateCount), Int(cell.ForgetGateOffset));
                    }
                }

                forgetTraces.WriteTo(o, "  ");
            }

            o.WriteLine("  Output gate and output unit weights carry no trace: their changes use this step's values only (Eq. 22).");
            o.WriteLine();
            var size = StateSize.Of(d);
            o.WriteLine("State (the fields of the compiled class; " + Int(d.BytesPerValue) + " bytes per real value):");
            var state = new TextTable("part", ">values", ">bytes");
            state.Add("weights", Int(size.Weights), Int(size.Weights * size.BytesPerValue));
            state.Add("pending updates", Int(size.PendingUpdates), Int(size.PendingUpdates * size.BytesPerValue));
            state.Add("traces", Int(size.Traces), Int(size.Traces * size.BytesPerValue));
            state.Add("activations y^u(t-1), y^u(t) (inputs, hidden, bias), s_c, y_k", Int(size.Activations), Int(size.Activations * size.BytesPerValue));
            state.Add("per-step values (derivatives, errors, batched sigma)", Int(size.Scratch), Int(size.Bytes - ((size.Weights + size.PendingUpdates + size.Traces + size.Activations) * size.BytesPerValue)));
            state.Add("total", Int(size.Values), Int(size.Bytes));
            state.WriteTo(o, "  ");
            o.WriteLine();
            o.WriteLine("Fields:");
            var fields = new TextTable("field", ">values", ">bytes", "holds");
            foreach (var part in d.State)
            {
                fields.Add("_" + part.Name, Int(part.Count), Int(part.Bytes), part.Holds);
            }

            fields.WriteTo(o, "  ");
        }

        private static void WriteJson(Utf8JsonWriter w, NetworkDescription d)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("type", d.FullTypeName);
            w.WriteString("specFile", d.SpecFileName);
            w.WriteString("description", d.Summary);
            w.WriteNumber("inputs", d.InputCount);
            w.WriteNumber("outputs", d.OutputCount);
            w.WriteNumber("cells", d.CellCount);
            w.WriteNumber("hiddenCount", d.HiddenCount);
            w.WriteStartArray("blocks");
            for (var j = 0; j < d.BlockCount; j++)
            {
                var block = d.Blocks[j];
                w.WriteStartObject();
                w.WriteNumber("index", j);
                w.WriteNumber("cells", block.Cells);
                w.WriteStartObject("inputGate");
                WriteBias(w, d.InputGateFanIn(j).HasBias, block.InputGateBias);
                w.WriteEndObject();
                if (block.HasPeepholes)
                {
                    w.WriteBoolean("peepholes", true);
                }

                if (d.ForgetGateFanIn(j) is { } forgetGate)
                {
                    w.WriteStartObject("forgetGate");
                    WriteBias(w, forgetGate.HasBias, block.ForgetGateBias);
                    w.WriteEndObject();
                }

                if (d.OutputGateFanIn(j) is { } outputGate)
                {
                    w.WriteStartObject("outputGate");
                    WriteBias(w, outputGate.HasBias, block.OutputGateBias);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("outputGate");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("connectivity");
            w.WriteString("kind", SpecNames.Of(d.Connectivity.Pattern));
            JsonText.Strings(w, "cellInputs", SpecNames.Sources(d.Connectivity.CellInputs));
            JsonText.Strings(w, "inputGates", SpecNames.Sources(d.Connectivity.InputGates));
            JsonText.Strings(w, "outputGates", SpecNames.Sources(d.Connectivity.OutputGates));
            JsonText.Strings(w, "outputs", SpecNames.Sources(d.Connectivity.Outputs));
            w.WriteEndObject();
            w.WriteString("bias", SpecNames.Of(d.Bias));
            w.WriteStartObject("squashing");
            w.WriteString("cellInput", SpecNames.Of(d.CellInput));
            w.WriteString("cellOutput", SpecNames.Of(d.CellOutput));
            w.WriteString("gate", "logistic");
            w.WriteString("output", "logistic");
            w.WriteEndObject();
            JsonText.Number(w, "initInterval", d.InitInterval);
            JsonText.Number(w, "learningRate", d.LearningRate);
            w.WriteString("update", SpecNames.Of(d.Update));
            if (d.ResetActivation != 0.0)
            {
                JsonText.Number(w, "resetActivation", d.ResetActivation);
            }

            w.WriteString("precision", SpecNames.Of(d.Precision));
            w.WriteNumber("weightCount", d.WeightCount);
            w.WriteStartObject("weightsByKind");
            var kinds = d.HasForgetGates
                ? new[] { FanInKind.InputGate, FanInKind.ForgetGate, FanInKind.OutputGate, FanInKind.CellInput, FanInKind.Output }
                : new[] { FanInKind.InputGate, FanInKind.OutputGate, FanInKind.CellInput, FanInKind.Output };
            foreach (var kind in kinds)
            {
                w.WriteNumber(KindName(kind), d.FanIns.Where(r => r.Kind == kind).Sum(r => r.Length));
            }

            w.WriteEndObject();
            if (d.HasPeepholes)
            {
                // Peephole weights are part of their gates' rows (counted above); their number on its own.
                w.WriteNumber("peepholeWeights", PeepholeWeightCount(d));
            }

            w.WriteStartArray("rows");
            foreach (var fanIn in d.FanIns)
            {
                w.WriteStartObject();
                w.WriteString("unit", fanIn.UnitName);
                w.WriteString("kind", KindName(fanIn.Kind));
                w.WriteNumber("offset", fanIn.Offset);
                w.WriteNumber("length", fanIn.Length);
                w.WriteStartArray("sources");
                foreach (var run in fanIn.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("region", run.Units == SourceUnits.Inputs ? "input" : run.Units == SourceUnits.CellStates ? "cellState" : "hidden");
                    w.WriteString("time", run.Units == SourceUnits.Inputs || fanIn.Kind == FanInKind.Output || (run.Units == SourceUnits.CellStates && fanIn.Kind == FanInKind.OutputGate) ? "t" : "t-1");
                    w.WriteNumber("start", run.First);
                    w.WriteNumber("count", run.Count);
                    w.WriteNumber("weightOffset", run.WeightOffset);
                    w.WriteString("first", d.SourceName(run.Units, run.First));
                    w.WriteString("last", d.SourceName(run.Units, run.First + run.Count - 1));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteBoolean("bias", fanIn.HasBias);
                w.WriteBoolean("traced", fanIn.IsTraced);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("traceCount", d.TraceCount);
            w.WriteStartArray("traces");
            for (var j = 0; j < d.BlockCount; j++)
            {
                for (var v = 0; v < d.Blocks[j].Cells; v++)
                {
                    var cell = d.CellTraces[d.CellIndex(j, v)];
                    w.WriteStartObject();
                    w.WriteString("cell", d.CellFanIn(j, v).UnitName);
                    w.WriteNumber("inputGateTraces", cell.InputGateCount);
                    w.WriteNumber("inputGateTraceOffset", cell.InputGateOffset);
                    if (d.ForgetGateFanIn(j) != null)
                    {
                        w.WriteNumber("forgetGateTraces", cell.ForgetGateCount);
                        w.WriteNumber("forgetGateTraceOffset", cell.ForgetGateOffset);
                    }

                    w.WriteNumber("cellTraces", cell.CellInputCount);
                    w.WriteNumber("cellTraceOffset", cell.CellInputOffset);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            var size = StateSize.Of(d);
            w.WriteStartObject("stateBytes");
            w.WriteNumber("bytesPerValue", size.BytesPerValue);
            w.WriteNumber("weights", size.Weights * size.BytesPerValue);
            w.WriteNumber("pendingUpdates", size.PendingUpdates * size.BytesPerValue);
            w.WriteNumber("traces", size.Traces * size.BytesPerValue);
            w.WriteNumber("activations", size.Activations * size.BytesPerValue);
            w.WriteNumber("scratch", size.Bytes - ((size.Weights + size.PendingUpdates + size.Traces + size.Activations) * size.BytesPerValue));
            w.WriteNumber("total", size.Bytes);
            w.WriteEndObject();
            w.WriteStartArray("state");
            foreach (var part in d.State)
            {
                w.WriteStartObject();
                w.WriteString("field", "_" + part.Name);
                w.WriteString("holds", part.Holds);
                w.WriteNumber("values", part.Count);
                w.WriteNumber("bytes", part.Bytes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("stateValues", d.StateValues);
            w.WriteEndObject();
        }

        private static void WriteBias(Utf8JsonWriter w, bool biased, double? bias)
        {
            if (!biased)
            {
                w.WriteNull("bias");
            }
            else if (bias is { } value)
            {
                JsonText.Number(w, "bias", value);
            }
            else
            {
                w.WriteString("bias", "random");
            }
        }


        private static string Sources(ConnectedSources sources)
        {
            var names = SpecNames.Sources(sources);
            return names.Count == 0 ? "nothing" : string.Join(", ", names);
        }

        private static string Count(int count, string noun) => Int(count) + " " + noun + (count == 1 ? string.Empty : "s");

        private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
