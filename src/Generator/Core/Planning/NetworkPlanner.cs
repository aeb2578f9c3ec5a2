using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using static LstmGen.Generator.Planning.StepValues;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// Plans a network's class (<see cref="NetworkPlan"/>): the step's phases in the paper's order, each unit kind's part
    /// of every phase asked of that kind's planner (<see cref="InputGatePlanner"/>, <see cref="OutputGatePlanner"/>,
    /// <see cref="CellPlanner"/>, <see cref="OutputUnitPlanner"/>), and the state the class keeps (<see cref="StatePlanner"/>).
    /// </summary>
    public static class NetworkPlanner
    {
        public static NetworkPlan Plan(NetworkSpec spec)
        {
            var context = new PlanningContext(spec);
            var planner = new Phases(context);
            return new NetworkPlan(
                spec,
                context.Shape,
                StatePlanner.Groups(context),
                StatePlanner.FixedWeights(context),
                StatePlanner.Reset(context),
                context.ReadsActiveInputs
                    ? new ActiveInputsPlan(spec.InputEncoding == InputEncoding.OneHot, context.Shape.InputCount >= SpeedDecisions.VectorScanMinimum, context.KeepsTouchedSet)
                    {
                        LaneInputRows = SpeedDecisions.LaneInputRows(context.KeepsTouchedSet, context.OutputsReadActiveInputs, spec.HasForgetGates),
                    }
                    : null,
                planner.Forward(),
                planner.Traces(),
                planner.Learning());
        }

        /// <summary>The phases of the step, block by block and cell by cell.</summary>
        private sealed class Phases
        {
            private readonly PlanningContext _context;
            private readonly InputGatePlanner _inputGates;
            private readonly ForgetGatePlanner _forgetGates;
            private readonly OutputGatePlanner _outputGates;
            private readonly CellPlanner _cells;
            private readonly OutputUnitPlanner _outputs;

            public Phases(PlanningContext context)
            {
                _context = context;
                _inputGates = new InputGatePlanner(context);
                _forgetGates = new ForgetGatePlanner(context);
                _outputGates = new OutputGatePlanner(context);
                _cells = new CellPlanner(context);
                _outputs = new OutputUnitPlanner(context);
            }

            private IReadOnlyList<BlockShape> Blocks => _context.Shape.Blocks.ToList();

            /// <summary>The forward pass (§5 processing order): net inputs (Eqs. 7-9), σ, activations, states, cell outputs, output units.</summary>
            public ForwardPlan Forward()
            {
                var netInputs = Blocks.Select(b => Of(b, NetInputs(b).SelectMany(n => WithPeepholes(n.NetInput, n.Statement)))).ToList();
                var slots = Blocks.SelectMany(NetInputs).Where(n => n.Squashed).Select(n => n.NetInput).ToList();
                var lateSlots = _context.LateOutputGateSlots;
                slots = slots.Where(n => !(n.FanIn.Kind == UnitKind.OutputGate && n.FanIn.Peepholes != null)).ToList();
                var activations = Blocks.Select(b => Of(b, Activations(b))).ToList();
                var states = Blocks.SelectMany(b => Cells(b).SelectMany(v => _cells.UpdateState(b, v)));
                var stateSigma = _context.Spec.CellOutput == CellOutputSquash.H1
                    ? Sigmas.InGroups("hS", Enumerable.Range(0, _context.Shape.CellCount).Select(CellPlanner.StateForSigma).ToList())
                    : null;
                var cellOutputs = Blocks.Select(b => Of(b, Cells(b).SelectMany(v => _cells.Output(b, v)))).ToList();
                return new ForwardPlan(
                    Inputs(),
                    new EquatableArray<BlockStatements>(netInputs),
                    Sigmas.OfNetInputs(_context, slots),
                    new EquatableArray<BlockStatements>(activations),
                    new EquatableArray<Statement>(states),
                    new CellOutputsPlan(stateSigma, new EquatableArray<BlockStatements>(cellOutputs)),
                    _outputs.Forward())
                {
                    PeepholeOutputGates = lateSlots == 0 ? EquatableArray<Statement>.Empty : new EquatableArray<Statement>(PeepholeOutputGates()),
                };
            }

            /// <summary>
            /// The output gates with peepholes (Gers 2002), after the state update: net_out += Σ_v w_out,c_v s_c_v(t), σ of
            /// them (the last batch slots), then y^out and f'_out.
            /// </summary>
            private IEnumerable<Statement> PeepholeOutputGates()
            {
                var late = Blocks.Where(b => b.OutputGate is { Peepholes: not null }).ToList();
                var statements = late.SelectMany(_outputGates.AddPeepholes).ToList();
                var first = _context.BatchSlots.Count - _context.LateOutputGateSlots;
                statements.Add(new Sigma("sigmaNet", new EquatableArray<SigmaGroup>(
                    Sigmas.Groups(late.Select(b => (Expr)new Local(_outputGates.NetInput(b).Local)).ToList(), first))));
                statements.AddRange(late.SelectMany(_outputGates.Activate));
                return statements;
            }

            /// <summary>
            /// A net input's statement, then, for an input or forget gate with peepholes (Gers 2002), net += Σ_v w_c_v s_c_v(t−1)
            /// (the states before this step's update).
            /// </summary>
            private static IEnumerable<Statement> WithPeepholes(NetInput netInput, Statement statement)
            {
                yield return statement;
                if (netInput.FanIn.Kind != UnitKind.OutputGate && FanInSums.PeepholeSum(netInput.FanIn) is { } sum)
                {
                    yield return new AddTo(new Local(netInput.Local), sum, Note: "+ sum_v w_c_v s_c_v(t-1)  (peepholes, Gers 2002)");
                }
            }

            /// <summary>
            /// The RTRL traces (Eqs. 25, 27), cell by cell: with a forget gate every trace of the cell decays by y^φ first
            /// (Gers 2000); then its input gate's weights, its forget gate's (if any), then its own.
            /// </summary>
            public TracePlan Traces()
            {
                var cells = Blocks.SelectMany(b => Cells(b).Select(v =>
                    new CellStatements(b.Block, v, new EquatableArray<Statement>(
                        _forgetGates.Decay(b, v).Concat(_inputGates.Traces(b, v)).Concat(_forgetGates.Traces(b, v)).Concat(_cells.Traces(b, v))))));
                var active = new List<Statement>();
                if (_context.TracesReadActiveInputs)
                {
                    var body = Blocks.SelectMany(b => Cells(b).SelectMany(v => _inputGates.ActiveInputTraces(b, v).Concat(_cells.ActiveInputTraces(b, v)))).ToList();
                    if (_context.KeepsTouchedSet)
                    {
                        body.Add(new MarkInputTouched());
                    }

                    active.Add(new ForEachActiveInput(new EquatableArray<Statement>(body)));
                }

                return new TracePlan(new EquatableArray<CellStatements>(cells), new EquatableArray<Statement>(active));
            }

            /// <summary>
            /// The learning rule at a target (Eqs. 19-28): the output errors, each block's state and output gate errors, then
            /// the weight changes of the output units and of each block's output gate, input gate and cells.
            /// </summary>
            public LearningPlan Learning()
            {
                var errors = Blocks.Select(b => Of(b, BlockErrors(b))).ToList();
                var changes = Blocks.Select(b => Of(b, BlockWeightChanges(b))).ToList();
                var activeChanges = Blocks.SelectMany(_outputGates.ActiveInputChanges).ToList();
                var touchedChanges = Blocks.SelectMany(b => _inputGates.TouchedInputChanges(b).Concat(Cells(b).SelectMany(v => _cells.TouchedInputChanges(b, v)))).ToList();
                return new LearningPlan(
                    new Let(LearningRate, new InNetworkPrecision(new Member("LearningRate"))),
                    _outputs.Errors(),
                    new EquatableArray<BlockStatements>(errors),
                    _outputs.WeightChanges(),
                    new EquatableArray<BlockStatements>(changes),
                    activeChanges.Count == 0 ? EquatableArray<Statement>.Empty : Single(new ForEachActiveInput(new EquatableArray<Statement>(activeChanges))),
                    _context.KeepsTouchedSet ? Single(new ForEachTouchedInput(new EquatableArray<Statement>(touchedChanges))) : EquatableArray<Statement>.Empty);
            }

            /// <summary>x(t): copied into the source vectors, or read through the active inputs' list, whose terms each gate and cell sums first.</summary>
            private InputUnitsPlan Inputs()
            {
                var outputsReadInputs = (_context.Spec.Connectivity.Outputs & SourceSet.Input) != 0;
                if (!_context.ReadsActiveInputs)
                {
                    return new InputUnitsPlan(InputReading.Copy, outputsReadInputs, EquatableArray<Statement>.Empty);
                }

                var reading = Blocks.SelectMany(NetInputs).Select(n => n.NetInput).Where(n => n.HasActiveInputsPart).ToList();
                var statements = new List<Statement>();
                if (reading.Count > 0)
                {
                    statements.AddRange(reading.Select(n => new Let(new Local(n.Local), Zero)));
                    statements.Add(new ForEachActiveInput(new EquatableArray<Statement>(reading.Select(n =>
                        (Statement)new AddTo(new Local(n.Local), new Product(Weight(AtInput(n.FanIn.Offset)), ActiveInput), Note: n.FanIn.UnitName)))));
                }

                return new InputUnitsPlan(InputReading.ActiveInputs, outputsReadInputs, new EquatableArray<Statement>(statements));
            }

            /// <summary>A block's gate and cell net inputs in weight order, with their statements and whether σ squashes them in the batch.</summary>
            private IEnumerable<(NetInput NetInput, Statement Statement, bool Squashed)> NetInputs(BlockShape block)
            {
                var inputGate = _inputGates.NetInput(block);
                yield return (inputGate, new ComputeNetInput(inputGate), true);
                if (block.ForgetGate != null)
                {
                    var forgetGate = _forgetGates.NetInput(block);
                    yield return (forgetGate, new ComputeNetInput(forgetGate), true);
                }

                if (block.OutputGate != null)
                {
                    var outputGate = _outputGates.NetInput(block);
                    yield return (outputGate, new ComputeNetInput(outputGate), true);
                }

                foreach (var v in Cells(block))
                {
                    yield return (_cells.NetInput(block, v), _cells.ComputeNetInput(block, v), _context.CellInputsSquashed);
                }
            }

            /// <summary>A block's internal state errors (Eq. 23), then its output gate's error (Eq. 21).</summary>
            private IEnumerable<Statement> BlockErrors(BlockShape block)
            {
                var errors = Cells(block).Select(v => _cells.StateError(block, v));
                return block.OutputGate is null ? errors : errors.Concat(new[] { _outputGates.Error(block) });
            }

            /// <summary>A block's weight changes: its output gate's (Eq. 22), its input gate's (Eq. 26), its forget gate's (Gers 2000), its cells' (Eq. 28).</summary>
            private IEnumerable<Statement> BlockWeightChanges(BlockShape block)
            {
                var outputGate = block.OutputGate is null ? Enumerable.Empty<Statement>() : _outputGates.WeightChanges(block);
                return outputGate.Concat(_inputGates.WeightChanges(block)).Concat(_forgetGates.WeightChanges(block)).Concat(Cells(block).SelectMany(v => _cells.WeightChanges(block, v)));
            }

            /// <summary>A block's gate activations and cell inputs from the batched σ (Eqs. 7-9).</summary>
            private IEnumerable<Statement> Activations(BlockShape block)
            {
                var statements = _inputGates.Activate(block);
                if (block.ForgetGate != null)
                {
                    statements = statements.Concat(_forgetGates.Activate(block));
                }

                if (block.OutputGate is { Peepholes: null })
                {
                    statements = statements.Concat(_outputGates.Activate(block));
                }

                return _context.CellInputsSquashed ? statements.Concat(Cells(block).Select(v => _cells.Activate(block, v))) : statements;
            }

            private static IEnumerable<int> Cells(BlockShape block) => Enumerable.Range(0, block.Cells);

            private static EquatableArray<Statement> Single(Statement statement) => new EquatableArray<Statement>(new[] { statement });

            private static BlockStatements Of(BlockShape block, IEnumerable<Statement> statements) =>
                new BlockStatements(block.Block, new EquatableArray<Statement>(statements));
        }
    }
}
