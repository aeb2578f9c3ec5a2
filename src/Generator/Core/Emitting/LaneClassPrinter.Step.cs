using System.Linq;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    // The lane step: Step, the forward pass (Eqs. 7-9, the output equation), the traces (Eqs. 25, 27) and the learning
    // rule (Eqs. 19-28), each the scalar class's in the plan's order, on all lanes at once.
    internal sealed partial class LaneClassPrinter
    {
        private void WriteStep()
        {
            Writer.Line("/// <inheritdoc/>");
            Writer.OpenBlock("public void Step(scoped in " + Runtime + ".LaneStep step)");
            Writer.Line("step.Validate(LaneCount, InputCount, OutputCount, AcceptsActiveInputs);");
            Writer.Line("var activeBits = step.ActiveLanes;");
            Writer.OpenBlock("if (activeBits == 0)");
            Writer.Line("return;");
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("if ((_pendingReset | _pendingEnd) != 0)");
            Writer.Line("ApplyPending();");
            Writer.CloseBlock();
            Writer.Line();
            if (ReadsActiveInputs)
            {
                Writer.Line("// Each lane's active inputs, gathered (and checked) before anything changes.");
                Writer.Line("_activeSlots = step.ActiveInputs.IsEmpty ? GatherActiveInputs(step.Inputs, activeBits) : SetActiveInputs(step.ActiveInputs, activeBits);");
            }
            else
            {
                Writer.Line("LoadInputs(step.Inputs);");
            }

            Writer.Line("Forward(activeBits, (step.TargetLanes | step.OutputLanes) != 0);");
            Writer.OpenBlock("if (step.LearningLanes != 0)");
            Writer.Line("UpdateTraces(step.LearningLanes);");
            Writer.CloseBlock();
            Writer.Line();
            Writer.OpenBlock("if (step.TargetLanes != 0)");
            Writer.Line("LoadTargets(step.Targets, step.TargetLanes);");
            Writer.Line("// The changes go to the weights (per-step updates) or to the sequence's sums (per-sequence updates; App. A.1).");
            Writer.Line(Rows != null
                ? "Learn(step.TargetLanes, Update == " + Runtime + ".UpdateTiming.PerStep ? _w : _delta, Update == " + Runtime + ".UpdateTiming.PerStep ? 0 : RowWeights);"
                : "Learn(step.TargetLanes, Update == " + Runtime + ".UpdateTiming.PerStep ? _w : _delta);");
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("CopyOutputs(step.Outputs, step.OutputLanes);");
            Writer.Line("Advance(activeBits);");
            Writer.CloseBlock();
            Writer.Line();
        }

        /// <summary>
        /// Span views of the state arrays of the plan that the method body written since <paramref name="position"/> uses,
        /// inserted there (views of arrays a phase never touches would only hold registers).
        /// </summary>
        private void InsertViews(int position)
        {
            var code = string.Join("\n", Writer.TextSince(position).Split('\n').Select(line => line.IndexOf("//", System.StringComparison.Ordinal) is var c and >= 0 ? line.Substring(0, c) : line));
            bool Uses(string name) => System.Text.RegularExpressions.Regex.IsMatch(code, @"(?<![\w.])" + name + @"(?!\w)");
            var views = new System.Collections.Generic.List<string>();
            foreach (var array in _plan.State.SelectMany(g => g.Arrays).Where(a => a.Element == StateElement.Real && !a.IsScalar && !PerLaneArrays.Contains(a.Name) && Uses(a.Name)))
            {
                var length = array.Length.Constant.Length > 0 ? array.Length.Constant : Literals.Int(array.Length.Value);
                views.Add(Span + " " + array.Name + " = new " + Span + "(_" + array.Name + ", 0, " + length + ");");
            }

            if (ReadsActiveInputs && Uses("activeValue"))
            {
                views.Add(Span + " activeValue = _activeValue;");
            }

            if (Rows != null && Uses("inputRows"))
            {
                views.Add("global::System.Span<" + _t + "> inputRows = _inputRows;");
            }

            if (ReadsActiveInputs && Uses("activeSlots"))
            {
                views.Add("var activeSlots = _activeSlots;");
            }

            Writer.InsertLines(position, views);
        }

        private void WriteForward()
        {
            var forward = _plan.Forward;
            Writer.Line("/// <summary>");
            Writer.Line("/// The forward pass of one step of the active lanes in the paper's processing order (§5), the scalar class's");
            Writer.Line("/// Forward lane by lane: net inputs (Eqs. 7-9), sigma, activations, the cell states (Eq. 9), the cell outputs,");
            Writer.Line("/// then the output units when some lane has a target or wants its outputs. Scratch values of idle lanes are");
            Writer.Line("/// computed too and never kept; the state s_c changes only in the active lanes.");
            Writer.Line("/// </summary>");
            Writer.OpenBlock("private void Forward(ulong activeBits, bool outputsWanted)");
            var views = Writer.Position;
            _step.PhaseBits = "activeBits";
            if (forward.Inputs.Reading == InputReading.ActiveInputs && forward.Inputs.ActiveInputNetInputs.Count > 0)
            {
                Writer.Line();
                Writer.Line("// Net inputs of the gates and cells, the inputs' part: a pass over each lane's active inputs adds w_u,i x_i(t)");
                Writer.Line("// (Eqs. 7-9); w_u,i is gathered lane by lane, since each lane has its own i.");
                _step.Write(forward.Inputs.ActiveInputNetInputs);
            }

            Writer.Line();
            Writer.Line("// ---- Net inputs of every gate and cell: net_u(t) = sum_m w_u,m y^m(t-1)  (Eqs. 7-9) ----");
            foreach (var block in forward.NetInputs)
            {
                Writer.Line("// Block " + Literals.Int(block.Block));
                _step.Write(block.Statements);
            }

            Writer.Line();
            Writer.Line("// f(net) = sigma(net) of every gate and of every cell input that g is made of (Eq. 3).");
            _step.Write(forward.NetInputSigma);
            foreach (var block in forward.Activations)
            {
                Writer.Line();
                Writer.Line("// ---- Block " + Literals.Int(block.Block) + ": y^in(t) = f(net_in), y^out(t) = f(net_out), g(net_c(t))  (Eqs. 7-9) ----");
                _step.Write(block.Statements);
            }

            Writer.Line();
            Writer.Line("// ---- The constant error carrousels: s_c(t) = s_c(t-1) + y^in(t) g(net_c(t))  (Eq. 9), active lanes only ----");
            _step.Write(forward.CellStates);
            Writer.Line();
            if (forward.PeepholeOutputGates.Count > 0)
            {
                Writer.Line("// ---- Output gates with peepholes: net_out(t) += sum_v w_out,c_v s_c_v(t), y^out(t) = f(net_out(t)), after the state");
                Writer.Line("// update (Gers & Schmidhuber 2000; Gers, Schraudolph & Schmidhuber 2002, the output gate reads s_c(t)) ----");
                _step.Write(forward.PeepholeOutputGates);
                Writer.Line();
            }

            Writer.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t))  (Eqs. 4, 9) ----");
            if (forward.CellOutputs.StateSigma is { } stateSigma)
            {
                _step.Write(stateSigma);
            }

            foreach (var block in forward.CellOutputs.Blocks)
            {
                _step.Write(block.Statements);
            }

            Writer.Line();
            Writer.OpenBlock("if (!outputsWanted)");
            Writer.Line("return;");
            Writer.CloseBlock();
            Writer.Line();
            var outputs = forward.Outputs;
            Writer.Line("// Output units: net_k(t) = sum_m w_k,m y^m(t), y^k(t) = f_k(net_k(t)) (output equation).");
            for (var k = 0; k < Shape.OutputCount; k++)
            {
                if (outputs.AddsActiveInputs)
                {
                    Writer.OpenBlock(string.Empty);
                    Writer.Line("var netK = " + _step.FanInSumText(outputs.NetInput, k) + ";");
                    Writer.Line("// The active inputs' terms w_k,i x_i(t), slot by slot.");
                    Writer.OpenBlock("for (var n = 0; n < activeSlots; n++)");
                    Writer.Line("var hasBits = _slotLanes[n] & activeBits;");
                    Writer.Line("netK = LaneVectorOps.ConditionalSelect(Mask(hasBits), netK + (Gather(w, " + Literals.Int(OutputFanInStart(k)) + ", n) * activeValue[n]), netK);");
                    Writer.CloseBlock();
                    Writer.Line();
                    Writer.Line("yOutput[" + Literals.Int(k) + "] = netK;");
                    Writer.CloseBlock();
                }
                else
                {
                    Writer.Line("yOutput[" + Literals.Int(k) + "] = " + _step.FanInSumText(outputs.NetInput, k) + ";");
                }
            }

            _step.Write(outputs.Sigma);
            for (var k = 0; k < Shape.OutputCount; k++)
            {
                _step.Write(outputs.Activation, k);
            }

            InsertViews(views);
            Writer.CloseBlock();
            Writer.Line();
        }

        private void WriteUpdateTraces()
        {
            var traces = _plan.Traces;
            Writer.Line("/// <summary>");
            Writer.Line("/// The RTRL traces of App. A.1 at step t, in the learning lanes only (Eqs. 25, 27):");
            Writer.Line("/// dS/dw_in,m(t) = dS/dw_in,m(t-1) + g(net_c(t)) f'_in(net_in(t)) y^m(t-1)   (Eq. 25)");
            Writer.Line("/// dS/dw_c,m(t)  = dS/dw_c,m(t-1)  + g'(net_c(t)) y^in(t) y^m(t-1)            (Eq. 27)");
            Writer.Line("/// </summary>");
            Writer.OpenBlock("private void UpdateTraces(ulong learningBits)");
            var views = Writer.Position;
            _step.PhaseBits = "learningBits";
            foreach (var cell in traces.Cells)
            {
                Writer.Line();
                Writer.Line("// Block " + Literals.Int(cell.Block) + ", cell " + Literals.Int(cell.Cell));
                _step.Write(cell.Statements);
            }

            if (traces.ActiveInputs.Count > 0)
            {
                Writer.Line();
                Writer.Line("// The input weights' traces: a pass over each lane's active inputs (an inactive input's x_i(t) = 0 adds nothing)." +
                    (KeepsTouchedSet ? " An active input joins the lane's touched set." : string.Empty));
                _step.Write(traces.ActiveInputs);
            }

            InsertViews(views);
            Writer.CloseBlock();
            Writer.Line();
        }

        private void WriteLearn()
        {
            var learning = _plan.Learning;
            Writer.Line("/// <summary>");
            Writer.Line("/// The error signals and weight changes of the lanes with a target (App. A.1, Eqs. 19-28): all errors from the");
            Writer.Line("/// weights as they are, then the changes, added to the weights (per step) or the sequence's sum (per sequence)");
            Writer.Line("/// of the target lanes only.");
            Writer.Line("/// </summary>");
            if (Rows != null)
            {
                Writer.Line("/// <param name=\"changeColumn\">Where the changes go in the rows by input: the weights' columns (per step) or the pending changes' (per sequence).</param>");
            }

            Writer.OpenBlock("private void Learn(ulong targetBits, LaneVector[] changes" + (Rows != null ? ", int changeColumn" : string.Empty) + ")");
            var views = Writer.Position;
            Writer.Line(Span + " dw = new " + Span + "(changes, 0, WeightCount);");
            Writer.Line(Span + " target = _target;");
            _step.PhaseBits = "targetBits";
            _step.Write(learning.LearningRate);
            Writer.Line();
            Writer.Line("// Output units: e_k = f'_k(net_k) (t_k - y^k)  (Eq. 19); their error reaching each cell output: sum_k w_k,c e_k.");
            var errors = learning.OutputErrors;
            for (var k = 0; k < Shape.OutputCount; k++)
            {
                _step.Write(errors.Error, k);
                _step.Write(errors.StoreError, k);
            }

            if (errors.InRegisters)
            {
                _step.Write(errors.CellErrors);
            }
            else
            {
                // The scalar loop clears cellError and adds each unit's term in order of k: the same as a sum from +0.
                for (var c = 0; c < Shape.CellCount; c++)
                {
                    var terms = Enumerable.Range(0, Shape.OutputCount).Select(k =>
                    {
                        var weight = "w[" + Literals.Int(OutputFanInStart(k) + errors.CellColumn + c) + "]";
                        var e = "e" + Literals.Int(k);
                        return errors.LoopForm == ScaledAddForm.WrittenOut ? weight + " * " + e : e + " * " + weight;
                    });
                    Writer.Line("cellError[" + Literals.Int(c) + "] = LaneVectorOps.Create(" + Literals.Real(0.0, IsFloat) + ") + " + string.Join(" + ", terms) + ";");
                }
            }

            foreach (var block in learning.BlockErrors)
            {
                Writer.Line();
                Writer.Line("// Block " + Literals.Int(block.Block) + ": e_s = y^out h'(s) sum_k w_k,c e_k  (Eq. 23); e_out = f'_out(net_out) sum_v h(s_v) sum_k w_k,c_v e_k  (Eq. 21)");
                _step.Write(block.Statements);
            }

            var outputChanges = learning.OutputWeightChanges;
            Writer.Line();
            Writer.Line("// Output unit weights: dw_k,m = alpha e_k y^m(t)  (Eq. 22).");
            for (var k = 0; k < Shape.OutputCount; k++)
            {
                Writer.OpenBlock(string.Empty);
                _step.Write(outputChanges.Factor, k);
                _step.Write(outputChanges.Changes, k);
                if (outputChanges.AddsActiveInputs)
                {
                    Writer.OpenBlock("for (var n = 0; n < activeSlots; n++)");
                    Writer.Line("Scatter(dw, " + Literals.Int(OutputFanInStart(k)) + ", n, _slotLanes[n] & targetBits, factor * activeValue[n]);");
                    Writer.CloseBlock();
                }

                Writer.CloseBlock();
            }

            foreach (var block in learning.BlockWeightChanges)
            {
                Writer.Line();
                Writer.Line("// ---- Block " + Literals.Int(block.Block) + " ----");
                _step.Write(block.Statements);
            }

            if (learning.ActiveInputChanges.Count > 0)
            {
                Writer.Line();
                Writer.Line("// ---- Output gates, weights from the inputs: dw_out,i = alpha e_out x_i(t)  (Eq. 22), each lane's active inputs ----");
                _step.Write(learning.ActiveInputChanges);
            }

            if (learning.TouchedInputChanges.Count > 0)
            {
                Writer.Line();
                Writer.Line("// ---- Input gates and cells, weights from the inputs (Eqs. 26, 28): each lane's touched inputs ----");
                _step.Write(learning.TouchedInputChanges);
            }

            InsertViews(views);
            Writer.CloseBlock();
            Writer.Line();
        }

        private int OutputFanInStart(int unit) => Shape.OutputOffset + (unit * Shape.OutputFanInLength);
    }
}
