using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// Writes the plan's operations for the lane class (<see cref="LaneClassPrinter"/>): every value is a vector of K
    /// lanes (<c>LaneVector</c>), one independent network per lane, and every operation is the scalar one lane by lane
    /// (IEEE operators on vectors, in the plan's order, never fused). Three ways to write a value: as a vector (constant
    /// indices), gathered (an index of the input in hand, which differs from lane to lane, in a pass over the active
    /// inputs), and one lane alone (a pass over a lane's touched inputs). State changes only through a select on the
    /// lane mask of the phase: a lane outside it keeps its bits (never a multiply by a 0/1 mask, which would turn −0,
    /// NaN or infinities into other bits).
    /// </summary>
    internal sealed class LaneStatementPrinter
    {
        /// <summary>How a value is written.</summary>
        private enum Mode
        {
            /// <summary>All lanes at once; indices are constants.</summary>
            Vector,

            /// <summary>All lanes at once in slot n of a pass over the active inputs: w[offset + i] is gathered lane by lane.</summary>
            Gathered,

            /// <summary>Lane l alone (a scalar of the network's precision).</summary>
            Lane,
        }

        /// <summary>
        /// Above this many terms, a fan-in run is summed by a helper of the class, and a scaled add or a trace decay is a
        /// loop, instead of written out. Written out, every index is a constant: no bounds checks, no loop counters, and
        /// a long straight run of independent read-modify-writes the core can overlap.
        /// </summary>
        private const int WrittenOutLimit = 24;

        private readonly NetworkPlan _plan;
        private readonly SourceWriter _writer;

        public LaneStatementPrinter(NetworkPlan plan, SourceWriter writer)
        {
            _plan = plan;
            _writer = writer;
            Rows = LaneInputRows.For(plan);
        }

        /// <summary>The rows by input of the class, where it keeps them (the weights, changes and traces from the inputs).</summary>
        public LaneInputRows? Rows { get; }

        public const string Squash = NetworkEmitter.RuntimeNamespace + ".Squash";

        /// <summary>The lane bits (a ulong) of the phase being written: the lanes whose state the phase may change.</summary>
        public string PhaseBits { get; set; } = "activeBits";

        private NetworkShape Shape => _plan.Shape;

        private string Scalar(double value) => Literals.Real(value, _plan.IsFloat);

        private string Broadcast(double value) => "LaneVectorOps.Create(" + Scalar(value) + ")";

        /// <summary>The lane mask (a vector) that guards writes to a state array, or null for a scratch array of the step.</summary>
        public static string? MaskOf(string array) => array switch
        {
            "s" => "Mask(activeBits)",
            "traces" => "Mask(learningBits)",
            "dw" => "Mask(targetBits)",
            _ => null,
        };

        public void Write(IEnumerable<Statement> statements, int? outputUnit = null)
        {
            foreach (var statement in statements)
            {
                Write(statement, outputUnit, Mode.Vector);
            }
        }

        public void Write(Statement statement, int? outputUnit = null) => Write(statement, outputUnit, Mode.Vector);

        private void Write(Statement statement, int? k, Mode mode)
        {
            switch (statement)
            {
                case Comment comment:
                    _writer.Line("// " + comment.Text);
                    break;
                case Let let:
                    _writer.Line("var " + Text(let.Name, k, mode) + " = " + Text(let.Value, k, mode) + ";" + Note(let.Note));
                    break;
                case Store store:
                    WriteStore(store, k, mode);
                    break;
                case AddTo add:
                    WriteAddTo(add, k, mode);
                    break;
                case ApplySquash squash:
                    _writer.Line((squash.Value is Local ? "var " : string.Empty) + Text(squash.Value, k, mode) + " = " + Squash + "." + squash.Function + "(" + Text(squash.Argument, k, mode) +
                        ", out " + Text(squash.Derivative, k, mode) + ");" + Note(squash.Note));
                    break;
                case ComputeNetInput compute:
                    WriteNetInput(compute.NetInput);
                    break;
                case Sigma sigma:
                    WriteSigma(sigma, k);
                    break;
                case ScaledAdd add:
                    WriteScaledAdd(add, k);
                    break;
                case ScaleBy scale:
                    WriteScaleBy(scale, k);
                    break;
                case ForEachActiveInput active:
                    _writer.Line("// Slot n of every lane's list of active inputs (lanes whose list is shorter sit the slot out).");
                    _writer.OpenBlock("for (var n = 0; n < activeSlots; n++)");
                    _writer.Line("var hasBits = _slotLanes[n] & " + PhaseBits + ";");
                    _writer.Line("var has = Mask(hasBits);");
                    _writer.Line("var x = activeValue[n];");
                    foreach (var inner in active.Body)
                    {
                        Write(inner, k, Mode.Gathered);
                    }

                    _writer.CloseBlock();
                    break;
                case ForEachTouchedInput touched:
                    _writer.Line("// Lane by lane: each lane has its own touched set.");
                    _writer.OpenBlock("for (var lanes = " + PhaseBits + "; lanes != 0; lanes &= lanes - 1)");
                    _writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
                    _writer.Line("var touchedCount = _touchedCount[l];");
                    _writer.OpenBlock("for (var n = 0; n < touchedCount; n++)");
                    _writer.Line("var i = _touchedInputs[(l * InputCount) + n];");
                    if (Rows != null)
                    {
                        _writer.Line("var row = RowOf(l, i);");
                    }

                    foreach (var inner in touched.Body)
                    {
                        Write(inner, k, Mode.Lane);
                    }

                    _writer.CloseBlock();
                    _writer.CloseBlock();
                    break;
                case MarkInputTouched:
                    _writer.Line("MarkTouched(n, hasBits);");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(statement), statement.GetType().Name);
            }
        }

        private void WriteStore(Store store, int? k, Mode mode)
        {
            var target = Text(store.Target, k, mode);
            var value = Text(store.Value, k, mode);
            var mask = MaskOf(store.Target.Array);
            _writer.Line((mask == null ? target + " = " + value : target + " = LaneVectorOps.ConditionalSelect(" + mask + ", " + value + ", " + target + ")") + ";" + Note(store.Note));
        }

        private void WriteAddTo(AddTo add, int? k, Mode mode)
        {
            var value = Text(add.Value, k, mode);
            if (mode == Mode.Lane)
            {
                _writer.Line(Text(add.Target, k, mode) + " += " + value + ";" + Note(add.Note));
                return;
            }

            if (mode == Mode.Gathered && add.Target is Element { At.Variable: IndexVariable.Input } inRows && Rows != null && LaneInputRows.Holds(inRows))
            {
                // The row of each lane's input in the slot: row[column] += value_l in each lane l of the slot.
                _writer.Line(Rows.Scattered(inRows, value) + ";" + Note(add.Note));
                return;
            }

            if (mode == Mode.Gathered && add.Target is Element { At.Variable: IndexVariable.Input } scattered)
            {
                // target[offset + i_l] += value_l in each lane l of the slot: a read-modify-write per lane.
                _writer.Line("Scatter(" + scattered.Array + ", " + Literals.Int(scattered.At.Offset) + ", n, hasBits, " + value + ");" + Note(add.Note));
                return;
            }

            var target = Text(add.Target, k, mode);
            var sum = target + " + (" + value + ")";
            var mask = mode == Mode.Gathered ? "has" : add.Target is Element element ? MaskOf(element.Array) : null;
            if (add.Capture.Length > 0)
            {
                _writer.Line("var " + add.Capture + " = " + sum + ";" + Note(add.Note));
                sum = add.Capture;
            }

            _writer.Line(target + " = " + (mask == null ? sum : "LaneVectorOps.ConditionalSelect(" + mask + ", " + sum + ", " + target + ")") + ";" + (add.Capture.Length > 0 ? string.Empty : Note(add.Note)));
        }

        /// <summary>The text of a value written as a vector of all lanes.</summary>
        public string Text(Expr value, int? k = null) => Text(value, k, Mode.Vector);

        private string Text(Expr value, int? k, Mode mode)
        {
            switch (value)
            {
                case Element element:
                    return ElementText(element, k, mode);
                case Local local:
                    var name = local.Per == IndexVariable.OutputUnit && k is int unit ? local.Name + Literals.Int(unit) : local.Name;
                    return mode == Mode.Lane ? "LaneVectorOps.GetElement(" + name + ", l)" : name;
                case Number number:
                    return mode == Mode.Lane ? Scalar(number.Value) : Broadcast(number.Value);
                case Member member when member.Name == "LearningRate":
                    return "_alpha[0]";
                case Member member:
                    throw new ArgumentOutOfRangeException(nameof(value), member.Name);
                case InNetworkPrecision rounded:
                    // α and the targets are held in the network's precision already (rounded once when set or loaded).
                    return Text(rounded.Value, k, mode);
                case Product product:
                    return string.Join(" * ", product.Factors.Select(f => Operand(f, k, mode)));
                case Sum sum:
                    return string.Join(" + ", sum.Terms.Select((t, i) => i == 0 ? Text(t, k, mode) : Operand(t, k, mode)));
                case Difference difference:
                    return Text(difference.Minuend, k, mode) + " - " + Operand(difference.Subtrahend, k, mode);
                case Grouped grouped:
                    return "(" + Text(grouped.Inner, k, mode) + ")";
                case ActiveInputValue:
                    return mode == Mode.Lane ? "LaneVectorOps.GetElement(x, l)" : "x";
                case OutputUnitsSum sum:
                    return (mode == Mode.Lane ? Scalar(0.0) : Broadcast(0.0)) + " + " + string.Join(" + ", Enumerable.Range(0, Shape.OutputCount).Select(unit => Operand(sum.Term, unit, mode)));
                case FanInSum sum:
                    return FanInSumText(sum, k);
                case NetInputValue net:
                    return NetInputText(net.NetInput, forceWrittenOut: false);
                default:
                    throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name);
            }
        }

        /// <summary>
        /// Σ_m w_m y^m over the runs, each run in its <see cref="RunForm"/> order (written out, or by the class's helper
        /// in the same order), the runs added left to right. <paramref name="forceWrittenOut"/>: every run in
        /// <see cref="RunForm.WrittenOut"/> order (the order of <c>Kernels.Dot4</c>'s lanes).
        /// </summary>
        public string FanInSumText(FanInSum sum, int? k, bool forceWrittenOut = false)
        {
            var weightBase = sum.WeightBase.Variable switch
            {
                IndexVariable.None => sum.WeightBase.Offset,
                IndexVariable.OutputFanIn when k is int unit => OutputFanInStart(unit) + sum.WeightBase.Offset,
                _ => throw new ArgumentOutOfRangeException(nameof(sum), sum.WeightBase.Variable.ToString()),
            };
            var sources = sum.Sources == SourceVector.Previous ? "yPrev" : "y";
            var terms = new List<string>();
            foreach (var run in sum.Runs)
            {
                var first = weightBase + run.FirstWeight;
                var form = forceWrittenOut ? RunForm.WrittenOut : run.Form;
                if (form == RunForm.WrittenOut && run.Count <= WrittenOutLimit)
                {
                    var text = WrittenOutRun(first, sources, run.FirstSource, run.Count);
                    terms.Add(sum.Runs.Count > 1 && run.Count > 1 ? "(" + text + ")" : text);
                }
                else
                {
                    terms.Add((form == RunForm.WrittenOut ? "SumWrittenOut" : "SumFromZero") + "(w.Slice(" + Literals.Int(first) + ", " + Literals.Int(run.Count) + "), " +
                        sources + ".Slice(" + Literals.Int(run.FirstSource) + ", " + Literals.Int(run.Count) + "))");
                }
            }

            return terms.Count == 0 ? Broadcast(0.0) : string.Join(" + ", terms);
        }

        /// <summary>A net input's value: its local (the active inputs' part) plus the rest of its sum, or the sum alone.</summary>
        public string NetInputText(NetInput net, bool forceWrittenOut)
        {
            var rest = FanInSumText(net.Rest, null, forceWrittenOut);
            if (!net.HasActiveInputsPart)
            {
                return rest;
            }

            return net.Rest.Runs.Count == 0 ? net.Local : net.Local + " + (" + rest + ")";
        }

        /// <summary>The line of a gate's or cell's net input in the net inputs' phase.</summary>
        private void WriteNetInput(NetInput net)
        {
            if (net.InFourFanInGroup)
            {
                _writer.Line("// " + net.Local + ": " + net.Meaning + ", summed in the σ group below.");
            }
            else if (!net.HasActiveInputsPart)
            {
                _writer.Line("var " + net.Local + " = " + FanInSumText(net.Rest, null) + ";   // " + net.Meaning);
            }
            else if (net.Rest.Runs.Count == 0)
            {
                _writer.Line("// " + net.Local + ": " + net.Meaning + ", the active inputs' terms above and nothing else.");
            }
            else
            {
                _writer.Line(net.Local + " = " + net.Local + " + (" + FanInSumText(net.Rest, null) + ");   // " + net.Meaning);
            }
        }

        /// <summary>
        /// σ of a group of net inputs: each written to its element of the destination, then squashed in place by
        /// <c>Squash.LogisticInPlace</c>, a small loop the JIT keeps out of line (σ inlined where written would bloat the
        /// step past the JIT's 512 locals and spill it). Groups that follow one another in the destination are squashed
        /// by one call (the scalar class squashes four at a time; lanes have no such limit): the more σ in one call, the
        /// more independent σ chains the loop overlaps. Each element is σ(value) as the scalar class's, bit for bit.
        /// </summary>
        private void WriteSigma(Sigma sigma, int? k)
        {
            var destination = sigma.Destination;
            var pendingOffset = 0;
            var pendingCount = 0;
            void Flush()
            {
                if (pendingCount > 0)
                {
                    WriteSquashInPlace(destination, pendingOffset, Literals.Int(pendingCount));
                }

                pendingCount = 0;
            }

            void Join(int offset, int count, IReadOnlyList<string> values)
            {
                // A value that reads the destination must see the elements squashed so far.
                if (offset != pendingOffset + pendingCount || values.Any(v => v.Contains(destination + "[")))
                {
                    Flush();
                    pendingOffset = offset;
                }

                pendingCount += count;
            }

            foreach (var group in sigma.Groups)
            {
                switch (group)
                {
                    case SigmaOfValues values:
                        var texts = values.Values.Select(v => Text(v, k)).ToList();
                        Join(values.Offset, texts.Count, texts);
                        for (var v = 0; v < texts.Count; v++)
                        {
                            var element = destination + "[" + Literals.Int(values.Offset + v) + "]";
                            if (texts[v] != element)
                            {
                                _writer.Line(element + " = " + texts[v] + ";");
                            }
                        }

                        break;
                    case SigmaOfFourFanIns four:
                        var sums = four.NetInputs.Select(net => NetInputText(net, forceWrittenOut: true)).ToList();
                        Join(four.Offset, sums.Count, sums);
                        for (var r = 0; r < four.NetInputs.Count; r++)
                        {
                            var net = four.NetInputs[r];
                            _writer.Line("// " + net.FanIn.UnitName + ": " + net.Meaning + (net.HasActiveInputsPart ? ", the active inputs' terms above plus the rest" : string.Empty));
                            _writer.Line(destination + "[" + Literals.Int(four.Offset + r) + "] = " + sums[r] + ";");
                        }

                        break;
                    case SigmaOfArray array:
                        Flush();
                        var length = _plan.State.SelectMany(g => g.Arrays).Single(a => a.Name == destination).Length;
                        var count = length.Constant.Length > 0 ? length.Constant : Literals.Int(length.Value);
                        if (array.Source != destination)
                        {
                            _writer.Line(array.Source + ".Slice(0, " + count + ").CopyTo(" + destination + ");");
                        }

                        WriteSquashInPlace(destination, 0, count);
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(sigma), group.GetType().Name);
                }
            }

            Flush();
        }

        private void WriteSquashInPlace(string destination, int offset, string count) =>
            _writer.Line(Squash + ".LogisticInPlace(" + destination + ".Slice(" + Literals.Int(offset) + ", " + count + "));");

        /// <summary>A scaled add, element by element (every form of the plan is elementwise, so all give these bits).</summary>
        private void WriteScaledAdd(ScaledAdd add, int? k)
        {
            var destinationBase = add.DestinationBase.Variable switch
            {
                IndexVariable.None => add.DestinationBase.Offset,
                IndexVariable.OutputFanIn when k is int unit => OutputFanInStart(unit) + add.DestinationBase.Offset,
                _ => throw new ArgumentOutOfRangeException(nameof(add), add.DestinationBase.Variable.ToString()),
            };
            var mask = MaskOf(add.Destination);
            string Line(string index, Func<ScaledTerm, string> source)
            {
                var target = add.Destination + "[" + index + "]";
                var change = string.Join(" + ", add.Terms.Select(t => Operand(t.Factor, k, Mode.Vector) + (source(t).Length == 0 ? string.Empty : " * " + source(t))));
                var sum = target + " + (" + change + ")";
                return target + " = " + (mask == null ? sum : "LaneVectorOps.ConditionalSelect(" + mask + ", " + sum + ", " + target + ")") + ";";
            }

            // Per output unit (k given), written out only while the output units are few: 2a/2b's 101 output units
            // would otherwise write out thousands of lines into one method, past what the JIT optimises.
            if (add.Count <= WrittenOutLimit && (k is null || Shape.OutputCount <= Planning.SpeedDecisions.UnrolledOutputLimit))
            {
                for (var m = add.First; m < add.First + add.Count; m++)
                {
                    var element = m;
                    _writer.Line(Line(Literals.Int(destinationBase + element), t => add.Form == ScaledAddForm.WrittenOut && IsSourceVector(t.Source) && t.SourceBase + element == Shape.BiasUnit
                        ? string.Empty
                        : t.Source + "[" + Literals.Int(t.SourceBase + element) + "]"));
                }

                return;
            }

            _writer.OpenBlock("for (var m = " + Literals.Int(add.First) + "; m < " + Literals.Int(add.First + add.Count) + "; m++)");
            _writer.Line(Line(Offset(destinationBase) + "m", t => t.Source + "[" + Offset(t.SourceBase) + "m]"));
            _writer.CloseBlock();
        }

        /// <summary>The forget gate's decay of a cell's traces, element by element, in the lanes the traces' mask names.</summary>
        private void WriteScaleBy(ScaleBy scale, int? k)
        {
            var mask = MaskOf(scale.Destination);
            string Line(string index)
            {
                var target = scale.Destination + "[" + index + "]";
                var product = target + " * " + Operand(scale.Factor, k, Mode.Vector);
                return target + " = " + (mask == null ? product : "LaneVectorOps.ConditionalSelect(" + mask + ", " + product + ", " + target + ")") + ";";
            }

            if (scale.Count <= WrittenOutLimit)
            {
                for (var m = scale.First; m < scale.First + scale.Count; m++)
                {
                    _writer.Line(Line(Literals.Int(m)));
                }

                return;
            }

            _writer.OpenBlock("for (var m = " + Literals.Int(scale.First) + "; m < " + Literals.Int(scale.First + scale.Count) + "; m++)");
            _writer.Line(Line("m"));
            _writer.CloseBlock();
        }

        private static string Offset(int offset) => offset == 0 ? string.Empty : Literals.Int(offset) + " + ";

        /// <summary>
        /// Σ_i w[first + i] · y[source + i] written out in the one order of <see cref="WrittenOutSums"/>.
        /// </summary>
        private string WrittenOutRun(int first, string sources, int source, int count)
        {
            string Term(int i) => source + i == Shape.BiasUnit
                ? "w[" + Literals.Int(first + i) + "]"
                : "w[" + Literals.Int(first + i) + "] * " + sources + "[" + Literals.Int(source + i) + "]";

            return WrittenOutSums.Text(count, Term);
        }

        private string ElementText(Element element, int? k, Mode mode)
        {
            var at = element.At;
            string index;
            switch (at.Variable)
            {
                case IndexVariable.None:
                    index = Literals.Int(at.Offset);
                    break;
                case IndexVariable.Input when Rows != null && LaneInputRows.Holds(element):
                    return mode == Mode.Gathered ? Rows.Gathered(element) : Rows.InLane(element);
                case IndexVariable.Input when mode == Mode.Gathered:
                    return "Gather(" + element.Array + ", " + Literals.Int(at.Offset) + ", n)";
                case IndexVariable.Input:
                    index = at.Offset == 0 ? "i" : Literals.Int(at.Offset) + " + i";
                    break;
                case IndexVariable.OutputUnit when k is int unit:
                    index = Literals.Int(at.Offset + unit);
                    break;
                case IndexVariable.OutputFanIn when k is int fanIn:
                    index = Literals.Int(OutputFanInStart(fanIn) + at.Offset);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(element), element.Array + " needs an output unit");
            }

            return mode == Mode.Lane ? "At(" + element.Array + ", " + index + ", l)" : element.Array + "[" + index + "]";
        }

        /// <summary>A value as an operand of * or −: in parentheses when it is a sum or difference.</summary>
        private string Operand(Expr value, int? k, Mode mode)
        {
            var text = Text(value, k, mode);
            var additive = value is Sum || value is Difference || value is OutputUnitsSum
                || ((value is FanInSum || value is NetInputValue) && text.Contains(" + "));
            return additive ? "(" + text + ")" : text;
        }

        private int OutputFanInStart(int unit) => Shape.OutputOffset + (unit * Shape.OutputFanInLength);

        private static bool IsSourceVector(string array) => array == "yPrev" || array == "y";

        private static string Note(string note) => note.Length == 0 ? string.Empty : "   // " + note;
    }
}
