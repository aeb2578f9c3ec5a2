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
    /// This is the only emitter: the source generator and the CLI's <c>emit</c> command both call it. One file per part
    /// of the generated class: this one (entry point, context, header and documentation), <c>.Members</c>,
    /// <c>.Forward</c>, <c>.Traces</c>, <c>.Learning</c>, <c>.Helpers</c>.
    /// </summary>
    public static partial class NetworkEmitter
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
        /// Up to this many output units, the output σ reads the net inputs one by one into registers and each cell's
        /// Σ_k w_k,c e_k is summed in registers; above it, loops (a vector load of separate scalar stores waits for them to
        /// retire, but the methods stay short). Same operations in the same order either way, so the same bits.
        /// </summary>
        public const int UnrolledOutputLimit = 16;

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

        private sealed partial class EmitContext
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

            // The gate and cell rows summed four at a time (Kernels.Dot4), found on first use.
            private HashSet<FanIn>? _quadRows;

            public EmitContext(NetworkSpec spec, NetworkLayout layout, string version)
            {
                _spec = spec;
                _layout = layout;
                _version = version;
                _isFloat = spec.Precision == Precision.Float;
                _t = _isFloat ? "float" : "double";
                _sparse = spec.SkipsInactiveInputs;
                _hiddenRowsReadInputs = _sparse && layout.FanIns.Any(r => r.Kind != UnitKind.Output && ReadsInputs(r));
                _tracesReadInputs = _sparse && layout.FanIns.Any(r => (r.Kind == UnitKind.InputGate || r.Kind == UnitKind.CellInput) && ReadsInputs(r));
                _useTouchedSet = _tracesReadInputs && layout.InputCount >= TouchedSetMinimum;
                _outputsReadInputs = _sparse && ReadsInputs(layout.OutputFanIns[0]);
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
                W.OpenBlock("public sealed partial class " + _spec.TypeName + " : " + RuntimeNamespace + ".ILstmNetwork<" + _t + ">" +
                    (_spec.InputEncoding == InputEncoding.OneHot ? ", " + RuntimeNamespace + ".IOneHotNetwork" : string.Empty));
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
                foreach (var row in _layout.FanIns)
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

            private string SourcesText(FanIn row)
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

            private static string I(int value) => Literals.Int(value);

            private static string Range(int start, int count) => "[" + I(start) + ".." + I(start + count) + ")";

            private static string Plural(int count, string noun) => I(count) + " " + noun + (count == 1 ? string.Empty : "s");
        }
    }
}
