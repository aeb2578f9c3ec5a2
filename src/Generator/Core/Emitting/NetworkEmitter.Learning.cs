using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    public static partial class NetworkEmitter
    {
        // The error signals and weight changes of a step with a target (Eqs. 19-28), and EndSequence.
        private sealed partial class EmitContext
        {
            /// <summary>
            /// For a few output units: each e_k (Eq. 19) in a local, then each cell's Σ_k w_k,c e_k summed in registers over
            /// k in order from zero (the additions of the looped form, in its order, so the same bits) and stored once. The
            /// loop makes a chain of read-modify-writes of cellError[] in memory instead, and that chain lies on the path
            /// from the output σ to the next step's weights under per-step updates.
            /// </summary>
            private void EmitCellErrorsInRegisters(int cellColumn)
            {
                var zero = _isFloat ? "0f" : "0.0";
                for (var k = 0; k < _layout.OutputCount; k++)
                {
                    W.Line("var e" + I(k) + " = fPrimeK[" + I(k) + "] * (" + (_isFloat ? "(float)" : string.Empty) + "target[" + I(k) + "] - yOutput[" + I(k) + "]);");
                    W.Line("eK[" + I(k) + "] = e" + I(k) + ";");
                }

                W.Line("// Summed over k in order from zero, as a loop sums them (the leading " + zero + " keeps an all -0 sum at +0, as the loop does).");
                for (var c = 0; c < _layout.CellCount; c++)
                {
                    var terms = Enumerable.Range(0, _layout.OutputCount)
                        .Select(k => "w[" + I(_layout.OutputFanIns[k].Offset + cellColumn + c) + "] * e" + I(k));
                    W.Line("cellError[" + I(c) + "] = " + zero + " + " + string.Join(" + ", terms) + ";");
                }
            }

            private void EmitLearn()
            {
                var outputRow = _layout.OutputFanIns[0];
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
                var outputGatesReadInputs = _sparse && Enumerable.Range(0, _layout.BlockCount).Any(j => _layout.OutputGateFanIn(j) is FanIn og && ReadsInputs(og));
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
                if (_layout.OutputCount <= UnrolledOutputLimit)
                {
                    EmitCellErrorsInRegisters(cellColumn);
                }
                else
                {
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
                }

                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var size = _layout.BlockSize(j);
                    var og = _layout.OutputGateFanIn(j);
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
                    var ig = _layout.InputGateFanIn(j);
                    var og = _layout.OutputGateFanIn(j);
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
                        var row = _layout.CellFanIn(j, v);
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
                    var og = _layout.OutputGateFanIn(j);
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
                    var ig = _layout.InputGateFanIn(j);
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
                        var row = _layout.CellFanIn(j, v);
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
            private void EmitTraceUpdate(FanIn row, int traceOffset, string factor)
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
            private void EmitInputGateUpdate(FanIn row, List<string> factors, List<int> traceOffsets)
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
        }
    }
}
