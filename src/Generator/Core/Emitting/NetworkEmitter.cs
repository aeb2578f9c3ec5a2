using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// Writes the C# class for one network: the forward pass of App. A.1 (Eqs. 7-9 and the output equation, in the
    /// processing order of §5) and the truncated-RTRL learning rule (Eqs. 19-28), unrolled per block and cell.
    /// This is the only emitter: the source generator and the CLI's <c>emit</c> command both call it.
    /// </summary>
    public static class NetworkEmitter
    {
        /// <summary>
        /// Net inputs over runs of at most this many weights are written out term by term (in the kernel's summation
        /// order, so the choice never changes a result); longer runs call <c>Kernels.Dot</c>. Scalar straight-line code
        /// beats the inlined vector kernel on short rows (no horizontal sum, no loop), but not on rows of 20, and it
        /// would bloat the methods of wide networks past what the JIT optimises (2a: 10,504 weights; 2c: 1,004 inputs).
        /// docs/performance.md records the measurement behind this value.
        /// </summary>
        public const int UnrollLimit = 16;

        /// <summary>
        /// Scaled adds (traces, Eqs. 25/27; weight changes, Eqs. 22/26/28) over runs of at most this many weights are
        /// written out; longer ones call <c>Kernels.AddScaled</c>, whose vector loop wins from about 8 elements on
        /// (docs/performance.md). Elementwise, so this choice never changes a result either.
        /// </summary>
        public const int ScaledAddUnrollLimit = 4;

        /// <summary>
        /// Under <c>inputEncoding: one-hot</c> or <c>sparse</c>, specs with at least this many inputs look for the non-zero
        /// inputs four vectors at a time (<c>Vector&lt;ulong&gt;</c> over the inputs' bits, skipping blocks of zeros) before
        /// the scalar scan: a one-hot x(t) of Exp 2c's 1,004 inputs holds 1,003 zeros. Measured on this machine (AVX2),
        /// 1,004 inputs: about 100 ns per scan, against 190 ns one vector at a time and 1,300 ns scalar.
        /// </summary>
        public const int VectorScanMinimum = 16;

        /// <summary>
        /// Under <c>inputEncoding: one-hot</c> or <c>sparse</c>, specs with at least this many inputs keep the set of inputs
        /// touched (non-zero) since Reset and change the input gate and cell weights (Eqs. 26, 28) of those inputs only.
        /// With fewer inputs the rows are updated whole from their traces (an untouched input's are exact zeros): most
        /// inputs are touched within a few steps there, and a vector update of a short row beats the bookkeeping (Exp 1's
        /// 7 inputs: a learning step took ~5% longer with the set).
        /// </summary>
        public const int TouchedSetMinimum = 16;

        public const string RuntimeNamespace = "global::LstmGen.Runtime";

        /// <summary>The generated file's hint name, e.g. <c>AddingNetwork.g.cs</c>.</summary>
        public static string HintName(NetworkSpec spec) => spec.TypeName + ".g.cs";

        public static string Emit(NetworkSpec spec, string generatorVersion)
        {
            var context = new EmitContext(spec, NetworkLayout.Create(spec), generatorVersion);
            context.EmitFile();
            return context.Writer.ToString();
        }

        private sealed class EmitContext
        {
            private readonly NetworkSpec _spec;
            private readonly NetworkLayout _layout;
            private readonly string _version;
            private readonly bool _isFloat;
            private readonly string _t;

            // inputEncoding one-hot or sparse: the inputs are read through the list of this step's non-zero inputs.
            private readonly bool _sparse;

            // Under _sparse: whether some gate or cell row reads x (Eqs. 7-9), and whether a row with traces does (Eqs. 25, 27).
            private readonly bool _hiddenRowsReadInputs;
            private readonly bool _tracesReadInputs;

            // Under _tracesReadInputs with at least TouchedSetMinimum inputs: the input gate and cell weights from the inputs
            // change only for the inputs touched since Reset (Eqs. 26, 28); with fewer, for every input, from its traces.
            private readonly bool _useTouchedSet;
            private readonly bool _outputsReadInputs;

            public EmitContext(NetworkSpec spec, NetworkLayout layout, string version)
            {
                _spec = spec;
                _layout = layout;
                _version = version;
                _isFloat = spec.Precision == Precision.Float;
                _t = _isFloat ? "float" : "double";
                _sparse = spec.SkipsInactiveInputs;
                _hiddenRowsReadInputs = _sparse && layout.Rows.Any(r => r.Kind != UnitKind.Output && ReadsInputs(r));
                _tracesReadInputs = _sparse && layout.Rows.Any(r => (r.Kind == UnitKind.InputGate || r.Kind == UnitKind.CellInput) && ReadsInputs(r));
                _useTouchedSet = _tracesReadInputs && layout.InputCount >= TouchedSetMinimum;
                _outputsReadInputs = _sparse && ReadsInputs(layout.OutputRows[0]);
            }

            public SourceWriter Writer { get; } = new SourceWriter();

            private SourceWriter W => Writer;

            private string Span => "global::System.Span<" + _t + ">";

            private string ReadOnlySpan => "global::System.ReadOnlySpan<" + _t + ">";

            private string Squash => RuntimeNamespace + ".Squash";

            private string Kernels => RuntimeNamespace + ".Kernels";

            private string One => _isFloat ? "1f" : "1.0";

            public void EmitFile()
            {
                EmitHeader();
                W.Line("#nullable enable");
                W.Line();
                var hasNamespace = _spec.Namespace.Length > 0;
                if (hasNamespace)
                {
                    W.OpenBlock("namespace " + _spec.Namespace);
                }

                EmitClassDoc();
                W.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"LstmGen\", \"" + _version + "\")]");
                W.OpenBlock("public sealed partial class " + _spec.TypeName + " : " + RuntimeNamespace + ".ILstmNetwork<" + _t + ">");
                EmitConstants();
                EmitFields();
                EmitProperties();
                EmitWeightViews();
                EmitInitialization();
                EmitPublicSteps();
                EmitForward();
                EmitUpdateTraces();
                EmitLearn();
                EmitEndSequence();
                EmitHelpers();
                W.CloseBlock();
                if (hasNamespace)
                {
                    W.CloseBlock();
                }
            }

            // ------------------------------------------------------------ header and documentation

            private void EmitHeader()
            {
                W.Line("// <auto-generated/>");
                W.Line("// Generated by LstmGen " + _version + " from " + Literals.Comment(_spec.SpecFileName) + ". Do not edit: change the spec and rebuild.");
                W.Line("//");
                W.Line("// The original LSTM of Hochreiter & Schmidhuber (1997), \"Long Short-Term Memory\", Neural Computation 9(8):");
                W.Line("// memory cells with a constant error carrousel, input and output gates, no forget gate, trained with the");
                W.Line("// truncated real-time recurrent learning rule of the paper's Appendix A.1. Equation numbers below are the paper's.");
                W.Line("//");
                W.Line("// Network: " + Describe());
                W.Line("//");
                W.Line("// Hidden activation vector y (" + I(_layout.HiddenCount) + " values): " + HiddenVectorSummary() + ".");
                W.Line("// At step t, cells and gates read x(t) and yPrev = y(t-1); the outputs read y(t) (and x(t) under 'B').");
                W.Line("// Source units y^u (" + I(BiasUnit + 1) + " values, the units u of the paper's sums): [0.." + I(_layout.InputCount) + ") input units x(t), [" +
                    I(_layout.InputCount) + ".." + I(BiasUnit) + ") the hidden units above, " + I(BiasUnit) + " the bias unit (always 1);");
                W.Line("// yPrev and y hold them for steps t-1 and t, so a row of weights reads one run of consecutive sources.");
                if (_sparse)
                {
                    W.Line("//");
                    W.Line("// Input encoding '" + EncodingName() + "': every step gathers the inputs with x_i(t) != 0 once, and the net inputs");
                    W.Line("// (Eqs. 7-9), traces (Eqs. 25, 27) and weight changes (Eqs. 22, 26, 28) read only those; the skipped terms are");
                    W.Line("// exact zeros, so the values are the dense computation's up to summation order. x(t) is not copied into yPrev/y.");
                    if (_spec.InputEncoding == InputEncoding.OneHot)
                    {
                        W.Line("// At most one input may be non-zero at a step: Step and TrainStep throw an ArgumentException otherwise.");
                    }
                }
                W.Line("//");
                W.Line("// Weights (" + I(_layout.WeightCount) + "), one row per unit, in this order:");
                foreach (var row in _layout.Rows)
                {
                    if (row.Kind == UnitKind.Output && row.Output > 0)
                    {
                        if (row.Output == 1)
                        {
                            W.Line("//   ... one row of " + I(row.Length) + " per output unit, up to [" + I(_layout.WeightCount - row.Length) + ", " + I(_layout.WeightCount) + ")");
                        }

                        continue;
                    }

                    W.Line("//   [" + I(row.Offset) + ", " + I(row.Offset + row.Length) + ") " + row.UnitName + " <- " + SourcesText(row));
                }

                W.Line("//");
                W.Line("// Traces dS/dw (" + I(_layout.TraceCount) + ", the paper's 2CSI values): per cell, one per weight of its block's");
                W.Line("// input gate (Eq. 25), then one per weight of its own cell input (Eq. 27).");
            }

            private string Describe()
            {
                var uniform = _spec.Blocks.All(b => b.Cells == _spec.Blocks[0].Cells);
                var blocks = uniform
                    ? Plural(_layout.BlockCount, "block") + " of " + Plural(_spec.Blocks[0].Cells, "cell")
                    : Plural(_layout.BlockCount, "block") + " of sizes " + string.Join(", ", _spec.Blocks.Select(b => I(b.Cells))) + " (" + Plural(_layout.CellCount, "cell") + ")";
                var parts = new List<string>
                {
                    Plural(_spec.InputCount, "input") + (_sparse ? " (" + EncodingName() + ")" : string.Empty),
                    Plural(_spec.OutputCount, "output"),
                    blocks,
                    "connectivity " + ConnectivityText(),
                    BiasText(),
                    "g = " + CellInputText(),
                    "h = " + CellOutputText(),
                    "weights U[-" + Literals.Double(_spec.InitInterval) + ", " + Literals.Double(_spec.InitInterval) + "]",
                    "learning rate " + Literals.Double(_spec.LearningRate),
                    "updates " + (_spec.Update == UpdateTiming.PerStep ? "per step" : "per sequence"),
                    _t + " precision",
                };
                return string.Join(", ", parts) + ".";
            }

            private string EncodingName() => _spec.InputEncoding == InputEncoding.OneHot ? "one-hot" : _spec.InputEncoding == InputEncoding.Sparse ? "sparse" : "dense";

            private string ConnectivityText()
            {
                switch (_spec.Connectivity.Kind)
                {
                    case ConnectivityKind.Full:
                        return "F";
                    case ConnectivityKind.Layered:
                        return "B";
                    default:
                        return "custom (cell inputs <- " + SetText(_spec.Connectivity.CellInputs) + "; input gates <- " + SetText(_spec.Connectivity.InputGates) +
                            "; output gates <- " + SetText(_spec.Connectivity.OutputGates) + "; outputs <- " + SetText(_spec.Connectivity.Outputs) + ")";
                }
            }

            private static string SetText(SourceSet set)
            {
                var names = new List<string>();
                if ((set & SourceSet.Input) != 0)
                {
                    names.Add("input");
                }

                if ((set & SourceSet.Cells) != 0)
                {
                    names.Add("cells");
                }

                if ((set & SourceSet.InputGates) != 0)
                {
                    names.Add("input gates");
                }

                if ((set & SourceSet.OutputGates) != 0)
                {
                    names.Add("output gates");
                }

                return names.Count == 0 ? "nothing" : string.Join(", ", names);
            }

            private string BiasText()
            {
                switch (_spec.Bias)
                {
                    case BiasPolicy.None:
                        return "no bias weights";
                    case BiasPolicy.Gates:
                        return "biases on the gates";
                    case BiasPolicy.Hidden:
                        return "biases on cells and gates";
                    default:
                        return "biases on all non-input units";
                }
            }

            private string CellInputText()
            {
                switch (_spec.CellInput)
                {
                    case CellInputSquash.G2:
                        return "4 sigma(x) - 2 (Eq. 5)";
                    case CellInputSquash.G1:
                        return "sigma(x)";
                    default:
                        return "x";
                }
            }

            private string CellOutputText() =>
                _spec.CellOutput == CellOutputSquash.H1 ? "2 sigma(x) - 1 (Eq. 4)" : "x";

            private string HiddenVectorSummary()
            {
                var parts = new List<string> { Range(0, _layout.CellCount) + " cell outputs y^c", Range(_layout.FirstInputGate, _layout.BlockCount) + " input gates y^in" };
                if (_layout.OutputGateCount > 0)
                {
                    parts.Add(Range(_layout.FirstOutputGate, _layout.OutputGateCount) + " output gates y^out");
                }

                return string.Join(", ", parts);
            }

            private string SourcesText(WeightRow row)
            {
                var parts = new List<string>();
                foreach (var segment in row.Segments)
                {
                    if (segment.Region == SourceRegion.Input)
                    {
                        parts.Add("x" + Range(segment.SourceStart, segment.Count));
                    }
                    else
                    {
                        parts.Add((row.Kind == UnitKind.Output ? "y" : "yPrev") + Range(HiddenUnit(segment.SourceStart), segment.Count));
                    }
                }

                if (row.HasBias)
                {
                    parts.Add("bias");
                }

                return parts.Count == 0 ? "(nothing)" : string.Join(", ", parts);
            }

            private void EmitClassDoc()
            {
                W.Line("/// <summary>");
                if (_spec.Description.Length > 0)
                {
                    W.Line("/// " + Literals.Xml(_spec.Description));
                    W.Line("/// <para>");
                }

                W.Line("/// " + Literals.Xml(Describe()));
                if (_spec.Description.Length > 0)
                {
                    W.Line("/// </para>");
                }

                W.Line("/// </summary>");
                W.Line("/// <remarks>Generated by LstmGen from <c>" + Literals.Xml(_spec.SpecFileName) + "</c>.</remarks>");
            }

            // ------------------------------------------------------------ members

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
                W.Line("public const int OutputRowLength = " + I(_layout.OutputRows[0].Length) + ";");
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
                W.Line("// The net inputs of the gates" + (_spec.CellInput == CellInputSquash.Identity ? string.Empty : " and cells") + " of the current step, squashed in place by one batched sigma (Eqs. 3, 7-9).");
                W.Line("private readonly " + _t + "[] _net = new " + _t + "[" + I(SquashedUnitCount) + "];");
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
                W.Line("/// <summary>The outputs y^k(t) of the last step.</summary>");
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

                if (_layout.Rows.Count - _layout.OutputCount <= 48)
                {
                    for (var j = 0; j < _layout.BlockCount; j++)
                    {
                        var ig = _layout.InputGateRow(j);
                        W.Line("/// <summary>Block " + I(j) + "'s input gate weights [" + I(ig.Offset) + ", " + I(ig.Offset + ig.Length) + ").</summary>");
                        W.Line("public " + Span + " Block" + I(j) + "InputGate => new " + Span + "(_w, " + I(ig.Offset) + ", " + I(ig.Length) + ");");
                        W.Line();
                        var og = _layout.OutputGateRow(j);
                        if (og != null)
                        {
                            W.Line("/// <summary>Block " + I(j) + "'s output gate weights [" + I(og.Offset) + ", " + I(og.Offset + og.Length) + ").</summary>");
                            W.Line("public " + Span + " Block" + I(j) + "OutputGate => new " + Span + "(_w, " + I(og.Offset) + ", " + I(og.Length) + ");");
                            W.Line();
                        }

                        for (var v = 0; v < _layout.BlockSize(j); v++)
                        {
                            var cr = _layout.CellRow(j, v);
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
                    string.Join(", ", Enumerable.Range(0, _layout.BlockCount).Select(j => I(_layout.InputGateRow(j).Offset) + ", " + I(_layout.InputGateRow(j).Length))) + " };");
                if (_layout.OutputGateCount > 0)
                {
                    W.Line("private static global::System.ReadOnlySpan<int> OutputGateRows => new int[] { " +
                        string.Join(", ", Enumerable.Range(0, _layout.BlockCount).Select(j =>
                        {
                            var row = _layout.OutputGateRow(j);
                            return row == null ? "-1, 0" : I(row.Offset) + ", " + I(row.Length);
                        })) + " };");
                }

                W.Line("private static global::System.ReadOnlySpan<int> CellRows => new int[] { " +
                    string.Join(", ", Enumerable.Range(0, _layout.BlockCount).SelectMany(j => Enumerable.Range(0, _layout.BlockSize(j)).Select(v => I(_layout.CellRow(j, v).Offset) + ", " + I(_layout.CellRow(j, v).Length)))) + " };");
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
                    var ig = _layout.InputGateRow(j);
                    if (ig.HasBias && !block.InputGateBias.IsRandom)
                    {
                        fixedBiases.Add("_w[" + I(ig.BiasOffset) + "] = " + Literals.Real(block.InputGateBias.Value, _isFloat) + "; // block " + I(j) + " input gate bias (Table 10 \"igb\")");
                    }

                    var og = _layout.OutputGateRow(j);
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
                W.Line("/// <inheritdoc/>");
                W.OpenBlock("public void Step(global::System.ReadOnlySpan<double> input, global::System.Span<double> output)");
                W.Line("CheckShapes(input, global::System.ReadOnlySpan<double>.Empty, output);");
                W.Line("Forward(input);");
                W.Line("CopyOutputs(output);");
                W.Line("Advance();");
                W.CloseBlock();
                W.Line();
                W.Line("/// <inheritdoc/>");
                W.OpenBlock("public void TrainStep(global::System.ReadOnlySpan<double> input, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
                W.Line("CheckShapes(input, target, output);");
                W.Line("Forward(input);");
                W.Line("UpdateTraces();");
                W.Line("if (!target.IsEmpty)");
                W.Line("{");
                W.Line("    Learn(target);");
                W.Line("}");
                W.Line();
                W.Line("CopyOutputs(output);");
                W.Line("Advance();");
                W.CloseBlock();
                W.Line();
            }

            // ------------------------------------------------------------ source units and views

            /// <summary>Index of the bias unit (constant 1) in the source vectors: after the inputs and the hidden units.</summary>
            private int BiasUnit => _layout.InputCount + _layout.HiddenCount;

            /// <summary>Index of hidden unit <paramref name="hidden"/> in the source vectors.</summary>
            private int HiddenUnit(int hidden) => _layout.InputCount + hidden;

            private int SourceIndex(Segment segment) => segment.Region == SourceRegion.Input ? segment.SourceStart : HiddenUnit(segment.SourceStart);

            /// <summary>Whether <paramref name="row"/> reads the input units x(t).</summary>
            private static bool ReadsInputs(WeightRow row) => row.Segments.Any(s => s.Region == SourceRegion.Input);

            /// <summary>
            /// The number of leading weights of <paramref name="row"/> that the dense code reads from the source vectors but
            /// the sparse code reads through the active inputs: the row's input segment (always its first, NetworkLayout).
            /// </summary>
            private int InputColumns(WeightRow row) => _sparse && ReadsInputs(row) ? _layout.InputCount : 0;

            /// <summary>
            /// The leading weights of an input gate or cell row whose changes (Eqs. 26, 28) the touched inputs' pass makes
            /// instead of the row-wise update: the input segment when the network keeps a touched set, else none.
            /// </summary>
            private int TracedInputColumns(WeightRow row) => _useTouchedSet ? InputColumns(row) : 0;

            /// <summary>
            /// The runs of a row: consecutive weights that read consecutive source units (the bias unit included), as
            /// (first source unit, count, first weight relative to the row). A fully connected row is a single run.
            /// Under one-hot or sparse inputs the input segment is left out: the active inputs are read separately.
            /// </summary>
            private List<(int Source, int Count, int Weight)> Runs(WeightRow row)
            {
                var runs = new List<(int Source, int Count, int Weight)>();
                void Add(int source, int count, int weight)
                {
                    if (runs.Count > 0)
                    {
                        var last = runs[runs.Count - 1];
                        if (last.Source + last.Count == source && last.Weight + last.Count == weight)
                        {
                            runs[runs.Count - 1] = (last.Source, last.Count + count, last.Weight);
                            return;
                        }
                    }

                    runs.Add((source, count, weight));
                }

                foreach (var segment in row.Segments)
                {
                    if (_sparse && segment.Region == SourceRegion.Input)
                    {
                        continue;
                    }

                    Add(SourceIndex(segment), segment.Count, segment.WeightOffset - row.Offset);
                }

                if (row.HasBias)
                {
                    Add(BiasUnit, 1, row.Length - 1);
                }

                return runs;
            }

            /// <summary>
            /// A span local over a whole array with a constant length, e.g.
            /// <c>Span&lt;double&gt; s = new Span&lt;double&gt;(_s, 0, CellCount);</c>: the JIT then knows the length and drops the
            /// bounds check of every constant index below it.
            /// </summary>
            private void View(bool writable, string name, string field, string length) =>
                W.Line((writable ? Span : ReadOnlySpan) + " " + name + " = new " + (writable ? Span : ReadOnlySpan) + "(" + field + ", 0, " + length + ");");

            // ------------------------------------------------------------ forward pass

            private void EmitForward()
            {
                var outputsReadInputs = (_spec.Connectivity.Outputs & SourceSet.Input) != 0;
                W.Line("/// <summary>");
                W.Line("/// The forward pass of one step in the paper's processing order (§5): x(t) is set; the gates and cells");
                W.Line("/// compute from x(t) and y(t-1) (Eqs. 7-9); the outputs compute from the new cell outputs y^c(t).");
                W.Line("/// </summary>");
                W.OpenBlock("private void Forward(global::System.ReadOnlySpan<double> input)");
                View(false, "w", "_w", "WeightCount");
                View(true, "yPrev", "_yPrev", "SourceCount");
                View(true, "y", "_y", "SourceCount");
                View(true, "net", "_net", I(SquashedUnitCount));
                View(true, "s", "_s", "CellCount");
                View(true, "gNetC", "_gNetC", "CellCount");
                View(true, "gPrimeNetC", "_gPrimeNetC", "CellCount");
                View(true, "hS", "_hS", "CellCount");
                View(true, "hPrimeS", "_hPrimeS", "CellCount");
                View(true, "fPrimeIn", "_fPrimeIn", "BlockCount");
                if (_layout.OutputGateCount > 0)
                {
                    View(true, "fPrimeOut", "_fPrimeOut", "BlockCount");
                }

                View(true, "yOutput", "_yOutput", "OutputCount");
                View(true, "fPrimeK", "_fPrimeK", "OutputCount");
                W.Line();
                if (_sparse)
                {
                    EmitActiveInputNetInputs();
                }
                else if (_isFloat)
                {
                    W.Line("// The input units: x(t) is read together with y(t-1) by the gates and cells" + (outputsReadInputs ? ", and with y(t) by the outputs ('B')." : "."));
                    W.OpenBlock("for (var i = 0; i < InputCount; i++)");
                    W.Line("yPrev[i] = (float)input[i];");
                    if (outputsReadInputs)
                    {
                        W.Line("y[i] = yPrev[i];");
                    }

                    W.CloseBlock();
                }
                else
                {
                    W.Line("// The input units: x(t) is read together with y(t-1) by the gates and cells" + (outputsReadInputs ? ", and with y(t) by the outputs ('B')." : "."));
                    W.Line("input.CopyTo(yPrev);");
                    if (outputsReadInputs)
                    {
                        W.Line("input.CopyTo(y);");
                    }
                }

                // Every gate and cell net input first (they read only x(t) and y(t-1)), then one batched sigma over all
                // of them, then the activations, then every cell state, then one batched sigma over the states.
                W.Line();
                W.Line("// ---- Net inputs of every gate and cell: net_u(t) = sum_m w_u,m y^m(t-1)  (Eqs. 7-9) ----");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    EmitBlockNetInputs(j);
                }

                W.Line();
                W.Line("// f(net) = sigma(net) of every gate" + (_spec.CellInput == CellInputSquash.Identity ? string.Empty : ", and the sigma of every cell input that g is made of") +
                    " (Eq. 3), several at a time.");
                W.Line(Squash + ".Logistic(net, net);");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    EmitBlockActivations(j);
                }

                EmitStates();
                W.Line();
                W.Line("// Output units: net_k(t) = sum_m w_k,m y^m(t), y^k(t) = f_k(net_k(t)) (output equation; sources are this step's cells" +
                    (outputsReadInputs ? " and x(t)" : string.Empty) + ").");
                W.Line("// All net inputs first, then the squashes: the dot products and the exps each run back to back.");
                W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
                W.Line("var wk = w.Slice(OutputOffset + (k * OutputRowLength), OutputRowLength);");
                if (_outputsReadInputs)
                {
                    W.Line("var netK = " + DotExpression(_layout.OutputRows[0], "wk", 0, "y") + ";");
                    W.Line("// The active inputs' terms w_k,i x_i(t); the inactive inputs' are exact zeros.");
                    W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                    W.Line("netK += wk[activeInputs[n]] * activeValues[n];");
                    W.CloseBlock();
                    W.Line();
                    W.Line("yOutput[k] = netK;");
                }
                else
                {
                    W.Line("yOutput[k] = " + DotExpression(_layout.OutputRows[0], "wk", 0, "y") + ";");
                }

                W.CloseBlock();
                W.Line();
                W.Line(Squash + ".Logistic(yOutput, yOutput);");
                W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
                W.Line("yOutput[k] = " + Squash + ".LogisticFromSigma(yOutput[k], out fPrimeK[k]);");
                W.CloseBlock();
                W.CloseBlock();
                W.Line();
            }

            /// <summary>How many net inputs go through the batched sigma: every gate, and every cell input unless g is the identity.</summary>
            private int SquashedUnitCount
            {
                get
                {
                    var count = 0;
                    for (var j = 0; j < _layout.BlockCount; j++)
                    {
                        count += 1 + (_layout.OutputGateRow(j) != null ? 1 : 0) + (_spec.CellInput == CellInputSquash.Identity ? 0 : _layout.BlockSize(j));
                    }

                    return count;
                }
            }

            /// <summary>
            /// Where block j's units sit in the batch of squashed net inputs: input gate, output gate (if any), then the
            /// cells (if g is sigmoid-shaped), block after block. −1 for a unit that is not in the batch.
            /// </summary>
            private (int InputGate, int OutputGate, int FirstCell) NetSlots(int j)
            {
                var slot = 0;
                for (var b = 0; b < j; b++)
                {
                    slot += 1 + (_layout.OutputGateRow(b) != null ? 1 : 0) + (_spec.CellInput == CellInputSquash.Identity ? 0 : _layout.BlockSize(b));
                }

                var hasOutputGate = _layout.OutputGateRow(j) != null;
                var outputGate = hasOutputGate ? slot + 1 : -1;
                var firstCell = _spec.CellInput == CellInputSquash.Identity ? -1 : slot + (hasOutputGate ? 2 : 1);
                return (slot, outputGate, firstCell);
            }

            /// <summary>Block j's gate and cell net inputs (Eqs. 7, 8 and net_c of Eq. 9), into the batch.</summary>
            private void EmitBlockNetInputs(int j)
            {
                var size = _layout.BlockSize(j);
                var ig = _layout.InputGateRow(j);
                var og = _layout.OutputGateRow(j);
                var slots = NetSlots(j);
                W.Line("// Block " + I(j) + ": " + Plural(size, "cell") + (og == null ? ", input gate, no output gate" : ", input gate, output gate"));
                W.Line("net[" + I(slots.InputGate) + "] = " + NetInput(ig) + ";   // net_in  (Eq. 7)");
                if (og != null)
                {
                    W.Line("net[" + I(slots.OutputGate) + "] = " + NetInput(og) + ";   // net_out  (Eq. 8)");
                }

                for (var v = 0; v < size; v++)
                {
                    var c = _layout.CellIndex(j, v);
                    var row = _layout.CellRow(j, v);
                    if (slots.FirstCell >= 0)
                    {
                        W.Line("net[" + I(slots.FirstCell + v) + "] = " + NetInput(row) + ";   // net_c of cell " + I(v) + "  (Eq. 9)");
                    }
                    else
                    {
                        W.Line("gNetC[" + I(c) + "] = " + Squash + ".Identity(" + NetInput(row) + ", out gPrimeNetC[" + I(c) + "]);   // g(net_c) = net_c of cell " + I(v) + "  (Eq. 9)");
                    }
                }
            }

            /// <summary>
            /// The net input of a gate or cell row: Σ_m w_m y^m(t−1) over x(t), y(t−1) and the bias. Under one-hot or sparse
            /// inputs, the active inputs' part was summed into <see cref="NetLocal"/> by <see cref="EmitActiveInputNetInputs"/>
            /// and the rest (hidden units and bias) is added here.
            /// </summary>
            private string NetInput(WeightRow row)
            {
                var rest = DotExpression(row, "w", row.Offset, "yPrev");
                if (InputColumns(row) == 0)
                {
                    return rest;
                }

                return Runs(row).Count == 0 ? NetLocal(row) : NetLocal(row) + " + " + (rest.Contains(" + ") ? "(" + rest + ")" : rest);
            }

            /// <summary>The local that sums a gate or cell row's active input terms, e.g. <c>netIn0</c>, <c>netOut1</c>, <c>netC3</c>.</summary>
            private string NetLocal(WeightRow row)
            {
                switch (row.Kind)
                {
                    case UnitKind.InputGate:
                        return "netIn" + I(row.Block);
                    case UnitKind.OutputGate:
                        return "netOut" + I(row.Block);
                    default:
                        return "netC" + I(_layout.CellIndex(row.Block, row.Cell));
                }
            }

            /// <summary>
            /// Under one-hot or sparse inputs: gathers this step's non-zero inputs, then adds each one's terms w_u,i x_i(t) to
            /// every gate and cell row that reads x, in one pass (Eqs. 7-9).
            /// </summary>
            private void EmitActiveInputNetInputs()
            {
                var oneHot = _spec.InputEncoding == InputEncoding.OneHot;
                W.Line("// The input units (inputEncoding: " + EncodingName() + "): only the inputs with x_i(t) != 0 are read, through the list");
                W.Line("// GatherActiveInputs makes" + (oneHot ? " (and checks: at most one)" : string.Empty) + ". Every other input's terms below are exact zeros, so skipping them");
                W.Line("// changes no value but the summation order; with one input in a thousand active it saves nearly all the work.");
                W.Line("var activeCount = GatherActiveInputs(input);");
                W.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                W.Line(ReadOnlySpan + " activeValues = new " + ReadOnlySpan + "(_activeValues, 0, InputCount);");
                var rows = _layout.Rows.Where(r => r.Kind != UnitKind.Output && ReadsInputs(r)).ToList();
                if (rows.Count == 0)
                {
                    return;
                }

                W.Line();
                W.Line("// Net inputs of the gates and cells, the inputs' part: one pass over the active inputs adds w_u,i x_i(t) to");
                W.Line("// every row that reads x (Eqs. 7-9); the hidden units' and bias part is added below, block by block.");
                foreach (var row in rows)
                {
                    W.Line("var " + NetLocal(row) + " = " + (_isFloat ? "0f" : "0.0") + ";");
                }

                W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                W.Line("var i = activeInputs[n];");
                W.Line("var x = activeValues[n];");
                foreach (var row in rows)
                {
                    W.Line(NetLocal(row) + " += w[" + Offset(row.Offset) + "i] * x;   // " + row.UnitName);
                }

                W.CloseBlock();
            }

            /// <summary><c>"17 + "</c>, or nothing for 0: the start of an index expression <c>offset + i</c>.</summary>
            private static string Offset(int offset) => offset == 0 ? string.Empty : I(offset) + " + ";

            /// <summary>Block j's gate activations y^in, y^out (Eqs. 7, 8) and cell inputs g(net_c) (Eq. 9) from the squashed batch.</summary>
            private void EmitBlockActivations(int j)
            {
                var og = _layout.OutputGateRow(j);
                var slots = NetSlots(j);
                W.Line();
                W.Line("// ---- Block " + I(j) + ": y^in(t) = f(net_in)" + (og != null ? ", y^out(t) = f(net_out)" : string.Empty) +
                    (slots.FirstCell >= 0 ? ", g(net_c(t))" : string.Empty) + "  (Eqs. 7-9) ----");
                W.Line("var yIn" + I(j) + " = " + Squash + ".LogisticFromSigma(net[" + I(slots.InputGate) + "], out fPrimeIn[" + I(j) + "]);");
                W.Line("y[" + I(HiddenUnit(_layout.InputGateIndex(j))) + "] = yIn" + I(j) + ";");
                if (og != null)
                {
                    W.Line("var yOut" + I(j) + " = " + Squash + ".LogisticFromSigma(net[" + I(slots.OutputGate) + "], out fPrimeOut[" + I(j) + "]);");
                    W.Line("y[" + I(HiddenUnit(_layout.OutputGateIndex(j))) + "] = yOut" + I(j) + ";");
                }

                if (slots.FirstCell >= 0)
                {
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line("gNetC[" + I(c) + "] = " + Squash + "." + GName() + "FromSigma(net[" + I(slots.FirstCell + v) + "], out gPrimeNetC[" + I(c) + "]);");
                    }
                }
            }

            /// <summary>Every cell's state s_c(t) = s_c(t−1) + y^in g(net_c), then h(s_c) and y^c = y^out h(s_c) (Eq. 9).</summary>
            private void EmitStates()
            {
                var squashed = _spec.CellOutput == CellOutputSquash.H1;
                W.Line();
                W.Line("// ---- The constant error carrousels: s_c(t) = s_c(t-1) + y^in(t) g(net_c(t))  (Eq. 9) ----");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line("s[" + I(c) + "] += yIn" + I(j) + " * gNetC[" + I(c) + "];");
                    }
                }

                W.Line();
                if (squashed)
                {
                    W.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t)), h = 2 sigma - 1  (Eqs. 4, 9); sigma(s) of every cell at once ----");
                    W.Line(Squash + ".Logistic(s, hS);");
                }
                else
                {
                    W.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t)), h the identity  (Eq. 9) ----");
                }

                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var og = _layout.OutputGateRow(j);
                    if (og == null)
                    {
                        W.Line("// Block " + I(j) + " has no output gate: y^c = h(s) (y^out = 1; Exps 2a/2b).");
                    }

                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line(squashed
                            ? "hS[" + I(c) + "] = " + Squash + ".H1FromSigma(hS[" + I(c) + "], out hPrimeS[" + I(c) + "]);"
                            : "hS[" + I(c) + "] = " + Squash + ".Identity(s[" + I(c) + "], out hPrimeS[" + I(c) + "]);");
                        W.Line("y[" + I(HiddenUnit(c)) + "] = " + (og != null ? "yOut" + I(j) + " * " : string.Empty) + "hS[" + I(c) + "];");
                    }
                }
            }

            /// <summary>The <c>Squash</c> function of g for a sigmoid-shaped cell input squash (g2 or g1).</summary>
            private string GName() => _spec.CellInput == CellInputSquash.G2 ? "G2" : "Logistic";

            /// <summary>
            /// The net input of a row: Σ_m w_m y^m over its runs, the bias unit (y = 1) included. Each run is summed in the
            /// order of <c>Kernels.Dot</c> (eight interleaved partial sums, then the rest), whether it is written out term by
            /// term (at most <see cref="UnrollLimit"/> terms) or calls the kernel, so the threshold never changes a result;
            /// the runs' sums are added in row order. <paramref name="weightBase"/> is the index of the row's first weight
            /// in <paramref name="weights"/>.
            /// </summary>
            private string DotExpression(WeightRow row, string weights, int weightBase, string sources)
            {
                var runs = Runs(row);
                var terms = new List<string>();
                foreach (var run in runs)
                {
                    var first = weightBase + run.Weight;
                    if (run.Count <= UnrollLimit || run.Count == 1)
                    {
                        var text = UnrolledDot(weights, first, sources, run.Source, run.Count);
                        terms.Add(runs.Count > 1 && run.Count > 1 ? "(" + text + ")" : text);
                    }
                    else
                    {
                        terms.Add(Kernels + ".Dot(" + weights + ".Slice(" + I(first) + ", " + I(run.Count) + "), " + sources + ".Slice(" + I(run.Source) + ", " + I(run.Count) + "))");
                    }
                }

                return terms.Count == 0 ? (_isFloat ? "0f" : "0.0") : string.Join(" + ", terms);
            }

            /// <summary>
            /// Σ_i w[first + i] · y[source + i] written out in the kernel's order: eight interleaved partial sums combined as
            /// ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), then the rest one by one.
            /// </summary>
            private string UnrolledDot(string weights, int first, string sources, int source, int count)
            {
                string Term(int i) => source + i == BiasUnit
                    ? weights + "[" + I(first + i) + "]"
                    : weights + "[" + I(first + i) + "] * " + sources + "[" + I(source + i) + "]";

                var whole = count / 8 * 8;
                if (whole == 0)
                {
                    return string.Join(" + ", Enumerable.Range(0, count).Select(Term));
                }

                string Lane(int lane)
                {
                    var laneTerms = new List<string>();
                    for (var i = lane; i < whole; i += 8)
                    {
                        laneTerms.Add(Term(i));
                    }

                    return laneTerms.Count == 1 ? laneTerms[0] : "(" + string.Join(" + ", laneTerms) + ")";
                }

                string Pair(int lane) => "(" + Lane(lane) + " + " + Lane(lane + 4) + ")";

                var text = "(" + Pair(0) + " + " + Pair(1) + ") + (" + Pair(2) + " + " + Pair(3) + ")";
                for (var i = whole; i < count; i++)
                {
                    text += " + " + Term(i);
                }

                return text;
            }

            // ------------------------------------------------------------ traces

            private void EmitUpdateTraces()
            {
                W.Line("/// <summary>");
                W.Line("/// The RTRL traces of App. A.1, updated with this step's net inputs before they are used (extraction 3.8):");
                W.Line("/// dS/dw_in,m(t) = dS/dw_in,m(t-1) + g(net_c(t)) f'_in(net_in(t)) y^m(t-1)   (Eq. 25)");
                W.Line("/// dS/dw_c,m(t)  = dS/dw_c,m(t-1)  + g'(net_c(t)) y^in(t) y^m(t-1)            (Eq. 27)");
                W.Line("/// Truncation (Eqs. 12-14) leaves no other term: errors do not flow back through y(t-1).");
                W.Line("/// </summary>");
                W.OpenBlock("private void UpdateTraces()");
                View(true, "traces", "_traces", "TraceCount");
                View(false, "yPrev", "_yPrev", "SourceCount");
                View(false, "y", "_y", "SourceCount");
                View(false, "gNetC", "_gNetC", "CellCount");
                View(false, "gPrimeNetC", "_gPrimeNetC", "CellCount");
                View(false, "fPrimeIn", "_fPrimeIn", "BlockCount");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var ig = _layout.InputGateRow(j);
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        var row = _layout.CellRow(j, v);
                        W.Line();
                        W.Line("// Block " + I(j) + ", cell " + I(v));
                        W.Line("var inputGateFactor" + I(c) + " = gNetC[" + I(c) + "] * fPrimeIn[" + I(j) + "];   // g(net_c) f'_in(net_in)  (Eq. 25)");
                        EmitAddScaled("traces", _layout.InputGateTraceOffset(c), ig, "inputGateFactor" + I(c), "yPrev");
                        W.Line("var cellFactor" + I(c) + " = gPrimeNetC[" + I(c) + "] * y[" + I(HiddenUnit(_layout.InputGateIndex(j))) + "];   // g'(net_c) y^in  (Eq. 27)");
                        EmitAddScaled("traces", _layout.CellTraceOffset(c), row, "cellFactor" + I(c), "yPrev");
                    }
                }

                if (_tracesReadInputs)
                {
                    EmitActiveInputTraces();
                }

                W.CloseBlock();
                W.Line();
            }

            /// <summary>
            /// Under one-hot or sparse inputs: the traces of the input weights, one pass over the active inputs, and the
            /// touched set (the inputs whose traces can be non-zero, for <see cref="EmitLearn"/>).
            /// </summary>
            private void EmitActiveInputTraces()
            {
                W.Line();
                W.Line("// The input weights' traces: one pass over the active inputs. An inactive input's term y^i(t-1) is x_i(t) = 0,");
                if (_useTouchedSet)
                {
                    W.Line("// so its traces stay as they are (Eqs. 25, 27). An active input joins the touched set: only the inputs in it can");
                    W.Line("// have non-zero traces, so only theirs are read when weights change (Eqs. 26, 28).");
                }
                else
                {
                    W.Line("// so its traces stay as they are (Eqs. 25, 27).");
                }

                W.Line("var activeCount = _activeCount;");
                W.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                W.Line(ReadOnlySpan + " activeValues = new " + ReadOnlySpan + "(_activeValues, 0, InputCount);");
                if (_useTouchedSet)
                {
                    W.Line("global::System.Span<bool> inputTouched = new global::System.Span<bool>(_inputTouched, 0, InputCount);");
                    W.Line("global::System.Span<int> touchedInputs = new global::System.Span<int>(_touchedInputs, 0, InputCount);");
                    W.Line("var touchedCount = _touchedCount;");
                }

                W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                W.Line("var i = activeInputs[n];");
                W.Line("var x = activeValues[n];");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var ig = _layout.InputGateRow(j);
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        if (InputColumns(ig) > 0)
                        {
                            W.Line("traces[" + Offset(_layout.InputGateTraceOffset(c)) + "i] += inputGateFactor" + I(c) + " * x;   // block " + I(j) + ", cell " + I(v) + ", input gate weight from x_i (Eq. 25)");
                        }

                        if (InputColumns(_layout.CellRow(j, v)) > 0)
                        {
                            W.Line("traces[" + Offset(_layout.CellTraceOffset(c)) + "i] += cellFactor" + I(c) + " * x;   // block " + I(j) + ", cell " + I(v) + ", cell input weight from x_i (Eq. 27)");
                        }
                    }
                }

                if (_useTouchedSet)
                {
                    W.OpenBlock("if (!inputTouched[i])");
                    W.Line("inputTouched[i] = true;");
                    W.Line("touchedInputs[touchedCount++] = i;");
                    W.CloseBlock();
                }

                W.CloseBlock();
                if (_useTouchedSet)
                {
                    W.Line();
                    W.Line("_touchedCount = touchedCount;");
                }
            }

            /// <summary>
            /// target[start + m] += factor · y^m for every weight m of <paramref name="row"/>, run by run (the bias unit's
            /// y is 1). Elementwise, so unrolled and kernel code give the same bits.
            /// </summary>
            private void EmitAddScaled(string target, int start, WeightRow row, string factor, string sources)
            {
                foreach (var run in Runs(row))
                {
                    var first = start + run.Weight;
                    if (run.Count <= ScaledAddUnrollLimit || run.Count == 1)
                    {
                        for (var i = 0; i < run.Count; i++)
                        {
                            W.Line(target + "[" + I(first + i) + "] += " + factor + (run.Source + i == BiasUnit ? string.Empty : " * " + sources + "[" + I(run.Source + i) + "]") + ";");
                        }
                    }
                    else
                    {
                        W.Line(Kernels + ".AddScaled(" + target + ".Slice(" + I(first) + ", " + I(run.Count) + "), " + factor + ", " + sources + ".Slice(" + I(run.Source) + ", " + I(run.Count) + "));");
                    }
                }
            }

            // ------------------------------------------------------------ learning

            private void EmitLearn()
            {
                var outputRow = _layout.OutputRows[0];
                var cellSegment = outputRow.Segments.First(s => s.Region == SourceRegion.Hidden);
                var cellColumn = cellSegment.WeightOffset - outputRow.Offset;

                W.Line("/// <summary>");
                W.Line("/// The error signals and weight changes of a step with a target (App. A.1, Eqs. 19-28). All errors are");
                W.Line("/// computed from the weights as they are, then the changes are added: to the weights at once (per step)");
                W.Line("/// or to the sequence's sum (per sequence).");
                W.Line("/// </summary>");
                W.OpenBlock("private void Learn(global::System.ReadOnlySpan<double> target)");
                View(false, "w", "_w", "WeightCount");
                W.Line(Span + " dw = new " + Span + "(Update == " + RuntimeNamespace + ".UpdateTiming.PerStep ? _w : _delta, 0, WeightCount);");
                View(false, "traces", "_traces", "TraceCount");
                View(false, "yPrev", "_yPrev", "SourceCount");
                View(false, "y", "_y", "SourceCount");
                View(false, "hS", "_hS", "CellCount");
                View(false, "hPrimeS", "_hPrimeS", "CellCount");
                if (_layout.OutputGateCount > 0)
                {
                    View(false, "fPrimeOut", "_fPrimeOut", "BlockCount");
                }

                View(false, "yOutput", "_yOutput", "OutputCount");
                View(false, "fPrimeK", "_fPrimeK", "OutputCount");
                View(true, "eK", "_eK", "OutputCount");
                View(true, "cellError", "_cellError", "CellCount");
                View(true, "eS", "_eS", "CellCount");
                if (_layout.OutputGateCount > 0)
                {
                    View(true, "eOut", "_eOut", "BlockCount");
                }

                W.Line("var alpha = " + (_isFloat ? "(float)" : string.Empty) + "LearningRate;");
                var outputGatesReadInputs = _sparse && Enumerable.Range(0, _layout.BlockCount).Any(j => _layout.OutputGateRow(j) is WeightRow og && ReadsInputs(og));
                if (_outputsReadInputs || outputGatesReadInputs)
                {
                    W.Line("var activeCount = _activeCount;");
                    W.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                    W.Line(ReadOnlySpan + " activeValues = new " + ReadOnlySpan + "(_activeValues, 0, InputCount);");
                }

                if (_useTouchedSet)
                {
                    W.Line("var touchedCount = _touchedCount;");
                    W.Line("global::System.ReadOnlySpan<int> touchedInputs = new global::System.ReadOnlySpan<int>(_touchedInputs, 0, InputCount);");
                }

                W.Line();
                W.Line("// Output units: e_k = f'_k(net_k) (t_k - y^k)  (Eq. 19; no factor 2, it is absorbed into alpha).");
                W.Line("// Their error reaching each cell output: sum_k w_k,c e_k.");
                W.Line("cellError.Clear();");
                W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
                W.Line("var e = fPrimeK[k] * (" + (_isFloat ? "(float)" : string.Empty) + "target[k] - yOutput[k]);");
                W.Line("eK[k] = e;");
                W.Line("var wk = w.Slice(OutputOffset + (k * OutputRowLength)" + (cellColumn == 0 ? string.Empty : " + " + I(cellColumn)) + ", CellCount);");
                if (_layout.CellCount <= ScaledAddUnrollLimit)
                {
                    for (var c = 0; c < _layout.CellCount; c++)
                    {
                        W.Line("cellError[" + I(c) + "] += wk[" + I(c) + "] * e;");
                    }
                }
                else
                {
                    W.Line(Kernels + ".AddScaled(cellError, e, wk);");
                }

                W.CloseBlock();

                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var size = _layout.BlockSize(j);
                    var og = _layout.OutputGateRow(j);
                    W.Line();
                    W.Line("// Block " + I(j) + ": internal state errors e_s = y^out h'(s) sum_k w_k,c e_k  (Eq. 23)" +
                        (og != null ? "; output gate error e_out = f'_out(net_out) sum_v h(s_v) sum_k w_k,c_v e_k  (Eq. 21)" : string.Empty));
                    var outGateTerms = new List<string>();
                    for (var v = 0; v < size; v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        var yOut = og != null ? "y[" + I(HiddenUnit(_layout.OutputGateIndex(j))) + "] * " : string.Empty;
                        W.Line("eS[" + I(c) + "] = " + yOut + "hPrimeS[" + I(c) + "] * cellError[" + I(c) + "];");
                        outGateTerms.Add("(hS[" + I(c) + "] * cellError[" + I(c) + "])");
                    }

                    if (og != null)
                    {
                        W.Line("eOut[" + I(j) + "] = fPrimeOut[" + I(j) + "] * (" + string.Join(" + ", outGateTerms) + ");");
                    }
                }

                W.Line();
                W.Line("// Output unit weights: dw_k,m = alpha e_k y^m(t)  (Eq. 22; sources are this step's cells" +
                    ((_spec.Connectivity.Outputs & SourceSet.Input) != 0 ? " and x(t)" : string.Empty) + ").");
                W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
                W.Line("var factor = alpha * eK[k];");
                W.Line("var dwk = dw.Slice(OutputOffset + (k * OutputRowLength), OutputRowLength);");
                EmitAddScaled("dwk", 0, outputRow, "factor", "y");
                if (_outputsReadInputs)
                {
                    W.Line("// From the inputs: only the active ones (an inactive input's x_i(t) = 0 changes nothing).");
                    W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                    W.Line("dwk[activeInputs[n]] += factor * activeValues[n];");
                    W.CloseBlock();
                }

                W.CloseBlock();

                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var size = _layout.BlockSize(j);
                    var ig = _layout.InputGateRow(j);
                    var og = _layout.OutputGateRow(j);
                    W.Line();
                    W.Line("// ---- Block " + I(j) + " ----");
                    if (og != null)
                    {
                        W.Line("// Output gate: dw_out,m = alpha e_out y^m(t-1)  (Eq. 22)");
                        W.Line("var outputGateFactor" + I(j) + " = alpha * eOut[" + I(j) + "];");
                        EmitAddScaled("dw", og.Offset, og, "outputGateFactor" + I(j), "yPrev");
                    }

                    W.Line("// Input gate: dw_in,m = alpha sum_v e_s_v dS_v/dw_in,m  (Eq. 26; the cells' terms are summed first, then added once)");
                    var factors = new List<string>();
                    var traceOffsets = new List<int>();
                    for (var v = 0; v < size; v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line("var inputGateFactor" + I(c) + " = alpha * eS[" + I(c) + "];");
                        factors.Add("inputGateFactor" + I(c));
                        traceOffsets.Add(_layout.InputGateTraceOffset(c));
                    }

                    EmitInputGateUpdate(ig, factors, traceOffsets);
                    for (var v = 0; v < size; v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        var row = _layout.CellRow(j, v);
                        W.Line("// Cell " + I(v) + ": dw_c,m = alpha e_s dS/dw_c,m  (Eq. 28)");
                        W.Line("var cellFactor" + I(c) + " = alpha * eS[" + I(c) + "];");
                        EmitTraceUpdate(row, _layout.CellTraceOffset(c), "cellFactor" + I(c));
                    }
                }

                if (outputGatesReadInputs)
                {
                    EmitActiveInputOutputGateChanges();
                }

                if (_useTouchedSet)
                {
                    EmitTouchedInputChanges();
                }

                W.CloseBlock();
                W.Line();
            }

            /// <summary>Under one-hot or sparse inputs: the output gates' weights from the inputs (Eq. 22), active inputs only.</summary>
            private void EmitActiveInputOutputGateChanges()
            {
                W.Line();
                W.Line("// ---- Output gates, weights from the inputs: dw_out,i = alpha e_out x_i(t)  (Eq. 22) ----");
                W.Line("// Only the active inputs: an inactive input's x_i(t) = 0 changes nothing.");
                W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                W.Line("var i = activeInputs[n];");
                W.Line("var x = activeValues[n];");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var og = _layout.OutputGateRow(j);
                    if (og != null && InputColumns(og) > 0)
                    {
                        W.Line("dw[" + Offset(og.Offset) + "i] += outputGateFactor" + I(j) + " * x;   // block " + I(j));
                    }
                }

                W.CloseBlock();
            }

            /// <summary>
            /// Under one-hot or sparse inputs: the input gate and cell input weights from the inputs (Eqs. 26, 28), for the
            /// touched inputs only: every other input's traces are still zero since the last Reset.
            /// </summary>
            private void EmitTouchedInputChanges()
            {
                W.Line();
                W.Line("// ---- Input gates and cells, weights from the inputs (Eqs. 26, 28) ----");
                W.Line("// Only the touched inputs, those non-zero at some step since Reset: every other input's traces are zero.");
                W.OpenBlock("for (var n = 0; n < touchedCount; n++)");
                W.Line("var i = touchedInputs[n];");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var ig = _layout.InputGateRow(j);
                    if (InputColumns(ig) > 0)
                    {
                        var terms = new List<string>();
                        for (var v = 0; v < _layout.BlockSize(j); v++)
                        {
                            var c = _layout.CellIndex(j, v);
                            terms.Add("inputGateFactor" + I(c) + " * traces[" + Offset(_layout.InputGateTraceOffset(c)) + "i]");
                        }

                        W.Line("dw[" + Offset(ig.Offset) + "i] += " + string.Join(" + ", terms) + ";   // block " + I(j) + ", input gate (Eq. 26)");
                    }

                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var row = _layout.CellRow(j, v);
                        if (InputColumns(row) > 0)
                        {
                            var c = _layout.CellIndex(j, v);
                            W.Line("dw[" + Offset(row.Offset) + "i] += cellFactor" + I(c) + " * traces[" + Offset(_layout.CellTraceOffset(c)) + "i];   // block " + I(j) + ", cell " + I(v) + " (Eq. 28)");
                        }
                    }
                }

                W.CloseBlock();
            }

            /// <summary>
            /// dw[row + m] += factor · traces[traceOffset + m] over a whole row (Eq. 28), or, under one-hot or sparse inputs,
            /// over the row's weights from hidden units and bias (the touched inputs' are added by <see cref="EmitLearn"/>).
            /// </summary>
            private void EmitTraceUpdate(WeightRow row, int traceOffset, string factor)
            {
                var first = TracedInputColumns(row);
                var count = row.Length - first;
                if (count == 0)
                {
                    return;
                }

                if (count <= ScaledAddUnrollLimit)
                {
                    for (var m = first; m < row.Length; m++)
                    {
                        W.Line("dw[" + I(row.Offset + m) + "] += " + factor + " * traces[" + I(traceOffset + m) + "];");
                    }
                }
                else
                {
                    W.Line(Kernels + ".AddScaled(dw.Slice(" + I(row.Offset + first) + ", " + I(count) + "), " + factor + ", traces.Slice(" + I(traceOffset + first) + ", " + I(count) + "));");
                }
            }

            /// <summary>
            /// dw[in + m] += (f_0 · traces_0[m] + f_1 · traces_1[m] + ...) over the input gate row (Eq. 26): one sum per
            /// weight, added once, so that a single step's change reaches the weight the same way per step and per sequence.
            /// </summary>
            private void EmitInputGateUpdate(WeightRow row, List<string> factors, List<int> traceOffsets)
            {
                string Sum(string index) => string.Join(" + ", factors.Select((f, v) => f + " * traces[" + I(traceOffsets[v]) + " + " + index + "]"));

                // Under one-hot or sparse inputs, the weights from the inputs are left to the touched inputs' pass (EmitLearn).
                var first = TracedInputColumns(row);
                var count = row.Length - first;
                if (count == 0)
                {
                    return;
                }

                if (count <= ScaledAddUnrollLimit)
                {
                    for (var m = first; m < row.Length; m++)
                    {
                        W.Line("dw[" + I(row.Offset + m) + "] += " + string.Join(" + ", factors.Select((f, v) => f + " * traces[" + I(traceOffsets[v] + m) + "]")) + ";");
                    }
                }
                else if (factors.Count <= 2)
                {
                    var arguments = string.Join(", ", factors.Select((f, v) => f + ", traces.Slice(" + I(traceOffsets[v] + first) + ", " + I(count) + ")"));
                    W.Line(Kernels + ".AddScaled(dw.Slice(" + I(row.Offset + first) + ", " + I(count) + "), " + arguments + ");");
                }
                else
                {
                    W.OpenBlock("for (var m = " + I(first) + "; m < " + I(row.Length) + "; m++)");
                    W.Line("dw[" + I(row.Offset) + " + m] += " + Sum("m") + ";");
                    W.CloseBlock();
                }
            }

            private void EmitEndSequence()
            {
                W.Line("/// <inheritdoc/>");
                W.OpenBlock("public void EndSequence()");
                W.Line("if (Update == " + RuntimeNamespace + ".UpdateTiming.PerSequence)");
                W.Line("{");
                W.Line("    // \"Each weight's total update is the sum of the contributions of all time steps\" (App. A.1).");
                W.Line("    " + Kernels + ".AddScaled(_w, " + One + ", _delta);");
                W.Line("    global::System.Array.Clear(_delta);");
                W.Line("}");
                W.CloseBlock();
                W.Line();
            }

            private void EmitHelpers()
            {
                W.Line("private " + Span + " WeightRow(global::System.ReadOnlySpan<int> rows, int index)");
                W.Line("{");
                W.Line("    var offset = rows[2 * index];");
                W.Line("    return offset < 0 ? throw new global::System.ArgumentOutOfRangeException(nameof(index), \"This block has no output gate.\") : new " + Span + "(_w, offset, rows[(2 * index) + 1]);");
                W.Line("}");
                W.Line();
                W.Line("private static void CheckShapes(global::System.ReadOnlySpan<double> input, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
                W.Line("{");
                W.Line("    if (input.Length != InputCount)");
                W.Line("    {");
                W.Line("        throw new global::System.ArgumentException(\"Expected \" + InputCount + \" inputs, got \" + input.Length + \".\", nameof(input));");
                W.Line("    }");
                W.Line();
                W.Line("    if (!target.IsEmpty && target.Length != OutputCount)");
                W.Line("    {");
                W.Line("        throw new global::System.ArgumentException(\"Expected \" + OutputCount + \" targets or none, got \" + target.Length + \".\", nameof(target));");
                W.Line("    }");
                W.Line();
                W.Line("    if (!output.IsEmpty && output.Length != OutputCount)");
                W.Line("    {");
                W.Line("        throw new global::System.ArgumentException(\"Expected room for \" + OutputCount + \" outputs or none, got \" + output.Length + \".\", nameof(output));");
                W.Line("    }");
                W.Line("}");
                W.Line();
                W.Line("private static " + _t + "[] NewSourceVector()");
                W.Line("{");
                W.Line("    var sources = new " + _t + "[SourceCount];");
                W.Line("    sources[SourceCount - 1] = " + One + "; // the bias unit");
                W.Line("    return sources;");
                W.Line("}");
                W.Line();

                W.Line("private void CopyOutputs(global::System.Span<double> output)");
                W.Line("{");
                W.Line("    for (var k = 0; k < output.Length; k++)");
                W.Line("    {");
                W.Line("        output[k] = _yOutput[k];");
                W.Line("    }");
                W.Line("}");
                W.Line();
                W.Line("/// <summary>y(t) becomes y(t-1) of the next step.</summary>");
                W.Line("private void Advance() => (_yPrev, _y) = (_y, _yPrev);");
                if (_sparse)
                {
                    EmitGatherActiveInputs();
                }
            }

            /// <summary>The scan of x(t) for its non-zero inputs (one-hot or sparse), and the one-hot check.</summary>
            private void EmitGatherActiveInputs()
            {
                var oneHot = _spec.InputEncoding == InputEncoding.OneHot;
                var vector = "global::System.Numerics.Vector";
                W.Line();
                W.Line("/// <summary>");
                W.Line("/// Collects the inputs with x_i(t) != 0 and their values, in index order, and returns how many there are. 0.0 and");
                W.Line("/// -0.0 are inactive; any other value (not only 1) is active and used as it is." +
                    (oneHot ? " The spec declares one-hot inputs:" : string.Empty));
                if (oneHot)
                {
                    W.Line("/// more than one active input is an error, reported before the step changes anything.");
                }

                W.Line("/// </summary>");
                W.OpenBlock("private int GatherActiveInputs(global::System.ReadOnlySpan<double> input)");
                W.Line("global::System.Span<int> activeInputs = new global::System.Span<int>(_activeInputs, 0, InputCount);");
                W.Line(Span + " activeValues = new " + Span + "(_activeValues, 0, InputCount);");
                W.Line("var count = 0;");
                W.Line("var i = 0;");
                var store = new[]
                {
                    "// Written at every input, kept (count advanced) only at a non-zero one: no branch to mispredict.",
                    "activeInputs[count] = {0};",
                    "activeValues[count] = " + (_isFloat ? "(float)" : string.Empty) + "input[{0}];",
                    "count += input[{0}] != 0.0 ? 1 : 0;",
                };
                if (_layout.InputCount >= VectorScanMinimum)
                {
                    W.OpenBlock("if (" + vector + ".IsHardwareAccelerated)");
                    W.Line("// Four vectors of inputs at a time, skipped when all are zero: most of a one-hot or sparse x(t) is zeros.");
                    W.Line("// Read as bits: +0.0 and -0.0 are the only doubles whose bits are 0 once the sign bit is masked off.");
                    W.Line("var bits = global::System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(input);");
                    W.Line("var magnitude = new " + vector + "<ulong>(0x7FFFFFFFFFFFFFFFUL);");
                    W.Line("var width = " + vector + "<ulong>.Count;");
                    W.Line("var block = 4 * width;");
                    W.OpenBlock("for (; i <= InputCount - block; i += block)");
                    W.Line("var chunk = bits.Slice(i, block);");
                    W.Line("var any = (new " + vector + "<ulong>(chunk) | new " + vector + "<ulong>(chunk.Slice(width)) | new " + vector + "<ulong>(chunk.Slice(2 * width)) | new " + vector + "<ulong>(chunk.Slice(3 * width))) & magnitude;");
                    W.OpenBlock("if (any != " + vector + "<ulong>.Zero)");
                    W.OpenBlock("for (var j = i; j < i + block; j++)");
                    foreach (var line in store)
                    {
                        W.Line(string.Format(CultureInfo.InvariantCulture, line, "j"));
                    }

                    W.CloseBlock();
                    W.CloseBlock();
                    W.CloseBlock();
                    W.CloseBlock();
                    W.Line();
                }

                W.OpenBlock("for (; i < InputCount; i++)");
                foreach (var line in store)
                {
                    W.Line(string.Format(CultureInfo.InvariantCulture, line, "i"));
                }

                W.CloseBlock();
                W.Line();
                if (oneHot)
                {
                    W.OpenBlock("if (count > 1)");
                    W.Line("ThrowNotOneHot(input, count);");
                    W.CloseBlock();
                    W.Line();
                }

                W.Line("_activeCount = count;");
                W.Line("return count;");
                W.CloseBlock();
                if (!oneHot)
                {
                    return;
                }

                W.Line();
                W.Line("/// <summary>The spec promises one-hot inputs (at most one non-zero x_i(t) per step) and x(t) breaks the promise.</summary>");
                W.OpenBlock("private static void ThrowNotOneHot(global::System.ReadOnlySpan<double> input, int count)");
                W.Line("var indices = new global::System.Text.StringBuilder();");
                W.Line("var listed = 0;");
                W.OpenBlock("for (var i = 0; i < InputCount && listed < 10; i++)");
                W.OpenBlock("if (input[i] != 0.0)");
                W.Line("indices.Append(listed++ == 0 ? string.Empty : \", \").Append(i.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
                W.CloseBlock();
                W.CloseBlock();
                W.Line();
                W.Line("throw new global::System.ArgumentException(");
                W.Line("    \"The spec \" + SpecFile + \" declares 'inputEncoding: one-hot' (at most one non-zero input per step), but this x(t) has \" +");
                W.Line("    count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" non-zero inputs, at indices \" + indices + (count > 10 ? \", ...\" : string.Empty) +");
                W.Line("    \". Declare 'inputEncoding: sparse' (or 'dense') for inputs that are not one-hot.\",");
                W.Line("    nameof(input));");
                W.CloseBlock();
            }

            private static string I(int value) => Literals.Int(value);

            private static string Range(int start, int count) => "[" + I(start) + ".." + I(start + count) + ")";

            private static string Plural(int count, string noun) => I(count) + " " + noun + (count == 1 ? string.Empty : "s");
        }
    }
}
