using System.Linq;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The error signals and weight changes of a step with a target (Eqs. 19-28), and EndSequence.
    internal sealed partial class ScalarClassPrinter
    {
        private void WriteLearn()
        {
            var learning = _plan.Learning;
            W.Line("/// <summary>");
            W.Line("/// The error signals and weight changes of a step with a target (App. A.1, Eqs. 19-28). All errors are");
            W.Line("/// computed from the weights as they are, then the changes are added: to the weights at once (per step)");
            W.Line("/// or to the sequence's sum (per sequence).");
            W.Line("/// </summary>");
            W.OpenBlock("private void Learn(global::System.ReadOnlySpan<double> target)");
            View(false, "w");
            W.Line(Span + " dw = new " + Span + "(Update == " + Runtime + ".UpdateTiming.PerStep ? _w : _delta, 0, WeightCount);");
            foreach (var name in new[] { "traces", "yPrev", "y", "hS", "hPrimeS" })
            {
                View(false, name);
            }

            if (Shape.OutputGateCount > 0)
            {
                View(false, "fPrimeOut");
            }

            View(false, "yOutput");
            View(false, "fPrimeK");
            View(true, "eK");
            View(true, "cellError");
            View(true, "eS");
            if (Shape.OutputGateCount > 0)
            {
                View(true, "eOut");
            }

            _step.Write(learning.LearningRate);
            if (learning.OutputWeightChanges.AddsActiveInputs || learning.ActiveInputChanges.Count > 0)
            {
                W.Line("var activeCount = _activeCount;");
                W.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                View(false, "activeValues");
            }

            if (KeepsTouchedSet)
            {
                W.Line("var touchedCount = _touchedCount;");
                W.Line("global::System.ReadOnlySpan<int> touchedInputs = new global::System.ReadOnlySpan<int>(_touchedInputs, 0, InputCount);");
            }

            W.Line();
            W.Line("// Output units: e_k = f'_k(net_k) (t_k - y^k)  (Eq. 19; no factor 2, it is absorbed into alpha).");
            W.Line("// Their error reaching each cell output: sum_k w_k,c e_k.");
            WriteOutputErrors(learning.OutputErrors);
            foreach (var block in learning.BlockErrors)
            {
                W.Line();
                W.Line("// Block " + I(block.Block) + ": internal state errors e_s = y^out h'(s) sum_k w_k,c e_k  (Eq. 23)" +
                    (Shape.Blocks[block.Block].OutputGate != null ? "; output gate error e_out = f'_out(net_out) sum_v h(s_v) sum_k w_k,c_v e_k  (Eq. 21)" : string.Empty));
                _step.Write(block.Statements);
            }

            var outputChanges = learning.OutputWeightChanges;
            W.Line();
            W.Line("// Output unit weights: dw_k,m = alpha e_k y^m(t)  (Eq. 22; sources are this step's cells" + (outputChanges.ReadsInputs ? " and x(t)" : string.Empty) + ").");
            W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            _step.Write(outputChanges.Factor);
            W.Line("var dwk = dw.Slice(OutputOffset + (k * OutputRowLength), OutputRowLength);");
            _step.Write(outputChanges.Changes);
            if (outputChanges.AddsActiveInputs)
            {
                W.Line("// From the inputs: only the active ones (an inactive input's x_i(t) = 0 changes nothing).");
                W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                W.Line("dwk[activeInputs[n]] += factor * activeValues[n];");
                W.CloseBlock();
            }

            W.CloseBlock();
            foreach (var block in learning.BlockWeightChanges)
            {
                W.Line();
                W.Line("// ---- Block " + I(block.Block) + " ----");
                _step.Write(block.Statements);
            }

            if (learning.ActiveInputChanges.Count > 0)
            {
                W.Line();
                W.Line("// ---- Output gates, weights from the inputs: dw_out,i = alpha e_out x_i(t)  (Eq. 22) ----");
                W.Line("// Only the active inputs: an inactive input's x_i(t) = 0 changes nothing.");
                _step.Write(learning.ActiveInputChanges);
            }

            if (learning.TouchedInputChanges.Count > 0)
            {
                W.Line();
                W.Line("// ---- Input gates and cells, weights from the inputs (Eqs. 26, 28) ----");
                W.Line("// Only the touched inputs, those non-zero at some step since Reset: every other input's traces are zero.");
                _step.Write(learning.TouchedInputChanges);
            }

            W.CloseBlock();
            W.Line();
        }

        /// <summary>
        /// e_k (Eq. 19) and each cell's Σ_k w_k,c e_k. For a few output units, each e_k in a local and each cell's sum
        /// written out over k from +0 and stored once; the loop form makes a chain of read-modify-writes of cellError[] in
        /// memory instead, which lies on the path from the output σ to the next step's weights under per-step updates.
        /// </summary>
        private void WriteOutputErrors(OutputErrorsPlan errors)
        {
            if (errors.InRegisters)
            {
                for (var k = 0; k < Shape.OutputCount; k++)
                {
                    _step.Write(errors.Error, k);
                    _step.Write(errors.StoreError, k);
                }

                W.Line("// Summed over k in order from zero, as a loop sums them (the leading " + Literals.Real(0.0, IsFloat) + " keeps an all -0 sum at +0, as the loop does).");
                _step.Write(errors.CellErrors);
                return;
            }

            W.Line("cellError.Clear();");
            W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            _step.Write(errors.Error);
            _step.Write(errors.StoreError);
            W.Line("var wk = w.Slice(OutputOffset + (k * OutputRowLength)" + (errors.CellColumn == 0 ? string.Empty : " + " + I(errors.CellColumn)) + ", CellCount);");
            if (errors.LoopForm == ScaledAddForm.WrittenOut)
            {
                for (var c = 0; c < Shape.CellCount; c++)
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

        private void WriteEndSequence()
        {
            W.Line("/// <inheritdoc/>");
            W.OpenBlock("public void EndSequence()");
            W.Line("if (Update == " + Runtime + ".UpdateTiming.PerSequence)");
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
