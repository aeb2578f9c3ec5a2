using System;
using System.Collections.Generic;
using System.Globalization;

namespace LstmGen.Runtime
{
    /// <summary>
    /// What code needs to know about a network without reading its spec: its settings, its units, where each fan-in's
    /// weights and bias lie, which weights feed the output units, where each cell's traces lie, the state its compiled class
    /// keeps, and the names the trace format gives its units. The generator emits one per compiled class (a static member,
    /// <see cref="ILstmNetwork.Description"/>); the reference interpreter builds the same from the spec it parsed.
    /// </summary>
    /// <remarks>
    /// The order of the weights (docs/spec-language.md, "Weight layout"): for each block j, its input gate's fan-in, its
    /// forget gate's (if any), its output gate's (if any), then one fan-in per cell; after all blocks, one fan-in per output
    /// unit. The hidden activation vector: all cells block by block, then one input gate per block, then one output gate per
    /// block that has one (forget gates are not in it: no unit reads y^φ).
    /// </remarks>
    public sealed class NetworkDescription
    {
        private readonly int[] _firstCell;
        private readonly FanInDescription[] _inputGates;
        private readonly FanInDescription?[] _outputGates;
        private readonly FanInDescription?[] _forgetGates;
        private readonly FanInDescription[] _cellInputs;
        private readonly FanInDescription[] _outputs;

        /// <param name="name">The network's name (the generated type name).</param>
        /// <param name="fullTypeName">The namespace-qualified type name.</param>
        /// <param name="specFileName">The spec file it came from.</param>
        /// <param name="summary">The spec's free-text description.</param>
        /// <param name="inputCount">Number of input units.</param>
        /// <param name="outputCount">Number of output units.</param>
        /// <param name="blocks">The memory cell blocks, in order.</param>
        /// <param name="connectivity">The sources of each kind of unit.</param>
        /// <param name="bias">Which units carry a bias weight.</param>
        /// <param name="cellInput">The squashing function g.</param>
        /// <param name="cellOutput">The squashing function h.</param>
        /// <param name="initInterval">Half-width a of the initialisation interval [−a, a].</param>
        /// <param name="learningRate">The spec's learning rate α.</param>
        /// <param name="update">The spec's update timing.</param>
        /// <param name="precision">The type the network computes in.</param>
        /// <param name="inputEncoding">What the spec promises about the inputs.</param>
        /// <param name="hiddenUnitNames">The name of each hidden unit, in hidden order.</param>
        /// <param name="fanIns">Every fan-in, in weight order.</param>
        /// <param name="cellTraces">Where each cell's traces lie, in cell order.</param>
        /// <param name="state">Every array of the compiled class's state.</param>
        public NetworkDescription(
            string name,
            string fullTypeName,
            string specFileName,
            string summary,
            int inputCount,
            int outputCount,
            IReadOnlyList<BlockDescription> blocks,
            ConnectivityDescription connectivity,
            BiasedUnits bias,
            CellInputSquashing cellInput,
            CellOutputSquashing cellOutput,
            double initInterval,
            double learningRate,
            UpdateTiming update,
            NumberPrecision precision,
            InputCoding inputEncoding,
            IReadOnlyList<string> hiddenUnitNames,
            IReadOnlyList<FanInDescription> fanIns,
            IReadOnlyList<CellTraces> cellTraces,
            IReadOnlyList<StatePart> state)
        {
            ArgumentNullException.ThrowIfNull(blocks);
            ArgumentNullException.ThrowIfNull(hiddenUnitNames);
            ArgumentNullException.ThrowIfNull(fanIns);
            ArgumentNullException.ThrowIfNull(cellTraces);
            ArgumentNullException.ThrowIfNull(state);
            Name = name;
            FullTypeName = fullTypeName;
            SpecFileName = specFileName;
            Summary = summary;
            InputCount = inputCount;
            OutputCount = outputCount;
            Blocks = blocks;
            Connectivity = connectivity;
            Bias = bias;
            CellInput = cellInput;
            CellOutput = cellOutput;
            InitInterval = initInterval;
            LearningRate = learningRate;
            Update = update;
            Precision = precision;
            InputEncoding = inputEncoding;
            HiddenUnitNames = hiddenUnitNames;
            FanIns = fanIns;
            CellTraces = cellTraces;
            State = state;

            _firstCell = new int[blocks.Count];
            var cells = 0;
            var outputGates = 0;
            for (var j = 0; j < blocks.Count; j++)
            {
                _firstCell[j] = cells;
                cells += blocks[j].Cells;
                outputGates += blocks[j].HasOutputGate ? 1 : 0;
            }

            CellCount = cells;
            OutputGateCount = outputGates;
            HiddenCount = cells + blocks.Count + outputGates;

            _inputGates = new FanInDescription[blocks.Count];
            _outputGates = new FanInDescription?[blocks.Count];
            _forgetGates = new FanInDescription?[blocks.Count];
            _cellInputs = new FanInDescription[cells];
            _outputs = new FanInDescription[outputCount];
            foreach (var fanIn in fanIns)
            {
                switch (fanIn.Kind)
                {
                    case FanInKind.InputGate:
                        _inputGates[fanIn.Block] = fanIn;
                        break;
                    case FanInKind.OutputGate:
                        _outputGates[fanIn.Block] = fanIn;
                        break;
                    case FanInKind.ForgetGate:
                        _forgetGates[fanIn.Block] = fanIn;
                        break;
                    case FanInKind.CellInput:
                        _cellInputs[_firstCell[fanIn.Block] + fanIn.Cell] = fanIn;
                        break;
                    case FanInKind.Output:
                        _outputs[fanIn.Output] = fanIn;
                        break;
                    default:
                        throw new ArgumentException("fan-in " + fanIn.UnitName + " is of an unknown kind", nameof(fanIns));
                }
            }

            var last = fanIns.Count == 0 ? null : fanIns[fanIns.Count - 1];
            WeightCount = last is null ? 0 : last.Offset + last.Length;
            OutputOffset = outputCount == 0 ? WeightCount : _outputs[0].Offset;
            var lastTraces = cellTraces.Count == 0 ? null : cellTraces[cellTraces.Count - 1];
            TraceCount = lastTraces is null ? 0 : lastTraces.CellInputOffset + lastTraces.CellInputCount;
        }

        /// <summary>The network's name (the generated type name).</summary>
        public string Name { get; }

        /// <summary>The namespace-qualified type name.</summary>
        public string FullTypeName { get; }

        /// <summary>The spec file it came from.</summary>
        public string SpecFileName { get; }

        /// <summary>The spec's free-text description (empty when it has none).</summary>
        public string Summary { get; }

        public int InputCount { get; }

        public int OutputCount { get; }

        public IReadOnlyList<BlockDescription> Blocks { get; }

        public int BlockCount => Blocks.Count;

        /// <summary>The number of memory cells, Σ_j S_j.</summary>
        public int CellCount { get; }

        public int OutputGateCount { get; }

        /// <summary>Whether some block has peephole connections (Gers 2002); false for every 1997 network.</summary>
        public bool HasPeepholes
        {
            get
            {
                foreach (var block in Blocks)
                {
                    if (block.HasPeepholes)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Whether some block has a forget gate (Gers 2000); false for every 1997 network.</summary>
        public bool HasForgetGates => Array.Exists(_forgetGates, f => f != null);

        /// <summary>The length of the hidden activation vector: cells, input gates, output gates.</summary>
        public int HiddenCount { get; }

        public ConnectivityDescription Connectivity { get; }

        public BiasedUnits Bias { get; }

        public CellInputSquashing CellInput { get; }

        public CellOutputSquashing CellOutput { get; }

        /// <summary>Half-width a of the initialisation interval [−a, a] (Table 11 "interval").</summary>
        public double InitInterval { get; }

        /// <summary>The spec's learning rate α (a network's <see cref="ILstmNetwork.LearningRate"/> starts at it).</summary>
        public double LearningRate { get; }

        /// <summary>The spec's update timing (a network's <see cref="ILstmNetwork.Update"/> starts at it).</summary>
        public UpdateTiming Update { get; }

        public NumberPrecision Precision { get; }

        /// <summary>The bytes of one real number: 8 for double, 4 for float.</summary>
        public int BytesPerValue => Precision == NumberPrecision.Float ? 4 : 8;

        public InputCoding InputEncoding { get; }

        /// <summary>
        /// The value the activations of the hidden units y(0) (cells, input gates, output gates) and of the outputs are reset to
        /// at the start of a sequence (the spec's <c>resetActivation</c>): 0, the paper's (§5.3), unless the spec says otherwise
        /// (0.5 is the 1997 JKU simulator's). The internal states and traces start at zero either way. Init-only, so that the
        /// descriptions of networks that reset to zero are written as before.
        /// </summary>
        public double ResetActivation { get; init; }

        /// <summary>The name of each hidden unit as the trace format writes it, e.g. <c>block[0].cell[1]</c>, in hidden order.</summary>
        public IReadOnlyList<string> HiddenUnitNames { get; }

        /// <summary>Every fan-in, in weight order.</summary>
        public IReadOnlyList<FanInDescription> FanIns { get; }

        /// <summary>The output units' fan-ins, in output order.</summary>
        public IReadOnlyList<FanInDescription> OutputFanIns => _outputs;

        /// <summary>Where each cell's traces lie, in cell order.</summary>
        public IReadOnlyList<CellTraces> CellTraces { get; }

        /// <summary>Every array of the state the compiled class keeps, in the order of its fields.</summary>
        public IReadOnlyList<StatePart> State { get; }

        public int WeightCount { get; }

        /// <summary>The index of the first output unit weight.</summary>
        public int OutputOffset { get; }

        /// <summary>The number of RTRL traces ∂s/∂w the learning rule keeps (App. A.1; the paper's 2CSI).</summary>
        public int TraceCount { get; }

        /// <summary>The number of values (elements of every kind) the compiled class's state holds.</summary>
        public long StateValues
        {
            get
            {
                long values = 0;
                foreach (var part in State)
                {
                    values += part.Count;
                }

                return values;
            }
        }

        /// <summary>The bytes the compiled class's state holds.</summary>
        public long StateBytes
        {
            get
            {
                long bytes = 0;
                foreach (var part in State)
                {
                    bytes += part.Bytes;
                }

                return bytes;
            }
        }

        /// <summary>The index of cell v of block j among the cells (and in the hidden vector).</summary>
        public int CellIndex(int block, int cell) => _firstCell[block] + cell;

        public FanInDescription InputGateFanIn(int block) => _inputGates[block];

        /// <summary>Block j's output gate fan-in, or null when the block has none.</summary>
        public FanInDescription? OutputGateFanIn(int block) => _outputGates[block];

        /// <summary>Block j's forget gate fan-in (Gers 2000), or null when the block has none (the 1997 cell).</summary>
        public FanInDescription? ForgetGateFanIn(int block) => _forgetGates[block];

        public FanInDescription CellFanIn(int block, int cell) => _cellInputs[_firstCell[block] + cell];

        /// <summary>
        /// The weights from the cells to the output units (every hidden source of an output fan-in), in weight order: the
        /// weights through which the output error reaches the cells (Σ_k w_k,c e_k, Eqs. 21, 23).
        /// </summary>
        public IReadOnlyList<int> CellToOutputWeights()
        {
            var weights = new List<int>();
            foreach (var fanIn in _outputs)
            {
                foreach (var run in fanIn.Sources)
                {
                    if (run.Units == SourceUnits.Hidden)
                    {
                        for (var i = 0; i < run.Count; i++)
                        {
                            weights.Add(run.WeightOffset + i);
                        }
                    }
                }
            }

            return weights;
        }

        /// <summary>The fan-in holding weight <paramref name="weight"/>.</summary>
        public FanInDescription FanInOf(int weight)
        {
            foreach (var fanIn in FanIns)
            {
                if (fanIn.Holds(weight))
                {
                    return fanIn;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(weight));
        }

        /// <summary>The unit a weight feeds and the unit it reads, e.g. ("block[0].cell[1]", "input[3]") or (…, "bias").</summary>
        public (string To, string From) DescribeWeight(int weight)
        {
            var fanIn = FanInOf(weight);
            if (fanIn.HasBias && weight == fanIn.BiasOffset)
            {
                return (fanIn.UnitName, "bias");
            }

            foreach (var run in fanIn.Sources)
            {
                if (weight >= run.WeightOffset && weight < run.WeightOffset + run.Count)
                {
                    return (fanIn.UnitName, SourceName(run.Units, run.First + (weight - run.WeightOffset)));
                }
            }

            throw new InvalidOperationException("weight " + weight.ToString(CultureInfo.InvariantCulture) + " is in no run of its fan-in");
        }

        /// <summary>The name of source <paramref name="index"/> of <paramref name="units"/>, e.g. <c>input[3]</c> or <c>block[1].input_gate</c>.</summary>
        public string SourceName(SourceUnits units, int index) =>
            units == SourceUnits.Inputs ? "input[" + index.ToString(CultureInfo.InvariantCulture) + "]"
            : units == SourceUnits.CellStates ? HiddenUnitNames[index] + ".state"
            : HiddenUnitNames[index];
    }
}
