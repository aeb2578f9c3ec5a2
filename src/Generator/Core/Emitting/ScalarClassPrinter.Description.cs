using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The class's description (ILstmNetwork.Description): the spec's settings, the layout and the state, as one static
    // object that tools read instead of parsing the spec again.
    internal sealed partial class ScalarClassPrinter
    {
        private static string DescriptionType => Runtime + ".NetworkDescription";

        private void WriteDescription()
        {
            Writer.Line("/// <summary>");
            Writer.Line("/// What this network is, for code that must not parse its spec: the settings, every fan-in's weights and bias, the");
            Writer.Line("/// traces of every cell, the names of the hidden units and the arrays of the state below.");
            Writer.Line("/// </summary>");
            Writer.Line("public static readonly " + DescriptionType + " Description = new " + DescriptionType + "(");
            Writer.Indent();
            Writer.Line("name: " + Literals.String(Spec.TypeName) + ",");
            Writer.Line("fullTypeName: " + Literals.String(Spec.FullTypeName) + ",");
            Writer.Line("specFileName: SpecFile,");
            Writer.Line("summary: " + Literals.String(Spec.Description) + ",");
            Writer.Line("inputCount: InputCount,");
            Writer.Line("outputCount: OutputCount,");
            WriteDescribedBlocks();
            var c = Spec.Connectivity;
            Writer.Line("connectivity: new " + Runtime + ".ConnectivityDescription(" + Pattern(c.Kind) + ", " + Sources(c.CellInputs) + ", " +
                Sources(c.InputGates) + ", " + Sources(c.OutputGates) + ", " + Sources(c.Outputs & (SourceSet.Input | SourceSet.Cells)) + "),");
            Writer.Line("bias: " + Runtime + ".BiasedUnits." + Spec.Bias + ",");
            Writer.Line("cellInput: " + Runtime + ".CellInputSquashing." + Spec.CellInput + ",");
            Writer.Line("cellOutput: " + Runtime + ".CellOutputSquashing." + Spec.CellOutput + ",");
            Writer.Line("initInterval: InitInterval,");
            Writer.Line("learningRate: DefaultLearningRate,");
            Writer.Line("update: " + Runtime + ".UpdateTiming." + Spec.Update + ",");
            Writer.Line("precision: " + Runtime + ".NumberPrecision." + Spec.Precision + ",");
            Writer.Line("inputEncoding: " + Runtime + ".InputCoding." + Spec.InputEncoding + ",");
            WriteHiddenUnitNames();
            WriteDescribedFanIns();
            WriteDescribedTraces();
            WriteDescribedState();
            Writer.Outdent();
            Writer.Line();
            Writer.Line(DescriptionType + " " + Runtime + ".ILstmNetwork.Description => Description;");
            Writer.Line();
        }

        private void WriteDescribedBlocks()
        {
            Writer.Line("blocks: new " + Runtime + ".BlockDescription[]");
            Writer.Line("{");
            Writer.Indent();
            foreach (var block in Shape.Blocks)
            {
                var spec = Spec.Blocks[block.Block];
                var inputGateBias = block.InputGate.HasBias && !spec.InputGateBias.IsRandom ? Literals.Double(spec.InputGateBias.Value) : "null";
                var outputGateBias = block.OutputGate is { HasBias: true } && !spec.OutputGateBias.IsRandom ? Literals.Double(spec.OutputGateBias.Value) : "null";

                // A block without a forget gate (the 1997 cell) leaves the forget gate arguments at their defaults.
                var forgetGate = block.ForgetGate == null ? string.Empty
                    : ", HasForgetGate: true, ForgetGateBias: " + (block.ForgetGate.HasBias && !spec.ForgetGateBias.IsRandom ? Literals.Double(spec.ForgetGateBias.Value) : "null");
                // A block without peepholes (the 1997 cell) leaves the argument at its default.
                var peepholes = spec.HasPeepholes ? ", HasPeepholes: true" : string.Empty;
                Writer.Line("new(Cells: " + Literal(block.Cells) + ", HasOutputGate: " + (block.OutputGate != null ? "true" : "false") +
                    ", InputGateBias: " + inputGateBias + ", OutputGateBias: " + outputGateBias + forgetGate + peepholes + "),");
            }

            Writer.Outdent();
            Writer.Line("},");
        }

        /// <summary>The hidden units in hidden order: the cells block by block, the input gates, the output gates.</summary>
        private void WriteHiddenUnitNames()
        {
            var names = new List<string>();
            names.AddRange(Shape.Blocks.SelectMany(b => Enumerable.Range(0, b.Cells).Select(v => "block[" + Literal(b.Block) + "].cell[" + Literal(v) + "]")));
            names.AddRange(Shape.Blocks.Select(b => "block[" + Literal(b.Block) + "].input_gate"));
            names.AddRange(Shape.Blocks.Where(b => b.OutputGate != null).Select(b => "block[" + Literal(b.Block) + "].output_gate"));
            Writer.Line("hiddenUnitNames: new string[]");
            Writer.Line("{");
            Writer.Indent();
            foreach (var name in names)
            {
                Writer.Line(Literals.String(name) + ",");
            }

            Writer.Outdent();
            Writer.Line("},");
        }

        /// <summary>
        /// The gates' and cells' fan-ins one per line; the output units' as one rule (every output unit reads the same
        /// sources, so output k's fan-in is output 0's shifted by k lengths): a network with many outputs stays short.
        /// </summary>
        private void WriteDescribedFanIns()
        {
            var outputs = Shape.FanIns.Where(f => f.Kind == UnitKind.Output).ToList();
            Writer.Line("fanIns: " + Runtime + ".FanInDescription.WithOutputUnits(");
            Writer.Indent();
            Writer.Line("new " + Runtime + ".FanInDescription[]");
            Writer.Line("{");
            Writer.Indent();
            foreach (var fanIn in Shape.FanIns.Where(f => f.Kind != UnitKind.Output))
            {
                Writer.Line("new(" + Runtime + ".FanInKind." + fanIn.Kind + ", " + Literal(fanIn.Block) + ", " + Literal(fanIn.Cell) + ", " +
                    Literal(fanIn.Output) + ", " + Literal(fanIn.Offset) + ", " + Literal(fanIn.Length) + ", " + (fanIn.HasBias ? "true" : "false") + ", " +
                    Literals.String(fanIn.UnitName) + ", " + Runs(fanIn) + "),");
            }

            Writer.Outdent();
            Writer.Line("},");
            Writer.Line("outputCount: OutputCount,");
            Writer.Line("length: OutputRowLength,");
            Writer.Line("hasBias: " + (outputs.Count > 0 && outputs[0].HasBias ? "true" : "false") + ",");
            Writer.Line("firstOutputSources: " + (outputs.Count > 0 ? Runs(outputs[0]) : "new " + Runtime + ".SourceRun[0]") + "),");
            Writer.Outdent();
        }

        private static string Runs(FanIn fanIn)
        {
            var runs = string.Join(", ", fanIn.Segments.Select(s =>
                "new(" + Runtime + ".SourceUnits." + (s.Region == SourceRegion.Input ? "Inputs" : s.Region == SourceRegion.CellState ? "CellStates" : "Hidden") + ", " +
                Literal(s.SourceStart) + ", " + Literal(s.Count) + ", " + Literal(s.WeightOffset) + ")"));
            return "new " + Runtime + ".SourceRun[] { " + runs + (runs.Length > 0 ? " " : string.Empty) + "}";
        }

        /// <summary>
        /// Per cell (in cell order): its block's input gate traces (Eq. 25), its block's forget gate traces (if any; Gers
        /// 2000), then its own cell input traces (Eq. 27).
        /// </summary>
        private void WriteDescribedTraces()
        {
            Writer.Line("cellTraces: new " + Runtime + ".CellTraces[]");
            Writer.Line("{");
            Writer.Indent();
            foreach (var block in Shape.Blocks)
            {
                for (var v = 0; v < block.Cells; v++)
                {
                    var cell = block.FirstCell + v;
                    var forgetGate = block.ForgetGate == null ? string.Empty
                        : ", ForgetGateOffset: " + Literal(Shape.ForgetGateTraceOffsets[cell]) + ", ForgetGateCount: " + Literal(block.ForgetGate.Length);
                    Writer.Line("new(" + Literal(Shape.InputGateTraceOffsets[cell]) + ", " + Literal(block.InputGate.Length) + ", " +
                        Literal(Shape.CellTraceOffsets[cell]) + ", " + Literal(block.CellInputs[v].Length) + forgetGate + "),");
                }
            }

            Writer.Outdent();
            Writer.Line("},");
        }

        /// <summary>Every field of the state, as the fields above declare them.</summary>
        private void WriteDescribedState()
        {
            Writer.Line("state: new " + Runtime + ".StatePart[]");
            Writer.Line("{");
            Writer.Indent();
            foreach (var array in _plan.State.SelectMany(g => g.Arrays))
            {
                var count = array.IsScalar ? "1" : LengthText(array.Length);
                var bytes = array.Element == StateElement.Real ? (IsFloat ? "sizeof(float)" : "sizeof(double)") : array.Element == StateElement.Int ? "sizeof(int)" : "sizeof(bool)";
                Writer.Line("new(" + Literals.String(array.Name) + ", " + Literals.String(array.Holds) + ", " + count + ", " + bytes + "),");
            }

            Writer.Outdent();
            if (Spec.ResetActivation == 0.0)
            {
                Writer.Line("});");
            }
            else
            {
                Writer.Line("})");
                Writer.Line("{");
                Writer.Line("    ResetActivation = " + Literals.Double(Spec.ResetActivation) + ",");
                Writer.Line("};");
            }
        }

        private static string Pattern(ConnectivityKind kind) => Runtime + ".ConnectivityPattern." + kind;

        private static string Sources(SourceSet sources)
        {
            var names = new List<string>();
            foreach (var flag in new[] { SourceSet.Input, SourceSet.Cells, SourceSet.InputGates, SourceSet.OutputGates })
            {
                if ((sources & flag) != 0)
                {
                    names.Add(Runtime + ".ConnectedSources." + flag);
                }
            }

            return names.Count == 0 ? Runtime + ".ConnectedSources.None" : string.Join(" | ", names);
        }
    }
}
