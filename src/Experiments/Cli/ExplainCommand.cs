using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Describing;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

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
            var network = new Argument<string>("network") { Description = "A compiled network's name (see 'lstmgen specs'); case-insensitive." };
            var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
            var command = new Command("explain", "Explain one network: blocks, gates, connectivity, biases, squashing, every weight row and its sources, the RTRL traces, the bytes of state.")
            {
                network,
                json,
            };
            command.WithExamples("lstmgen explain Exp4Adding", "lstmgen explain Exp2LongLag --json");
            command.SetAction(parseResult =>
            {
                var entry = NetworkInfo.FindCompiled(parseResult.GetRequiredValue(network));
                var instance = entry.Create();
                var info = NetworkInfo.Of(instance);
                info.CheckAgainst(instance);
                if (parseResult.GetValue(json))
                {
                    console.Out.WriteLine(JsonText.Write(w => WriteJson(w, info)));
                }
                else
                {
                    WriteText(console.Out, info);
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        /// <summary>The sources of one segment in words, e.g. <c>input[0..1]</c> or <c>block[0].cell[0]..block[1].output_gate (t-1)</c>.</summary>
        public static string DescribeSegment(NetworkLayout layout, FanIn row, Segment segment)
        {
            if (segment.Region == SourceRegion.Input)
            {
                return segment.Count == 1 ? "input[" + I(segment.SourceStart) + "]" : "input[" + I(segment.SourceStart) + ".." + I(segment.SourceStart + segment.Count - 1) + "]";
            }

            var first = layout.HiddenUnitName(segment.SourceStart);
            var range = segment.Count == 1 ? first : first + ".." + layout.HiddenUnitName(segment.SourceStart + segment.Count - 1);
            return range + " " + Time(row);
        }

        private static string Time(FanIn row) => row.Kind == UnitKind.Output ? "(t)" : "(t-1)";

        private static string KindName(UnitKind kind) => kind switch
        {
            UnitKind.InputGate => "inputGate",
            UnitKind.OutputGate => "outputGate",
            UnitKind.ForgetGate => "forgetGate",
            UnitKind.CellInput => "cellInput",
            _ => "output",
        };

        private static string Bias(GateBias bias, double interval) =>
            bias.IsRandom ? "random in [-" + D(interval) + ", " + D(interval) + "]" : "fixed " + D(bias.Value);

        private static void WriteText(TextWriter o, NetworkInfo info)
        {
            var spec = info.Spec;
            var layout = info.Layout;
            o.WriteLine(spec.TypeName + " (" + spec.FullTypeName + ", spec file " + spec.SpecFileName + ")");
            if (spec.Description.Length > 0)
            {
                o.WriteLine("  " + spec.Description);
            }

            o.WriteLine();
            o.WriteLine("Units: " + Count(layout.InputCount, "input") + ", " + Count(layout.OutputCount, "output") + ", " + Count(layout.BlockCount, "block") + ", "
                + Count(layout.CellCount, "cell") + "; hidden vector y of " + I(layout.HiddenCount) + " = cells, input gates, output gates");
            o.WriteLine("Blocks:");
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var block = spec.Blocks[j];
                var outputGate = block.HasOutputGate ? "output gate bias " + Bias(block.OutputGateBias, spec.InitInterval) : "no output gate (y_out = 1)";
                var inputGateBias = spec.GatesBiased ? "input gate bias " + Bias(block.InputGateBias, spec.InitInterval) : "input gate without bias";
                var forgetGate = !block.HasForgetGate ? string.Empty
                    : spec.GatesBiased ? ", forget gate bias " + Bias(block.ForgetGateBias, spec.InitInterval) : ", forget gate without bias";
                o.WriteLine("  block[" + I(j) + "]: " + Count(block.Cells, "cell") + ", " + inputGateBias + forgetGate + ", " + outputGate);
            }

            var c = spec.Connectivity;
            o.WriteLine("Connectivity: " + SpecNames.Of(c.Kind));
            o.WriteLine("  cell inputs  <- " + Sources(c.CellInputs) + "  (t-1 for hidden units, t for inputs)");
            o.WriteLine("  input gates  <- " + Sources(c.InputGates));
            if (spec.HasForgetGates)
            {
                o.WriteLine("  forget gates <- " + Sources(c.InputGates) + "  (the input gates' sources; Gers 2000)");
            }

            o.WriteLine("  output gates <- " + Sources(c.OutputGates));
            o.WriteLine("  outputs      <- " + Sources(c.Outputs & (SourceSet.Input | SourceSet.Cells)) + "  (this step's values)");
            o.WriteLine("Bias: " + SpecNames.Of(spec.Bias) + " (" + SpecNames.BiasedUnits(spec.Bias) + " carry a bias weight from a constant 1)");
            o.WriteLine("Squashing: " + SpecNames.Formula(spec.CellInput) + "; " + SpecNames.Formula(spec.CellOutput) + "; gates and outputs f(x) = sigma(x) = 1 / (1 + e^-x) (Eq. 3)");
            o.WriteLine("Training: weights U[-" + D(spec.InitInterval) + ", " + D(spec.InitInterval) + "], learning rate " + D(spec.LearningRate)
                + ", updates " + SpecNames.Of(spec.Update) + ", precision " + SpecNames.Of(spec.Precision) + " (" + I(info.BytesPerValue) + " bytes)");

            o.WriteLine();
            o.WriteLine("Weights: W = " + I(layout.WeightCount));
            var kinds = new TextTable("kind", ">rows", ">weights");
            foreach (var group in layout.FanIns.GroupBy(r => r.Kind))
            {
                kinds.Add(KindName(group.Key), I(group.Count()), I(group.Sum(r => r.Length)));
            }

            kinds.WriteTo(o, "  ");
            o.WriteLine();
            o.WriteLine("Weight rows (a row's weights are consecutive, bias last):");
            var rows = new TextTable("unit", ">offset", ">length", "sources");
            foreach (var row in layout.FanIns)
            {
                var sources = row.Segments.Select(s => DescribeSegment(layout, row, s)).ToList();
                if (row.HasBias)
                {
                    sources.Add("bias");
                }

                rows.Add(row.UnitName, I(row.Offset), I(row.Length), string.Join(", ", sources));
            }

            rows.WriteTo(o, "  ");
            o.WriteLine();
            o.WriteLine("Traces (App. A.1, Eqs. 25 and 27): " + I(layout.TraceCount) + " = one per input gate weight and one per own cell input weight, for each cell");
            var traces = new TextTable("cell", "input gate row", ">traces", ">at", ">cell row traces", ">at");
            for (var j = 0; j < layout.BlockCount; j++)
            {
                for (var v = 0; v < layout.BlockSize(j); v++)
                {
                    var cell = layout.CellIndex(j, v);
                    traces.Add(
                        layout.CellFanIn(j, v).UnitName,
                        layout.InputGateFanIn(j).UnitName,
                        I(layout.InputGateFanIn(j).Length),
                        I(layout.InputGateTraceOffset(cell)),
                        I(layout.CellFanIn(j, v).Length),
                        I(layout.CellTraceOffset(cell)));
                }
            }

            traces.WriteTo(o, "  ");
            if (spec.HasForgetGates)
            {
                o.WriteLine("  With a forget gate (Gers 2000) a cell's traces of its block's forget gate weights sit between the two rows above,");
                o.WriteLine("  and all of the cell's traces decay by y_phi(t) at every step:");
                var forgetTraces = new TextTable("cell", "forget gate row", ">traces", ">at");
                for (var j = 0; j < layout.BlockCount; j++)
                {
                    for (var v = 0; v < layout.BlockSize(j) && layout.ForgetGateFanIn(j) is { } forgetRow; v++)
                    {
                        forgetTraces.Add(layout.CellFanIn(j, v).UnitName, forgetRow.UnitName, I(forgetRow.Length), I(layout.ForgetGateTraceOffset(layout.CellIndex(j, v))));
                    }
                }

                forgetTraces.WriteTo(o, "  ");
            }

            o.WriteLine("  Output gate and output unit weights carry no trace: their changes use this step's values only (Eq. 22).");
            o.WriteLine();
            var size = StateSize.Of(layout, info.BytesPerValue);
            o.WriteLine("State (" + I(info.BytesPerValue) + " bytes per value):");
            var state = new TextTable("part", ">values", ">bytes");
            state.Add("weights", L(size.Weights), L(size.Weights * size.BytesPerValue));
            state.Add("pending updates", L(size.PendingUpdates), L(size.PendingUpdates * size.BytesPerValue));
            state.Add("traces", L(size.Traces), L(size.Traces * size.BytesPerValue));
            state.Add("activations y(t-1), y(t), s_c, y_k", L(size.Activations), L(size.Activations * size.BytesPerValue));
            state.Add("per-step scratch (derivatives, errors)", L(size.Scratch), L(size.Scratch * size.BytesPerValue));
            state.Add("total", L(size.Values), L(size.Bytes));
            state.WriteTo(o, "  ");
        }

        private static void WriteJson(Utf8JsonWriter w, NetworkInfo info)
        {
            var spec = info.Spec;
            var layout = info.Layout;
            w.WriteStartObject();
            w.WriteString("name", spec.TypeName);
            w.WriteString("type", spec.FullTypeName);
            w.WriteString("specFile", spec.SpecFileName);
            w.WriteString("description", spec.Description);
            w.WriteNumber("inputs", layout.InputCount);
            w.WriteNumber("outputs", layout.OutputCount);
            w.WriteNumber("cells", layout.CellCount);
            w.WriteNumber("hiddenCount", layout.HiddenCount);
            w.WriteStartArray("blocks");
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var block = spec.Blocks[j];
                w.WriteStartObject();
                w.WriteNumber("index", j);
                w.WriteNumber("cells", block.Cells);
                w.WriteStartObject("inputGate");
                WriteBias(w, spec.GatesBiased, block.InputGateBias);
                w.WriteEndObject();
                if (block.HasForgetGate)
                {
                    w.WriteStartObject("forgetGate");
                    WriteBias(w, spec.GatesBiased, block.ForgetGateBias);
                    w.WriteEndObject();
                }
                if (block.HasOutputGate)
                {
                    w.WriteStartObject("outputGate");
                    WriteBias(w, spec.GatesBiased, block.OutputGateBias);
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
            w.WriteString("kind", SpecNames.Of(spec.Connectivity.Kind));
            JsonText.Strings(w, "cellInputs", SpecNames.Sources(spec.Connectivity.CellInputs));
            JsonText.Strings(w, "inputGates", SpecNames.Sources(spec.Connectivity.InputGates));
            JsonText.Strings(w, "outputGates", SpecNames.Sources(spec.Connectivity.OutputGates));
            JsonText.Strings(w, "outputs", SpecNames.Sources(spec.Connectivity.Outputs & (SourceSet.Input | SourceSet.Cells)));
            w.WriteEndObject();
            w.WriteString("bias", SpecNames.Of(spec.Bias));
            w.WriteStartObject("squashing");
            w.WriteString("cellInput", SpecNames.Of(spec.CellInput));
            w.WriteString("cellOutput", SpecNames.Of(spec.CellOutput));
            w.WriteString("gate", "logistic");
            w.WriteString("output", "logistic");
            w.WriteEndObject();
            JsonText.Number(w, "initInterval", spec.InitInterval);
            JsonText.Number(w, "learningRate", spec.LearningRate);
            w.WriteString("update", SpecNames.Of(spec.Update));
            w.WriteString("precision", SpecNames.Of(spec.Precision));
            w.WriteNumber("weightCount", layout.WeightCount);
            w.WriteStartObject("weightsByKind");
            var kinds = spec.HasForgetGates
                ? new[] { UnitKind.InputGate, UnitKind.ForgetGate, UnitKind.OutputGate, UnitKind.CellInput, UnitKind.Output }
                : new[] { UnitKind.InputGate, UnitKind.OutputGate, UnitKind.CellInput, UnitKind.Output };
            foreach (var kind in kinds)
            {
                w.WriteNumber(KindName(kind), layout.FanIns.Where(r => r.Kind == kind).Sum(r => r.Length));
            }

            w.WriteEndObject();
            w.WriteStartArray("rows");
            foreach (var row in layout.FanIns)
            {
                w.WriteStartObject();
                w.WriteString("unit", row.UnitName);
                w.WriteString("kind", KindName(row.Kind));
                w.WriteNumber("offset", row.Offset);
                w.WriteNumber("length", row.Length);
                w.WriteStartArray("sources");
                foreach (var segment in row.Segments)
                {
                    w.WriteStartObject();
                    w.WriteString("region", segment.Region == SourceRegion.Input ? "input" : "hidden");
                    w.WriteString("time", segment.Region == SourceRegion.Input || row.Kind == UnitKind.Output ? "t" : "t-1");
                    w.WriteNumber("start", segment.SourceStart);
                    w.WriteNumber("count", segment.Count);
                    w.WriteNumber("weightOffset", segment.WeightOffset);
                    w.WriteString("first", segment.Region == SourceRegion.Input ? "input[" + I(segment.SourceStart) + "]" : layout.HiddenUnitName(segment.SourceStart));
                    var last = segment.SourceStart + segment.Count - 1;
                    w.WriteString("last", segment.Region == SourceRegion.Input ? "input[" + I(last) + "]" : layout.HiddenUnitName(last));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteBoolean("bias", row.HasBias);
                w.WriteBoolean("traced", row.Kind == UnitKind.InputGate || row.Kind == UnitKind.ForgetGate || row.Kind == UnitKind.CellInput);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("traceCount", layout.TraceCount);
            w.WriteStartArray("traces");
            for (var j = 0; j < layout.BlockCount; j++)
            {
                for (var v = 0; v < layout.BlockSize(j); v++)
                {
                    var cell = layout.CellIndex(j, v);
                    w.WriteStartObject();
                    w.WriteString("cell", layout.CellFanIn(j, v).UnitName);
                    w.WriteNumber("inputGateTraces", layout.InputGateFanIn(j).Length);
                    w.WriteNumber("inputGateTraceOffset", layout.InputGateTraceOffset(cell));
                    if (layout.ForgetGateFanIn(j) is { } forgetRow)
                    {
                        w.WriteNumber("forgetGateTraces", forgetRow.Length);
                        w.WriteNumber("forgetGateTraceOffset", layout.ForgetGateTraceOffset(cell));
                    }

                    w.WriteNumber("cellTraces", layout.CellFanIn(j, v).Length);
                    w.WriteNumber("cellTraceOffset", layout.CellTraceOffset(cell));
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            var size = StateSize.Of(layout, info.BytesPerValue);
            w.WriteStartObject("stateBytes");
            w.WriteNumber("bytesPerValue", size.BytesPerValue);
            w.WriteNumber("weights", size.Weights * size.BytesPerValue);
            w.WriteNumber("pendingUpdates", size.PendingUpdates * size.BytesPerValue);
            w.WriteNumber("traces", size.Traces * size.BytesPerValue);
            w.WriteNumber("activations", size.Activations * size.BytesPerValue);
            w.WriteNumber("scratch", size.Scratch * size.BytesPerValue);
            w.WriteNumber("total", size.Bytes);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void WriteBias(Utf8JsonWriter w, bool biased, GateBias bias)
        {
            if (!biased)
            {
                w.WriteNull("bias");
            }
            else if (bias.IsRandom)
            {
                w.WriteString("bias", "random");
            }
            else
            {
                JsonText.Number(w, "bias", bias.Value);
            }
        }


        private static string Sources(SourceSet sources)
        {
            var names = SpecNames.Sources(sources);
            return names.Count == 0 ? "nothing" : string.Join(", ", names);
        }

        private static string Count(int count, string noun) => I(count) + " " + noun + (count == 1 ? string.Empty : "s");

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string L(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
