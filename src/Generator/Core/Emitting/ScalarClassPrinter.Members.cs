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
            W.Line("/// <summary>Number of input units.</summary>");
            W.Line("public const int InputCount = " + I(Spec.InputCount) + ";");
            W.Line();
            W.Line("/// <summary>Number of output units.</summary>");
            W.Line("public const int OutputCount = " + I(Spec.OutputCount) + ";");
            W.Line();
            W.Line("/// <summary>Number of memory cell blocks.</summary>");
            W.Line("public const int BlockCount = " + I(Shape.BlockCount) + ";");
            W.Line();
            W.Line("/// <summary>Number of memory cells in all blocks.</summary>");
            W.Line("public const int CellCount = " + I(Shape.CellCount) + ";");
            W.Line();
            var uniform = Spec.Blocks.All(b => b.Cells == Spec.Blocks[0].Cells);
            if (uniform)
            {
                W.Line("/// <summary>Number of cells in every block (the block size S).</summary>");
                W.Line("public const int CellsPerBlock = " + I(Spec.Blocks[0].Cells) + ";");
                W.Line();
            }

            W.Line("/// <summary>Number of hidden activations: cells, input gates and output gates.</summary>");
            W.Line("public const int HiddenCount = " + I(Shape.HiddenCount) + ";");
            W.Line();
            W.Line("/// <summary>Number of source units a fan-in can read: inputs, hidden units and the bias unit.</summary>");
            W.Line("public const int SourceCount = InputCount + HiddenCount + 1;");
            W.Line();
            W.Line("/// <summary>Number of weights, biases included.</summary>");
            W.Line("public const int WeightCount = " + I(Shape.WeightCount) + ";");
            W.Line();
            W.Line("/// <summary>Number of RTRL traces dS/dw kept by the learning rule (App. A.1: 2CSI).</summary>");
            W.Line("public const int TraceCount = " + I(Shape.TraceCount) + ";");
            W.Line();
            W.Line("/// <summary>Index of the first output unit weight; each output unit has <see cref=\"OutputRowLength\"/> weights.</summary>");
            W.Line("public const int OutputOffset = " + I(Shape.OutputOffset) + ";");
            W.Line();
            W.Line("/// <summary>Number of weights into each output unit.</summary>");
            W.Line("public const int OutputRowLength = " + I(Shape.OutputFanInLength) + ";");
            W.Line();
            W.Line("/// <summary>Half-width a of the initialisation interval [-a, a].</summary>");
            W.Line("public const double InitInterval = " + Literals.Double(Spec.InitInterval) + ";");
            W.Line();
            W.Line("/// <summary>The spec's learning rate.</summary>");
            W.Line("public const double DefaultLearningRate = " + Literals.Double(Spec.LearningRate) + ";");
            W.Line();
            W.Line("/// <summary>The spec file this class was generated from.</summary>");
            W.Line("public const string SpecFile = " + Literals.String(Spec.SpecFileName) + ";");
            W.Line();
            W.Line("/// <summary>The spec's YAML text.</summary>");
            W.Line("public const string Spec = " + Literals.String(Spec.SpecText) + ";");
            W.Line();
            W.Line("/// <summary>The size S_j of each block.</summary>");
            W.Line("public static global::System.ReadOnlySpan<int> BlockSizes => new int[] { " + string.Join(", ", Spec.Blocks.Select(b => I(b.Cells))) + " };");
            W.Line();
        }

        private void WriteFields()
        {
            var holdingsColumn = _plan.State.Where(g => g.ListsHoldings).SelectMany(g => g.Arrays).Max(a => (int?)FieldDeclaration(a).Length) + 3 ?? 0;
            foreach (var group in _plan.State)
            {
                foreach (var line in group.Heading)
                {
                    W.Line("// " + line);
                }

                foreach (var array in group.Arrays)
                {
                    var declaration = FieldDeclaration(array);
                    W.Line(group.ListsHoldings ? declaration.PadRight(holdingsColumn) + "// " + array.Holds : declaration);
                }

                W.Line();
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
            W.Line("/// <inheritdoc/>");
            W.Line("public string Name => " + Literals.String(Spec.TypeName) + ";");
            W.Line();
            W.Line("int " + Runtime + ".ILstmNetwork.InputCount => InputCount;");
            W.Line();
            W.Line("int " + Runtime + ".ILstmNetwork.OutputCount => OutputCount;");
            W.Line();
            W.Line("int " + Runtime + ".ILstmNetwork.WeightCount => WeightCount;");
            W.Line();
            W.Line("string " + Runtime + ".ILstmNetwork.SpecText => Spec;");
            W.Line();
            W.Line("string " + Runtime + ".ILstmNetwork.SpecFileName => SpecFile;");
            W.Line();
            W.Line("/// <inheritdoc/>");
            W.Line("public double LearningRate { get; set; } = DefaultLearningRate;");
            W.Line();
            W.Line("/// <inheritdoc/>");
            W.Line("public " + Runtime + ".UpdateTiming Update { get; set; } = " + Runtime + ".UpdateTiming." +
                (Spec.Update == UpdateTiming.PerStep ? "PerStep" : "PerSequence") + ";");
            W.Line();
            W.Line("/// <inheritdoc/>");
            W.Line("public " + Span + " Weights => _w;");
            W.Line();
            W.Line("/// <summary>The outputs y^k(t) of the last step that computed them: one with a target or with room for outputs.</summary>");
            W.Line("public " + ReadOnlySpan + " Outputs => _yOutput;");
            W.Line();
            W.Line("/// <summary>The internal states s_c(t) of the last step (Eq. 9).</summary>");
            W.Line("public " + ReadOnlySpan + " CellStates => _s;");
            W.Line();
            W.Line("/// <summary>The hidden activations y(t) of the last step: cells, input gates, output gates.</summary>");
            W.Line("public " + ReadOnlySpan + " HiddenActivations => new " + ReadOnlySpan + "(_yPrev, InputCount, HiddenCount);");
            W.Line();
        }

        private void WriteWeightViews()
        {
            W.Line("/// <summary>The weights into block <paramref name=\"block\"/>'s input gate (Eq. 7), bias last when it has one.</summary>");
            W.Line("public " + Span + " InputGateWeights(int block) => WeightRow(InputGateRows, block);");
            W.Line();
            if (Shape.OutputGateCount > 0)
            {
                W.Line("/// <summary>The weights into block <paramref name=\"block\"/>'s output gate (Eq. 8), bias last when it has one.</summary>");
                W.Line("public " + Span + " OutputGateWeights(int block) => WeightRow(OutputGateRows, block);");
                W.Line();
            }

            W.Line("/// <summary>The weights into cell <paramref name=\"cell\"/> of block <paramref name=\"block\"/> (net_c, Eq. 9), bias last when it has one.</summary>");
            W.Line("public " + Span + " CellInputWeights(int block, int cell)");
            W.Line("{");
            W.Indent();
            W.Line("if ((uint)cell >= (uint)BlockSizes[block])");
            W.Line("{");
            W.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(cell));");
            W.Line("}");
            W.Line();
            W.Line("return WeightRow(CellRows, CellStart[block] + cell);");
            W.Outdent();
            W.Line("}");
            W.Line();
            W.Line("/// <summary>The weights into output unit <paramref name=\"output\"/>, bias last when it has one.</summary>");
            W.Line("public " + Span + " OutputWeights(int output)");
            W.Line("{");
            W.Indent();
            W.Line("if ((uint)output >= (uint)OutputCount)");
            W.Line("{");
            W.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(output));");
            W.Line("}");
            W.Line();
            W.Line("return new " + Span + "(_w, OutputOffset + (output * OutputRowLength), OutputRowLength);");
            W.Outdent();
            W.Line("}");
            W.Line();

            if (Shape.FanIns.Count - Shape.OutputCount <= FanInPropertyLimit)
            {
                for (var j = 0; j < Shape.BlockCount; j++)
                {
                    var ig = Shape.Blocks[j].InputGate;
                    W.Line("/// <summary>Block " + I(j) + "'s input gate weights [" + I(ig.Offset) + ", " + I(ig.Offset + ig.Length) + ").</summary>");
                    W.Line("public " + Span + " Block" + I(j) + "InputGate => new " + Span + "(_w, " + I(ig.Offset) + ", " + I(ig.Length) + ");");
                    W.Line();
                    var og = Shape.Blocks[j].OutputGate;
                    if (og != null)
                    {
                        W.Line("/// <summary>Block " + I(j) + "'s output gate weights [" + I(og.Offset) + ", " + I(og.Offset + og.Length) + ").</summary>");
                        W.Line("public " + Span + " Block" + I(j) + "OutputGate => new " + Span + "(_w, " + I(og.Offset) + ", " + I(og.Length) + ");");
                        W.Line();
                    }

                    for (var v = 0; v < Shape.Blocks[j].Cells; v++)
                    {
                        var cr = Shape.Blocks[j].CellInputs[v];
                        W.Line("/// <summary>Block " + I(j) + ", cell " + I(v) + ": cell input weights [" + I(cr.Offset) + ", " + I(cr.Offset + cr.Length) + ").</summary>");
                        W.Line("public " + Span + " Block" + I(j) + "Cell" + I(v) + " => new " + Span + "(_w, " + I(cr.Offset) + ", " + I(cr.Length) + ");");
                        W.Line();
                    }
                }
            }

            W.Line("/// <summary>All output unit weights [" + I(Shape.OutputOffset) + ", " + I(Shape.WeightCount) + "), one fan-in of <see cref=\"OutputRowLength\"/> per output unit.</summary>");
            W.Line("public " + Span + " OutputLayer => new " + Span + "(_w, OutputOffset, WeightCount - OutputOffset);");
            W.Line();

            // Offset tables behind the indexed views.
            W.Line("// (offset, length) of the fan-in of each input gate, output gate (by block; -1 when absent) and cell (by cell).");
            W.Line("private static global::System.ReadOnlySpan<int> InputGateRows => new int[] { " +
                string.Join(", ", Enumerable.Range(0, Shape.BlockCount).Select(j => I(Shape.Blocks[j].InputGate.Offset) + ", " + I(Shape.Blocks[j].InputGate.Length))) + " };");
            if (Shape.OutputGateCount > 0)
            {
                W.Line("private static global::System.ReadOnlySpan<int> OutputGateRows => new int[] { " +
                    string.Join(", ", Enumerable.Range(0, Shape.BlockCount).Select(j =>
                    {
                        var fanIn = Shape.Blocks[j].OutputGate;
                        return fanIn == null ? "-1, 0" : I(fanIn.Offset) + ", " + I(fanIn.Length);
                    })) + " };");
            }

            W.Line("private static global::System.ReadOnlySpan<int> CellRows => new int[] { " +
                string.Join(", ", Enumerable.Range(0, Shape.BlockCount).SelectMany(j => Enumerable.Range(0, Shape.Blocks[j].Cells).Select(v => I(Shape.Blocks[j].CellInputs[v].Offset) + ", " + I(Shape.Blocks[j].CellInputs[v].Length)))) + " };");
            W.Line("private static global::System.ReadOnlySpan<int> CellStart => new int[] { " +
                string.Join(", ", Enumerable.Range(0, Shape.BlockCount).Select(j => I(Shape.Blocks[j].FirstCell))) + " };");
            W.Line();
        }

        private void WriteInitialization()
        {
            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void InitializeWeights(ulong seed)");
            W.Line("// Every weight uniform in [-a, a], drawn in weight order (Table 11 \"interval\").");
            W.Line("var random = new " + Runtime + ".SeededRandom(seed);");
            W.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            W.Line("_w[i] = " + (IsFloat ? "(float)" : string.Empty) + "random.NextSymmetric(InitInterval);");
            W.CloseBlock();
            if (_plan.FixedWeights.Count > 0)
            {
                W.Line();
                W.Line("// The gate biases the spec fixes; negative ones keep cells from being abused or drifting early (§4).");
                foreach (var weight in _plan.FixedWeights)
                {
                    W.Line("_w[" + I(weight.Index) + "] = " + Literals.Real(weight.Value, IsFloat) + "; // " + weight.Note);
                }
            }

            W.Line();
            W.Line("global::System.Array.Clear(_delta);");
            W.CloseBlock();
            W.Line();

            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void CopyWeightsTo(global::System.Span<double> destination)");
            W.Line("if (destination.Length != WeightCount)");
            W.Line("{");
            W.Line("    throw new global::System.ArgumentException(\"Expected \" + WeightCount + \" weights, got \" + destination.Length + \".\", nameof(destination));");
            W.Line("}");
            W.Line();
            W.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            W.Line("destination[i] = _w[i];");
            W.CloseBlock();
            W.CloseBlock();
            W.Line();

            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void SetWeights(global::System.ReadOnlySpan<double> source)");
            W.Line("if (source.Length != WeightCount)");
            W.Line("{");
            W.Line("    throw new global::System.ArgumentException(\"Expected \" + WeightCount + \" weights, got \" + source.Length + \".\", nameof(source));");
            W.Line("}");
            W.Line();
            W.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            W.Line("_w[i] = " + (IsFloat ? "(float)" : string.Empty) + "source[i];");
            W.CloseBlock();
            W.Line();
            W.Line("global::System.Array.Clear(_delta);");
            W.CloseBlock();
            W.Line();

            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void Reset()");
            W.Line("// All activations, internal states and traces start at zero (§5; s_c(0) = 0, Eq. 9); the bias unit stays 1.");
            foreach (var action in _plan.Reset)
            {
                switch (action.Kind)
                {
                    case ResetKind.ZeroButBiasUnit:
                        W.Line("global::System.Array.Clear(_" + action.Array + ", 0, SourceCount - 1);");
                        break;
                    case ResetKind.Zero:
                        W.Line("global::System.Array.Clear(_" + action.Array + ");");
                        break;
                    case ResetKind.ZeroCount:
                        W.Line("_" + action.Array + " = 0;");
                        break;
                    default:
                        W.Line();
                        W.Line("// No input has been active since the reset: the touched set is empty again.");
                        W.OpenBlock("for (var n = 0; n < _touchedCount; n++)");
                        W.Line("_inputTouched[_touchedInputs[n]] = false;");
                        W.CloseBlock();
                        W.Line();
                        W.Line("_touchedCount = 0;");
                        break;
                }
            }

            W.CloseBlock();
            W.Line();
        }

        private void WritePublicSteps()
        {
            var source = ReadsActiveInputs ? "GatherActiveInputs(input)" : "input";
            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void Step(global::System.ReadOnlySpan<double> input, global::System.Span<double> output)");
            W.Line("CheckShapes(input.Length, global::System.ReadOnlySpan<double>.Empty, output);");
            W.Line("Forward(" + source + ", !output.IsEmpty);");
            W.Line("CopyOutputs(output);");
            W.Line("Advance();");
            W.CloseBlock();
            W.Line();
            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void TrainStep(global::System.ReadOnlySpan<double> input, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
            W.Line("CheckShapes(input.Length, target, output);");
            W.Line("Forward(" + source + ", !target.IsEmpty || !output.IsEmpty);");
            WriteLearningTail();
            W.CloseBlock();
            W.Line();
            if (Spec.InputEncoding != InputEncoding.OneHot)
            {
                return;
            }

            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void Step(int activeInput, global::System.Span<double> output)");
            W.Line("CheckShapes(InputCount, global::System.ReadOnlySpan<double>.Empty, output);   // the output's length; SetActiveInput checks the index");
            W.Line("Forward(SetActiveInput(activeInput), !output.IsEmpty);");
            W.Line("CopyOutputs(output);");
            W.Line("Advance();");
            W.CloseBlock();
            W.Line();
            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void TrainStep(int activeInput, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
            W.Line("CheckShapes(InputCount, target, output);   // the target's and output's lengths; SetActiveInput checks the index");
            W.Line("Forward(SetActiveInput(activeInput), !target.IsEmpty || !output.IsEmpty);");
            WriteLearningTail();
            W.CloseBlock();
            W.Line();
            W.Line("/// <summary>x(t) is the one-hot code of <paramref name=\"activeInput\"/>: the list GatherActiveInputs would make of it.</summary>");
            W.OpenBlock("private int SetActiveInput(int activeInput)");
            W.OpenBlock("if ((uint)activeInput >= (uint)InputCount)");
            W.Line("throw new global::System.ArgumentOutOfRangeException(nameof(activeInput), activeInput, \"Expected the index of an input, in [0, \" + InputCount + \").\");");
            W.CloseBlock();
            W.Line();
            W.Line("_activeInputs[0] = activeInput;");
            W.Line("_activeValues[0] = " + One + ";");
            W.Line("_activeCount = 1;");
            W.Line("return 1;");
            W.CloseBlock();
            W.Line();
        }

        /// <summary>The part of TrainStep after the forward pass: traces, the learning rule at a target, outputs.</summary>
        private void WriteLearningTail()
        {
            W.Line("UpdateTraces();");
            W.Line("if (!target.IsEmpty)");
            W.Line("{");
            W.Line("    Learn(target);");
            W.Line("}");
            W.Line();
            W.Line("CopyOutputs(output);");
            W.Line("Advance();");
        }
    }
}
