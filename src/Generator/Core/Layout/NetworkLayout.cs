using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Layout
{
    /// <summary>Where a net input reads its sources from.</summary>
    public enum SourceRegion
    {
        /// <summary>The input units x(t) of the current step.</summary>
        Input,

        /// <summary>The hidden activation vector y(t−1) (net inputs of cells and gates) or y(t) (output units).</summary>
        Hidden,
    }

    /// <summary>The kind of unit a row of weights feeds.</summary>
    public enum UnitKind
    {
        InputGate,
        OutputGate,
        CellInput,
        Output,
    }

    /// <summary>A run of consecutive weights of one row that reads consecutive sources of one region.</summary>
    /// <param name="Region">Inputs or hidden activations.</param>
    /// <param name="SourceStart">Index of the first source within its region.</param>
    /// <param name="Count">Number of sources (and weights).</param>
    /// <param name="WeightOffset">Index of the first weight in the network's flat weight array.</param>
    public sealed record Segment(SourceRegion Region, int SourceStart, int Count, int WeightOffset);

    /// <summary>
    /// The incoming weights of one unit: a contiguous slice of the flat weight array, made of source segments in
    /// a fixed order (inputs, cells, input gates, output gates), followed by the bias weight when the unit has one.
    /// </summary>
    public sealed class WeightRow
    {
        internal WeightRow(UnitKind kind, int block, int cell, int output, int offset, IReadOnlyList<Segment> segments, bool hasBias, string unitName)
        {
            Kind = kind;
            Block = block;
            Cell = cell;
            Output = output;
            Offset = offset;
            Segments = segments;
            HasBias = hasBias;
            UnitName = unitName;
            var length = hasBias ? 1 : 0;
            foreach (var segment in segments)
            {
                length += segment.Count;
            }

            Length = length;
        }

        public UnitKind Kind { get; }

        /// <summary>The block j (gates and cells), or −1.</summary>
        public int Block { get; }

        /// <summary>The cell v within its block (cell inputs), or −1.</summary>
        public int Cell { get; }

        /// <summary>The output unit k (outputs), or −1.</summary>
        public int Output { get; }

        /// <summary>Index of the row's first weight.</summary>
        public int Offset { get; }

        /// <summary>Number of weights, bias included.</summary>
        public int Length { get; }

        public IReadOnlyList<Segment> Segments { get; }

        public bool HasBias { get; }

        /// <summary>Index of the bias weight (only when <see cref="HasBias"/>).</summary>
        public int BiasOffset => Offset + Length - 1;

        /// <summary>The unit's name as the trace format writes it, e.g. <c>block[1].input_gate</c>.</summary>
        public string UnitName { get; }
    }

    /// <summary>
    /// The layout every implementation of a spec shares: the order of the hidden activation vector, the order of
    /// the flat weight array, and the order of the RTRL traces. The generated code, the reference interpreter and
    /// the trace format all index weights through it, so that their weights can be compared one by one.
    /// <para>
    /// Hidden activation vector y (length <see cref="HiddenCount"/>): all cells block by block (y^c), then one input
    /// gate per block (y^in), then one output gate per block that has one (y^out).
    /// </para>
    /// <para>
    /// Weights: for each block j in order, its input gate row, its output gate row (if any), then one row per cell;
    /// after all blocks, one row per output unit. Within a row: inputs, cells, input gates, output gates (as the
    /// connectivity allows), then the bias.
    /// </para>
    /// <para>
    /// Traces ∂s/∂w (App. A.1, Eqs. 25 and 27; the paper's 2CSI values): for each cell c in hidden order, one trace
    /// per weight of its block's input gate row, then one per weight of its own cell row.
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

            var rows = new List<WeightRow>();
            var blockRows = new BlockRows[BlockCount];
            var offset = 0;
            for (var j = 0; j < BlockCount; j++)
            {
                var inputGate = MakeRow(UnitKind.InputGate, j, -1, -1, ref offset, spec.Connectivity.InputGates, spec.GatesBiased, "block[" + Str(j) + "].input_gate");
                rows.Add(inputGate);
                WeightRow? outputGate = null;
                if (spec.Blocks[j].HasOutputGate)
                {
                    outputGate = MakeRow(UnitKind.OutputGate, j, -1, -1, ref offset, spec.Connectivity.OutputGates, spec.GatesBiased, "block[" + Str(j) + "].output_gate");
                    rows.Add(outputGate);
                }

                var cellRows = new WeightRow[spec.Blocks[j].Cells];
                for (var v = 0; v < cellRows.Length; v++)
                {
                    cellRows[v] = MakeRow(UnitKind.CellInput, j, v, -1, ref offset, spec.Connectivity.CellInputs, spec.CellsBiased, "block[" + Str(j) + "].cell[" + Str(v) + "]");
                    rows.Add(cellRows[v]);
                }

                blockRows[j] = new BlockRows(inputGate, outputGate, cellRows);
            }

            OutputOffset = offset;
            var outputRows = new WeightRow[OutputCount];
            for (var k = 0; k < OutputCount; k++)
            {
                outputRows[k] = MakeRow(UnitKind.Output, -1, -1, k, ref offset, spec.Connectivity.Outputs & (SourceSet.Input | SourceSet.Cells), spec.OutputsBiased, "output[" + Str(k) + "]");
                rows.Add(outputRows[k]);
            }

            WeightCount = offset;
            Rows = rows;
            _blockRows = blockRows;
            OutputRows = outputRows;

            // Traces: per cell, the input gate row of its block then its own row.
            var traceOffset = 0;
            var inputGateTrace = new int[CellCount];
            var cellTrace = new int[CellCount];
            for (var j = 0; j < BlockCount; j++)
            {
                for (var v = 0; v < spec.Blocks[j].Cells; v++)
                {
                    var c = cellStart[j] + v;
                    inputGateTrace[c] = traceOffset;
                    traceOffset += blockRows[j].InputGate.Length;
                    cellTrace[c] = traceOffset;
                    traceOffset += blockRows[j].Cells[v].Length;
                }
            }

            TraceCount = traceOffset;
            _inputGateTraceOffset = inputGateTrace;
            _cellTraceOffset = cellTrace;
        }

        private readonly int[] _cellStart;
        private readonly int[] _outputGateIndex;
        private readonly BlockRows[] _blockRows;
        private readonly int[] _inputGateTraceOffset;
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

        /// <summary>Every row, in weight order.</summary>
        public IReadOnlyList<WeightRow> Rows { get; }

        public IReadOnlyList<WeightRow> OutputRows { get; }

        public static NetworkLayout Create(NetworkSpec spec) => new NetworkLayout(spec);

        public int BlockSize(int block) => Spec.Blocks[block].Cells;

        public bool HasOutputGate(int block) => Spec.Blocks[block].HasOutputGate;

        /// <summary>Index of cell v of block j in the hidden vector (and in cell-indexed arrays).</summary>
        public int CellIndex(int block, int cell) => _cellStart[block] + cell;

        public int InputGateIndex(int block) => FirstInputGate + block;

        /// <summary>Index of block j's output gate in the hidden vector, or −1 when the block has none.</summary>
        public int OutputGateIndex(int block) => _outputGateIndex[block] < 0 ? -1 : FirstOutputGate + _outputGateIndex[block];

        public WeightRow InputGateRow(int block) => _blockRows[block].InputGate;

        public WeightRow? OutputGateRow(int block) => _blockRows[block].OutputGate;

        public WeightRow CellRow(int block, int cell) => _blockRows[block].Cells[cell];

        /// <summary>Offset of cell c's traces for its block's input gate weights (Eq. 25).</summary>
        public int InputGateTraceOffset(int cellIndex) => _inputGateTraceOffset[cellIndex];

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

        /// <summary>The row holding weight <paramref name="weight"/>.</summary>
        public WeightRow RowOf(int weight)
        {
            foreach (var row in Rows)
            {
                if (weight >= row.Offset && weight < row.Offset + row.Length)
                {
                    return row;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(weight));
        }

        /// <summary>The unit a weight feeds and the unit it reads, e.g. ("block[0].cell[1]", "input[3]").</summary>
        public (string To, string From) DescribeWeight(int weight)
        {
            var row = RowOf(weight);
            if (row.HasBias && weight == row.BiasOffset)
            {
                return (row.UnitName, "bias");
            }

            foreach (var segment in row.Segments)
            {
                if (weight >= segment.WeightOffset && weight < segment.WeightOffset + segment.Count)
                {
                    var source = segment.SourceStart + (weight - segment.WeightOffset);
                    return (row.UnitName, segment.Region == SourceRegion.Input ? "input[" + Str(source) + "]" : HiddenUnitName(source));
                }
            }

            throw new InvalidOperationException("weight " + Str(weight) + " is in no segment of its row");
        }

        private WeightRow MakeRow(UnitKind kind, int block, int cell, int output, ref int offset, SourceSet sources, bool hasBias, string name)
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
            if (hasBias)
            {
                offset++;
            }

            return new WeightRow(kind, block, cell, output, start, segments, hasBias, name);
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

        private sealed class BlockRows
        {
            public BlockRows(WeightRow inputGate, WeightRow? outputGate, WeightRow[] cells)
            {
                InputGate = inputGate;
                OutputGate = outputGate;
                Cells = cells;
            }

            public WeightRow InputGate { get; }

            public WeightRow? OutputGate { get; }

            public WeightRow[] Cells { get; }
        }
    }
}
