using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    public static partial class NetworkEmitter
    {
        // The RTRL traces (Eqs. 25, 27).
        private sealed partial class EmitContext
        {
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
                    var ig = _layout.InputGateFanIn(j);
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        var row = _layout.CellFanIn(j, v);
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
                    var ig = _layout.InputGateFanIn(j);
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        if (InputColumns(ig) > 0)
                        {
                            W.Line("traces[" + Offset(_layout.InputGateTraceOffset(c)) + "i] += inputGateFactor" + I(c) + " * x;   // block " + I(j) + ", cell " + I(v) + ", input gate weight from x_i (Eq. 25)");
                        }

                        if (InputColumns(_layout.CellFanIn(j, v)) > 0)
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
            private void EmitAddScaled(string target, int start, FanIn row, string factor, string sources)
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
        }
    }
}
