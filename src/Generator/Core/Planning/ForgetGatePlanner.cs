using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Plan;
using static LstmGen.Generator.Planning.StepValues;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The forget gate of block j, φ_j (Gers, Schmidhuber &amp; Cummins 2000, "Learning to Forget", §3): its net input and
    /// activation, y^φ_j(t) = f_φ(Σ_m w_φ_j,m y^m(t−1)) over the input gate's sources; the decay it gives every trace of
    /// its cells; its own traces, dS_c/dw_φ,m(t) = dS_c/dw_φ,m(t−1) y^φ(t) + s_c(t−1) f'_φ(net_φ(t)) y^m(t−1); and its
    /// weight changes, dw_φ,m = α Σ_v e_s_v dS_v/dw_φ,m (the paper's truncated RTRL, as Eq. 26 of 1997 for the input gate).
    /// A block without one is the 1997 cell (y^φ = 1) and gets no statement from here.
    /// </summary>
    internal sealed class ForgetGatePlanner
    {
        private readonly PlanningContext _context;

        public ForgetGatePlanner(PlanningContext context)
        {
            _context = context;
        }

        /// <summary>y^φ_j(t), as a local of the forward pass.</summary>
        public static Local Activation(int block) => new Local("yPhi" + block);

        /// <summary>The factor of the forget gate's traces or weight changes for cell c.</summary>
        private static Local Factor(int cell) => new Local("forgetGateFactor" + cell);

        /// <summary>net_φ_j(t) = Σ_m w_φ_j,m y^m(t−1)  (Gers 2000, §3).</summary>
        public NetInput NetInput(BlockShape block) =>
            FanInSums.GateOrCellNetInput(_context, block.ForgetGate!, "netPhi" + block.Block, "net_phi  (Gers 2000, forget gate)");

        /// <summary>y^φ_j(t) = f_φ(net_φ_j(t)) and f'_φ, from σ(net_φ) (logistic, as the other gates, Eq. 3).</summary>
        public IEnumerable<Statement> Activate(BlockShape block)
        {
            var activation = Activation(block.Block);
            yield return new ApplySquash(SquashFunction.LogisticFromSigma, SigmaOfNetInput(_context.SlotOf(block.ForgetGate!)), activation, ForgetGateDerivative(block.Block));
            yield return new Store(ForgetGateActivation(block.Block), activation);
        }

        /// <summary>
        /// The decay of every trace of cell v (its input gate's, forget gate's and cell input's weights) by y^φ(t): the
        /// first term of each trace equation with a forget gate, dS/dw(t−1) y^φ(t) (Gers 2000). The step's terms are added
        /// after it.
        /// </summary>
        public IEnumerable<Statement> Decay(BlockShape block, int v)
        {
            if (block.ForgetGate is null)
            {
                yield break;
            }

            var c = block.FirstCell + v;
            var first = _context.Shape.InputGateTraceOffsets[c];
            var end = _context.Shape.CellTraceOffsets[c] + block.CellInputs[v].Length;
            yield return new ScaleBy("traces", first, end - first, ForgetGateActivation(block.Block));
        }

        /// <summary>
        /// The forget gate's traces of cell v: dS_c/dw_φ,m(t) = dS_c/dw_φ,m(t−1) y^φ(t) + s_c(t−1) f'_φ(net_φ(t)) y^m(t−1)
        /// (Gers 2000; the decay is <see cref="Decay"/>); for a peephole weight from cell c' (Gers 2002) y^m(t−1) is s_c'(t−1).
        /// </summary>
        public IEnumerable<Statement> Traces(BlockShape block, int v)
        {
            if (block.ForgetGate is null)
            {
                yield break;
            }

            var c = block.FirstCell + v;
            var factor = Factor(c);
            yield return new Let(factor, new Product(PreviousCellState(c), ForgetGateDerivative(block.Block)), "s_c(t-1) f'_phi(net_phi)  (Gers 2000)");
            foreach (var add in FanInSums.ScaledBySources(_context, block.ForgetGate, "traces", new Index(_context.Shape.ForgetGateTraceOffsets[c]), factor, "yPrev"))
            {
                yield return add;
            }

            // Peepholes (Gers 2002): the weights from the block's states s_c'(t-1), with s_c'(t-1) as the source activation.
            foreach (var add in FanInSums.PeepholeScaledAdd(block.ForgetGate, "traces", new Index(_context.Shape.ForgetGateTraceOffsets[c]), factor, "sPrev"))
            {
                yield return add;
            }
        }

        /// <summary>dw_φ,m = α Σ_v e_s_v dS_v/dw_φ,m (Gers 2000; as Eq. 26): the cells' terms summed first, then added once.</summary>
        public IEnumerable<Statement> WeightChanges(BlockShape block)
        {
            if (block.ForgetGate is null)
            {
                yield break;
            }

            yield return new Comment("Forget gate: dw_phi,m = alpha sum_v e_s_v dS_v/dw_phi,m  (Gers 2000; the cells' terms are summed first, then added once)");
            var cells = Enumerable.Range(block.FirstCell, block.Cells).ToList();
            foreach (var cell in cells)
            {
                yield return new Let(Factor(cell), new Product(LearningRate, StateError(cell)));
            }

            var terms = cells.Select(c => ((Expr)Factor(c), _context.Shape.ForgetGateTraceOffsets[c])).ToList();
            foreach (var add in FanInSums.ScaledByTraces(_context, block.ForgetGate, terms))
            {
                yield return add;
            }
        }
    }
}
