using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using static LstmGen.Generator.Planning.StepValues;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The input gate of block j, in_j: its net input and activation (Eq. 7), its part of every cell's traces (Eq. 25),
    /// and its weight changes (Eq. 26). The gate's weights are shared by the block's cells, so each cell keeps its own
    /// trace of every gate weight, and the change sums the cells' terms.
    /// </summary>
    internal sealed class InputGatePlanner
    {
        private readonly PlanningContext _context;

        public InputGatePlanner(PlanningContext context)
        {
            _context = context;
        }

        /// <summary>y^in_j(t), as a local of the forward pass.</summary>
        public static Local Activation(int block) => new Local("yIn" + block);

        /// <summary>The factor of Eq. 25 (traces) or of Eq. 26 (weight changes) for cell c.</summary>
        private static Local Factor(int cell) => new Local("inputGateFactor" + cell);

        /// <summary>net_in_j(t) = Σ_m w_in_j,m y^m(t−1)  (Eq. 7).</summary>
        public NetInput NetInput(BlockShape block) =>
            FanInSums.GateOrCellNetInput(_context, block.InputGate, "netIn" + block.Block, "net_in  (Eq. 7)");

        /// <summary>y^in_j(t) = f_in(net_in_j(t)) and f'_in, from σ(net_in) (Eqs. 3, 7); y^in_j joins the source vector y(t).</summary>
        public IEnumerable<Statement> Activate(BlockShape block)
        {
            var activation = Activation(block.Block);
            yield return new ApplySquash(SquashFunction.LogisticFromSigma, SigmaOfNetInput(_context.SlotOf(block.InputGate)), activation, InputGateDerivative(block.Block));
            yield return new Store(Source(block.InputGateSource), activation);
        }

        /// <summary>
        /// Eq. 25: dS_c/dw_in,m(t) = dS_c/dw_in,m(t−1) + g(net_c(t)) f'_in(net_in(t)) y^m(t−1), for cell v of the block;
        /// for a peephole weight from cell c' (Gers 2002) y^m(t−1) is s_c'(t−1).
        /// </summary>
        public IEnumerable<Statement> Traces(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            var factor = Factor(c);
            yield return new Let(factor, new Product(CellInput(c), InputGateDerivative(block.Block)), "g(net_c) f'_in(net_in)  (Eq. 25)");
            foreach (var add in FanInSums.ScaledBySources(_context, block.InputGate, "traces", new Index(_context.Shape.InputGateTraceOffsets[c]), factor, "yPrev"))
            {
                yield return add;
            }

            // Peepholes (Gers 2002): the weights from the block's states s_c'(t-1), with s_c'(t-1) as the source activation.
            foreach (var add in FanInSums.PeepholeScaledAdd(block.InputGate, "traces", new Index(_context.Shape.InputGateTraceOffsets[c]), factor, "sPrev"))
            {
                yield return add;
            }
        }

        /// <summary>Eq. 25 for the weight from the active input i: its y^i(t−1) is x_i(t).</summary>
        public IEnumerable<Statement> ActiveInputTraces(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            if (_context.HasActiveInputsPart(block.InputGate))
            {
                yield return new AddTo(
                    Trace(AtInput(_context.Shape.InputGateTraceOffsets[c])),
                    new Product(Factor(c), ActiveInput),
                    Note: "block " + block.Block + ", cell " + v + ", input gate weight from x_i (Eq. 25)");
            }
        }

        /// <summary>Eq. 26: dw_in,m = α Σ_v e_s_v dS_v/dw_in,m, the cells' terms summed first, then added once.</summary>
        public IEnumerable<Statement> WeightChanges(BlockShape block)
        {
            yield return new Comment("Input gate: dw_in,m = alpha sum_v e_s_v dS_v/dw_in,m  (Eq. 26; the cells' terms are summed first, then added once)");
            var cells = Cells(block).ToList();
            foreach (var cell in cells)
            {
                yield return new Let(Factor(cell), new Product(LearningRate, StateError(cell)));
            }

            var terms = cells.Select(c => ((Expr)Factor(c), _context.Shape.InputGateTraceOffsets[c])).ToList();
            foreach (var add in FanInSums.ScaledByTraces(_context, block.InputGate, terms))
            {
                yield return add;
            }
        }

        /// <summary>Eq. 26 for the weight from touched input i.</summary>
        public IEnumerable<Statement> TouchedInputChanges(BlockShape block)
        {
            if (_context.TouchedInputColumns(block.InputGate) > 0)
            {
                var change = new Sum(new EquatableArray<Expr>(Cells(block).Select(c => (Expr)new Product(Factor(c), Trace(AtInput(_context.Shape.InputGateTraceOffsets[c]))))));
                yield return new AddTo(WeightChange(AtInput(block.InputGate.Offset)), change, Note: "block " + block.Block + ", input gate (Eq. 26)");
            }
        }

        private static IEnumerable<int> Cells(BlockShape block) => Enumerable.Range(block.FirstCell, block.Cells);
    }
}
