using System.Collections.Generic;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using static LstmGen.Generator.Planning.StepValues;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// Memory cell v of block j, c = c_j^v: its cell input g(net_c) (Eq. 9), its state s_c, the constant error carrousel
    /// (Eq. 9), its output y^c = y^out h(s_c) (Eq. 9), its internal state error (Eq. 23), its traces (Eq. 27) and its
    /// weight changes (Eq. 28).
    /// </summary>
    internal sealed class CellPlanner
    {
        private readonly PlanningContext _context;

        public CellPlanner(PlanningContext context)
        {
            _context = context;
        }

        /// <summary>s_c(t) as a local (when h is made of σ, the batched σ reads it from a register).</summary>
        private static Local State(int cell) => new Local("s" + cell);

        /// <summary>The factor of Eq. 27 (traces) or of Eq. 28 (weight changes).</summary>
        private static Local Factor(int cell) => new Local("cellFactor" + cell);

        private bool SquashedOutput => _context.Spec.CellOutput == CellOutputSquash.H1;

        /// <summary>net_c(t) = Σ_m w_c,m y^m(t−1)  (Eq. 9).</summary>
        public NetInput NetInput(BlockShape block, int v) =>
            FanInSums.GateOrCellNetInput(_context, block.CellInputs[v], "netC" + (block.FirstCell + v), "net_c of cell " + v + "  (Eq. 9)");

        /// <summary>
        /// The net input's statement in the net inputs' phase: the sum, or, when g is the identity (so not squashed in the
        /// batch), g(net_c) = net_c and g' = 1 at once.
        /// </summary>
        public Statement ComputeNetInput(BlockShape block, int v)
        {
            var netInput = NetInput(block, v);
            if (_context.CellInputsSquashed)
            {
                return new ComputeNetInput(netInput);
            }

            var c = block.FirstCell + v;
            return new ApplySquash(SquashFunction.Identity, new NetInputValue(netInput), CellInput(c), CellInputDerivative(c), "g(net_c) = net_c of cell " + v + "  (Eq. 9)");
        }

        /// <summary>g(net_c(t)) and g'(net_c(t)) from σ(net_c), for g = 4σ − 2 (Eq. 5) or g = σ.</summary>
        public Statement Activate(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            var g = _context.Spec.CellInput == CellInputSquash.G2 ? SquashFunction.G2FromSigma : SquashFunction.LogisticFromSigma;
            return new ApplySquash(g, SigmaOfNetInput(_context.SlotOf(block.CellInputs[v])), CellInput(c), CellInputDerivative(c));
        }

        /// <summary>
        /// The constant error carrousel, Eq. 9: s_c(t) = s_c(t−1) + y^in(t) g(net_c(t)); with a forget gate (Gers 2000),
        /// s_c(t) = y^φ(t) s_c(t−1) + y^in(t) g(net_c(t)), s_c(t−1) kept for the forget gate's traces.
        /// </summary>
        public IEnumerable<Statement> UpdateState(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            var input = new Product(InputGatePlanner.Activation(block.Block), CellInput(c));
            if (block.ForgetGate is null)
            {
                if (block.InputGate.Peepholes != null)
                {
                    // The peephole weights' traces read s_c(t-1) (Gers 2002).
                    yield return new Store(PreviousCellState(c), CellState(c));
                }

                yield return new AddTo(CellState(c), input, SquashedOutput ? State(c).Name : string.Empty);
                yield break;
            }

            yield return new Store(PreviousCellState(c), CellState(c));
            var state = new Sum(new Product(ForgetGatePlanner.Activation(block.Block), CellState(c)), input);
            if (SquashedOutput)
            {
                yield return new Let(State(c), state, "s_c(t) = y^phi s_c(t-1) + y^in g(net_c)  (Gers 2000)");
                yield return new Store(CellState(c), State(c));
            }
            else
            {
                yield return new Store(CellState(c), state, "s_c(t) = y^phi s_c(t-1) + y^in g(net_c)  (Gers 2000)");
            }
        }

        /// <summary>The value σ reads for h(s_c) = 2σ(s_c) − 1 (Eq. 4).</summary>
        public static Expr StateForSigma(int cell) => State(cell);

        /// <summary>Eq. 9: y^c(t) = y^out(t) h(s_c(t)) (h(s_c) alone without an output gate), with h' for Eq. 23.</summary>
        public IEnumerable<Statement> Output(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            yield return SquashedOutput
                ? new ApplySquash(SquashFunction.H1FromSigma, SquashedState(c), SquashedState(c), SquashedStateDerivative(c))
                : new ApplySquash(SquashFunction.Identity, CellState(c), SquashedState(c), SquashedStateDerivative(c));
            yield return new Store(
                Source(_context.Shape.HiddenSource(c)),
                block.OutputGate is null ? SquashedState(c) : new Product(OutputGatePlanner.Activation(block.Block), SquashedState(c)));
        }

        /// <summary>Eq. 23: e_s_c = y^out h'(s_c) Σ_k w_k,c e_k (y^out = 1 without an output gate).</summary>
        public Statement StateError(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            var error = block.OutputGate is null
                ? new Product(SquashedStateDerivative(c), CellError(c))
                : new Product(Source(block.OutputGateSource), SquashedStateDerivative(c), CellError(c));
            return new Store(StepValues.StateError(c), error);
        }

        /// <summary>Eq. 27: dS_c/dw_c,m(t) = dS_c/dw_c,m(t−1) + g'(net_c(t)) y^in(t) y^m(t−1).</summary>
        public IEnumerable<Statement> Traces(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            var factor = Factor(c);
            yield return new Let(factor, new Product(CellInputDerivative(c), Source(block.InputGateSource)), "g'(net_c) y^in  (Eq. 27)");
            foreach (var add in FanInSums.ScaledBySources(_context, block.CellInputs[v], "traces", new Index(_context.Shape.CellTraceOffsets[c]), factor, "yPrev"))
            {
                yield return add;
            }
        }

        /// <summary>Eq. 27 for the weight from the active input i: its y^i(t−1) is x_i(t).</summary>
        public IEnumerable<Statement> ActiveInputTraces(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            if (_context.HasActiveInputsPart(block.CellInputs[v]))
            {
                yield return new AddTo(
                    Trace(AtInput(_context.Shape.CellTraceOffsets[c])),
                    new Product(Factor(c), ActiveInput),
                    Note: "block " + block.Block + ", cell " + v + ", cell input weight from x_i (Eq. 27)");
            }
        }

        /// <summary>Eq. 28: dw_c,m = α e_s dS/dw_c,m.</summary>
        public IEnumerable<Statement> WeightChanges(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            yield return new Comment("Cell " + v + ": dw_c,m = alpha e_s dS/dw_c,m  (Eq. 28)");
            yield return new Let(Factor(c), new Product(LearningRate, StepValues.StateError(c)));
            foreach (var add in FanInSums.ScaledByTraces(_context, block.CellInputs[v], new[] { ((Expr)Factor(c), _context.Shape.CellTraceOffsets[c]) }))
            {
                yield return add;
            }
        }

        /// <summary>Eq. 28 for the weight from touched input i.</summary>
        public IEnumerable<Statement> TouchedInputChanges(BlockShape block, int v)
        {
            var c = block.FirstCell + v;
            var fanIn = block.CellInputs[v];
            if (_context.TouchedInputColumns(fanIn) > 0)
            {
                yield return new AddTo(
                    WeightChange(AtInput(fanIn.Offset)),
                    new Product(Factor(c), Trace(AtInput(_context.Shape.CellTraceOffsets[c]))),
                    Note: "block " + block.Block + ", cell " + v + " (Eq. 28)");
            }
        }
    }
}
