using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Layout
{
    /// <summary>
    /// The layout every implementation of a spec shares: the order of the hidden activation vector, the order of
    /// the flat weight array, and the order of the RTRL traces. The generated code, the reference interpreter and
    /// the trace format all index weights through it, so that their weights can be compared one by one.
    /// <para>
    /// Hidden activation vector y (length <see cref="HiddenCount"/>): all cells block by block (y^c), then one input
    /// gate per block (y^in), then one output gate per block that has one (y^out).
    /// </para>
    /// <para>
    /// Weights: for each block j in order, its input gate's fan-in, its forget gate's (if any; it reads the input gate's
    /// sources), its output gate's (if any), then one fan-in per cell;
    /// after all blocks, one fan-in per output unit. Within a fan-in: inputs, cells, input gates, output gates (as the
    /// connectivity allows), then, for a gate of a block with peepholes (Gers 2002), one weight per cell of its block (from
    /// s_c), then the bias.
    /// </para>
    /// <para>
    /// Traces ∂s/∂w (App. A.1, Eqs. 25 and 27; the paper's 2CSI values): for each cell c in hidden order, one trace
    /// per weight of its block's input gate fan-in, then one per weight of its block's forget gate fan-in (if any; Gers
    /// 2000), then one per weight of its own cell input fan-in. A cell's traces are one contiguous span.
    /// Forget gates are not in the hidden vector: no unit reads y^φ.
    /// </para>
    /// </summary>
    public sealed class NetworkLayout
    {
        private NetworkLayout(NetworkSpec spec)
        {
            Spec = spec;
            InputCount = spec.InputCount;
            OutputCount = spec.OutputCount;
            BlockCount = spec.Blocks.Count;

            var cellStart = new int[BlockCount];
            var outputGateIndex = new int[BlockCount];
            var cells = 0;
            var outputGates = 0;
            for (var j = 0; j < BlockCount; j++)
            {
                cellStart[j] = cells;
                cells += spec.Blocks[j].Cells;
                outputGateIndex[j] = spec.Blocks[j].HasOutputGate ? outputGates++ : -1;
            }

            CellCount = cells;
            OutputGateCount = outputGates;
            FirstInputGate = cells;
            FirstOutputGate = cells + BlockCount;
            HiddenCount = cells + BlockCount + outputGates;
            _cellStart = cellStart;
            _outputGateIndex = outputGateIndex;

            var fanIns = new List<FanIn>();
            var blockFanIns = new BlockFanIns[BlockCount];
            var offset = 0;
            for (var j = 0; j < BlockCount; j++)
            {
                var inputGate = MakeFanIn(UnitKind.InputGate, j, -1, -1, ref offset, spec.Connectivity.InputGates, spec.GatesBiased, "block[" + Str(j) + "].input_gate", Peepholes(spec, j));
                fanIns.Add(inputGate);
                FanIn? forgetGate = null;
                if (spec.Blocks[j].HasForgetGate)
                {
                    forgetGate = MakeFanIn(UnitKind.ForgetGate, j, -1, -1, ref offset, spec.Connectivity.InputGates, spec.GatesBiased, "block[" + Str(j) + "].forget_gate", Peepholes(spec, j));
                    fanIns.Add(forgetGate);
                }

                FanIn? outputGate = null;
                if (spec.Blocks[j].HasOutputGate)
                {
                    outputGate = MakeFanIn(UnitKind.OutputGate, j, -1, -1, ref offset, spec.Connectivity.OutputGates, spec.GatesBiased, "block[" + Str(j) + "].output_gate", Peepholes(spec, j));
                    fanIns.Add(outputGate);
                }

                var cellFanIns = new FanIn[spec.Blocks[j].Cells];
                for (var v = 0; v < cellFanIns.Length; v++)
                {
                    cellFanIns[v] = MakeFanIn(UnitKind.CellInput, j, v, -1, ref offset, spec.Connectivity.CellInputs, spec.CellsBiased, "block[" + Str(j) + "].cell[" + Str(v) + "]");
                    fanIns.Add(cellFanIns[v]);
                }

                blockFanIns[j] = new BlockFanIns(inputGate, forgetGate, outputGate, cellFanIns);
            }

            OutputOffset = offset;
            var outputFanIns = new FanIn[OutputCount];
            for (var k = 0; k < OutputCount; k++)
            {
                outputFanIns[k] = MakeFanIn(UnitKind.Output, -1, -1, k, ref offset, spec.Connectivity.Outputs & (SourceSet.Input | SourceSet.Cells), spec.OutputsBiased, "output[" + Str(k) + "]");
                fanIns.Add(outputFanIns[k]);
            }

            WeightCount = offset;
            FanIns = fanIns;
            _blockFanIns = blockFanIns;
            OutputFanIns = outputFanIns;

            // Traces: per cell, the input gate fan-in of its block then its own.
            var traceOffset = 0;
            var inputGateTrace = new int[CellCount];
            var forgetGateTrace = new int[CellCount];
            var cellTrace = new int[CellCount];
            for (var j = 0; j < BlockCount; j++)
            {
                for (var v = 0; v < spec.Blocks[j].Cells; v++)
                {
                    var c = cellStart[j] + v;
                    inputGateTrace[c] = traceOffset;
                    traceOffset += blockFanIns[j].InputGate.Length;
                    forgetGateTrace[c] = blockFanIns[j].ForgetGate is null ? -1 : traceOffset;
                    traceOffset += blockFanIns[j].ForgetGate?.Length ?? 0;
                    cellTrace[c] = traceOffset;
                    traceOffset += blockFanIns[j].Cells[v].Length;
                }
            }

            TraceCount = traceOffset;
            _inputGateTraceOffset = inputGateTrace;
            _forgetGateTraceOffset = forgetGateTrace;
            _cellTraceOffset = cellTrace;
        }

        private readonly int[] _cellStart;
        private readonly int[] _outputGateIndex;
        private readonly BlockFanIns[] _blockFanIns;
        private readonly int[] _inputGateTraceOffset;
        private readonly int[] _forgetGateTraceOffset;
        private readonly int[] _cellTraceOffset;

        public NetworkSpec Spec { get; }

        public int InputCount { get; }

        public int OutputCount { get; }

        public int BlockCount { get; }

        /// <summary>Total number of memory cells, Σ_j S_j.</summary>
        public int CellCount { get; }

        public int OutputGateCount { get; }

        /// <summary>Length of the hidden activation vector: cells, input gates, output gates.</summary>
        public int HiddenCount { get; }

        /// <summary>Index of block 0's input gate in the hidden vector.</summary>
        public int FirstInputGate { get; }

        /// <summary>Index of the first output gate in the hidden vector.</summary>
        public int FirstOutputGate { get; }

        public int WeightCount { get; }

        /// <summary>Index of the first output unit weight.</summary>
        public int OutputOffset { get; }

        /// <summary>Number of RTRL traces ∂s/∂w that the learning rule keeps (the paper's 2CSI).</summary>
        public int TraceCount { get; }

        /// <summary>Every fan-in, in weight order.</summary>
        public IReadOnlyList<FanIn> FanIns { get; }

        public IReadOnlyList<FanIn> OutputFanIns { get; }

        public static NetworkLayout Create(NetworkSpec spec) => new NetworkLayout(spec);

        public int BlockSize(int block) => Spec.Blocks[block].Cells;

        public bool HasOutputGate(int block) => Spec.Blocks[block].HasOutputGate;

        /// <summary>Index of cell v of block j in the hidden vector (and in cell-indexed arrays).</summary>
        public int CellIndex(int block, int cell) => _cellStart[block] + cell;

        public int InputGateIndex(int block) => FirstInputGate + block;

        /// <summary>Index of block j's output gate in the hidden vector, or −1 when the block has none.</summary>
        public int OutputGateIndex(int block) => _outputGateIndex[block] < 0 ? -1 : FirstOutputGate + _outputGateIndex[block];

        public FanIn InputGateFanIn(int block) => _blockFanIns[block].InputGate;

        public FanIn? OutputGateFanIn(int block) => _blockFanIns[block].OutputGate;

        /// <summary>Block j's forget gate fan-in (Gers 2000), or null when the block has none (the 1997 cell).</summary>
        public FanIn? ForgetGateFanIn(int block) => _blockFanIns[block].ForgetGate;

        public bool HasForgetGate(int block) => Spec.Blocks[block].HasForgetGate;

        /// <summary>Whether block j's gates read its cells' states through peepholes (Gers 2002).</summary>
        public bool HasPeepholes(int block) => Spec.Blocks[block].HasPeepholes;

        public FanIn CellFanIn(int block, int cell) => _blockFanIns[block].Cells[cell];

        /// <summary>Offset of cell c's traces for its block's input gate weights (Eq. 25).</summary>
        public int InputGateTraceOffset(int cellIndex) => _inputGateTraceOffset[cellIndex];

        /// <summary>Offset of cell c's traces for its block's forget gate weights (Gers 2000), or −1 without a forget gate.</summary>
        public int ForgetGateTraceOffset(int cellIndex) => _forgetGateTraceOffset[cellIndex];

        /// <summary>Offset of cell c's traces for its own cell input weights (Eq. 27).</summary>
        public int CellTraceOffset(int cellIndex) => _cellTraceOffset[cellIndex];

        /// <summary>The name of hidden unit <paramref name="index"/> as the trace format writes it.</summary>
        public string HiddenUnitName(int index)
        {
            if (index < CellCount)
            {
                for (var j = BlockCount - 1; j >= 0; j--)
                {
                    if (index >= _cellStart[j])
                    {
                        return "block[" + Str(j) + "].cell[" + Str(index - _cellStart[j]) + "]";
                    }
                }
            }

            if (index < FirstOutputGate)
            {
                return "block[" + Str(index - FirstInputGate) + "].input_gate";
            }

            var og = index - FirstOutputGate;
            for (var j = 0; j < BlockCount; j++)
            {
                if (_outputGateIndex[j] == og)
                {
                    return "block[" + Str(j) + "].output_gate";
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }

        /// <summary>The fan-in holding weight <paramref name="weight"/>.</summary>
        public FanIn FanInOf(int weight)
        {
            foreach (var fanIn in FanIns)
            {
                if (weight >= fanIn.Offset && weight < fanIn.Offset + fanIn.Length)
                {
                    return fanIn;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(weight));
        }

        /// <summary>The unit a weight feeds and the unit it reads, e.g. ("block[0].cell[1]", "input[3]").</summary>
        public (string To, string From) DescribeWeight(int weight)
        {
            var fanIn = FanInOf(weight);
            if (fanIn.HasBias && weight == fanIn.BiasOffset)
            {
                return (fanIn.UnitName, "bias");
            }

            foreach (var segment in fanIn.Segments)
            {
                if (weight >= segment.WeightOffset && weight < segment.WeightOffset + segment.Count)
                {
                    var source = segment.SourceStart + (weight - segment.WeightOffset);
                    return (fanIn.UnitName, segment.Region == SourceRegion.Input ? "input[" + Str(source) + "]" : segment.Region == SourceRegion.CellState ? HiddenUnitName(source) + ".state" : HiddenUnitName(source));
                }
            }

            throw new InvalidOperationException("weight " + Str(weight) + " is in no segment of its fan-in");
        }

        /// <summary>The cells (first, count) whose states block j's gates read through peepholes (Gers 2002), or null.</summary>
        private (int First, int Count)? Peepholes(NetworkSpec spec, int block) =>
            spec.Blocks[block].HasPeepholes ? (_cellStart[block], spec.Blocks[block].Cells) : null;

        private FanIn MakeFanIn(UnitKind kind, int block, int cell, int output, ref int offset, SourceSet sources, bool hasBias, string name, (int First, int Count)? peepholes = null)
        {
            var start = offset;
            var segments = new List<Segment>();
            if ((sources & SourceSet.Input) != 0 && InputCount > 0)
            {
                segments.Add(new Segment(SourceRegion.Input, 0, InputCount, offset));
                offset += InputCount;
            }

            // Hidden sources, merged into one segment where they are adjacent in the hidden vector.
            AddHidden(segments, ref offset, (sources & SourceSet.Cells) != 0, 0, CellCount);
            AddHidden(segments, ref offset, (sources & SourceSet.InputGates) != 0, FirstInputGate, BlockCount);
            AddHidden(segments, ref offset, (sources & SourceSet.OutputGates) != 0, FirstOutputGate, OutputGateCount);
            if (peepholes is { } cells)
            {
                segments.Add(new Segment(SourceRegion.CellState, cells.First, cells.Count, offset));
                offset += cells.Count;
            }

            if (hasBias)
            {
                offset++;
            }

            return new FanIn(kind, block, cell, output, start, new EquatableArray<Segment>(segments), hasBias, name);
        }

        private static void AddHidden(List<Segment> segments, ref int offset, bool include, int start, int count)
        {
            if (!include || count == 0)
            {
                return;
            }

            var last = segments.Count > 0 ? segments[segments.Count - 1] : null;
            if (last != null && last.Region == SourceRegion.Hidden && last.SourceStart + last.Count == start)
            {
                segments[segments.Count - 1] = new Segment(SourceRegion.Hidden, last.SourceStart, last.Count + count, last.WeightOffset);
            }
            else
            {
                segments.Add(new Segment(SourceRegion.Hidden, start, count, offset));
            }

            offset += count;
        }

        private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

        private sealed class BlockFanIns
        {
            public BlockFanIns(FanIn inputGate, FanIn? forgetGate, FanIn? outputGate, FanIn[] cells)
            {
                InputGate = inputGate;
                ForgetGate = forgetGate;
                OutputGate = outputGate;
                Cells = cells;
            }

            public FanIn InputGate { get; }

            public FanIn? ForgetGate { get; }

            public FanIn? OutputGate { get; }

            public FanIn[] Cells { get; }
        }
    }
}
