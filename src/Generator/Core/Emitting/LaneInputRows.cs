using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// The lane class's rows by input (<see cref="ActiveInputsPlan.LaneInputRows"/>, decided by
    /// <see cref="Planning.SpeedDecisions.LaneInputRows"/>): the weights from the inputs, their pending changes and their
    /// traces, kept per lane and input in one row (lane l's row of input i holds w_u,i of every fan-in u that reads the
    /// inputs, then their summed changes of the sequence, then the traces dS/dw_u,i of Eqs. 25, 27) instead of one
    /// <c>LaneVector</c> per weight. Each lane has its own active input and its own touched set, so a step reads and writes
    /// one row of each lane, and a lane's touched-input pass (Eqs. 26, 28) walks its own rows, where the vector layout
    /// would read one element of a vector per weight through arrays K times the scalar class's. Every operation on a row
    /// is the scalar class's, on the same values, in the same order. This class knows the columns, prints the rows' fields
    /// and helpers, and gives <see cref="LaneStatementPrinter"/> the text of a row element.
    /// </summary>
    internal sealed class LaneInputRows
    {
        private readonly NetworkPlan _plan;
        private readonly List<int> _weightOffsets;
        private readonly List<int> _traceOffsets;
        private readonly Dictionary<int, string> _traceNotes = new Dictionary<int, string>();

        private LaneInputRows(NetworkPlan plan)
        {
            _plan = plan;
            var weights = new SortedSet<int>();
            var traces = new SortedSet<int>();
            foreach (var element in InputElements(plan))
            {
                if (element.Array == "traces")
                {
                    traces.Add(element.At.Offset);
                }
                else
                {
                    weights.Add(element.At.Offset);
                }
            }

            _weightOffsets = weights.ToList();
            _traceOffsets = traces.ToList();
        }

        /// <summary>The rows of a plan whose lane classes keep them, or null.</summary>
        public static LaneInputRows? For(NetworkPlan plan) => plan.ActiveInputs?.LaneInputRows == true ? new LaneInputRows(plan) : null;

        /// <summary>The weights (and as many pending changes) of a row: one per fan-in that reads the inputs.</summary>
        public int Weights => _weightOffsets.Count;

        /// <summary>Columns of a row: the weights, their pending changes, the traces.</summary>
        public int Length => (2 * Weights) + _traceOffsets.Count;

        private string T => _plan.IsFloat ? "float" : "double";

        /// <summary>Whether <paramref name="element"/> (an element at an input's index) lives in the rows.</summary>
        public static bool Holds(Element element) => element.At.Variable == IndexVariable.Input && IsRowArray(element.Array);

        /// <summary>The column of <paramref name="element"/> in a row: a constant, or after <c>changeColumn</c> for the changes of Learn.</summary>
        public string Column(Element element) => element.Array switch
        {
            "w" => Literals.Int(_weightOffsets.IndexOf(element.At.Offset)),
            "dw" => "changeColumn + " + Literals.Int(_weightOffsets.IndexOf(element.At.Offset)),
            _ => "RowTraces + " + Literals.Int(_traceOffsets.IndexOf(element.At.Offset)),
        };

        /// <summary>All lanes' values of <paramref name="element"/> in slot n of the active inputs.</summary>
        public string Gathered(Element element) => "GatherRow(" + Column(element) + ", n)";

        /// <summary>Adds <paramref name="value"/> to <paramref name="element"/> in slot n, in the lanes of hasBits.</summary>
        public string Scattered(Element element, string value) => "ScatterRow(" + Column(element) + ", n, hasBits, " + value + ")";

        /// <summary><paramref name="element"/> of lane l at input i, in a lane's pass over its touched inputs (<c>row</c> is the row of input i).</summary>
        public string InLane(Element element) => "inputRows[row + " + Column(element) + "]";

        /// <summary>Where lane <paramref name="lane"/>'s row of input <paramref name="input"/> starts: the entry of <c>_laneIndex</c>.</summary>
        public static string RowOf(string lane, string input) => "RowOf(" + lane + ", " + input + ")";

        /// <summary>The ranges of weight indices outside the rows: those that stay one vector per weight.</summary>
        public IEnumerable<(int First, int Count)> WeightRangesOutside(int weightCount, int inputCount) => Outside(_weightOffsets, weightCount, inputCount);

        /// <summary>The ranges of trace indices outside the rows.</summary>
        public IEnumerable<(int First, int Count)> TraceRangesOutside(int traceCount, int inputCount) => Outside(_traceOffsets, traceCount, inputCount);

        public void WriteFields(SourceWriter writer, NetworkShape shape)
        {
            writer.Line("// Rows by input (LaneInputRows): the weights from the inputs, their pending changes and their traces, one row per");
            writer.Line("// lane and input. Lane l's row of input i starts at RowOf(l, i); each lane has its own active input and touched set,");
            writer.Line("// so a step reads and writes one row of each lane. The vectors of _w, _delta and _traces at these indices are unused.");
            writer.Line("// Columns 0 to RowWeights - 1, w_u,i; RowWeights on, their changes summed over the sequence (App. A.1); RowTraces on, dS/dw_u,i:");
            for (var c = 0; c < _weightOffsets.Count; c++)
            {
                var fanIn = shape.FanIns.FirstOrDefault(f => f.Offset == _weightOffsets[c]);
                writer.Line("//   " + Literals.Int(c) + ": w[" + Literals.Int(_weightOffsets[c]) + " + i]" + (fanIn == null ? string.Empty : ", " + fanIn.UnitName));
            }

            for (var c = 0; c < _traceOffsets.Count; c++)
            {
                writer.Line("//   RowTraces + " + Literals.Int(c) + ": traces[" + Literals.Int(_traceOffsets[c]) + " + i]" +
                    (_traceNotes.TryGetValue(_traceOffsets[c], out var note) ? ", " + note : string.Empty));
            }

            writer.Line("private const int RowWeights = " + Literals.Int(Weights) + ";");
            writer.Line("private const int RowTraces = 2 * RowWeights;");
            writer.Line("private const int RowLength = " + Literals.Int(Length) + ";");
            writer.Line("private readonly " + T + "[] _inputRows = new " + T + "[LaneCount * InputCount * RowLength];");
            writer.Line();
        }

        /// <summary>RowOf, WeightAt and ClearRowChanges: a lane's weights by index, where some live in its rows.</summary>
        public void WriteAccess(SourceWriter writer)
        {
            writer.Line("/// <summary>Where lane <paramref name=\"lane\"/>'s row of input <paramref name=\"input\"/> starts in _inputRows.</summary>");
            writer.Line("private static int RowOf(int lane, int input) => ((lane * InputCount) + input) * RowLength;");
            writer.Line();
            writer.Line("/// <summary>Weight <paramref name=\"index\"/> of lane <paramref name=\"lane\"/>: in the lane's rows for the weights from the inputs.</summary>");
            writer.OpenBlock("private ref " + T + " WeightAt(int index, int lane)");
            for (var c = 0; c < _weightOffsets.Count; c++)
            {
                var offset = _weightOffsets[c];
                var relative = offset == 0 ? "index" : "index - " + Literals.Int(offset);
                writer.OpenBlock("if ((uint)(" + relative + ") < (uint)InputCount)");
                writer.Line("return ref _inputRows[RowOf(lane, " + relative + ") + " + Literals.Int(c) + "];");
                writer.CloseBlock();
                writer.Line();
            }

            writer.Line("return ref At(_w, index, lane);");
            writer.CloseBlock();
            writer.Line();
            writer.Line("/// <summary>The pending changes in lane <paramref name=\"lane\"/>'s rows to zero.</summary>");
            writer.OpenBlock("private void ClearRowChanges(int lane)");
            writer.OpenBlock("for (var i = 0; i < InputCount; i++)");
            writer.Line("global::System.Array.Clear(_inputRows, RowOf(lane, i) + RowWeights, RowWeights);");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.Line();
        }

        /// <summary>In Reset(lane), for the touched input <c>input</c>: its traces to zero (only touched inputs' traces are non-zero).</summary>
        public void WriteResetTraces(SourceWriter writer)
        {
            writer.Line("global::System.Array.Clear(_inputRows, RowOf(lane, input) + RowTraces, RowLength - RowTraces);");
        }

        /// <summary>In ApplyPending, at the sequence end of the lanes of _pendingEnd: w += 1 * delta, then delta = 0, in their rows.</summary>
        public void WriteApplyEnd(SourceWriter writer, string one)
        {
            writer.Line("// The same in the rows of the ending lanes, row by row.");
            writer.OpenBlock("for (var lanes = _pendingEnd; lanes != 0; lanes &= lanes - 1)");
            writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
            writer.Line("var rows = new global::System.Span<" + T + ">(_inputRows, RowOf(l, 0), InputCount * RowLength);");
            writer.OpenBlock("for (var row = 0; row < rows.Length; row += RowLength)");
            writer.OpenBlock("for (var c = row; c < row + RowWeights; c++)");
            writer.Line("rows[c] = rows[c] + (" + one + " * rows[c + RowWeights]);");
            writer.Line("rows[c + RowWeights] = 0;");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.CloseBlock();
            writer.Line();
        }

        private static bool IsRowArray(string array) => array == "w" || array == "dw" || array == "traces";

        private static IEnumerable<(int First, int Count)> Outside(List<int> offsets, int total, int inputCount)
        {
            var start = 0;
            foreach (var offset in offsets)
            {
                if (offset > start)
                {
                    yield return (start, offset - start);
                }

                start = offset + inputCount;
            }

            if (total > start)
            {
                yield return (start, total - start);
            }
        }

        /// <summary>Every element at an input's index of the arrays the rows hold, in the plan's passes over inputs.</summary>
        private IEnumerable<Element> InputElements(NetworkPlan plan)
        {
            var statements = plan.Forward.Inputs.ActiveInputNetInputs
                .Concat(plan.Traces.ActiveInputs)
                .Concat(plan.Learning.ActiveInputChanges)
                .Concat(plan.Learning.TouchedInputChanges);
            return statements.SelectMany(Elements).Where(Holds);
        }

        private IEnumerable<Element> Elements(Statement statement)
        {
            switch (statement)
            {
                case ForEachActiveInput active:
                    return active.Body.SelectMany(Elements);
                case ForEachTouchedInput touched:
                    return touched.Body.SelectMany(Elements);
                case Let let:
                    return Elements(let.Value);
                case Store store:
                    return Elements(store.Target).Concat(Elements(store.Value));
                case AddTo add:
                    if (add.Target is Element { Array: "traces" } trace && add.Note.Length > 0)
                    {
                        _traceNotes[trace.At.Offset] = add.Note;
                    }

                    return Elements(add.Target).Concat(Elements(add.Value));
                default:
                    return Enumerable.Empty<Element>();
            }
        }

        private static IEnumerable<Element> Elements(Expr value) => value switch
        {
            Element element => new[] { element },
            Product product => product.Factors.SelectMany(Elements),
            Sum sum => sum.Terms.SelectMany(Elements),
            Difference difference => Elements(difference.Minuend).Concat(Elements(difference.Subtrahend)),
            Grouped grouped => Elements(grouped.Inner),
            InNetworkPrecision rounded => Elements(rounded.Value),
            _ => Enumerable.Empty<Element>(),
        };
    }
}
