using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using static LstmGen.Generator.Planning.StepValues;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The output units k, stated once for every k: the output equation (net_k(t) = Σ_m w_k,m y^m(t), y^k = f_k(net_k),
    /// reading this step's cell outputs, App. A.1 and §5), the errors e_k (Eq. 19) and what reaches each cell output
    /// (Σ_k w_k,c e_k, for Eqs. 21 and 23), and the weight changes (Eq. 22).
    /// </summary>
    internal sealed class OutputUnitPlanner
    {
        private readonly PlanningContext _context;

        public OutputUnitPlanner(PlanningContext context)
        {
            _context = context;
        }

        /// <summary>e_k, as a local per output unit.</summary>
        private static Local Error => new Local("e", IndexVariable.OutputUnit);

        /// <summary>α e_k, the factor of Eq. 22 in the loop over k.</summary>
        private static Local Factor => new Local("factor");

        /// <summary>Output unit 0's fan-in: every output unit's has its shape, one fan-in length further on.</summary>
        private FanIn FanIn => _context.Layout.OutputFanIns[0];

        private bool ReadsInputs => (_context.Spec.Connectivity.Outputs & SourceSet.Input) != 0;

        /// <summary>The output layer of the forward pass: net_k, σ(net_k) of every output, y^k and f'_k.</summary>
        public OutputLayerPlan Forward()
        {
            var k = OutputUnit;
            var count = _context.Shape.OutputCount;
            var sigma = count <= SpeedDecisions.UnrolledOutputLimit
                ? Sigmas.InGroups("yOutput", Enumerable.Range(0, count).Select(unit => (Expr)OutputActivation(new Index(unit))).ToList())
                : new Sigma("yOutput", new EquatableArray<SigmaGroup>(new[] { new SigmaOfArray("yOutput") }));
            return new OutputLayerPlan(
                FanInSums.NetInput(_context, FanIn, InOutputFanIn(0), SourceVector.Current),
                _context.OutputsReadActiveInputs,
                ReadsInputs,
                sigma,
                new ApplySquash(SquashFunction.LogisticFromSigma, OutputActivation(k), OutputActivation(k), OutputDerivative(k)));
        }

        /// <summary>
        /// Eq. 19: e_k = f'_k(net_k) (t_k − y^k) (no factor 2: it is absorbed into α); and for each cell c,
        /// Σ_k w_k,c e_k over k in order from zero.
        /// </summary>
        public OutputErrorsPlan Errors()
        {
            var k = OutputUnit;
            var cellColumn = FanIn.Segments.First(s => s.Region == SourceRegion.Hidden).WeightOffset - FanIn.Offset;
            var error = new Let(Error, new Product(OutputDerivative(k), new Difference(new InNetworkPrecision(Target(k)), OutputActivation(k))));
            var cellErrors = Enumerable.Range(0, _context.Shape.CellCount)
                .Select(c => new Store(CellError(c), new OutputUnitsSum(new Product(Weight(InOutputFanIn(cellColumn + c)), Error))));
            return new OutputErrorsPlan(
                error,
                new Store(OutputError(k), Error),
                new EquatableArray<Store>(cellErrors),
                _context.Shape.OutputCount <= SpeedDecisions.UnrolledOutputLimit,
                cellColumn,
                _context.Shape.CellCount <= SpeedDecisions.ScaledAddUnrollLimit ? ScaledAddForm.WrittenOut : ScaledAddForm.Kernel);
        }

        /// <summary>Eq. 22: dw_k,m = α e_k y^m(t) (the output units read this step's activations).</summary>
        public OutputWeightChangesPlan WeightChanges()
        {
            var factor = new Let(Factor, new Product(LearningRate, OutputError(OutputUnit)));
            var changes = FanInSums.ScaledBySources(_context, FanIn, "dw", InOutputFanIn(0), Factor, "y");
            return new OutputWeightChangesPlan(factor, new EquatableArray<Statement>(changes), _context.OutputsReadActiveInputs, ReadsInputs);
        }
    }
}
