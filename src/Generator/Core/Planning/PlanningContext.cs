using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Planning
{
    /// <summary>What every planner of one network needs: the spec, its layout and shape, and the decisions that span unit kinds.</summary>
    internal sealed class PlanningContext
    {
        private readonly Dictionary<FanIn, int> _slots = new Dictionary<FanIn, int>();

        public PlanningContext(NetworkSpec spec)
        {
            Spec = spec;
            Layout = NetworkLayout.Create(spec);
            Shape = ShapeOf(Layout);
            IsFloat = spec.Precision == Precision.Float;
            ReadsActiveInputs = spec.SkipsInactiveInputs;
            TracesReadActiveInputs = ReadsActiveInputs && Layout.FanIns.Any(f => (f.Kind == UnitKind.InputGate || f.Kind == UnitKind.CellInput) && f.ReadsInputs);
            KeepsTouchedSet = TracesReadActiveInputs && Layout.InputCount >= SpeedDecisions.TouchedSetMinimum;
            OutputsReadActiveInputs = ReadsActiveInputs && Layout.OutputFanIns[0].ReadsInputs;
            CellInputsSquashed = spec.CellInput != CellInputSquash.Identity;
            BatchSlots = BatchSlotsOf(Layout, CellInputsSquashed);
            for (var i = 0; i < BatchSlots.Count; i++)
            {
                _slots.Add(BatchSlots[i], i);
            }

            FourFanInGroups = FanInSums.FourFanInGroups(this);
        }

        public NetworkSpec Spec { get; }

        public NetworkLayout Layout { get; }

        public NetworkShape Shape { get; }

        public bool IsFloat { get; }

        /// <summary>The inputs are read through the list of this step's non-zero inputs (one-hot or sparse encoding).</summary>
        public bool ReadsActiveInputs { get; }

        /// <summary>Under <see cref="ReadsActiveInputs"/>: some fan-in with traces (input gate or cell) reads the inputs.</summary>
        public bool TracesReadActiveInputs { get; }

        /// <summary>The input gate and cell weights from the inputs change for the inputs touched since Reset only.</summary>
        public bool KeepsTouchedSet { get; }

        /// <summary>Under <see cref="ReadsActiveInputs"/>: the output units read the inputs ('B').</summary>
        public bool OutputsReadActiveInputs { get; }

        /// <summary>g is made of σ (g2 or g1), so every cell input goes through the batched σ with the gates.</summary>
        public bool CellInputsSquashed { get; }

        /// <summary>
        /// The fan-ins whose net inputs go through the batched σ, in slot order: block by block, the input gate, the output
        /// gate (if any), then the cells (if g is made of σ); a block's forget gate (Gers 2000) comes right after its input gate.
        /// The output gates that read s_c(t) through peepholes (Gers 2002) come last, after every other slot: they are
        /// squashed after the state update (<see cref="LateOutputGateSlots"/>).
        /// </summary>
        public IReadOnlyList<FanIn> BatchSlots { get; }

        /// <summary>The fan-ins summed four at a time (<c>Kernels.Dot4</c>) with the batched σ.</summary>
        public ISet<FanIn> FourFanInGroups { get; }

        /// <summary>The batch slot of <paramref name="fanIn"/>'s net input.</summary>
        public int SlotOf(FanIn fanIn) => _slots[fanIn];

        /// <summary>
        /// The number of batch slots of the output gates that read s_c(t) through peepholes (Gers 2002): the last slots,
        /// squashed after the state update rather than with the others.
        /// </summary>
        public int LateOutputGateSlots => BatchSlots.Count(f => f.Kind == UnitKind.OutputGate && f.Peepholes != null);

        /// <summary>Whether <paramref name="fanIn"/> reads x(t) through the list of active inputs.</summary>
        public bool HasActiveInputsPart(FanIn fanIn) => ReadsActiveInputs && fanIn.ReadsInputs;

        /// <summary>
        /// The leading weights of an input gate or cell fan-in whose changes (Eqs. 26, 28) the touched inputs' pass makes:
        /// its input segment when the network keeps a touched set, else none.
        /// </summary>
        public int TouchedInputColumns(FanIn fanIn) => KeepsTouchedSet && HasActiveInputsPart(fanIn) ? Layout.InputCount : 0;

        private static NetworkShape ShapeOf(NetworkLayout layout)
        {
            var blocks = new List<BlockShape>();
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var outputGate = layout.OutputGateIndex(j);
                blocks.Add(new BlockShape(
                    j,
                    layout.BlockSize(j),
                    layout.CellIndex(j, 0),
                    layout.InputGateFanIn(j),
                    layout.OutputGateFanIn(j),
                    new EquatableArray<FanIn>(Enumerable.Range(0, layout.BlockSize(j)).Select(v => layout.CellFanIn(j, v))),
                    layout.InputCount + layout.InputGateIndex(j),
                    outputGate < 0 ? -1 : layout.InputCount + outputGate)
                {
                    ForgetGate = layout.ForgetGateFanIn(j),
                });
            }

            return new NetworkShape(
                layout.InputCount,
                layout.OutputCount,
                layout.CellCount,
                layout.HiddenCount,
                layout.OutputGateCount,
                layout.WeightCount,
                layout.TraceCount,
                layout.OutputOffset,
                layout.OutputFanIns[0].Length,
                new EquatableArray<BlockShape>(blocks),
                new EquatableArray<FanIn>(layout.FanIns),
                new EquatableArray<int>(Enumerable.Range(0, layout.CellCount).Select(layout.InputGateTraceOffset)),
                new EquatableArray<int>(Enumerable.Range(0, layout.CellCount).Select(layout.CellTraceOffset)))
            {
                ForgetGateTraceOffsets = layout.Spec.HasForgetGates
                    ? new EquatableArray<int>(Enumerable.Range(0, layout.CellCount).Select(layout.ForgetGateTraceOffset))
                    : EquatableArray<int>.Empty,
            };
        }

        private static IReadOnlyList<FanIn> BatchSlotsOf(NetworkLayout layout, bool cellInputsSquashed)
        {
            var slots = new List<FanIn>();
            for (var j = 0; j < layout.BlockCount; j++)
            {
                slots.Add(layout.InputGateFanIn(j));
                if (layout.ForgetGateFanIn(j) is FanIn forgetGate)
                {
                    slots.Add(forgetGate);
                }

                if (layout.OutputGateFanIn(j) is FanIn outputGate && !layout.HasPeepholes(j))
                {
                    slots.Add(outputGate);
                }

                for (var v = 0; cellInputsSquashed && v < layout.BlockSize(j); v++)
                {
                    slots.Add(layout.CellFanIn(j, v));
                }
            }

            for (var j = 0; j < layout.BlockCount; j++)
            {
                if (layout.OutputGateFanIn(j) is FanIn outputGate && layout.HasPeepholes(j))
                {
                    slots.Add(outputGate);
                }
            }

            return slots;
        }
    }
}
