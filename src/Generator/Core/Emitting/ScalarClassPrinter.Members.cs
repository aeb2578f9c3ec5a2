using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The class members: constants, fields (the plan's state), properties, weight views, initialisation and the public steps.
    internal sealed partial class ScalarClassPrinter
    {
        /// <summary>Up to this many gate and cell fan-ins, the class has a property per fan-in (<c>Block0Cell1</c>, …).</summary>
        private const int FanInPropertyLimit = 48;

        private void WriteConstants()
        {
            Writer.Line("/// <summary>Number of input units.</summary>");
            Writer.Line("public const int InputCount = " + Literal(Spec.InputCount) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Number of output units.</summary>");
            Writer.Line("public const int OutputCount = " + Literal(Spec.OutputCount) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Number of memory cell blocks.</summary>");
            Writer.Line("public const int BlockCount = " + Literal(Shape.BlockCount) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Number of memory cells in all blocks.</summary>");
            Writer.Line("public const int CellCount = " + Literal(Shape.CellCount) + ";");
            Writer.Line();
            var uniform = Spec.Blocks.All(b => b.Cells == Spec.Blocks[0].Cells);
            if (uniform)
            {
                Writer.Line("/// <summary>Number of cells in every block (the block size S).</summary>");
                Writer.Line("public const int CellsPerBlock = " + Literal(Spec.Blocks[0].Cells) + ";");
                Writer.Line();
            }

            Writer.Line("/// <summary>Number of hidden activations: cells, input gates and output gates.</summary>");
            Writer.Line("public const int HiddenCount = " + Literal(Shape.HiddenCount) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Number of source units a fan-in can read: inputs, hidden units and the bias unit.</summary>");
            Writer.Line("public const int SourceCount = InputCount + HiddenCount + 1;");
            Writer.Line();
            Writer.Line("/// <summary>Number of weights, biases included.</summary>");
            Writer.Line("public const int WeightCount = " + Literal(Shape.WeightCount) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Number of RTRL traces dS/dw kept by the learning rule (App. A.1: 2CSI).</summary>");
            Writer.Line("public const int TraceCount = " + Literal(Shape.TraceCount) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Index of the first output unit weight; each output unit has <see cref=\"OutputRowLength\"/> weights.</summary>");
            Writer.Line("public const int OutputOffset = " + Literal(Shape.OutputOffset) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Number of weights into each output unit.</summary>");
            Writer.Line("public const int OutputRowLength = " + Literal(Shape.OutputFanInLength) + ";");
            Writer.Line();
            Writer.Line("/// <summary>Half-width a of the initialisation interval [-a, a].</summary>");
            Writer.Line("public const double InitInterval = " + Literals.Double(Spec.InitInterval) + ";");
            Writer.Line();
            Writer.Line("/// <summary>The spec's learning rate.</summary>");
            Writer.Line("public const double DefaultLearningRate = " + Literals.Double(Spec.LearningRate) + ";");
            Writer.Line();
            Writer.Line("/// <summary>The spec file this class was generated from.</summary>");
            Writer.Line("public const string SpecFile = " + Literals.String(Spec.SpecFileName) + ";");
            Writer.Line();
            Writer.Line("/// <summary>The spec's YAML text.</summary>");
            Writer.Line("public const string Spec = " + Literals.String(Spec.SpecText) + ";");
            Writer.Line();
            Writer.Line("/// <summary>The size S_j of each block.</summary>");
            Writer.Line("public static global::System.ReadOnlySpan<int> BlockSizes => new int[] { " + string.Join(", ", Spec.Blocks.Select(b => Literal(b.Cells))) + " };");
            Writer.Line();
        }

        private void WriteFields()
        {
            var holdingsColumn = _plan.State.Where(g => g.ListsHoldings).SelectMany(g => g.Arrays).Max(a => (int?)FieldDeclaration(a).Length) + 3 ?? 0;
            foreach (var group in _plan.State)
            {
                foreach (var line in group.Heading)
                {
                    Writer.Line("// " + line);
                }

                foreach (var array in group.Arrays)
                {
                    var declaration = FieldDeclaration(array);
                    Writer.Line(group.ListsHoldings ? declaration.PadRight(holdingsColumn) + "// " + array.Holds : declaration);
                }

                Writer.Line();
            }
        }

        /// <summary>The field of a state array, e.g. <c>private readonly double[] _s = new double[CellCount];</c>.</summary>
        private string FieldDeclaration(StateArray array)
        {
            var type = array.Element == StateElement.Real ? _t : array.Element == StateElement.Int ? "int" : "bool";
            if (array.IsScalar)
            {
                return "private " + type + " _" + array.Name + ";";
            }

            return array.Start == StateStart.SourceVector
                ? "private " + type + "[] _" + array.Name + " = NewSourceVector();"
                : "private readonly " + type + "[] _" + array.Name + " = new " + type + "[" + LengthText(array.Length) + "];";
        }

        private void WriteProperties()
        {
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public string Name => " + Literals.String(Spec.TypeName) + ";");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILstmNetwork.InputCount => InputCount;");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILstmNetwork.OutputCount => OutputCount;");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILstmNetwork.WeightCount => WeightCount;");
            Writer.Line();
            Writer.Line("string " + Runtime + ".ILstmNetwork.SpecText => Spec;");
            Writer.Line();
            Writer.Line("string " + Runtime + ".ILstmNetwork.SpecFileName => SpecFile;");
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public double LearningRate { get; set; } = DefaultLearningRate;");
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public " + Runtime + ".UpdateTiming Update { get; set; } = " + Runtime + ".UpdateTiming." +
                (Spec.Update == UpdateTiming.PerStep ? "PerStep" : "PerSequence") + ";");
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public " + Span + " Weights => _w;");
            Writer.Line();
            Writer.Line("/// <summary>The outputs y^k(t) of the last step that computed them: one with a target or with room for outputs.</summary>");
            Writer.Line("public " + ReadOnlySpan + " Outputs => _yOutput;");
            Writer.Line();
            Writer.Line("/// <summary>The internal states s_c(t) of the last step (Eq. 9).</summary>");
            Writer.Line("public " + ReadOnlySpan + " CellStates => _s;");
            Writer.Line();
            Writer.Line("/// <summary>The hidden activations y(t) of the last step: cells, input gates, output gates.</summary>");
            Writer.Line("public " + ReadOnlySpan + " HiddenActivations => new " + ReadOnlySpan + "(_yPrev, InputCount, HiddenCount);");
            Writer.Line();
        }

        private void WriteWeightViews()
        {
            Writer.Line("/// <summary>The weights into block <paramref name=\"block\"/>'s input gate (Eq. 7), bias last when it has one.</summary>");
            Writer.Line("public " + Span + " InputGateWeights(int block) => WeightRow(InputGateRows, block);");
            Writer.Line();
            if (Shape.OutputGateCount > 0)
            {
                Writer.Line("/// <summary>The weights into block <paramref name=\"block\"/>'s output gate (Eq. 8), bias last when it has one.</summary>");
                Writer.Line("public " + Span + " OutputGateWeights(int block) => WeightRow(OutputGateRows, block);");
                Writer.Line();
            }

            Writer.Line("/// <summary>The weights into cell <paramref name=\"cell\"/> of block <paramref name=\"block\"/> (net_c, Eq. 9), bias last when it has one.</summary>");
            Writer.Line("public " + Span + " CellInputWeights(int block, int cell)");
            Writer.Line("{");
            Writer.Indent();
            Writer.Line("if ((uint)cell >= (uint)BlockSizes[block])");
            Writer.Line("{");
            Writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(cell));");
            Writer.Line("}");
            Writer.Line();
            Writer.Line("return WeightRow(CellRows, CellStart[block] + cell);");
            Writer.Outdent();
            Writer.Line("}");
            Writer.Line();
            Writer.Line("/// <summary>The weights into output unit <paramref name=\"output\"/>, bias last when it has one.</summary>");
            Writer.Line("public " + Span + " OutputWeights(int output)");
            Writer.Line("{");
            Writer.Indent();
            Writer.Line("if ((uint)output >= (uint)OutputCount)");
            Writer.Line("{");
            Writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(output));");
            Writer.Line("}");
            Writer.Line();
            Writer.Line("return new " + Span + "(_w, OutputOffset + (output * OutputRowLength), OutputRowLength);");
            Writer.Outdent();
            Writer.Line("}");
            Writer.Line();

            if (Shape.FanIns.Count - Shape.OutputCount <= FanInPropertyLimit)
            {
                for (var j = 0; j < Shape.BlockCount; j++)
                {
                    var ig = Shape.Blocks[j].InputGate;
                    Writer.Line("/// <summary>Block " + Literal(j) + "'s input gate weights [" + Literal(ig.Offset) + ", " + Literal(ig.Offset + ig.Length) + ").</summary>");
                    Writer.Line("public " + Span + " Block" + Literal(j) + "InputGate => new " + Span + "(_w, " + Literal(ig.Offset) + ", " + Literal(ig.Length) + ");");
                    Writer.Line();
                    var og = Shape.Blocks[j].OutputGate;
                    if (og != null)
                    {
                        Writer.Line("/// <summary>Block " + Literal(j) + "'s output gate weights [" + Literal(og.Offset) + ", " + Literal(og.Offset + og.Length) + ").</summary>");
                        Writer.Line("public " + Span + " Block" + Literal(j) + "OutputGate => new " + Span + "(_w, " + Literal(og.Offset) + ", " + Literal(og.Length) + ");");
                        Writer.Line();
                    }

                    for (var v = 0; v < Shape.Blocks[j].Cells; v++)
                    {
                        var cr = Shape.Blocks[j].CellInputs[v];
                        Writer.Line("/// <summary>Block " + Literal(j) + ", cell " + Literal(v) + ": cell input weights [" + Literal(cr.Offset) + ", " + Literal(cr.Offset + cr.Length) + ").</summary>");
                        Writer.Line("public " + Span + " Block" + Literal(j) + "Cell" + Literal(v) + " => new " + Span + "(_w, " + Literal(cr.Offset) + ", " + Literal(cr.Length) + ");");
                        Writer.Line();
                    }
                }
            }

            Writer.Line("/// <summary>All output unit weights [" + Literal(Shape.OutputOffset) + ", " + Literal(Shape.WeightCount) + "), one fan-in of <see cref=\"OutputRowLength\"/> per output unit.</summary>");
            Writer.Line("public " + Span + " OutputLayer => new " + Span + "(_w, OutputOffset, WeightCount - OutputOffset);");
            Writer.Line();

            // Offset tables behind the indexed views.
            Writer.Line("// (offset, length) of the fan-in of each input gate, output gate (by block; -1 when absent) and cell (by cell).");
            Writer.Line("private static global::System.ReadOnlySpan<int> InputGateRows => new int[] { " +
                string.Join(", ", Enumerable.Range(0, Shape.BlockCount).Select(j => Literal(Shape.Blocks[j].InputGate.Offset) + ", " + Literal(Shape.Blocks[j].InputGate.Length))) + " };");
            if (Shape.OutputGateCount > 0)
            {
                Writer.Line("private static global::System.ReadOnlySpan<int> OutputGateRows => new int[] { " +
                    string.Join(", ", Enumerable.Range(0, Shape.BlockCount).Select(j =>
                    {
                        var fanIn = Shape.Blocks[j].OutputGate;
                        return fanIn == null ? "-1, 0" : Literal(fanIn.Offset) + ", " + Literal(fanIn.Length);
                    })) + " };");
            }

            Writer.Line("private static global::System.ReadOnlySpan<int> CellRows => new int[] { " +
                string.Join(", ", Enumerable.Range(0, Shape.BlockCount).SelectMany(j => Enumerable.Range(0, Shape.Blocks[j].Cells).Select(v => Literal(Shape.Blocks[j].CellInputs[v].Offset) + ", " + Literal(Shape.Blocks[j].CellInputs[v].Length)))) + " };");
            Writer.Line("private static global::System.ReadOnlySpan<int> CellStart => new int[] { " +
                string.Join(", ", Enumerable.Range(0, Shape.BlockCount).Select(j => Literal(Shape.Blocks[j].FirstCell))) + " };");
            Writer.Line();
        }

        private void WriteInitialization()
        {
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void InitializeWeights(ulong seed)");
            Writer.Line("// Every weight uniform in [-a, a], drawn in weight order (Table 11 \"interval\").");
            Writer.Line("var random = new " + Runtime + ".SeededRandom(seed);");
            Writer.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            Writer.Line("_w[i] = " + (IsFloat ? "(float)" : string.Empty) + "random.NextSymmetric(InitInterval);");
            Writer.CloseBlock();
            if (_plan.FixedWeights.Count > 0)
            {
                Writer.Line();
                Writer.Line("// The gate biases the spec fixes; negative ones keep cells from being abused or drifting early (§4).");
                foreach (var weight in _plan.FixedWeights)
                {
                    Writer.Line("_w[" + Literal(weight.Index) + "] = " + Literals.Real(weight.Value, IsFloat) + "; // " + weight.Note);
                }
            }

            Writer.Line();
            Writer.Line("global::System.Array.Clear(_delta);");
            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void CopyWeightsTo(global::System.Span<double> destination)");
            Writer.Line("if (destination.Length != WeightCount)");
            Writer.Line("{");
            Writer.Line("    throw new global::System.ArgumentException(\"Expected \" + WeightCount + \" weights, got \" + destination.Length + \".\", nameof(destination));");
            Writer.Line("}");
            Writer.Line();
            Writer.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            Writer.Line("destination[i] = _w[i];");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void SetWeights(global::System.ReadOnlySpan<double> source)");
            Writer.Line("if (source.Length != WeightCount)");
            Writer.Line("{");
            Writer.Line("    throw new global::System.ArgumentException(\"Expected \" + WeightCount + \" weights, got \" + source.Length + \".\", nameof(source));");
            Writer.Line("}");
            Writer.Line();
            Writer.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            Writer.Line("_w[i] = " + (IsFloat ? "(float)" : string.Empty) + "source[i];");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("global::System.Array.Clear(_delta);");
            Writer.CloseBlock();
            Writer.Line();

            var resetTo = _plan.Reset.FirstOrDefault(a => a.Kind == ResetKind.AllToValue);
            if (resetTo != null)
            {
                // The fields start at zero; a network that resets to another value starts as Reset leaves it.
                Writer.Line("/// <summary>A new network starts as <see cref=\"Reset\"/> leaves it: its hidden and output activations at " + Literals.Double(resetTo.Value) + " (resetActivation).</summary>");
                Writer.OpenBlock("public " + Spec.TypeName + "()");
                Writer.Line("Reset();");
                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void Reset()");
            if (resetTo is null)
            {
                Writer.Line("// All activations, internal states and traces start at zero (§5; s_c(0) = 0, Eq. 9); the bias unit stays 1.");
            }
            else
            {
                Writer.Line("// The activations of the hidden units y(0) (cells, input gates, output gates) and of the outputs start at " + Literals.Double(resetTo.Value));
                Writer.Line("// (resetActivation, the 1997 JKU simulator's reset_net; the paper's §5.3 says zero), the inputs at zero; the bias unit");
                Writer.Line("// stays 1. The internal states and traces start at zero (s_c(0) = 0, Eq. 9).");
            }

            foreach (var action in _plan.Reset)
            {
                switch (action.Kind)
                {
                    case ResetKind.ZeroButBiasUnit:
                        Writer.Line("global::System.Array.Clear(_" + action.Array + ", 0, SourceCount - 1);");
                        break;
                    case ResetKind.HiddenUnitsToValue:
                        Writer.Line("global::System.Array.Fill(_" + action.Array + ", " + Literals.Real(action.Value, IsFloat) + ", InputCount, HiddenCount);");
                        break;
                    case ResetKind.AllToValue:
                        Writer.Line("global::System.Array.Fill(_" + action.Array + ", " + Literals.Real(action.Value, IsFloat) + ");");
                        break;
                    case ResetKind.Zero:
                        Writer.Line("global::System.Array.Clear(_" + action.Array + ");");
                        break;
                    case ResetKind.ZeroCount:
                        Writer.Line("_" + action.Array + " = 0;");
                        break;
                    default:
                        Writer.Line();
                        Writer.Line("// No input has been active since the reset: the touched set is empty again.");
                        Writer.OpenBlock("for (var n = 0; n < _touchedCount; n++)");
                        Writer.Line("_inputTouched[_touchedInputs[n]] = false;");
                        Writer.CloseBlock();
                        Writer.Line();
                        Writer.Line("_touchedCount = 0;");
                        break;
                }
            }

            Writer.CloseBlock();
            Writer.Line();
        }

        private void WritePublicSteps()
        {
            var source = ReadsActiveInputs ? "GatherActiveInputs(input)" : "input";
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void Step(global::System.ReadOnlySpan<double> input, global::System.Span<double> output)");
            Writer.Line("CheckShapes(input.Length, global::System.ReadOnlySpan<double>.Empty, output);");
            Writer.Line("Forward(" + source + ", !output.IsEmpty);");
            Writer.Line("CopyOutputs(output);");
            Writer.Line("Advance();");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void TrainStep(global::System.ReadOnlySpan<double> input, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
            Writer.Line("CheckShapes(input.Length, target, output);");
            Writer.Line("Forward(" + source + ", !target.IsEmpty || !output.IsEmpty);");
            WriteLearningTail();
            Writer.CloseBlock();
            Writer.Line();
            if (Spec.InputEncoding != InputEncoding.OneHot)
            {
                return;
            }

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void Step(int activeInput, global::System.Span<double> output)");
            Writer.Line("CheckShapes(InputCount, global::System.ReadOnlySpan<double>.Empty, output);   // the output's length; SetActiveInput checks the index");
            Writer.Line("Forward(SetActiveInput(activeInput), !output.IsEmpty);");
            Writer.Line("CopyOutputs(output);");
            Writer.Line("Advance();");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void TrainStep(int activeInput, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
            Writer.Line("CheckShapes(InputCount, target, output);   // the target's and output's lengths; SetActiveInput checks the index");
            Writer.Line("Forward(SetActiveInput(activeInput), !target.IsEmpty || !output.IsEmpty);");
            WriteLearningTail();
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <summary>x(t) is the one-hot code of <paramref name=\"activeInput\"/>: the list GatherActiveInputs would make of it.</summary>");
            Writer.OpenBlock("private int SetActiveInput(int activeInput)");
            Writer.OpenBlock("if ((uint)activeInput >= (uint)InputCount)");
            Writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(activeInput), activeInput, \"Expected the index of an input, in [0, \" + InputCount + \").\");");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("_activeInputs[0] = activeInput;");
            Writer.Line("_activeValues[0] = " + One + ";");
            Writer.Line("_activeCount = 1;");
            Writer.Line("return 1;");
            Writer.CloseBlock();
            Writer.Line();
        }

        /// <summary>The part of TrainStep after the forward pass: traces, the learning rule at a target, outputs.</summary>
        private void WriteLearningTail()
        {
            Writer.Line("UpdateTraces();");
            Writer.Line("if (!target.IsEmpty)");
            Writer.Line("{");
            Writer.Line("    Learn(target);");
            Writer.Line("}");
            Writer.Line();
            Writer.Line("CopyOutputs(output);");
            Writer.Line("Advance();");
        }
    }
}
