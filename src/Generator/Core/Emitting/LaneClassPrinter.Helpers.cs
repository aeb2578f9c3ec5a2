using System.Linq;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The private helpers of the lane class: lane access, masks, inputs and targets in, outputs out, sums in the scalar
    // class's orders, and the per-lane active inputs and touched sets.
    internal sealed partial class LaneClassPrinter
    {
        private void WriteHelpers()
        {
            var lanesOf = VectorType + "<" + (IsFloat ? "int" : "long") + ">";
            var bits = string.Join(", ", Enumerable.Range(0, K).Select(l => (IsFloat ? string.Empty : "(long)") + "0x" + (1UL << l).ToString("X", System.Globalization.CultureInfo.InvariantCulture)));
            Writer.Line("// Bit l of lane l: Mask turns a ulong of lanes into a vector mask.");
            Writer.Line("private static readonly " + lanesOf + " LaneBits = " + VectorType + ".Create(" + bits + ");");
            Writer.Line();
            Writer.Line("/// <summary>");
            Writer.Line("/// All bits set in the lanes of <paramref name=\"lanes\"/>, none in the others: the mask of a select. The step writes");
            Writer.Line("/// Mask(bits) in each select instead of holding it in a local: the JIT computes it once either way, and with");
            Writer.Line("/// AVX-512 it then keeps it in a mask register and folds the select into the add before it (merge masking).");
            Writer.Line("/// </summary>");
            Writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            Writer.Line("private static LaneVector Mask(ulong lanes) => " + VectorType + "." + (IsFloat ? "AsSingle" : "AsDouble") + "(" + VectorType + ".Equals(" + VectorType + ".Create((" + (IsFloat ? "int" : "long") + ")lanes) & LaneBits, LaneBits));");
            Writer.Line();
            Writer.Line("/// <summary>Lane <paramref name=\"lane\"/> of element <paramref name=\"index\"/>.</summary>");
            Writer.Line("private static ref " + _t + " At(" + Span + " array, int index, int lane) =>");
            Writer.Line("    ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.CompilerServices.Unsafe.As<LaneVector, " + _t + ">(ref array[index]), lane);");
            Writer.Line();
            Writer.OpenBlock("private static void ClearLane(" + Span + " array, int lane)");
            Writer.OpenBlock("for (var i = 0; i < array.Length; i++)");
            Writer.Line("At(array, i, lane) = 0;");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <summary>Every element to zero in the lanes of <paramref name=\"lanes\"/> (a mask); the other lanes keep their bits.</summary>");
            Writer.OpenBlock("private static void ClearLanes(" + Span + " array, LaneVector lanes)");
            Writer.OpenBlock("for (var i = 0; i < array.Length; i++)");
            Writer.Line("array[i] = LaneVectorOps.ConditionalSelect(lanes, LaneVector.Zero, array[i]);");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            if (_plan.Reset.Any(a => a.Kind == ResetKind.HiddenUnitsToValue || a.Kind == ResetKind.AllToValue))
            {
                Writer.Line("/// <summary>Every element to <paramref name=\"value\"/> in the lanes of <paramref name=\"lanes\"/> (a mask); the other lanes keep their bits.</summary>");
                Writer.OpenBlock("private static void SetLanes(" + Span + " array, LaneVector value, LaneVector lanes)");
                Writer.OpenBlock("for (var i = 0; i < array.Length; i++)");
                Writer.Line("array[i] = LaneVectorOps.ConditionalSelect(lanes, value, array[i]);");
                Writer.CloseBlock();
                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.OpenBlock("private static LaneVector[] NewSourceVector()");
            Writer.Line("var sources = new LaneVector[SourceCount];");
            Writer.Line("sources[SourceCount - 1] = LaneVectorOps.Create(" + One + "); // the bias unit");
            Writer.Line("return sources;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("private static double[] NewLearningRates()");
            Writer.Line("var rates = new double[LaneCount];");
            Writer.Line("global::System.Array.Fill(rates, " + ScalarClass + ".DefaultLearningRate);");
            Writer.Line("return rates;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("private static void CheckLane(int lane)");
            Writer.OpenBlock("if ((uint)lane >= (uint)LaneCount)");
            Writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(lane), lane, \"A lane of this network is 0 to \" + (LaneCount - 1) + \".\");");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("private static void CheckWeightCount(int length)");
            Writer.OpenBlock("if (length != WeightCount)");
            Writer.Line("throw new global::System.ArgumentException(\"Expected \" + WeightCount + \" weights, got \" + length + \".\");");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();

            if (!ReadsActiveInputs)
            {
                Writer.Line("/// <summary>x(t) of every lane into the source vectors" + (_plan.Forward.Inputs.OutputsReadInputs ? " (yPrev and, for the outputs under 'B', y)" : string.Empty) + ".</summary>");
                Writer.OpenBlock("private void LoadInputs(global::System.ReadOnlySpan<double> inputs)");
                Writer.OpenBlock("for (var l = 0; l < LaneCount; l++)");
                Writer.OpenBlock("for (var i = 0; i < InputCount; i++)");
                Writer.Line("At(_yPrev, i, l) = " + (IsFloat ? "(float)" : string.Empty) + "inputs[(l * InputCount) + i];");
                Writer.CloseBlock();
                Writer.CloseBlock();
                if (_plan.Forward.Inputs.OutputsReadInputs)
                {
                    Writer.Line();
                    Writer.Line("global::System.Array.Copy(_yPrev, _y, InputCount);");
                }

                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.OpenBlock("private void LoadTargets(global::System.ReadOnlySpan<double> targets, ulong lanes)");
            Writer.OpenBlock("for (; lanes != 0; lanes &= lanes - 1)");
            Writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
            Writer.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            Writer.Line("At(_target, k, l) = " + (IsFloat ? "(float)" : string.Empty) + "targets[(l * OutputCount) + k];");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("private void CopyOutputs(global::System.Span<double> outputs, ulong lanes)");
            Writer.OpenBlock("for (; lanes != 0; lanes &= lanes - 1)");
            Writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
            Writer.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            Writer.Line("outputs[(l * OutputCount) + k] = At(_yOutput, k, l);");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <summary>y(t) becomes y(t-1) of the next step, in the active lanes (the hidden units; x(t) is set at every step).</summary>");
            Writer.OpenBlock("private void Advance(ulong activeBits)");
            Writer.OpenBlock("for (var u = InputCount; u < InputCount + HiddenCount; u++)");
            Writer.Line("_yPrev[u] = LaneVectorOps.ConditionalSelect(Mask(activeBits), _y[u], _yPrev[u]);");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            WriteSums();
            if (ReadsActiveInputs)
            {
                WriteActiveInputHelpers();
            }
        }

        /// <summary>The fan-in sums too long to write out, in the orders of <c>RunForm</c> (those of the scalar class).</summary>
        private void WriteSums()
        {
            Writer.Line("/// <summary>Sum_i a_i b_i in the order of a written-out run: eight partial sums from their first terms, combined as");
            Writer.Line("/// ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), then the rest one by one (fewer than 8: left to right).</summary>");
            Writer.OpenBlock("private static LaneVector SumWrittenOut(global::System.ReadOnlySpan<LaneVector> a, global::System.ReadOnlySpan<LaneVector> b)");
            Writer.Line("var n = a.Length;");
            Writer.Line("var whole = n & ~7;");
            Writer.OpenBlock("if (whole == 0)");
            Writer.Line("var first = a[0] * b[0];");
            Writer.OpenBlock("for (var i = 1; i < n; i++)");
            Writer.Line("first = first + (a[i] * b[i]);");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("return first;");
            Writer.CloseBlock();
            Writer.Line();
            WritePartialSums("a[{0}] * b[{0}]", 8);
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <summary>Sum_i a_i b_i in the order of Kernels.Dot: the written-out order with every partial sum starting from +0.</summary>");
            Writer.OpenBlock("private static LaneVector SumFromZero(global::System.ReadOnlySpan<LaneVector> a, global::System.ReadOnlySpan<LaneVector> b)");
            Writer.Line("var n = a.Length;");
            Writer.Line("var whole = n & ~7;");
            WritePartialSums("LaneVector.Zero", 0);
            Writer.CloseBlock();
            Writer.Line();
        }

        private void WritePartialSums(string start, int from)
        {
            for (var l = 0; l < 8; l++)
            {
                Writer.Line("var s" + Literals.Int(l) + " = " + string.Format(System.Globalization.CultureInfo.InvariantCulture, start, Literals.Int(l)) + ";");
            }

            Writer.OpenBlock("for (var i = " + Literals.Int(from) + "; i < whole; i += 8)");
            for (var l = 0; l < 8; l++)
            {
                Writer.Line("s" + Literals.Int(l) + " = s" + Literals.Int(l) + " + (a[i + " + Literals.Int(l) + "] * b[i + " + Literals.Int(l) + "]);");
            }

            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("var sum = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));");
            Writer.OpenBlock("for (var i = whole; i < n; i++)");
            Writer.Line("sum = sum + (a[i] * b[i]);");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("return sum;");
        }

        private void WriteActiveInputHelpers()
        {
            if (Rows != null)
            {
                Rows.WriteAccess(Writer);
                var row = "global::System.MemoryExtensions.AsSpan(_inputRows, column)";
                WriteGather(
                    "GatherRow(int column, int n)",
                    row,
                    "Lane l of the result is column <paramref name=\"column\"/> of lane l's row of its input in slot n, read lane by lane. A lane",
                    "without an input in slot n reads its row of input 0: a value every caller discards (each use is under the slot's mask).");
                WriteScatter("ScatterRow(int column, int n, ulong lanes, LaneVector value)", row, "Column <paramref name=\"column\"/> of lane l's row of its input in slot n");
            }
            else
            {
                var flat = "global::System.Runtime.InteropServices.MemoryMarshal.Cast<LaneVector, " + _t + ">(array).Slice(offset * LaneCount)";
                WriteGather(
                    "Gather(" + Span + " array, int offset, int n)",
                    flat,
                    "Lane l of the result is array[offset + i_l] lane l, i_l lane l's input in slot n, read lane by lane (scalar loads",
                    "beat the hardware's gathers here). A lane without an input in slot n reads element offset of its own lane: a value",
                    "every caller discards (each use of a gathered value is under the slot's lane mask).");
                WriteScatter("Scatter(" + Span + " array, int offset, int n, ulong lanes, LaneVector value)", flat, "array[offset + i_l]");
            }

            Writer.Line("/// <summary>Scatter's rarer case, some lanes only: lane by lane through the mask's bits.</summary>");
            Writer.OpenBlock("private static void ScatterSome(global::System.Span<" + _t + "> values, global::System.ReadOnlySpan<int> index, ulong lanes, LaneVector value)");
            Writer.OpenBlock("for (; lanes != 0; lanes &= lanes - 1)");
            Writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
            Writer.Line("values[index[l]] += LaneVectorOps.GetElement(value, l);");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            if (KeepsTouchedSet)
            {
                Writer.Line("/// <summary>Each lane's input in slot n joins that lane's touched set if it is not in it yet.</summary>");
                Writer.OpenBlock("private void MarkTouched(int n, ulong lanes)");
                Writer.OpenBlock("for (; lanes != 0; lanes &= lanes - 1)");
                Writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
                Writer.Line("var i = _activeIndex[(n * LaneCount) + l];");
                Writer.OpenBlock("if ((_touchedLanes[i] & (1UL << l)) == 0)");
                Writer.Line("_touchedLanes[i] |= 1UL << l;");
                Writer.Line("_touchedInputs[(l * InputCount) + _touchedCount[l]++] = i;");
                Writer.CloseBlock();
                Writer.CloseBlock();
                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.Line("/// <summary>Each active lane's x(t) is the one-hot code of its index: one slot, value 1.</summary>");
            Writer.OpenBlock("private int SetActiveInputs(global::System.ReadOnlySpan<int> indices, ulong activeBits)");
            Writer.Line("global::System.Array.Clear(_slotLanes, 0, _activeSlots);");
            Writer.OpenBlock("for (var lanes = activeBits; lanes != 0; lanes &= lanes - 1)");
            Writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
            Writer.Line("_activeIndex[l] = indices[l];");
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("for (var l = 0; l < LaneCount; l++)");
            Writer.Line(Rows != null
                ? "_laneIndex[l] = RowOf(l, ((activeBits >> l) & 1) != 0 ? indices[l] : 0);"
                : "_laneIndex[l] = (((activeBits >> l) & 1) != 0 ? indices[l] * LaneCount : 0) + l;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("_activeValue[0] = LaneVectorOps.Create(" + One + ");");
            Writer.Line("_slotLanes[0] = activeBits;");
            Writer.Line("return 1;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("/// <summary>");
            Writer.Line("/// Each active lane's inputs with x_i(t) != 0 and their values, in index order, as the scalar class's");
            Writer.Line("/// GatherActiveInputs collects them" + (OneHot ? "; more than one in a lane is an error (the spec declares one-hot inputs)" : string.Empty) + ". Returns the longest list's length.");
            Writer.Line("/// </summary>");
            Writer.OpenBlock("private int GatherActiveInputs(global::System.ReadOnlySpan<double> inputs, ulong activeBits)");
            Writer.Line("global::System.Array.Clear(_slotLanes, 0, _activeSlots);");
            Writer.Line("_activeSlots = 0;");
            Writer.Line("var slots = 0;");
            Writer.OpenBlock("for (var lanes = activeBits; lanes != 0; lanes &= lanes - 1)");
            Writer.Line("var l = global::System.Numerics.BitOperations.TrailingZeroCount(lanes);");
            Writer.Line("var count = 0;");
            Writer.OpenBlock("for (var i = 0; i < InputCount; i++)");
            Writer.Line("var value = inputs[(l * InputCount) + i];");
            Writer.OpenBlock("if (value == 0.0)");
            Writer.Line("continue;");
            Writer.CloseBlock();
            Writer.Line();
            if (OneHot)
            {
                Writer.OpenBlock("if (count == 1)");
                Writer.Line("global::System.Array.Clear(_slotLanes);");
                Writer.Line("throw new global::System.ArgumentException(\"The spec \" + " + ScalarClass + ".SpecFile + \" declares 'inputEncoding: one-hot' (at most one non-zero input per step), but lane \" + l + \"'s x(t) has more than one non-zero input.\");");
                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.Line("_activeIndex[(count * LaneCount) + l] = i;");
            Writer.Line("_laneIndex[(count * LaneCount) + l] = " + (Rows != null ? "RowOf(l, i)" : "(i * LaneCount) + l") + ";");
            Writer.Line("At(_activeValue, count, l) = " + (IsFloat ? "(float)" : string.Empty) + "value;");
            Writer.Line("_slotLanes[count] |= 1UL << l;");
            Writer.Line("count++;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("slots = global::System.Math.Max(slots, count);");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line(Rows != null ? "// A lane without an input in a slot reads its row of input 0 there (GatherRow)." : "// A lane without an input in a slot reads element 0 of its own lane there (Gather).");
            Writer.OpenBlock("for (var n = 0; n < slots; n++)");
            Writer.OpenBlock("for (var l = 0; l < LaneCount; l++)");
            Writer.OpenBlock("if (((_slotLanes[n] >> l) & 1) == 0)");
            Writer.Line("_laneIndex[(n * LaneCount) + l] = " + (Rows != null ? "RowOf(l, 0)" : "l") + ";");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("return slots;");
            Writer.CloseBlock();
        }

        /// <summary>A gather of the lanes' values in slot n from the doubles (or floats) of <paramref name="values"/>, at the slot's <c>_laneIndex</c>.</summary>
        private void WriteGather(string signature, string values, params string[] summary)
        {
            var lanes = Enumerable.Range(0, K).Select(l => Literals.Int(l)).ToList();
            Writer.Line("/// <summary>");
            foreach (var line in summary)
            {
                Writer.Line("/// " + line);
            }

            Writer.Line("/// </summary>");
            Writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            Writer.OpenBlock("private LaneVector " + signature);
            Writer.Line("var values = " + values + ";");
            Writer.Line("var index = new global::System.ReadOnlySpan<int>(_laneIndex, n * LaneCount, LaneCount);");
            Writer.Line("return LaneVectorOps.Create(" + string.Join(", ", lanes.Select(l => "values[index[" + l + "]]")) + ");");
            Writer.CloseBlock();
            Writer.Line();
        }

        /// <summary>
        /// The scatter that adds lane l of a value to one double (or float) of <paramref name="values"/> per lane in slot n, at the
        /// slot's <c>_laneIndex</c>: all lanes written out, other masks through <c>ScatterSome</c>. One printer for the vector
        /// layout's <c>Scatter</c> and the rows' <c>ScatterRow</c>.
        /// </summary>
        private void WriteScatter(string signature, string values, string target)
        {
            Writer.Line("/// <summary>" + target + " += value in lane l of each lane in <paramref name=\"lanes\"/>" + (target.StartsWith("array", System.StringComparison.Ordinal) ? ", i_l lane l's input in slot n" : string.Empty) + ".</summary>");
            Writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            Writer.OpenBlock("private void " + signature);
            Writer.Line("var values = " + values + ";");
            Writer.Line("var index = new global::System.ReadOnlySpan<int>(_laneIndex, n * LaneCount, LaneCount);");
            Writer.OpenBlock("if (lanes != AllLanes)");
            Writer.Line("ScatterSome(values, index, lanes, value);");
            Writer.Line("return;");
            Writer.CloseBlock();
            Writer.Line();
            foreach (var l in Enumerable.Range(0, K).Select(l => Literals.Int(l)))
            {
                Writer.Line("values[index[" + l + "]] += LaneVectorOps.GetElement(value, " + l + ");");
            }

            Writer.CloseBlock();
            Writer.Line();
        }
    }
}
