using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using static LstmGen.Generator.Planning.StepValues;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The output gate of block j, out_j (absent in the paper's "no og" blocks): its net input and activation (Eq. 8),
    /// its error (Eq. 21) and its weight changes (Eq. 22). Output gates keep no traces: their update is the plain
    /// gradient at time t (App. A.1).
    /// </summary>
    internal sealed class OutputGatePlanner
    {
        private readonly PlanningContext _context;

        public OutputGatePlanner(PlanningContext context)
        {
            _context = context;
        }

        /// <summary>y^out_j(t), as a local of the forward pass.</summary>
        public static Local Activation(int block) => new Local("yOut" + block);

        /// <summary>α e_out_j, the factor of Eq. 22.</summary>
        private static Local Factor(int block) => new Local("outputGateFactor" + block);

        /// <summary>net_out_j(t) = Σ_m w_out_j,m y^m(t−1)  (Eq. 8).</summary>
        public NetInput NetInput(BlockShape block) =>
            FanInSums.GateOrCellNetInput(_context, block.OutputGate!, "netOut" + block.Block, "net_out  (Eq. 8)");

        /// <summary>
        /// With peepholes (Gers 2002), net_out_j(t) += Σ_v w_out_j,c_v s_c_v(t): the states after the update, so this runs
        /// after the cell states and before σ of the late slots.
        /// </summary>
        public IEnumerable<Statement> AddPeepholes(BlockShape block)
        {
            if (block.OutputGate is { } fanIn && FanInSums.PeepholeSum(fanIn) is { } sum)
            {
                yield return new AddTo(new Local(NetInput(block).Local), sum, Note: "+ sum_v w_out,c_v s_c_v(t)  (peepholes, Gers 2002)");
            }
        }

        /// <summary>y^out_j(t) = f_out(net_out_j(t)) and f'_out, from σ(net_out) (Eqs. 3, 8); y^out_j joins y(t).</summary>
        public IEnumerable<Statement> Activate(BlockShape block)
        {
            var activation = Activation(block.Block);
            yield return new ApplySquash(SquashFunction.LogisticFromSigma, SigmaOfNetInput(_context.SlotOf(block.OutputGate!)), activation, OutputGateDerivative(block.Block));
            yield return new Store(Source(block.OutputGateSource), activation);
        }

        /// <summary>Eq. 21: e_out_j = f'_out(net_out_j) Σ_v h(s_c_v) Σ_k w_k,c_v e_k.</summary>
        public Statement Error(BlockShape block)
        {
            var terms = Enumerable.Range(block.FirstCell, block.Cells).Select(c => (Expr)new Grouped(new Product(SquashedState(c), CellError(c))));
            return new Store(OutputGateError(block.Block), new Product(OutputGateDerivative(block.Block), new Sum(new EquatableArray<Expr>(terms))));
        }

        /// <summary>
        /// Eq. 22: dw_out,m = α e_out y^m(t−1); for a peephole weight from cell c' (Gers 2002) y^m is s_c'(t). The error does
        /// not flow from the gate back into s_c through the peephole (truncated, as Gers 2002 does): e_s is Eq. 23's.
        /// </summary>
        public IEnumerable<Statement> WeightChanges(BlockShape block)
        {
            var factor = Factor(block.Block);
            yield return new Comment("Output gate: dw_out,m = alpha e_out y^m(t-1)  (Eq. 22)");
            yield return new Let(factor, new Product(LearningRate, OutputGateError(block.Block)));
            foreach (var add in FanInSums.ScaledBySources(_context, block.OutputGate!, "dw", new Index(block.OutputGate!.Offset), factor, "yPrev"))
            {
                yield return add;
            }

            // Peepholes (Gers 2002): dw_out,c' = alpha e_out s_c'(t), the state the gate read after the update.
            if (block.OutputGate!.Peepholes != null)
            {
                yield return new Comment("Output gate peepholes: dw_out,c = alpha e_out s_c(t)  (Gers 2002: s_c(t) is the source activation)");
            }

            foreach (var add in FanInSums.PeepholeScaledAdd(block.OutputGate!, "dw", new Index(block.OutputGate!.Offset), factor, "s"))
            {
                yield return add;
            }
        }

        /// <summary>Eq. 22 for the weight from the active input i: its y^i(t−1) is x_i(t).</summary>
        public IEnumerable<Statement> ActiveInputChanges(BlockShape block)
        {
            if (block.OutputGate is { } fanIn && _context.HasActiveInputsPart(fanIn))
            {
                yield return new AddTo(WeightChange(AtInput(fanIn.Offset)), new Product(Factor(block.Block), ActiveInput), Note: "block " + block.Block);
            }
        }
    }
}
