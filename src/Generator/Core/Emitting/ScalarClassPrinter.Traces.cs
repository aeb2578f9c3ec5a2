using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The RTRL traces (Eqs. 25, 27).
    internal sealed partial class ScalarClassPrinter
    {
        private void WriteUpdateTraces()
        {
            var traces = _plan.Traces;
            Writer.Line("/// <summary>");
            Writer.Line("/// The RTRL traces of App. A.1 at step t, updated with this step's net inputs before Learn reads them (Eqs. 26 and 28");
            Writer.Line("/// use dS/dw(t), step t's term included):");
            Writer.Line("/// dS/dw_in,m(t) = dS/dw_in,m(t-1) + g(net_c(t)) f'_in(net_in(t)) y^m(t-1)   (Eq. 25)");
            Writer.Line("/// dS/dw_c,m(t)  = dS/dw_c,m(t-1)  + g'(net_c(t)) y^in(t) y^m(t-1)            (Eq. 27)");
            Writer.Line("/// Truncation (Eqs. 12-14) leaves no other term: errors do not flow back through y(t-1).");
            if (Spec.HasForgetGates)
            {
                Writer.Line("/// With a forget gate (Gers, Schmidhuber & Cummins 2000) every trace of its cells decays by y^phi(t) first, and its");
                Writer.Line("/// own weights get traces: dS/dw_phi,m(t) = dS/dw_phi,m(t-1) y^phi(t) + s_c(t-1) f'_phi(net_phi(t)) y^m(t-1).");
            }

            if (Spec.HasPeepholes)
            {
                Writer.Line("/// With peepholes (Gers, Schraudolph & Schmidhuber 2002) the input and forget gates' weights from the states s_c'");
                Writer.Line("/// of their block get the same traces with s_c'(t-1) as the source activation y^m(t-1).");
            }

            Writer.Line("/// </summary>");
            Writer.OpenBlock("private void UpdateTraces()");
            View(true, "traces");
            foreach (var name in new[] { "yPrev", "y", "gNetC", "gPrimeNetC", "fPrimeIn" })
            {
                View(false, name);
            }

            if (Spec.HasForgetGates)
            {
                foreach (var name in new[] { "yForget", "fPrimeForget", "sPrev" })
                {
                    View(false, name);
                }
            }
            else if (Spec.HasPeepholes)
            {
                View(false, "sPrev");
            }

            foreach (var cell in traces.Cells)
            {
                Writer.Line();
                Writer.Line("// Block " + Literal(cell.Block) + ", cell " + Literal(cell.Cell));
                _step.Write(cell.Statements);
            }

            if (traces.ActiveInputs.Count > 0)
            {
                WriteActiveInputTraces(traces.ActiveInputs);
            }

            Writer.CloseBlock();
            Writer.Line();
        }

        /// <summary>
        /// Under one-hot or sparse inputs: the traces of the input weights, one pass over the active inputs, and the touched
        /// set (the inputs whose traces can be non-zero, for the weight changes).
        /// </summary>
        private void WriteActiveInputTraces(EquatableArray<Statement> pass)
        {
            Writer.Line();
            Writer.Line("// The input weights' traces: one pass over the active inputs. An inactive input's term y^i(t-1) is x_i(t) = 0,");
            if (KeepsTouchedSet)
            {
                Writer.Line("// so its traces stay as they are (Eqs. 25, 27). An active input joins the touched set: only the inputs in it can");
                Writer.Line("// have non-zero traces, so only theirs are read when weights change (Eqs. 26, 28).");
            }
            else
            {
                Writer.Line("// so its traces stay as they are (Eqs. 25, 27).");
            }

            Writer.Line("var activeCount = _activeCount;");
            Writer.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
            View(false, "activeValues");
            if (KeepsTouchedSet)
            {
                Writer.Line("global::System.Span<bool> inputTouched = new global::System.Span<bool>(_inputTouched, 0, InputCount);");
                Writer.Line("global::System.Span<int> touchedInputs = new global::System.Span<int>(_touchedInputs, 0, InputCount);");
                Writer.Line("var touchedCount = _touchedCount;");
            }

            _step.Write(pass);
            if (KeepsTouchedSet)
            {
                Writer.Line();
                Writer.Line("_touchedCount = touchedCount;");
            }
        }
    }
}
