using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// Prints a <see cref="NetworkPlan"/> as a lane class: K independent networks of the spec in the K lanes of one
    /// vector width, advanced together by one step per call (<c>ILaneNetwork</c>), each lane bit for bit the scalar class
    /// (<see cref="ScalarClassPrinter"/>, the other printer of the same plan). This file: the outline and the members;
    /// <c>.Step</c>: the forward pass, traces and learning rule; every operation through <see cref="LaneStatementPrinter"/>.
    /// </summary>
    internal sealed partial class LaneClassPrinter
    {
        /// <summary>The vector widths a lane class is printed for, in bits.</summary>
        public static readonly int[] Widths = { 512, 256, 128 };

        /// <summary>
        /// Networks with more weights get no lane class (the registry leaves CreateLanes null): K copies of every array
        /// would not fit in cache, lanes gain nothing there (docs/performance.md, "Lane networks"), and printing three
        /// more classes of such a network would triple the generator's time on it.
        /// </summary>
        public const int MaxWeights = 100_000;

        /// <summary>Whether a network of <paramref name="weightCount"/> weights gets lane classes.</summary>
        public static bool PrintsFor(int weightCount) => weightCount <= MaxWeights;

        private readonly NetworkPlan _plan;
        private readonly string _version;
        private readonly int _width;
        private readonly string _t;
        private readonly LaneStatementPrinter _step;

        public LaneClassPrinter(NetworkPlan plan, string version, int width)
        {
            _plan = plan;
            _version = version;
            _width = width;
            _t = plan.IsFloat ? "float" : "double";
            _step = new LaneStatementPrinter(plan, Writer);
        }

        /// <summary>The lane class's name for a width, e.g. <c>Exp4AddingLanes512</c>.</summary>
        public static string ClassName(NetworkSpec spec, int width) => spec.TypeName + "Lanes" + Literals.Int(width);

        /// <summary>The generated file's hint name, e.g. <c>Exp4Adding.Lanes512.g.cs</c>.</summary>
        public static string HintName(NetworkSpec spec, int width) => spec.TypeName + ".Lanes" + Literals.Int(width) + ".g.cs";

        private SourceWriter Writer { get; } = new SourceWriter();

        private NetworkSpec Spec => _plan.Spec;

        private NetworkShape Shape => _plan.Shape;

        private bool IsFloat => _plan.IsFloat;

        /// <summary>K, the number of lanes.</summary>
        private int K => _width / (IsFloat ? 32 : 64);

        private string Name => ClassName(Spec, _width);

        private string ScalarClass => "global::" + Spec.FullTypeName;

        private bool ReadsActiveInputs => _plan.ActiveInputs != null;

        private bool KeepsTouchedSet => _plan.ActiveInputs?.KeepsTouchedSet == true;

        private bool OneHot => Spec.InputEncoding == InputEncoding.OneHot;

        /// <summary>The rows by input, where this class keeps them (<see cref="LaneInputRows"/>), or null.</summary>
        private LaneInputRows? Rows => _step.Rows;

        /// <summary>Lane <c>lane</c>'s weight <c>i</c> as a reference (in its rows for the weights from the inputs, where the class keeps rows).</summary>
        private string WeightOf(string index) => Rows != null ? "WeightAt(" + index + ", lane)" : "At(_w, " + index + ", lane)";

        private static string Runtime => NetworkEmitter.RuntimeNamespace;

        private string One => Literals.Real(1.0, IsFloat);

        private string VectorType => "global::System.Runtime.Intrinsics.Vector" + Literals.Int(_width);

        private string Span => "global::System.Span<LaneVector>";

        private string ReadOnlySpan => "global::System.ReadOnlySpan<LaneVector>";

        /// <summary>The arrays of the plan's state that this class keeps in its own per-lane form (the active inputs and touched sets).</summary>
        private static readonly string[] PerLaneArrays = { "activeInputs", "activeValues", "activeCount", "inputTouched", "touchedInputs", "touchedCount" };

        public string Print()
        {
            WriteHeader();
            Writer.Line("#nullable enable");
            Writer.Line();
            var hasNamespace = Spec.Namespace.Length > 0;
            if (hasNamespace)
            {
                Writer.OpenBlock("namespace " + Spec.Namespace);
            }

            Writer.Line("using LaneVector = " + VectorType + "<" + _t + ">;");
            Writer.Line("using LaneVectorOps = " + VectorType + ";");
            Writer.Line();
            Writer.Line("/// <summary>");
            Writer.Line("/// " + Literals.Int(K) + " independent " + Literals.Xml(Spec.TypeName) + " networks stepped together, one per lane of a " + Literals.Int(_width) +
                "-bit vector: each lane bit for bit the scalar class <see cref=\"" + ScalarClass + "\"/>.");
            Writer.Line("/// </summary>");
            Writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"LstmGen\", \"" + _version + "\")]");
            Writer.OpenBlock("public sealed partial class " + Name + " : " + Runtime + ".ILaneNetwork");
            WriteConstants();
            WriteFields();
            WriteProperties();
            WritePerLaneMembers();
            WriteStep();
            WriteForward();
            WriteUpdateTraces();
            WriteLearn();
            WriteHelpers();
            Writer.CloseBlock();
            if (hasNamespace)
            {
                Writer.CloseBlock();
            }

            return Writer.ToString();
        }

        private void WriteHeader()
        {
            Writer.Line("// <auto-generated/>");
            Writer.Line("// Generated by LstmGen " + _version + " from " + Literals.Comment(Spec.SpecFileName) + ". Do not edit: change the spec and rebuild.");
            Writer.Line("//");
            Writer.Line("// The lane class of " + Spec.TypeName + " at " + Literals.Int(_width) + " bits: K = " + Literals.Int(K) + " independent networks of the spec (trials),");
            Writer.Line("// one in each lane of a LaneVector. Every weight, trace, state and activation of the scalar class is here one");
            Writer.Line("// LaneVector: element u of an array holds value u of all K networks, lane k that of network k (structure of arrays).");
            Writer.Line("// One instruction thus serves all K networks, and every step below is the scalar class's step, written with the");
            Writer.Line("// same operations in the same order (IEEE operators lane by lane, no fused multiply-add, the same sum groupings,");
            Writer.Line("// the lane forms of sigma that are lane for lane the scalar one): lane k computes exactly the scalar network's bits.");
            Writer.Line("// A step has lane masks (ILaneNetwork, LaneStep): state changes only through a select on the mask of its phase,");
            Writer.Line("// so a lane that sits a phase out keeps its bits. Equation numbers are the paper's (Hochreiter & Schmidhuber 1997).");
        }

        private void WriteConstants()
        {
            Writer.Line("/// <summary>K: the number of lanes (independent networks).</summary>");
            Writer.Line("public const int LaneCount = " + Literals.Int(K) + ";");
            Writer.Line();
            Writer.Line("// Every lane's bit: a step of all lanes.");
            Writer.Line("private const ulong AllLanes = " + (K == 64 ? "ulong.MaxValue" : "(1UL << LaneCount) - 1") + ";");
            Writer.Line();
            foreach (var constant in new[] { "InputCount", "OutputCount", "BlockCount", "CellCount", "HiddenCount", "SourceCount", "WeightCount", "TraceCount", "OutputOffset", "OutputRowLength" })
            {
                Writer.Line("private const int " + constant + " = " + ScalarClass + "." + constant + ";");
            }

            Writer.Line();
        }

        private void WriteFields()
        {
            foreach (var group in _plan.State)
            {
                var arrays = group.Arrays.Where(a => !PerLaneArrays.Contains(a.Name)).ToList();
                if (arrays.Count == 0)
                {
                    continue;
                }

                foreach (var line in group.Heading)
                {
                    Writer.Line("// " + line);
                }

                foreach (var array in arrays)
                {
                    var length = array.Length.Constant.Length > 0 ? array.Length.Constant : Literals.Int(array.Length.Value);
                    Writer.Line(array.Start == StateStart.SourceVector
                        ? "private readonly LaneVector[] _" + array.Name + " = NewSourceVector();" + (group.ListsHoldings ? "   // " + array.Holds : string.Empty)
                        : "private readonly LaneVector[] _" + array.Name + " = new LaneVector[" + length + "];" + (group.ListsHoldings ? "   // " + array.Holds : string.Empty));
                }

                Writer.Line();
            }

            Writer.Line("// The lanes Reset, and those whose sequence ended under per-sequence updates, since the last step (ApplyPending).");
            if (_plan.Reset.Any(a => a.Kind == ResetKind.AllToValue))
            {
                // The fields start at zero; a network that resets to another value starts as Reset leaves it: every lane reset.
                Writer.Line("// A new network starts as Reset leaves every lane (resetActivation), at its first step.");
                Writer.Line("private ulong _pendingReset = 0x" + (K == 64 ? ulong.MaxValue : (1UL << K) - 1).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + ";");
            }
            else
            {
                Writer.Line("private ulong _pendingReset;");
            }
            Writer.Line("private ulong _pendingEnd;");
            Writer.Line();
            Writer.Line("// t(t) of the target lanes of the step, in the network's precision.");
            Writer.Line("private readonly LaneVector[] _target = new LaneVector[OutputCount];");
            Writer.Line();
            Writer.Line("// Each lane's learning rate alpha (Eqs. 22, 26, 28): as set, and in the network's precision.");
            Writer.Line("private readonly double[] _learningRate = NewLearningRates();");
            Writer.Line("private readonly LaneVector[] _alpha = { LaneVectorOps.Create((" + _t + ")" + ScalarClass + ".DefaultLearningRate) };");
            Writer.Line();
            if (ReadsActiveInputs)
            {
                Writer.Line("// The active inputs of the step, lane by lane: lane l's n-th active input is _activeIndex[n * K + l] with value");
                Writer.Line("// lane l of _activeValue[n]; _slotLanes[n] has the lanes with at least n + 1 active inputs; activeSlots is the longest list.");
                Writer.Line("private readonly int[] _activeIndex = new int[InputCount * LaneCount];");
                Writer.Line(Rows != null
                    ? "// Where lane l's row of its input in slot n starts in _inputRows: _laneIndex[n * K + l] = RowOf(l, _activeIndex[n * K + l])."
                    : "// Where lane l's input in slot n is among the doubles of an array's row: _laneIndex[n * K + l] = _activeIndex[n * K + l] * K + l.");
                Writer.Line("private readonly int[] _laneIndex = new int[InputCount * LaneCount];");
                Writer.Line("private readonly LaneVector[] _activeValue = new LaneVector[InputCount];");
                Writer.Line("private readonly ulong[] _slotLanes = new ulong[InputCount];");
                Writer.Line("private int _activeSlots;");
                Writer.Line();
            }

            if (KeepsTouchedSet)
            {
                Writer.Line("// Each lane's touched set (the inputs non-zero at some step since its Reset): bit l of _touchedLanes[i] says whether");
                Writer.Line("// lane l has touched input i; lane l's list at l * InputCount.");
                Writer.Line("private readonly ulong[] _touchedLanes = new ulong[InputCount];");
                Writer.Line("private readonly int[] _touchedInputs = new int[LaneCount * InputCount];");
                Writer.Line("private readonly int[] _touchedCount = new int[LaneCount];");
                Writer.Line();
            }

            Rows?.WriteFields(Writer, Shape);
        }

        private void WriteProperties()
        {
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public string Name => " + Literals.String(Spec.TypeName) + ";");
            Writer.Line();
            Writer.Line("/// <summary>The description of the network every lane holds (the scalar class's).</summary>");
            Writer.Line("public " + Runtime + ".NetworkDescription Description => " + ScalarClass + ".Description;");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILaneNetwork.InputCount => InputCount;");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILaneNetwork.OutputCount => OutputCount;");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILaneNetwork.WeightCount => WeightCount;");
            Writer.Line();
            Writer.Line("int " + Runtime + ".ILaneNetwork.LaneCount => LaneCount;");
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public " + Runtime + ".LaneWidth Width => " + Runtime + ".LaneWidth.Vector" + Literals.Int(_width) + ";");
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public bool AcceptsActiveInputs => " + (OneHot ? "true" : "false") + ";");
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.Line("public " + Runtime + ".UpdateTiming Update { get; set; } = " + Runtime + ".UpdateTiming." + (Spec.Update == UpdateTiming.PerStep ? "PerStep" : "PerSequence") + ";");
            Writer.Line();
        }

        /// <summary>InitializeWeights, Reset, EndSequence, learning rates and weights, each for one lane.</summary>
        private void WritePerLaneMembers()
        {
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void InitializeWeights(int lane, ulong seed)");
            Writer.Line("CheckLane(lane);");
            Writer.Line("_pendingEnd &= ~(1UL << lane);");
            Writer.Line("// Every weight uniform in [-a, a], drawn in weight order (Table 11 \"interval\"), as the scalar class draws them.");
            Writer.Line("var random = new " + Runtime + ".SeededRandom(seed);");
            Writer.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            Writer.Line(WeightOf("i") + " = " + (IsFloat ? "(float)" : string.Empty) + "random.NextSymmetric(" + ScalarClass + ".InitInterval);");
            Writer.CloseBlock();
            foreach (var weight in _plan.FixedWeights)
            {
                Writer.Line(WeightOf(Literals.Int(weight.Index)) + " = " + Literals.Real(weight.Value, IsFloat) + "; // " + weight.Note);
            }

            Writer.Line("ClearLane(_delta, lane);");
            if (Rows != null)
            {
                Writer.Line("ClearRowChanges(lane);");
            }

            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void CopyWeightsTo(int lane, global::System.Span<double> destination)");
            Writer.Line("CheckLane(lane);");
            Writer.Line("CheckWeightCount(destination.Length);");
            Writer.Line("ApplyPending();");
            Writer.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            Writer.Line("destination[i] = " + WeightOf("i") + ";");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void SetWeights(int lane, global::System.ReadOnlySpan<double> source)");
            Writer.Line("CheckLane(lane);");
            Writer.Line("CheckWeightCount(source.Length);");
            Writer.Line("// A pending sequence end of this lane would change weights that are replaced here: dropped.");
            Writer.Line("_pendingEnd &= ~(1UL << lane);");
            Writer.OpenBlock("for (var i = 0; i < WeightCount; i++)");
            Writer.Line(WeightOf("i") + " = " + (IsFloat ? "(float)" : string.Empty) + "source[i];");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("ClearLane(_delta, lane);");
            if (Rows != null)
            {
                Writer.Line("ClearRowChanges(lane);");
            }

            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void Reset(int lane)");
            Writer.Line("CheckLane(lane);");
            var resetTo = _plan.Reset.FirstOrDefault(a => a.Kind == ResetKind.AllToValue);
            if (resetTo is null)
            {
                Writer.Line("// All activations, internal states and traces start at zero (§5; s_c(0) = 0, Eq. 9); the bias unit stays 1:");
            }
            else
            {
                Writer.Line("// The activations of the hidden units y(0) and of the outputs start at " + Literals.Double(resetTo.Value) + " (resetActivation, the 1997 JKU");
                Writer.Line("// simulator's reset_net), the inputs, internal states and traces at zero (s_c(0) = 0, Eq. 9); the bias unit stays 1:");
            }

            Writer.Line("// at the next step, with the other lanes reset by then (ApplyPending).");
            Writer.Line("_pendingReset |= 1UL << lane;");
            foreach (var action in _plan.Reset.Where(a => a.Kind == ResetKind.EmptyTouchedSet))
            {
                Writer.Line("// No input has been active since the reset: the lane's touched set is empty again." +
                    (Rows != null ? " Only the touched inputs' traces can be non-zero: theirs to zero in the lane's rows." : string.Empty));
                Writer.OpenBlock("for (var n = 0; n < _touchedCount[lane]; n++)");
                Writer.Line("var input = _touchedInputs[(lane * InputCount) + n];");
                Writer.Line("_touchedLanes[input] &= ~(1UL << lane);");
                Rows?.WriteResetTraces(Writer);
                Writer.CloseBlock();
                Writer.Line();
                Writer.Line("_touchedCount[lane] = 0;");
            }

            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <summary>");
            Writer.Line("/// The resets and sequence ends of the lanes that asked for them since the last step, each in one sweep over its");
            Writer.Line("/// arrays for all those lanes at once (a select on their mask: the other lanes keep their bits). A sweep of one lane");
            Writer.Line("/// alone would walk the arrays at a stride of one vector, touching as many cache lines as a sweep of all lanes.");
            Writer.Line("/// Runs before anything reads the arrays: at each step, and before a lane's weights are read.");
            Writer.Line("/// </summary>");
            Writer.OpenBlock("private void ApplyPending()");
            Writer.OpenBlock("if (_pendingEnd != 0)");
            Writer.Line("// \"Each weight's total update is the sum of the contributions of all time steps\" (App. A.1): w += 1 * delta, then delta = 0.");
            Writer.Line("var ending = Mask(_pendingEnd);");
            Writer.Line("var one = LaneVectorOps.Create(" + One + ");");
            foreach (var (first, count) in Rows?.WeightRangesOutside(Shape.WeightCount, Shape.InputCount) ?? new[] { (0, -1) })
            {
                Writer.OpenBlock(count < 0 ? "for (var i = 0; i < WeightCount; i++)" : "for (var i = " + Literals.Int(first) + "; i < " + Literals.Int(first + count) + "; i++)");
                Writer.Line("_w[i] = LaneVectorOps.ConditionalSelect(ending, _w[i] + (one * _delta[i]), _w[i]);");
                Writer.Line("_delta[i] = LaneVectorOps.ConditionalSelect(ending, LaneVector.Zero, _delta[i]);");
                Writer.CloseBlock();
                Writer.Line();
            }

            Rows?.WriteApplyEnd(Writer, One);
            Writer.Line("_pendingEnd = 0;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("if (_pendingReset != 0)");
            Writer.Line("var resetting = Mask(_pendingReset);");
            foreach (var action in _plan.Reset)
            {
                switch (action.Kind)
                {
                    case ResetKind.ZeroButBiasUnit:
                        Writer.Line("ClearLanes(new " + Span + "(_" + action.Array + ", 0, SourceCount - 1), resetting);");
                        break;
                    case ResetKind.HiddenUnitsToValue:
                        Writer.Line("SetLanes(new " + Span + "(_" + action.Array + ", InputCount, HiddenCount), LaneVectorOps.Create(" + Literals.Real(action.Value, IsFloat) + "), resetting);");
                        break;
                    case ResetKind.AllToValue:
                        Writer.Line("SetLanes(_" + action.Array + ", LaneVectorOps.Create(" + Literals.Real(action.Value, IsFloat) + "), resetting);");
                        break;
                    case ResetKind.Zero when Rows != null && action.Array == "traces":
                        // The traces from the inputs are in the rows, cleared at Reset.
                        foreach (var (first, count) in Rows.TraceRangesOutside(Shape.TraceCount, Shape.InputCount))
                        {
                            Writer.Line("ClearLanes(new " + Span + "(_traces, " + Literals.Int(first) + ", " + Literals.Int(count) + "), resetting);");
                        }

                        break;
                    case ResetKind.Zero:
                        Writer.Line("ClearLanes(_" + action.Array + ", resetting);");
                        break;
                    default:
                        break;
                }
            }

            Writer.Line("_pendingReset = 0;");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void EndSequence(int lane)");
            Writer.Line("CheckLane(lane);");
            Writer.OpenBlock("if (Update == " + Runtime + ".UpdateTiming.PerSequence)");
            Writer.Line("// \"Each weight's total update is the sum of the contributions of all time steps\" (App. A.1): this lane's only,");
            Writer.Line("// before its weights are next used or read (ApplyPending).");
            Writer.Line("_pendingEnd |= 1UL << lane;");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();

            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public double GetLearningRate(int lane)");
            Writer.Line("CheckLane(lane);");
            Writer.Line("return _learningRate[lane];");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void SetLearningRate(int lane, double learningRate)");
            Writer.Line("CheckLane(lane);");
            Writer.Line("_learningRate[lane] = learningRate;");
            Writer.Line("At(_alpha, 0, lane) = (" + _t + ")learningRate;");
            Writer.CloseBlock();
            Writer.Line();
        }
    }
}
