using System.Collections.Generic;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The state a network keeps: every array of the class (its fields), what it holds, and what Reset does to it. The one
    /// place that decides which fields exist.
    /// </summary>
    internal static class StatePlanner
    {
        public static EquatableArray<StateGroup> Groups(PlanningContext context)
        {
            var shape = context.Shape;
            StateArray Real(string name, string constant, int length, string holds) =>
                new StateArray(name, StateElement.Real, new StateLength(constant, length), false, StateStart.Zero, holds);
            StateGroup Group(string heading, params StateArray[] arrays) =>
                new StateGroup(heading.Length == 0 ? EquatableArray<string>.Empty : new EquatableArray<string>(new[] { heading }), false, new EquatableArray<StateArray>(arrays));
            StateGroup Listed(string heading, params StateArray[] arrays) =>
                new StateGroup(new EquatableArray<string>(new[] { heading }), true, new EquatableArray<StateArray>(arrays));

            var cells = shape.CellCount;
            var blocks = shape.BlockCount;
            var outputs = shape.OutputCount;
            var inputs = shape.InputCount;
            var groups = new List<StateGroup>
            {
                Group(string.Empty, Real("w", "WeightCount", shape.WeightCount, "the weights w_u,m, one fan-in after another")),
                Group(
                    "Summed weight changes of the current sequence, added to the weights at its end (per-sequence updates; App. A.1).",
                    Real("delta", "WeightCount", shape.WeightCount, "the summed weight changes of the current sequence")),
                Group(
                    "dS/dw for the input gate (Eq. 25) and cell input (Eq. 27) weights of every cell.",
                    Real("traces", "TraceCount", shape.TraceCount, shape.ForgetGateTraceOffsets.Count == 0
                        ? "dS/dw, per cell: its input gate's weights (Eq. 25), then its own (Eq. 27)"
                        : "dS/dw, per cell: its input gate's weights (Eq. 25), its forget gate's if any (Gers 2000), then its own (Eq. 27)")),
                Group(
                    "y^u(t-1) and y^u(t) over the source units u: x, then the hidden units, then the bias unit = 1 (swapped after each step).",
                    new StateArray("yPrev", StateElement.Real, new StateLength("SourceCount", shape.SourceCount), false, StateStart.SourceVector, "y^u(t-1)"),
                    new StateArray("y", StateElement.Real, new StateLength("SourceCount", shape.SourceCount), false, StateStart.SourceVector, "y^u(t)")),
                Group("s_c(t): the internal states of the cells, the constant error carrousels (Eq. 9).", Real("s", "CellCount", cells, "s_c(t)")),
                Group(
                    "sigma(net) of the gates" + (context.CellInputsSquashed ? " and cells" : string.Empty) + " of the current step, in batch order: what the batched sigma writes (Eqs. 3, 7-9).",
                    Real("sigmaNet", string.Empty, context.BatchSlots.Count, "sigma(net) of the gates and squashed cell inputs")),
                Listed(
                    "Values of the current step that the learning rule needs.",
                    Real("gNetC", "CellCount", cells, "g(net_c(t))"),
                    Real("gPrimeNetC", "CellCount", cells, "g'(net_c(t))"),
                    Real("hS", "CellCount", cells, "h(s_c(t))"),
                    Real("hPrimeS", "CellCount", cells, "h'(s_c(t))"),
                    Real("fPrimeIn", "BlockCount", blocks, "f'_in(net_in(t))"),
                    Real("fPrimeOut", "BlockCount", blocks, "f'_out(net_out(t))"),
                    Real("yOutput", "OutputCount", outputs, "y^k(t)"),
                    Real("fPrimeK", "OutputCount", outputs, "f'_k(net_k(t))")),
                Listed(
                    "Error signals of a step with a target (Eqs. 19, 21, 23).",
                    Real("eK", "OutputCount", outputs, "e_k(t)"),
                    Real("cellError", "CellCount", cells, "sum_k w_k,c e_k(t)"),
                    Real("eS", "CellCount", cells, "e_s_c(t)"),
                    Real("eOut", "BlockCount", blocks, "e_out(t)")),
            };

            if (context.Spec.HasForgetGates)
            {
                groups.Add(Listed(
                    "The forget gates' values of the current step that the traces need (Gers, Schmidhuber & Cummins 2000).",
                    Real("yForget", "BlockCount", blocks, "y^phi(t) (unused for a block without a forget gate)"),
                    Real("fPrimeForget", "BlockCount", blocks, "f'_phi(net_phi(t))"),
                    Real("sPrev", "CellCount", cells, "s_c(t-1)")));
            }
            else if (context.Spec.HasPeepholes)
            {
                groups.Add(Listed(
                    "The states before this step's update, which the peephole weights' traces read (Gers, Schraudolph & Schmidhuber 2002).",
                    Real("sPrev", "CellCount", cells, "s_c(t-1)")));
            }

            if (context.ReadsActiveInputs)
            {
                var encoding = context.Spec.InputEncoding == InputEncoding.OneHot ? "one-hot" : "sparse";
                groups.Add(Group(
                    "The inputs with x_i(t) != 0 at this step, and their values (inputEncoding: " + encoding + "; GatherActiveInputs).",
                    new StateArray("activeInputs", StateElement.Int, new StateLength("InputCount", inputs), false, StateStart.Zero, "the indices i of the inputs with x_i(t) != 0"),
                    Real("activeValues", "InputCount", inputs, "their x_i(t)"),
                    new StateArray("activeCount", StateElement.Int, new StateLength(string.Empty, 1), true, StateStart.Zero, "how many inputs are active")));
            }

            if (context.KeepsTouchedSet)
            {
                groups.Add(new StateGroup(
                    new EquatableArray<string>(new[]
                    {
                        "The inputs that were non-zero at some step since Reset: only their traces (Eqs. 25, 27) can be non-zero,",
                        "so only their input gate and cell weights can change (Eqs. 26, 28).",
                    }),
                    false,
                    new EquatableArray<StateArray>(new[]
                    {
                        new StateArray("inputTouched", StateElement.Bool, new StateLength("InputCount", inputs), false, StateStart.Zero, "whether input i is in the touched set"),
                        new StateArray("touchedInputs", StateElement.Int, new StateLength("InputCount", inputs), false, StateStart.Zero, "the touched inputs"),
                        new StateArray("touchedCount", StateElement.Int, new StateLength(string.Empty, 1), true, StateStart.Zero, "how many inputs are touched"),
                    })));
            }

            return new EquatableArray<StateGroup>(groups);
        }

        /// <summary>
        /// What Reset does (§5: all activations, internal states and traces start at zero; s_c(0) = 0, Eq. 9). A spec with
        /// <c>resetActivation</c> other than 0 starts the activations of the hidden and output units at that value instead, as
        /// the 1997 JKU simulator's <c>reset_net</c> does (0.5); states and traces still start at zero.
        /// </summary>
        public static EquatableArray<ResetAction> Reset(PlanningContext context)
        {
            var value = context.Spec.ResetActivation;
            var actions = new List<ResetAction> { new ResetAction(ResetKind.ZeroButBiasUnit, "yPrev") };
            if (value != 0.0)
            {
                actions.Add(new ResetAction(ResetKind.HiddenUnitsToValue, "yPrev") { Value = value });
            }

            actions.Add(new ResetAction(ResetKind.ZeroButBiasUnit, "y"));
            if (value != 0.0)
            {
                actions.Add(new ResetAction(ResetKind.HiddenUnitsToValue, "y") { Value = value });
            }

            actions.Add(new ResetAction(ResetKind.Zero, "s"));
            actions.Add(new ResetAction(ResetKind.Zero, "traces"));
            actions.Add(value != 0.0 ? new ResetAction(ResetKind.AllToValue, "yOutput") { Value = value } : new ResetAction(ResetKind.Zero, "yOutput"));
            if (context.ReadsActiveInputs)
            {
                actions.Add(new ResetAction(ResetKind.ZeroCount, "activeCount"));
            }

            if (context.KeepsTouchedSet)
            {
                actions.Add(new ResetAction(ResetKind.EmptyTouchedSet, "touchedInputs"));
            }

            return new EquatableArray<ResetAction>(actions);
        }

        /// <summary>The gate biases the spec fixes (Table 10 "igb", "ogb"), set after every weight is drawn.</summary>
        public static EquatableArray<FixedWeight> FixedWeights(PlanningContext context)
        {
            var weights = new List<FixedWeight>();
            foreach (var block in context.Shape.Blocks)
            {
                var spec = context.Spec.Blocks[block.Block];
                if (block.InputGate.HasBias && !spec.InputGateBias.IsRandom)
                {
                    weights.Add(new FixedWeight(block.InputGate.BiasOffset, spec.InputGateBias.Value, "block " + block.Block + " input gate bias (Table 10 \"igb\")"));
                }

                if (block.ForgetGate is { HasBias: true } forgetGate && !spec.ForgetGateBias.IsRandom)
                {
                    weights.Add(new FixedWeight(forgetGate.BiasOffset, spec.ForgetGateBias.Value, "block " + block.Block + " forget gate bias (Gers 2000)"));
                }

                if (block.OutputGate is { HasBias: true } outputGate && !spec.OutputGateBias.IsRandom)
                {
                    weights.Add(new FixedWeight(outputGate.BiasOffset, spec.OutputGateBias.Value, "block " + block.Block + " output gate bias (Table 10 \"ogb\")"));
                }
            }

            return new EquatableArray<FixedWeight>(weights);
        }
    }
}
