using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    public static partial class NetworkEmitter
    {
        // The class members: constants, fields, properties, weight views, initialisation and the public steps.
        private sealed partial class EmitContext
        {
            private void EmitConstants()
            {
                W.Line("/// <summary>Number of input units.</summary>");
                W.Line("public const int InputCount = " + I(_spec.InputCount) + ";");
                W.Line();
                W.Line("/// <summary>Number of output units.</summary>");
                W.Line("public const int OutputCount = " + I(_spec.OutputCount) + ";");
                W.Line();
                W.Line("/// <summary>Number of memory cell blocks.</summary>");
                W.Line("public const int BlockCount = " + I(_layout.BlockCount) + ";");
                W.Line();
                W.Line("/// <summary>Number of memory cells in all blocks.</summary>");
                W.Line("public const int CellCount = " + I(_layout.CellCount) + ";");
                W.Line();
                var uniform = _spec.Blocks.All(b => b.Cells == _spec.Blocks[0].Cells);
                if (uniform)
                {
                    W.Line("/// <summary>Number of cells in every block (the block size S).</summary>");
                    W.Line("public const int CellsPerBlock = " + I(_spec.Blocks[0].Cells) + ";");
                    W.Line();
                }

                W.Line("/// <summary>Number of hidden activations: cells, input gates and output gates.</summary>");
                W.Line("public const int HiddenCount = " + I(_layout.HiddenCount) + ";");
                W.Line();
                W.Line("/// <summary>Number of source units a row can read: inputs, hidden units and the bias unit.</summary>");
                W.Line("public const int SourceCount = InputCount + HiddenCount + 1;");
                W.Line();
                W.Line("/// <summary>Number of weights, biases included.</summary>");
                W.Line("public const int WeightCount = " + I(_layout.WeightCount) + ";");
                W.Line();
                W.Line("/// <summary>Number of RTRL traces dS/dw kept by the learning rule (App. A.1: 2CSI).</summary>");
                W.Line("public const int TraceCount = " + I(_layout.TraceCount) + ";");
                W.Line();
                W.Line("/// <summary>Index of the first output unit weight; each output unit has <see cref=\"OutputRowLength\"/> weights.</summary>");
                W.Line("public const int OutputOffset = " + I(_layout.OutputOffset) + ";");
                W.Line();
                W.Line("/// <summary>Number of weights into each output unit.</summary>");
                W.Line("public const int OutputRowLength = " + I(_layout.OutputFanIns[0].Length) + ";");
                W.Line();
                W.Line("/// <summary>Half-width a of the initialisation interval [-a, a].</summary>");
                W.Line("public const double InitInterval = " + Literals.Double(_spec.InitInterval) + ";");
                W.Line();
                W.Line("/// <summary>The spec's learning rate.</summary>");
                W.Line("public const double DefaultLearningRate = " + Literals.Double(_spec.LearningRate) + ";");
                W.Line();
                W.Line("/// <summary>The spec file this class was generated from.</summary>");
                W.Line("public const string SpecFile = " + Literals.String(_spec.SpecFileName) + ";");
                W.Line();
                W.Line("/// <summary>The spec's YAML text.</summary>");
                W.Line("public const string Spec = " + Literals.String(_spec.SpecText) + ";");
                W.Line();
                W.Line("/// <summary>The size S_j of each block.</summary>");
                W.Line("public static global::System.ReadOnlySpan<int> BlockSizes => new int[] { " + string.Join(", ", _spec.Blocks.Select(b => I(b.Cells))) + " };");
                W.Line();
            }

            private void EmitFields()
            {
                W.Line("private readonly " + _t + "[] _w = new " + _t + "[WeightCount];");
                W.Line();
                W.Line("// Summed weight changes of the current sequence (per-sequence updates, extraction 2.4).");
                W.Line("private readonly " + _t + "[] _delta = new " + _t + "[WeightCount];");
                W.Line();
                W.Line("// dS/dw for the input gate (Eq. 25) and cell input (Eq. 27) weights of every cell.");
                W.Line("private readonly " + _t + "[] _traces = new " + _t + "[TraceCount];");
                W.Line();
                W.Line("// y^u(t-1) and y^u(t) over the source units u: x, then the hidden units, then the bias unit = 1 (swapped after each step).");
                W.Line("private " + _t + "[] _yPrev = NewSourceVector();");
                W.Line("private " + _t + "[] _y = NewSourceVector();");
                W.Line();
                W.Line("// s_c(t): the internal states of the cells, the constant error carrousels (Eq. 9).");
                W.Line("private readonly " + _t + "[] _s = new " + _t + "[CellCount];");
                W.Line();
                W.Line("// sigma(net) of the gates" + (_spec.CellInput == CellInputSquash.Identity ? string.Empty : " and cells") + " of the current step, in batch order: what the batched sigma writes (Eqs. 3, 7-9).");
                W.Line("private readonly " + _t + "[] _sigmaNet = new " + _t + "[" + I(SquashedUnitCount) + "];");
                W.Line();
                W.Line("// Values of the current step that the learning rule needs.");
                W.Line("private readonly " + _t + "[] _gNetC = new " + _t + "[CellCount];        // g(net_c(t))");
                W.Line("private readonly " + _t + "[] _gPrimeNetC = new " + _t + "[CellCount];   // g'(net_c(t))");
                W.Line("private readonly " + _t + "[] _hS = new " + _t + "[CellCount];           // h(s_c(t))");
                W.Line("private readonly " + _t + "[] _hPrimeS = new " + _t + "[CellCount];      // h'(s_c(t))");
                W.Line("private readonly " + _t + "[] _fPrimeIn = new " + _t + "[BlockCount];    // f'_in(net_in(t))");
                W.Line("private readonly " + _t + "[] _fPrimeOut = new " + _t + "[BlockCount];   // f'_out(net_out(t))");
                W.Line("private readonly " + _t + "[] _yOutput = new " + _t + "[OutputCount];    // y^k(t)");
                W.Line("private readonly " + _t + "[] _fPrimeK = new " + _t + "[OutputCount];    // f'_k(net_k(t))");
                W.Line();
                W.Line("// Error signals of a step with a target (Eqs. 19, 21, 23).");
                W.Line("private readonly " + _t + "[] _eK = new " + _t + "[OutputCount];         // e_k(t)");
                W.Line("private readonly " + _t + "[] _cellError = new " + _t + "[CellCount];    // sum_k w_k,c e_k(t)");
                W.Line("private readonly " + _t + "[] _eS = new " + _t + "[CellCount];           // e_s_c(t)");
                W.Line("private readonly " + _t + "[] _eOut = new " + _t + "[BlockCount];        // e_out(t)");
                W.Line();
                if (_sparse)
                {
                    W.Line("// The inputs with x_i(t) != 0 at this step, and their values (inputEncoding: " + EncodingName() + "; GatherActiveInputs).");
                    W.Line("private readonly int[] _activeInputs = new int[InputCount];");
                    W.Line("private readonly " + _t + "[] _activeValues = new " + _t + "[InputCount];");
                    W.Line("private int _activeCount;");
                    W.Line();
                    if (_useTouchedSet)
                    {
                        W.Line("// The inputs that were non-zero at some step since Reset: only their traces (Eqs. 25, 27) can be non-zero,");
                        W.Line("// so only their input gate and cell weights can change (Eqs. 26, 28).");
                        W.Line("private readonly bool[] _inputTouched = new bool[InputCount];");
                        W.Line("private readonly int[] _touchedInputs = new int[InputCount];");
                        W.Line("private int _touchedCount;");
                        W.Line();
                    }
                }
            }

            private void EmitProperties()
            {
                W.Line("/// <inheritdoc/>");
                W.Line("public string Name => " + Literals.String(_spec.TypeName) + ";");
                W.Line();
                W.Line("int " + RuntimeNamespace + ".ILstmNetwork.InputCount => InputCount;");
                W.Line();
                W.Line("int " + RuntimeNamespace + ".ILstmNetwork.OutputCount => OutputCount;");
                W.Line();
                W.Line("int " + RuntimeNamespace + ".ILstmNetwork.WeightCount => WeightCount;");
                W.Line();
                W.Line("string " + RuntimeNamespace + ".ILstmNetwork.SpecText => Spec;");
                W.Line();
                W.Line("string " + RuntimeNamespace + ".ILstmNetwork.SpecFileName => SpecFile;");
                W.Line();
                W.Line("/// <inheritdoc/>");
                W.Line("public double LearningRate { get; set; } = DefaultLearningRate;");
                W.Line();
                W.Line("/// <inheritdoc/>");
                W.Line("public " + RuntimeNamespace + ".UpdateTiming Update { get; set; } = " + RuntimeNamespace + ".UpdateTiming." +
                    (_spec.Update == UpdateTiming.PerStep ? "PerStep" : "PerSequence") + ";");
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

            private void EmitWeightViews()
            {
                W.Line("/// <summary>The weights into block <paramref name=\"block\"/>'s input gate (Eq. 7), bias last when it has one.</summary>");
                W.Line("public " + Span + " InputGateWeights(int block) => WeightRow(InputGateRows, block);");
                W.Line();
                if (_layout.OutputGateCount > 0)
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

                if (_layout.FanIns.Count - _layout.OutputCount <= 48)
                {
                    for (var j = 0; j < _layout.BlockCount; j++)
                    {
                        var ig = _layout.InputGateFanIn(j);
                        W.Line("/// <summary>Block " + I(j) + "'s input gate weights [" + I(ig.Offset) + ", " + I(ig.Offset + ig.Length) + ").</summary>");
                        W.Line("public " + Span + " Block" + I(j) + "InputGate => new " + Span + "(_w, " + I(ig.Offset) + ", " + I(ig.Length) + ");");
                        W.Line();
                        var og = _layout.OutputGateFanIn(j);
                        if (og != null)
                        {
                            W.Line("/// <summary>Block " + I(j) + "'s output gate weights [" + I(og.Offset) + ", " + I(og.Offset + og.Length) + ").</summary>");
                            W.Line("public " + Span + " Block" + I(j) + "OutputGate => new " + Span + "(_w, " + I(og.Offset) + ", " + I(og.Length) + ");");
                            W.Line();
                        }

                        for (var v = 0; v < _layout.BlockSize(j); v++)
                        {
                            var cr = _layout.CellFanIn(j, v);
                            W.Line("/// <summary>Block " + I(j) + ", cell " + I(v) + ": cell input weights [" + I(cr.Offset) + ", " + I(cr.Offset + cr.Length) + ").</summary>");
                            W.Line("public " + Span + " Block" + I(j) + "Cell" + I(v) + " => new " + Span + "(_w, " + I(cr.Offset) + ", " + I(cr.Length) + ");");
                            W.Line();
                        }
                    }
                }

                W.Line("/// <summary>All output unit weights [" + I(_layout.OutputOffset) + ", " + I(_layout.WeightCount) + "), one row of <see cref=\"OutputRowLength\"/> per output.</summary>");
                W.Line("public " + Span + " OutputLayer => new " + Span + "(_w, OutputOffset, WeightCount - OutputOffset);");
                W.Line();

                // Offset tables behind the indexed views.
                W.Line("// (offset, length) of each input gate row, output gate row (by block; -1 when absent) and cell row (by cell).");
                W.Line("private static global::System.ReadOnlySpan<int> InputGateRows => new int[] { " +
                    string.Join(", ", Enumerable.Range(0, _layout.BlockCount).Select(j => I(_layout.InputGateFanIn(j).Offset) + ", " + I(_layout.InputGateFanIn(j).Length))) + " };");
                if (_layout.OutputGateCount > 0)
                {
                    W.Line("private static global::System.ReadOnlySpan<int> OutputGateRows => new int[] { " +
                        string.Join(", ", Enumerable.Range(0, _layout.BlockCount).Select(j =>
                        {
                            var row = _layout.OutputGateFanIn(j);
                            return row == null ? "-1, 0" : I(row.Offset) + ", " + I(row.Length);
                        })) + " };");
                }

                W.Line("private static global::System.ReadOnlySpan<int> CellRows => new int[] { " +
                    string.Join(", ", Enumerable.Range(0, _layout.BlockCount).SelectMany(j => Enumerable.Range(0, _layout.BlockSize(j)).Select(v => I(_layout.CellFanIn(j, v).Offset) + ", " + I(_layout.CellFanIn(j, v).Length)))) + " };");
                W.Line("private static global::System.ReadOnlySpan<int> CellStart => new int[] { " +
                    string.Join(", ", Enumerable.Range(0, _layout.BlockCount).Select(j => I(_layout.CellIndex(j, 0)))) + " };");
                W.Line();
            }

            private void EmitInitialization()
            {
                W.Line("/// <inheritdoc/>");
                W.OpenBlock("public void InitializeWeights(ulong seed)");
                W.Line("// Every weight uniform in [-a, a], drawn in weight order (Table 11 \"interval\").");
                W.Line("var random = new " + RuntimeNamespace + ".SeededRandom(seed);");
                W.OpenBlock("for (var i = 0; i < WeightCount; i++)");
                W.Line("_w[i] = " + (_isFloat ? "(float)" : string.Empty) + "random.NextSymmetric(InitInterval);");
                W.CloseBlock();
                var fixedBiases = new List<string>();
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var block = _spec.Blocks[j];
                    var ig = _layout.InputGateFanIn(j);
                    if (ig.HasBias && !block.InputGateBias.IsRandom)
                    {
                        fixedBiases.Add("_w[" + I(ig.BiasOffset) + "] = " + Literals.Real(block.InputGateBias.Value, _isFloat) + "; // block " + I(j) + " input gate bias (Table 10 \"igb\")");
                    }

                    var og = _layout.OutputGateFanIn(j);
                    if (og != null && og.HasBias && !block.OutputGateBias.IsRandom)
                    {
                        fixedBiases.Add("_w[" + I(og.BiasOffset) + "] = " + Literals.Real(block.OutputGateBias.Value, _isFloat) + "; // block " + I(j) + " output gate bias (Table 10 \"ogb\")");
                    }
                }

                if (fixedBiases.Count > 0)
                {
                    W.Line();
                    W.Line("// The gate biases the spec fixes; negative ones keep cells from being abused or drifting early (§4).");
                    foreach (var line in fixedBiases)
                    {
                        W.Line(line);
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
                W.Line("_w[i] = " + (_isFloat ? "(float)" : string.Empty) + "source[i];");
                W.CloseBlock();
                W.Line();
                W.Line("global::System.Array.Clear(_delta);");
                W.CloseBlock();
                W.Line();

                W.Line("/// <inheritdoc/>");
                W.OpenBlock("public void Reset()");
                W.Line("// All activations, internal states and traces start at zero (§5; s_c(0) = 0, Eq. 9); the bias unit stays 1.");
                W.Line("global::System.Array.Clear(_yPrev, 0, SourceCount - 1);");
                W.Line("global::System.Array.Clear(_y, 0, SourceCount - 1);");
                W.Line("global::System.Array.Clear(_s);");
                W.Line("global::System.Array.Clear(_traces);");
                W.Line("global::System.Array.Clear(_yOutput);");
                if (_sparse)
                {
                    W.Line("_activeCount = 0;");
                }

                if (_useTouchedSet)
                {
                    W.Line();
                    W.Line("// No input has been active since the reset: the touched set is empty again.");
                    W.OpenBlock("for (var n = 0; n < _touchedCount; n++)");
                    W.Line("_inputTouched[_touchedInputs[n]] = false;");
                    W.CloseBlock();
                    W.Line();
                    W.Line("_touchedCount = 0;");
                }

                W.CloseBlock();
                W.Line();
            }

            private void EmitPublicSteps()
            {
                var source = _sparse ? "GatherActiveInputs(input)" : "input";
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
                EmitLearningTail();
                W.CloseBlock();
                W.Line();
                if (_spec.InputEncoding != InputEncoding.OneHot)
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
                EmitLearningTail();
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
            private void EmitLearningTail()
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
}
