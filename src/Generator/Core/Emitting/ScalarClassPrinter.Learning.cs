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
            Writer.Line("/// <summary>");
            Writer.Line("/// The error signals and weight changes of a step with a target (App. A.1, Eqs. 19-28). All errors are");
            Writer.Line("/// computed from the weights as they are, then the changes are added: to the weights at once (per step)");
            Writer.Line("/// or to the sequence's sum (per sequence).");
            Writer.Line("/// </summary>");
            Writer.OpenBlock("private void Learn(global::System.ReadOnlySpan<double> target)");
            View(false, "w");
            Writer.Line(Span + " dw = new " + Span + "(Update == " + Runtime + ".UpdateTiming.PerStep ? _w : _delta, 0, WeightCount);");
            foreach (var name in new[] { "traces", "yPrev", "y", "hS", "hPrimeS" })
            {
                View(false, name);
            }

            if (Shape.OutputGateCount > 0)
            {
                View(false, "fPrimeOut");
            }

            if (Spec.HasPeepholes)
            {
                // The output gates' peephole weights change with s_c(t) (Gers 2002).
                View(false, "s");
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
                Writer.Line("var activeCount = _activeCount;");
                Writer.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                View(false, "activeValues");
            }

            if (KeepsTouchedSet)
            {
                Writer.Line("var touchedCount = _touchedCount;");
                Writer.Line("global::System.ReadOnlySpan<int> touchedInputs = new global::System.ReadOnlySpan<int>(_touchedInputs, 0, InputCount);");
            }

            Writer.Line();
            Writer.Line("// Output units: e_k = f'_k(net_k) (t_k - y^k)  (Eq. 19; no factor 2, it is absorbed into alpha).");
            Writer.Line("// Their error reaching each cell output: sum_k w_k,c e_k.");
            WriteOutputErrors(learning.OutputErrors);
            foreach (var block in learning.BlockErrors)
            {
                Writer.Line();
                Writer.Line("// Block " + Literal(block.Block) + ": internal state errors e_s = y^out h'(s) sum_k w_k,c e_k  (Eq. 23)" +
                    (Shape.Blocks[block.Block].OutputGate != null ? "; output gate error e_out = f'_out(net_out) sum_v h(s_v) sum_k w_k,c_v e_k  (Eq. 21)" : string.Empty));
                _step.Write(block.Statements);
            }

            var outputChanges = learning.OutputWeightChanges;
            Writer.Line();
            Writer.Line("// Output unit weights: dw_k,m = alpha e_k y^m(t)  (Eq. 22; sources are this step's cells" + (outputChanges.ReadsInputs ? " and x(t)" : string.Empty) + ").");
            Writer.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            _step.Write(outputChanges.Factor);
            Writer.Line("var dwk = dw.Slice(OutputOffset + (k * OutputRowLength), OutputRowLength);");
            _step.Write(outputChanges.Changes);
            if (outputChanges.AddsActiveInputs)
            {
                Writer.Line("// From the inputs: only the active ones (an inactive input's x_i(t) = 0 changes nothing).");
                Writer.OpenBlock("for (var n = 0; n < activeCount; n++)");
                Writer.Line("dwk[activeInputs[n]] += factor * activeValues[n];");
                Writer.CloseBlock();
            }

            Writer.CloseBlock();
            foreach (var block in learning.BlockWeightChanges)
            {
                Writer.Line();
                Writer.Line("// ---- Block " + Literal(block.Block) + " ----");
                _step.Write(block.Statements);
            }

            if (learning.ActiveInputChanges.Count > 0)
            {
                Writer.Line();
                Writer.Line("// ---- Output gates, weights from the inputs: dw_out,i = alpha e_out x_i(t)  (Eq. 22) ----");
                Writer.Line("// Only the active inputs: an inactive input's x_i(t) = 0 changes nothing.");
                _step.Write(learning.ActiveInputChanges);
            }

            if (learning.TouchedInputChanges.Count > 0)
            {
                Writer.Line();
                Writer.Line("// ---- Input gates and cells, weights from the inputs (Eqs. 26, 28) ----");
                Writer.Line("// Only the touched inputs, those non-zero at some step since Reset: every other input's traces are zero.");
                _step.Write(learning.TouchedInputChanges);
            }

            Writer.CloseBlock();
            Writer.Line();
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

                Writer.Line("// Summed over k in order from zero, as a loop sums them (the leading " + Literals.Real(0.0, IsFloat) + " keeps an all -0 sum at +0, as the loop does).");
                _step.Write(errors.CellErrors);
                return;
            }

            Writer.Line("cellError.Clear();");
            Writer.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            _step.Write(errors.Error);
            _step.Write(errors.StoreError);
            Writer.Line("var wk = w.Slice(OutputOffset + (k * OutputRowLength)" + (errors.CellColumn == 0 ? string.Empty : " + " + Literal(errors.CellColumn)) + ", CellCount);");
            if (errors.LoopForm == ScaledAddForm.WrittenOut)
            {
                for (var c = 0; c < Shape.CellCount; c++)
                {
                    Writer.Line("cellError[" + Literal(c) + "] += wk[" + Literal(c) + "] * e;");
                }
            }
            else
            {
                Writer.Line(Kernels + ".AddScaled(cellError, e, wk);");
            }

            Writer.CloseBlock();
        }

        private void WriteEndSequence()
        {
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void EndSequence()");
            Writer.Line("if (Update == " + Runtime + ".UpdateTiming.PerSequence)");
            Writer.Line("{");
            Writer.Line("    // \"Each weight's total update is the sum of the contributions of all time steps\" (App. A.1).");
            Writer.Line("    " + Kernels + ".AddScaled(_w, " + One + ", _delta);");
            Writer.Line("    global::System.Array.Clear(_delta);");
            Writer.Line("}");
            Writer.CloseBlock();
            Writer.Line();
        }
    }
}
