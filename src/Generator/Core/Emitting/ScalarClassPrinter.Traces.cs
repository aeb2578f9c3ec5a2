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
            W.Line("/// <summary>");
            W.Line("/// The RTRL traces of App. A.1 at step t, updated with this step's net inputs before Learn reads them (Eqs. 26 and 28");
            W.Line("/// use dS/dw(t), step t's term included):");
            W.Line("/// dS/dw_in,m(t) = dS/dw_in,m(t-1) + g(net_c(t)) f'_in(net_in(t)) y^m(t-1)   (Eq. 25)");
            W.Line("/// dS/dw_c,m(t)  = dS/dw_c,m(t-1)  + g'(net_c(t)) y^in(t) y^m(t-1)            (Eq. 27)");
            W.Line("/// Truncation (Eqs. 12-14) leaves no other term: errors do not flow back through y(t-1).");
            W.Line("/// </summary>");
            W.OpenBlock("private void UpdateTraces()");
            View(true, "traces");
            foreach (var name in new[] { "yPrev", "y", "gNetC", "gPrimeNetC", "fPrimeIn" })
            {
                View(false, name);
            }

            foreach (var cell in traces.Cells)
            {
                W.Line();
                W.Line("// Block " + I(cell.Block) + ", cell " + I(cell.Cell));
                _step.Write(cell.Statements);
            }

            if (traces.ActiveInputs.Count > 0)
            {
                WriteActiveInputTraces(traces.ActiveInputs);
            }

            W.CloseBlock();
            W.Line();
        }

        /// <summary>
        /// Under one-hot or sparse inputs: the traces of the input weights, one pass over the active inputs, and the touched
        /// set (the inputs whose traces can be non-zero, for the weight changes).
        /// </summary>
        private void WriteActiveInputTraces(EquatableArray<Statement> pass)
        {
            W.Line();
            W.Line("// The input weights' traces: one pass over the active inputs. An inactive input's term y^i(t-1) is x_i(t) = 0,");
            if (KeepsTouchedSet)
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
            View(false, "activeValues");
            if (KeepsTouchedSet)
            {
                W.Line("global::System.Span<bool> inputTouched = new global::System.Span<bool>(_inputTouched, 0, InputCount);");
                W.Line("global::System.Span<int> touchedInputs = new global::System.Span<int>(_touchedInputs, 0, InputCount);");
                W.Line("var touchedCount = _touchedCount;");
            }

            _step.Write(pass);
            if (KeepsTouchedSet)
            {
                W.Line();
                W.Line("_touchedCount = touchedCount;");
            }
        }
    }
}
