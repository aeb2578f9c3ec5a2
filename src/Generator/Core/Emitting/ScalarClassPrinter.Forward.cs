using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The forward pass (Eqs. 7-9 and the output equation).
    internal sealed partial class ScalarClassPrinter
    {
        private void WriteForward()
        {
            var forward = _plan.Forward;
            Writer.Line("/// <summary>");
            Writer.Line("/// The forward pass of one step in the paper's processing order (§5): x(t) is set; the gates and cells");
            Writer.Line("/// compute from x(t) and y(t-1) (Eqs. 7-9); the outputs compute from the new cell outputs y^c(t), when");
            Writer.Line("/// <paramref name=\"outputsWanted\"/>: at a step without a target and without room for outputs nothing reads");
            Writer.Line("/// y^k(t) (the learning rule uses the outputs only at target steps, Eq. 19), so they are not computed.");
            Writer.Line("/// </summary>");
            Writer.OpenBlock(ReadsActiveInputs ? "private void Forward(int activeCount, bool outputsWanted)" : "private void Forward(global::System.ReadOnlySpan<double> input, bool outputsWanted)");
            View(false, "w");
            foreach (var name in new[] { "yPrev", "y", "sigmaNet", "s", "gNetC", "gPrimeNetC", "hS", "hPrimeS", "fPrimeIn" })
            {
                View(true, name);
            }

            if (Shape.OutputGateCount > 0)
            {
                View(true, "fPrimeOut");
            }

            if (Spec.HasForgetGates)
            {
                View(true, "yForget");
                View(true, "fPrimeForget");
                View(true, "sPrev");
            }
            else if (Spec.HasPeepholes)
            {
                View(true, "sPrev");
            }

            View(true, "yOutput");
            View(true, "fPrimeK");
            Writer.Line();
            WriteInputUnits(forward.Inputs);

            // Every gate and cell net input first (they read only x(t) and y(t-1)), then one batched sigma over all of
            // them, then the activations, then every cell state, then one batched sigma over the states.
            Writer.Line();
            Writer.Line("// ---- Net inputs of every gate and cell: net_u(t) = sum_m w_u,m y^m(t-1)  (Eqs. 7-9) ----");
            foreach (var block in forward.NetInputs)
            {
                var heading = "// Block " + Literal(block.Block) + ": " + Plural(Shape.Blocks[block.Block].Cells, "cell") +
                    (Shape.Blocks[block.Block].ForgetGate == null ? ", input gate" : ", input gate, forget gate") +
                    (Shape.Blocks[block.Block].OutputGate == null ? ", no output gate" : ", output gate") +
                    (Shape.Blocks[block.Block].InputGate.Peepholes == null ? string.Empty : "; peepholes from s_c(t-1) into the input" +
                        (Shape.Blocks[block.Block].ForgetGate == null ? " gate" : " and forget gates") +
                        (Shape.Blocks[block.Block].OutputGate == null ? string.Empty : ", from s_c(t) into the output gate below") + " (Gers 2002)");
                if (block.Statements.All(s => s is ComputeNetInput { NetInput.InFourFanInGroup: true }))
                {
                    Writer.Line(heading + ": every net input summed four at a time below (Kernels.Dot4).");
                    continue;
                }

                Writer.Line(heading);
                _step.Write(block.Statements);
            }

            Writer.Line();
            Writer.Line("// f(net) = sigma(net) of every gate" + (Spec.CellInput == CellInputSquash.Identity ? string.Empty : ", and the sigma of every cell input that g is made of") +
                " (Eq. 3), four at a time from registers.");
            if (forward.NetInputSigma.Groups.Any(g => g is SigmaOfFourFanIns))
            {
                Writer.Line("// Fan-ins of the same shape go four at a time: Kernels.Dot4(w, yPrev, first source, then each fan-in's first weight");
                Writer.Line("// and number of terms) sums net_u = sum_m w_u,m y^m(t-1) for four units in one vector, each lane bit for bit its");
                Writer.Line("// fan-in written out (eight interleaved partial sums, then the rest one by one), and sigma squashes the vector.");
            }

            _step.Write(forward.NetInputSigma);
            foreach (var block in forward.Activations)
            {
                Writer.Line();
                Writer.Line("// ---- Block " + Literal(block.Block) + ": y^in(t) = f(net_in)" + (Shape.Blocks[block.Block].ForgetGate != null ? ", y^phi(t) = f(net_phi)" : string.Empty) + (Shape.Blocks[block.Block].OutputGate != null ? ", y^out(t) = f(net_out)" : string.Empty) +
                    (Spec.CellInput != CellInputSquash.Identity ? ", g(net_c(t))" : string.Empty) + "  (Eqs. 7-9) ----");
                _step.Write(block.Statements);
            }

            Writer.Line();
            Writer.Line(Spec.HasForgetGates
                ? "// ---- The cell states: s_c(t) = s_c(t-1) + y^in(t) g(net_c(t))  (Eq. 9); with a forget gate s_c(t) = y^phi(t) s_c(t-1) + y^in(t) g(net_c(t))  (Gers 2000) ----"
                : "// ---- The constant error carrousels: s_c(t) = s_c(t-1) + y^in(t) g(net_c(t))  (Eq. 9) ----");
            _step.Write(forward.CellStates);
            Writer.Line();
            if (forward.PeepholeOutputGates.Count > 0)
            {
                Writer.Line("// ---- Output gates with peepholes: net_out(t) += sum_v w_out,c_v s_c_v(t), y^out(t) = f(net_out(t)), after the state");
                Writer.Line("// update (Gers & Schmidhuber 2000; Gers, Schraudolph & Schmidhuber 2002, the output gate reads s_c(t)) ----");
                _step.Write(forward.PeepholeOutputGates);
                Writer.Line();
            }

            if (forward.CellOutputs.StateSigma is { } stateSigma)
            {
                Writer.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t)), h = 2 sigma - 1  (Eqs. 4, 9); sigma(s) of every cell, four at a time from registers ----");
                _step.Write(stateSigma);
            }
            else
            {
                Writer.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t)), h the identity  (Eq. 9) ----");
            }

            foreach (var block in forward.CellOutputs.Blocks)
            {
                if (Shape.Blocks[block.Block].OutputGate == null)
                {
                    Writer.Line("// Block " + Literal(block.Block) + " has no output gate: y^c = h(s) (y^out = 1; Exps 2a/2b).");
                }

                _step.Write(block.Statements);
            }

            Writer.Line();
            Writer.OpenBlock("if (!outputsWanted)");
            Writer.Line("return;");
            Writer.CloseBlock();
            Writer.Line();
            WriteOutputUnits(forward.Outputs);
            Writer.CloseBlock();
            Writer.Line();
        }

        /// <summary>x(t): copied into the source vectors, or the active inputs' parts of the gate and cell net inputs.</summary>
        private void WriteInputUnits(InputUnitsPlan inputs)
        {
            if (inputs.Reading == InputReading.ActiveInputs)
            {
                var oneHot = Spec.InputEncoding == InputEncoding.OneHot;
                Writer.Line("// The input units (inputEncoding: " + EncodingName() + "): only the inputs with x_i(t) != 0 are read, through the list");
                Writer.Line("// GatherActiveInputs makes" + (oneHot ? " (and checks: at most one) or SetActiveInput sets" : string.Empty) + ", of which the first activeCount entries count.");
                Writer.Line("// Every other input's terms below are exact zeros, so skipping them changes no value but the summation order; with");
                Writer.Line("// one input in a thousand active it saves nearly all the work.");
                Writer.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                View(false, "activeValues");
                if (inputs.ActiveInputNetInputs.Count == 0)
                {
                    return;
                }

                Writer.Line();
                Writer.Line("// Net inputs of the gates and cells, the inputs' part: one pass over the active inputs adds w_u,i x_i(t) to");
                Writer.Line("// every fan-in that reads x (Eqs. 7-9); the hidden units' and bias part is added below, block by block.");
                _step.Write(inputs.ActiveInputNetInputs);
                return;
            }

            Writer.Line("// The input units: x(t) is read together with y(t-1) by the gates and cells" + (inputs.OutputsReadInputs ? ", and with y(t) by the outputs ('B')." : "."));
            if (IsFloat)
            {
                Writer.OpenBlock("for (var i = 0; i < InputCount; i++)");
                Writer.Line("yPrev[i] = (float)input[i];");
                if (inputs.OutputsReadInputs)
                {
                    Writer.Line("y[i] = yPrev[i];");
                }

                Writer.CloseBlock();
            }
            else
            {
                Writer.Line("input.CopyTo(yPrev);");
                if (inputs.OutputsReadInputs)
                {
                    Writer.Line("input.CopyTo(y);");
                }
            }
        }

        /// <summary>The output units, one loop over k for the net inputs, the σ, then one loop for y^k and f'_k.</summary>
        private void WriteOutputUnits(OutputLayerPlan outputs)
        {
            Writer.Line("// Output units: net_k(t) = sum_m w_k,m y^m(t), y^k(t) = f_k(net_k(t)) (output equation; sources are this step's cells" +
                (outputs.ReadsInputs ? " and x(t)" : string.Empty) + ").");
            Writer.Line("// All net inputs first, then the squashes: the dot products and the exps each run back to back.");
            Writer.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            Writer.Line("var wk = w.Slice(OutputOffset + (k * OutputRowLength), OutputRowLength);");
            if (outputs.AddsActiveInputs)
            {
                Writer.Line("var netK = " + _step.FanInSumText(outputs.NetInput) + ";");
                Writer.Line("// The active inputs' terms w_k,i x_i(t); the inactive inputs' are exact zeros.");
                Writer.OpenBlock("for (var n = 0; n < activeCount; n++)");
                Writer.Line("netK += wk[activeInputs[n]] * activeValues[n];");
                Writer.CloseBlock();
                Writer.Line();
                Writer.Line("yOutput[k] = netK;");
            }
            else
            {
                Writer.Line("yOutput[k] = " + _step.FanInSumText(outputs.NetInput) + ";");
            }

            Writer.CloseBlock();
            Writer.Line();
            _step.Write(outputs.Sigma);
            Writer.OpenBlock("for (var k = 0; k < OutputCount; k++)");
            _step.Write(outputs.Activation);
            Writer.CloseBlock();
        }
    }
}
