using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// Writes the plan's operations as scalar C#: expressions with the association the plan gives (the fewest
    /// parentheses that keep it, plus the reader's <see cref="Grouped"/> ones), fan-in sums written out or as kernel
    /// calls, scaled adds, σ groups and statements. One printer for every phase of the step.
    /// </summary>
    internal sealed class ScalarStatementPrinter
    {
        private readonly NetworkPlan _plan;
        private readonly SourceWriter _writer;

        public ScalarStatementPrinter(NetworkPlan plan, SourceWriter writer)
        {
            _plan = plan;
            _writer = writer;
        }

        public static string Squash => NetworkEmitter.RuntimeNamespace + ".Squash";

        public static string Kernels => NetworkEmitter.RuntimeNamespace + ".Kernels";

        private NetworkShape Shape => _plan.Shape;

        private string Zero => Literals.Real(0.0, _plan.IsFloat);

        /// <summary>Writes statements; <paramref name="outputUnit"/> is the output unit k they are written for, or null inside a loop over k.</summary>
        public void Write(IEnumerable<Statement> statements, int? outputUnit = null)
        {
            foreach (var statement in statements)
            {
                Write(statement, outputUnit);
            }
        }

        public void Write(Statement statement, int? outputUnit = null)
        {
            var k = outputUnit;
            switch (statement)
            {
                case Comment comment:
                    _writer.Line("// " + comment.Text);
                    break;
                case Let let:
                    _writer.Line("var " + Text(let.Name, k) + " = " + Text(let.Value, k) + ";" + Note(let.Note));
                    break;
                case Store store:
                    _writer.Line(Text(store.Target, k) + " = " + Text(store.Value, k) + ";" + Note(store.Note));
                    break;
                case AddTo add:
                    _writer.Line((add.Capture.Length > 0 ? "var " + add.Capture + " = " : string.Empty) + Text(add.Target, k) + " += " + Text(add.Value, k) + ";" + Note(add.Note));
                    break;
                case ApplySquash squash:
                    _writer.Line((squash.Value is Local ? "var " : string.Empty) + Text(squash.Value, k) + " = " + Squash + "." + squash.Function + "(" + Text(squash.Argument, k) +
                        ", out " + Text(squash.Derivative, k) + ");" + Note(squash.Note));
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
                    _writer.OpenBlock("for (var m = " + Literals.Int(scale.First) + "; m < " + Literals.Int(scale.First + scale.Count) + "; m++)");
                    _writer.Line(scale.Destination + "[m] *= " + Text(scale.Factor, k) + ";");
                    _writer.CloseBlock();
                    break;
                case ForEachActiveInput active:
                    _writer.OpenBlock("for (var n = 0; n < activeCount; n++)");
                    _writer.Line("var i = activeInputs[n];");
                    _writer.Line("var x = activeValues[n];");
                    Write(active.Body);
                    _writer.CloseBlock();
                    break;
                case ForEachTouchedInput touched:
                    _writer.OpenBlock("for (var n = 0; n < touchedCount; n++)");
                    _writer.Line("var i = touchedInputs[n];");
                    Write(touched.Body);
                    _writer.CloseBlock();
                    break;
                case MarkInputTouched:
                    _writer.OpenBlock("if (!inputTouched[i])");
                    _writer.Line("inputTouched[i] = true;");
                    _writer.Line("touchedInputs[touchedCount++] = i;");
                    _writer.CloseBlock();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(statement), statement.GetType().Name);
            }
        }

        /// <summary>The text of a value; <paramref name="k"/> is the output unit it is written for, or null inside a loop over k.</summary>
        public string Text(Expr value, int? k = null)
        {
            switch (value)
            {
                case Element element:
                    return ElementText(element, k);
                case Local local:
                    return local.Per == IndexVariable.OutputUnit && k is int unit ? local.Name + Literals.Int(unit) : local.Name;
                case Number number:
                    return Literals.Real(number.Value, _plan.IsFloat);
                case Member member:
                    return member.Name;
                case InNetworkPrecision rounded:
                    return (_plan.IsFloat ? "(float)" : string.Empty) + Text(rounded.Value, k);
                case Product product:
                    return string.Join(" * ", product.Factors.Select(f => Operand(f, k)));
                case Sum sum:
                    return string.Join(" + ", sum.Terms.Select((t, i) => i == 0 ? Text(t, k) : Operand(t, k)));
                case Difference difference:
                    return Text(difference.Minuend, k) + " - " + Operand(difference.Subtrahend, k);
                case Grouped grouped:
                    return "(" + Text(grouped.Inner, k) + ")";
                case ActiveInputValue:
                    return "x";
                case OutputUnitsSum sum:
                    return Zero + " + " + string.Join(" + ", Enumerable.Range(0, Shape.OutputCount).Select(unit => Text(sum.Term, unit)));
                case FanInSum sum:
                    return FanInSumText(sum, k);
                case NetInputValue net:
                    return NetInputText(net.NetInput);
                default:
                    throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name);
            }
        }

        /// <summary>
        /// Σ_m w_m y^m over the runs: a written-out run in the order of <see cref="RunForm.WrittenOut"/> (in parentheses when
        /// the sum has other runs), a kernel run as a call of <c>Kernels.Dot</c>, the runs added left to right.
        /// </summary>
        public string FanInSumText(FanInSum sum, int? k = null)
        {
            var (weights, weightBase) = sum.WeightBase.Variable switch
            {
                IndexVariable.None => ("w", sum.WeightBase.Offset),
                IndexVariable.OutputFanIn when k is int unit => ("w", OutputFanInStart(unit) + sum.WeightBase.Offset),
                IndexVariable.OutputFanIn => ("wk", sum.WeightBase.Offset),
                _ => throw new ArgumentOutOfRangeException(nameof(sum), sum.WeightBase.Variable.ToString()),
            };
            var sources = SourcesName(sum.Sources);
            var terms = new List<string>();
            foreach (var run in sum.Runs)
            {
                var first = weightBase + run.FirstWeight;
                if (run.Form == RunForm.WrittenOut)
                {
                    var text = WrittenOutRun(weights, first, sources, run.FirstSource, run.Count);
                    terms.Add(sum.Runs.Count > 1 && run.Count > 1 ? "(" + text + ")" : text);
                }
                else
                {
                    terms.Add(Kernels + ".Dot(" + weights + ".Slice(" + Literals.Int(first) + ", " + Literals.Int(run.Count) + "), " + sources + ".Slice(" + Literals.Int(run.FirstSource) + ", " + Literals.Int(run.Count) + "))");
                }
            }

            return terms.Count == 0 ? Zero : string.Join(" + ", terms);
        }

        /// <summary>A net input's value: its local (the active inputs' part) plus the rest of its sum, or the sum alone.</summary>
        public string NetInputText(NetInput net)
        {
            var rest = FanInSumText(net.Rest);
            if (!net.HasActiveInputsPart)
            {
                return rest;
            }

            return net.Rest.Runs.Count == 0 ? net.Local : net.Local + " + " + (rest.Contains(" + ") ? "(" + rest + ")" : rest);
        }

        /// <summary>The line of a gate's or cell's net input in the net inputs' phase.</summary>
        private void WriteNetInput(NetInput net)
        {
            if (net.InFourFanInGroup)
            {
                _writer.Line("// " + net.Local + ": " + net.Meaning + ", summed with three other fan-ins below (Kernels.Dot4).");
            }
            else if (!net.HasActiveInputsPart)
            {
                _writer.Line("var " + net.Local + " = " + FanInSumText(net.Rest) + ";   // " + net.Meaning);
            }
            else if (net.Rest.Runs.Count == 0)
            {
                _writer.Line("// " + net.Local + ": " + net.Meaning + ", the active inputs' terms above and nothing else.");
            }
            else
            {
                _writer.Line(net.Local + " += " + FanInSumText(net.Rest) + ";   // " + net.Meaning);
            }
        }

        private void WriteSigma(Sigma sigma, int? k)
        {
            var destination = sigma.Destination;
            foreach (var group in sigma.Groups)
            {
                switch (group)
                {
                    case SigmaOfValues values when values.Values.Count == 4:
                        _writer.Line(Squash + ".Logistic(" + string.Join(", ", values.Values.Select(v => Text(v, k))) + ", " + destination + ".Slice(" + Literals.Int(values.Offset) + ", 4));");
                        break;
                    case SigmaOfValues values when values.Values.Count == 2:
                        _writer.Line(Squash + ".Logistic(" + string.Join(", ", values.Values.Select(v => Text(v, k))) + ", " + destination + ".Slice(" + Literals.Int(values.Offset) + ", 2));");
                        break;
                    case SigmaOfValues values when values.Values.Count == 1:
                        _writer.Line(destination + "[" + Literals.Int(values.Offset) + "] = " + Squash + ".Logistic(" + Text(values.Values[0], k) + ");");
                        break;
                    case SigmaOfFourFanIns four:
                        WriteFourFanIns(four, destination);
                        break;
                    case SigmaOfArray array:
                        _writer.Line(Squash + ".Logistic(" + array.Source + ", " + destination + ");");
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(sigma), group.GetType().Name);
                }
            }
        }

        /// <summary>σ of four net inputs summed together by <c>Kernels.Dot4</c> (each lane its fan-in written out), plus their active inputs' parts.</summary>
        private void WriteFourFanIns(SigmaOfFourFanIns four, string destination)
        {
            var nets = four.NetInputs;
            var runs = nets.Select(n => n.Rest.Runs.Single()).ToList();
            var dot = Kernels + ".Dot4(w, yPrev, " + Literals.Int(runs[0].FirstSource) + ", " +
                string.Join(", ", nets.Select((n, r) => Literals.Int(n.Rest.WeightBase.Offset + runs[r].FirstWeight) + ", " + Literals.Int(runs[r].Count))) + ")";
            var active = nets[0].HasActiveInputsPart;
            if (active)
            {
                dot = "global::System.Runtime.Intrinsics.Vector256.Create(" + string.Join(", ", nets.Select(n => n.Local)) + ") + " + dot;
            }

            var first = runs[0].FirstSource;
            var last = first + runs.Max(r => r.Count) - 1;
            _writer.Line("// " + string.Join(", ", nets.Select(n => n.FanIn.UnitName)) + " (Eqs. 7-9): " +
                (active ? "the active inputs' terms above plus " : string.Empty) +
                "sources " + Literals.Int(first) + ".." + Literals.Int(last) + (last == Shape.BiasUnit ? " (" + Literals.Int(last) + ": the bias unit)" : string.Empty) + ".");
            _writer.Line(Squash + ".Logistic(" + dot + ", " + destination + ".Slice(" + Literals.Int(four.Offset) + ", 4));");
        }

        /// <summary>A scaled add in its form: one statement per element, a <c>Kernels.AddScaled</c> call, or a loop.</summary>
        private void WriteScaledAdd(ScaledAdd add, int? k)
        {
            var (destination, destinationBase) = add.DestinationBase.Variable switch
            {
                IndexVariable.None => (add.Destination, add.DestinationBase.Offset),
                IndexVariable.OutputFanIn when k is int unit => (add.Destination, OutputFanInStart(unit) + add.DestinationBase.Offset),
                IndexVariable.OutputFanIn => (add.Destination + "k", add.DestinationBase.Offset),
                _ => throw new ArgumentOutOfRangeException(nameof(add), add.DestinationBase.Variable.ToString()),
            };
            switch (add.Form)
            {
                case ScaledAddForm.WrittenOut:
                    for (var m = add.First; m < add.First + add.Count; m++)
                    {
                        var terms = add.Terms.Select(t => Text(t.Factor, k) +
                            (IsSourceVector(t.Source) && t.SourceBase + m == Shape.BiasUnit ? string.Empty : " * " + t.Source + "[" + Literals.Int(t.SourceBase + m) + "]"));
                        _writer.Line(destination + "[" + Literals.Int(destinationBase + m) + "] += " + string.Join(" + ", terms) + ";");
                    }

                    break;
                case ScaledAddForm.Kernel:
                    var arguments = add.Terms.Select(t => Text(t.Factor, k) + ", " + t.Source + ".Slice(" + Literals.Int(t.SourceBase + add.First) + ", " + Literals.Int(add.Count) + ")");
                    _writer.Line(Kernels + ".AddScaled(" + destination + ".Slice(" + Literals.Int(destinationBase + add.First) + ", " + Literals.Int(add.Count) + "), " + string.Join(", ", arguments) + ");");
                    break;
                default:
                    _writer.OpenBlock("for (var m = " + Literals.Int(add.First) + "; m < " + Literals.Int(add.First + add.Count) + "; m++)");
                    _writer.Line(destination + "[" + Literals.Int(destinationBase) + " + m] += " +
                        string.Join(" + ", add.Terms.Select(t => Text(t.Factor, k) + " * " + t.Source + "[" + Literals.Int(t.SourceBase) + " + m]")) + ";");
                    _writer.CloseBlock();
                    break;
            }
        }

        /// <summary>
        /// Σ_i w[first + i] · y[source + i] written out in the one order of <see cref="WrittenOutSums"/>.
        /// </summary>
        private string WrittenOutRun(string weights, int first, string sources, int source, int count)
        {
            string Term(int i) => source + i == Shape.BiasUnit
                ? weights + "[" + Literals.Int(first + i) + "]"
                : weights + "[" + Literals.Int(first + i) + "] * " + sources + "[" + Literals.Int(source + i) + "]";

            return WrittenOutSums.Text(count, Term);
        }

        private string ElementText(Element element, int? k)
        {
            var at = element.At;
            switch (at.Variable)
            {
                case IndexVariable.None:
                    return element.Array + "[" + Literals.Int(at.Offset) + "]";
                case IndexVariable.Input:
                    return element.Array + "[" + (at.Offset == 0 ? string.Empty : Literals.Int(at.Offset) + " + ") + "i]";
                case IndexVariable.OutputUnit:
                    return k is int unit
                        ? element.Array + "[" + Literals.Int(at.Offset + unit) + "]"
                        : element.Array + "[" + (at.Offset == 0 ? string.Empty : Literals.Int(at.Offset) + " + ") + "k]";
                default:
                    return k is int fanIn
                        ? element.Array + "[" + Literals.Int(OutputFanInStart(fanIn) + at.Offset) + "]"
                        : element.Array + "k[" + Literals.Int(at.Offset) + "]";
            }
        }

        /// <summary>A value as an operand of * or −: in parentheses when it is a sum or difference.</summary>
        private string Operand(Expr value, int? k)
        {
            var text = Text(value, k);
            var additive = value is Sum || value is Difference || value is OutputUnitsSum
                || ((value is FanInSum || value is NetInputValue) && text.Contains(" + "));
            return additive ? "(" + text + ")" : text;
        }

        private int OutputFanInStart(int unit) => Shape.OutputOffset + (unit * Shape.OutputFanInLength);

        private static string SourcesName(SourceVector sources) => sources == SourceVector.Previous ? "yPrev" : "y";

        private static bool IsSourceVector(string array) => array == "yPrev" || array == "y";

        private static string Note(string note) => note.Length == 0 ? string.Empty : "   // " + note;
    }
}
