using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    public static partial class NetworkEmitter
    {
        // Source units, span views and the forward pass (Eqs. 7-9 and the output equation).
        private sealed partial class EmitContext
        {
            /// <summary>Index of the bias unit (constant 1) in the source vectors: after the inputs and the hidden units.</summary>
            private int BiasUnit => _layout.InputCount + _layout.HiddenCount;

            /// <summary>Index of hidden unit <paramref name="hidden"/> in the source vectors.</summary>
            private int HiddenUnit(int hidden) => _layout.InputCount + hidden;

            private int SourceIndex(Segment segment) => segment.Region == SourceRegion.Input ? segment.SourceStart : HiddenUnit(segment.SourceStart);

            /// <summary>Whether <paramref name="row"/> reads the input units x(t).</summary>
            private static bool ReadsInputs(FanIn row) => row.Segments.Any(s => s.Region == SourceRegion.Input);

            /// <summary>
            /// The number of leading weights of <paramref name="row"/> that the dense code reads from the source vectors but
            /// the sparse code reads through the active inputs: the row's input segment (always its first, NetworkLayout).
            /// </summary>
            private int InputColumns(FanIn row) => _sparse && ReadsInputs(row) ? _layout.InputCount : 0;

            /// <summary>
            /// The leading weights of an input gate or cell row whose changes (Eqs. 26, 28) the touched inputs' pass makes
            /// instead of the row-wise update: the input segment when the network keeps a touched set, else none.
            /// </summary>
            private int TracedInputColumns(FanIn row) => _useTouchedSet ? InputColumns(row) : 0;

            /// <summary>
            /// The runs of a row: consecutive weights that read consecutive source units (the bias unit included), as
            /// (first source unit, count, first weight relative to the row). A fully connected row is a single run.
            /// Under one-hot or sparse inputs the input segment is left out: the active inputs are read separately.
            /// </summary>
            private List<(int Source, int Count, int Weight)> Runs(FanIn row)
            {
                var runs = new List<(int Source, int Count, int Weight)>();
                void Add(int source, int count, int weight)
                {
                    if (runs.Count > 0)
                    {
                        var last = runs[runs.Count - 1];
                        if (last.Source + last.Count == source && last.Weight + last.Count == weight)
                        {
                            runs[runs.Count - 1] = (last.Source, last.Count + count, last.Weight);
                            return;
                        }
                    }

                    runs.Add((source, count, weight));
                }

                foreach (var segment in row.Segments)
                {
                    if (_sparse && segment.Region == SourceRegion.Input)
                    {
                        continue;
                    }

                    Add(SourceIndex(segment), segment.Count, segment.WeightOffset - row.Offset);
                }

                if (row.HasBias)
                {
                    Add(BiasUnit, 1, row.Length - 1);
                }

                return runs;
            }

            /// <summary>
            /// A span local over a whole array with a constant length, e.g.
            /// <c>Span&lt;double&gt; s = new Span&lt;double&gt;(_s, 0, CellCount);</c>: the JIT then knows the length and drops the
            /// bounds check of every constant index below it.
            /// </summary>
            private void View(bool writable, string name, string field, string length) =>
                W.Line((writable ? Span : ReadOnlySpan) + " " + name + " = new " + (writable ? Span : ReadOnlySpan) + "(" + field + ", 0, " + length + ");");

            // ------------------------------------------------------------ forward pass

            private void EmitForward()
            {
                var outputsReadInputs = (_spec.Connectivity.Outputs & SourceSet.Input) != 0;
                W.Line("/// <summary>");
                W.Line("/// The forward pass of one step in the paper's processing order (§5): x(t) is set; the gates and cells");
                W.Line("/// compute from x(t) and y(t-1) (Eqs. 7-9); the outputs compute from the new cell outputs y^c(t), when");
                W.Line("/// <paramref name=\"outputsWanted\"/>: at a step without a target and without room for outputs nothing reads");
                W.Line("/// y^k(t) (the learning rule uses the outputs only at target steps, Eq. 19), so they are not computed.");
                W.Line("/// </summary>");
                W.OpenBlock(_sparse ? "private void Forward(int activeCount, bool outputsWanted)" : "private void Forward(global::System.ReadOnlySpan<double> input, bool outputsWanted)");
                View(false, "w", "_w", "WeightCount");
                View(true, "yPrev", "_yPrev", "SourceCount");
                View(true, "y", "_y", "SourceCount");
                View(true, "sigmaNet", "_sigmaNet", I(SquashedUnitCount));
                View(true, "s", "_s", "CellCount");
                View(true, "gNetC", "_gNetC", "CellCount");
                View(true, "gPrimeNetC", "_gPrimeNetC", "CellCount");
                View(true, "hS", "_hS", "CellCount");
                View(true, "hPrimeS", "_hPrimeS", "CellCount");
                View(true, "fPrimeIn", "_fPrimeIn", "BlockCount");
                if (_layout.OutputGateCount > 0)
                {
                    View(true, "fPrimeOut", "_fPrimeOut", "BlockCount");
                }

                View(true, "yOutput", "_yOutput", "OutputCount");
                View(true, "fPrimeK", "_fPrimeK", "OutputCount");
                W.Line();
                if (_sparse)
                {
                    EmitActiveInputNetInputs();
                }
                else if (_isFloat)
                {
                    W.Line("// The input units: x(t) is read together with y(t-1) by the gates and cells" + (outputsReadInputs ? ", and with y(t) by the outputs ('B')." : "."));
                    W.OpenBlock("for (var i = 0; i < InputCount; i++)");
                    W.Line("yPrev[i] = (float)input[i];");
                    if (outputsReadInputs)
                    {
                        W.Line("y[i] = yPrev[i];");
                    }

                    W.CloseBlock();
                }
                else
                {
                    W.Line("// The input units: x(t) is read together with y(t-1) by the gates and cells" + (outputsReadInputs ? ", and with y(t) by the outputs ('B')." : "."));
                    W.Line("input.CopyTo(yPrev);");
                    if (outputsReadInputs)
                    {
                        W.Line("input.CopyTo(y);");
                    }
                }

                // Every gate and cell net input first (they read only x(t) and y(t-1)), then one batched sigma over all
                // of them, then the activations, then every cell state, then one batched sigma over the states.
                W.Line();
                W.Line("// ---- Net inputs of every gate and cell: net_u(t) = sum_m w_u,m y^m(t-1)  (Eqs. 7-9) ----");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    EmitBlockNetInputs(j);
                }

                W.Line();
                W.Line("// f(net) = sigma(net) of every gate" + (_spec.CellInput == CellInputSquash.Identity ? string.Empty : ", and the sigma of every cell input that g is made of") +
                    " (Eq. 3), four at a time from registers.");
                EmitNetSquashGroups();
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    EmitBlockActivations(j);
                }

                EmitStates();
                W.Line();
                W.OpenBlock("if (!outputsWanted)");
                W.Line("return;");
                W.CloseBlock();
                W.Line();
                W.Line("// Output units: net_k(t) = sum_m w_k,m y^m(t), y^k(t) = f_k(net_k(t)) (output equation; sources are this step's cells" +
                    (outputsReadInputs ? " and x(t)" : string.Empty) + ").");
                W.Line("// All net inputs first, then the squashes: the dot products and the exps each run back to back.");
                W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
                W.Line("var wk = w.Slice(OutputOffset + (k * OutputRowLength), OutputRowLength);");
                if (_outputsReadInputs)
                {
                    W.Line("var netK = " + DotExpression(_layout.OutputFanIns[0], "wk", 0, "y") + ";");
                    W.Line("// The active inputs' terms w_k,i x_i(t); the inactive inputs' are exact zeros.");
                    W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                    W.Line("netK += wk[activeInputs[n]] * activeValues[n];");
                    W.CloseBlock();
                    W.Line();
                    W.Line("yOutput[k] = netK;");
                }
                else
                {
                    W.Line("yOutput[k] = " + DotExpression(_layout.OutputFanIns[0], "wk", 0, "y") + ";");
                }

                W.CloseBlock();
                W.Line();
                if (_layout.OutputCount <= UnrolledOutputLimit)
                {
                    // Read back one by one (a scalar load is forwarded from its store), squashed in registers.
                    EmitSquashGroups(Enumerable.Range(0, _layout.OutputCount).Select(k => "yOutput[" + I(k) + "]").ToList(), "yOutput");
                }
                else
                {
                    W.Line(Squash + ".Logistic(yOutput, yOutput);");
                }

                W.OpenBlock("for (var k = 0; k < OutputCount; k++)");
                W.Line("yOutput[k] = " + Squash + ".LogisticFromSigma(yOutput[k], out fPrimeK[k]);");
                W.CloseBlock();
                W.CloseBlock();
                W.Line();
            }

            /// <summary>How many net inputs go through the batched sigma: every gate, and every cell input unless g is the identity.</summary>
            private int SquashedUnitCount
            {
                get
                {
                    var count = 0;
                    for (var j = 0; j < _layout.BlockCount; j++)
                    {
                        count += 1 + (_layout.OutputGateFanIn(j) != null ? 1 : 0) + (_spec.CellInput == CellInputSquash.Identity ? 0 : _layout.BlockSize(j));
                    }

                    return count;
                }
            }

            /// <summary>
            /// Where block j's units sit in the batch of squashed net inputs: input gate, output gate (if any), then the
            /// cells (if g is sigmoid-shaped), block after block. −1 for a unit that is not in the batch.
            /// </summary>
            private (int InputGate, int OutputGate, int FirstCell) NetSlots(int j)
            {
                var slot = 0;
                for (var b = 0; b < j; b++)
                {
                    slot += 1 + (_layout.OutputGateFanIn(b) != null ? 1 : 0) + (_spec.CellInput == CellInputSquash.Identity ? 0 : _layout.BlockSize(b));
                }

                var hasOutputGate = _layout.OutputGateFanIn(j) != null;
                var outputGate = hasOutputGate ? slot + 1 : -1;
                var firstCell = _spec.CellInput == CellInputSquash.Identity ? -1 : slot + (hasOutputGate ? 2 : 1);
                return (slot, outputGate, firstCell);
            }

            /// <summary>Block j's gate and cell net inputs (Eqs. 7, 8 and net_c of Eq. 9), into the batch.</summary>
            private void EmitBlockNetInputs(int j)
            {
                var size = _layout.BlockSize(j);
                var ig = _layout.InputGateFanIn(j);
                var og = _layout.OutputGateFanIn(j);
                var slots = NetSlots(j);
                var quadRows = QuadRows();
                var rows = new List<FanIn> { ig };
                if (og != null)
                {
                    rows.Add(og);
                }

                for (var v = 0; v < size; v++)
                {
                    rows.Add(_layout.CellFanIn(j, v));
                }

                if (rows.All(quadRows.Contains))
                {
                    return; // every row of the block is summed four at a time with the batched sigma below
                }

                W.Line("// Block " + I(j) + ": " + Plural(size, "cell") + (og == null ? ", input gate, no output gate" : ", input gate, output gate"));
                EmitNetInputLocal(ig, "net_in  (Eq. 7)");
                if (og != null)
                {
                    EmitNetInputLocal(og, "net_out  (Eq. 8)");
                }

                for (var v = 0; v < size; v++)
                {
                    var c = _layout.CellIndex(j, v);
                    var row = _layout.CellFanIn(j, v);
                    if (slots.FirstCell >= 0)
                    {
                        EmitNetInputLocal(row, "net_c of cell " + I(v) + "  (Eq. 9)");
                    }
                    else
                    {
                        W.Line("gNetC[" + I(c) + "] = " + Squash + ".Identity(" + NetInput(row) + ", out gPrimeNetC[" + I(c) + "]);   // g(net_c) = net_c of cell " + I(v) + "  (Eq. 9)");
                    }
                }
            }

            /// <summary>
            /// A squashed gate or cell row's net input into its local (<see cref="NetLocal"/>), which the batched σ reads
            /// in registers. Under one-hot or sparse inputs the local already holds the active inputs' terms, and the
            /// hidden units' and bias part is added to it.
            /// </summary>
            private void EmitNetInputLocal(FanIn row, string comment)
            {
                if (QuadRows().Contains(row))
                {
                    W.Line("// " + NetLocal(row) + ": " + comment + ", summed with three other rows below (Kernels.Dot4).");
                }
                else if (InputColumns(row) == 0)
                {
                    W.Line("var " + NetLocal(row) + " = " + NetInput(row) + ";   // " + comment);
                }
                else if (Runs(row).Count == 0)
                {
                    W.Line("// " + NetLocal(row) + ": " + comment + ", the active inputs' terms above and nothing else.");
                }
                else
                {
                    W.Line(NetLocal(row) + " += " + DotExpression(row, "w", row.Offset, "yPrev") + ";   // " + comment);
                }
            }

            /// <summary>The rows of the squashed net inputs, each at its slot in the batch (<see cref="NetSlots"/>).</summary>
            private FanIn[] NetSlotRows()
            {
                var rows = new FanIn[SquashedUnitCount];
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var slots = NetSlots(j);
                    rows[slots.InputGate] = _layout.InputGateFanIn(j);
                    if (_layout.OutputGateFanIn(j) is FanIn og)
                    {
                        rows[slots.OutputGate] = og;
                    }

                    for (var v = 0; slots.FirstCell >= 0 && v < _layout.BlockSize(j); v++)
                    {
                        rows[slots.FirstCell + v] = _layout.CellFanIn(j, v);
                    }
                }

                return rows;
            }

            /// <summary>
            /// Whether the four rows at batch slots [<paramref name="first"/>, first + 4) are summed together by
            /// <c>Kernels.Dot4</c>: double precision, each row one run of at least 8 terms (after the active inputs' part,
            /// under one-hot or sparse inputs) that starts after the input units, all starting at the same source with the same 8⌊n/8⌋ (a cell without the
            /// gates' bias reads one source fewer), and either all or none of them with an active inputs' part (a lane
            /// without one must not get a +0 added). Float rows, short rows and rows of other shapes are written out one
            /// by one, as before; every lane gives the bits of its row written out (rows of more than
            /// <see cref="UnrollLimit"/> terms called <c>Kernels.Dot</c> before, which can differ in the sign of an all −0 sum,
            /// a difference σ, the only reader of these sums, does not see).
            /// </summary>
            private bool IsQuad(FanIn[] rows, int first)
            {
                if (_isFloat || first + 4 > rows.Length)
                {
                    return false;
                }

                var runs = Runs(rows[first]);
                if (runs.Count != 1 || runs[0].Count < 8 || runs[0].Source < _layout.InputCount)
                {
                    // A run that starts at the input units reads x(t), copied into yPrev just before: a vector load over
                    // that copy and the previous step's scalar stores waits for them to retire (store forwarding), and the
                    // forward pass of the dense Exp 3 and 4 networks was 6-10 % slower with four rows at once.
                    return false;
                }

                for (var r = first; r < first + 4; r++)
                {
                    var other = Runs(rows[r]);
                    if (other.Count != 1 || other[0].Source != runs[0].Source || other[0].Count / 8 != runs[0].Count / 8
                        || (InputColumns(rows[r]) == 0) != (InputColumns(rows[first]) == 0))
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>The rows that <see cref="IsQuad"/> sums four at a time (computed once).</summary>
            private HashSet<FanIn> QuadRows() => _quadRows ??= FindQuadRows();

            private HashSet<FanIn> FindQuadRows()
            {
                var rows = NetSlotRows();
                var quads = new HashSet<FanIn>();
                for (var i = 0; i + 4 <= rows.Length; i += 4)
                {
                    if (IsQuad(rows, i))
                    {
                        quads.UnionWith(rows.Skip(i).Take(4));
                    }
                }

                return quads;
            }

            /// <summary>
            /// σ of the batch of gate and cell net inputs, four at a time: a group of four rows of the same shape is summed by
            /// <c>Kernels.Dot4</c> straight into the vector σ takes (Eqs. 7-9 and 3); the other groups are squashed from the
            /// locals written above (<see cref="EmitSquashGroups"/>).
            /// </summary>
            private void EmitNetSquashGroups()
            {
                var rows = NetSlotRows();
                if (QuadRows().Count > 0)
                {
                    W.Line("// Rows of the same shape go four at a time: Kernels.Dot4(w, yPrev, first source, then each row's first weight and");
                    W.Line("// number of terms) sums net_u = sum_m w_u,m y^m(t-1) for four rows in one vector, each lane bit for bit its row");
                    W.Line("// written out (eight interleaved partial sums, then the rest one by one), and sigma squashes the vector.");
                }

                var i = 0;
                for (; i + 4 <= rows.Length; i += 4)
                {
                    if (!IsQuad(rows, i))
                    {
                        EmitSquashGroups(rows.Skip(i).Take(4).Select(NetLocal).ToList(), "sigmaNet", i);
                        continue;
                    }

                    var quad = rows.Skip(i).Take(4).ToList();
                    var dot = Kernels + ".Dot4(w, yPrev, " + I(Runs(quad[0])[0].Source) + ", " +
                        string.Join(", ", quad.Select(r => I(r.Offset + Runs(r)[0].Weight) + ", " + I(Runs(r)[0].Count))) + ")";
                    if (InputColumns(rows[i]) > 0)
                    {
                        dot = "global::System.Runtime.Intrinsics.Vector256.Create(" + string.Join(", ", rows.Skip(i).Take(4).Select(NetLocal)) + ") + " + dot;
                    }

                    var first = Runs(quad[0])[0].Source;
                    var last = first + quad.Max(r => Runs(r)[0].Count) - 1;
                    W.Line("// " + string.Join(", ", quad.Select(r => r.UnitName)) + " (Eqs. 7-9): " +
                        (InputColumns(rows[i]) > 0 ? "the active inputs' terms above plus " : string.Empty) +
                        "sources " + I(first) + ".." + I(last) + (last == BiasUnit ? " (" + I(last) + ": the bias unit)" : string.Empty) + ".");
                    W.Line(Squash + ".Logistic(" + dot + ", sigmaNet.Slice(" + I(i) + ", 4));");
                }

                if (i < rows.Length)
                {
                    EmitSquashGroups(rows.Skip(i).Select(NetLocal).ToList(), "sigmaNet", i);
                }
            }

            /// <summary>
            /// σ of values held in locals, four at a time (then two, then one), into <paramref name="destination"/>[0..n):
            /// the values reach the vector in registers (<c>Squash.Logistic(x0, x1, x2, x3, span)</c>), not through
            /// memory. Every lane gives the bits of the scalar σ, so the grouping changes no result.
            /// </summary>
            private void EmitSquashGroups(IReadOnlyList<string> locals, string destination, int offset = 0)
            {
                var i = 0;
                for (; i + 4 <= locals.Count; i += 4)
                {
                    W.Line(Squash + ".Logistic(" + locals[i] + ", " + locals[i + 1] + ", " + locals[i + 2] + ", " + locals[i + 3] + ", " + destination + ".Slice(" + I(offset + i) + ", 4));");
                }

                if (i + 2 <= locals.Count)
                {
                    W.Line(Squash + ".Logistic(" + locals[i] + ", " + locals[i + 1] + ", " + destination + ".Slice(" + I(offset + i) + ", 2));");
                    i += 2;
                }

                if (i < locals.Count)
                {
                    W.Line(destination + "[" + I(offset + i) + "] = " + Squash + ".Logistic(" + locals[i] + ");");
                }
            }

            /// <summary>
            /// The net input of a gate or cell row: Σ_m w_m y^m(t−1) over x(t), y(t−1) and the bias. Under one-hot or sparse
            /// inputs, the active inputs' part was summed into <see cref="NetLocal"/> by <see cref="EmitActiveInputNetInputs"/>
            /// and the rest (hidden units and bias) is added here.
            /// </summary>
            private string NetInput(FanIn row)
            {
                var rest = DotExpression(row, "w", row.Offset, "yPrev");
                if (InputColumns(row) == 0)
                {
                    return rest;
                }

                return Runs(row).Count == 0 ? NetLocal(row) : NetLocal(row) + " + " + (rest.Contains(" + ") ? "(" + rest + ")" : rest);
            }

            /// <summary>The local that sums a gate or cell row's active input terms, e.g. <c>netIn0</c>, <c>netOut1</c>, <c>netC3</c>.</summary>
            private string NetLocal(FanIn row)
            {
                switch (row.Kind)
                {
                    case UnitKind.InputGate:
                        return "netIn" + I(row.Block);
                    case UnitKind.OutputGate:
                        return "netOut" + I(row.Block);
                    default:
                        return "netC" + I(_layout.CellIndex(row.Block, row.Cell));
                }
            }

            /// <summary>
            /// Under one-hot or sparse inputs: gathers this step's non-zero inputs, then adds each one's terms w_u,i x_i(t) to
            /// every gate and cell row that reads x, in one pass (Eqs. 7-9).
            /// </summary>
            private void EmitActiveInputNetInputs()
            {
                var oneHot = _spec.InputEncoding == InputEncoding.OneHot;
                W.Line("// The input units (inputEncoding: " + EncodingName() + "): only the inputs with x_i(t) != 0 are read, through the list");
                W.Line("// GatherActiveInputs makes" + (oneHot ? " (and checks: at most one) or SetActiveInput sets" : string.Empty) + ", of which the first activeCount entries count.");
                W.Line("// Every other input's terms below are exact zeros, so skipping them changes no value but the summation order; with");
                W.Line("// one input in a thousand active it saves nearly all the work.");
                W.Line("global::System.ReadOnlySpan<int> activeInputs = new global::System.ReadOnlySpan<int>(_activeInputs, 0, InputCount);");
                W.Line(ReadOnlySpan + " activeValues = new " + ReadOnlySpan + "(_activeValues, 0, InputCount);");
                var rows = _layout.FanIns.Where(r => r.Kind != UnitKind.Output && ReadsInputs(r)).ToList();
                if (rows.Count == 0)
                {
                    return;
                }

                W.Line();
                W.Line("// Net inputs of the gates and cells, the inputs' part: one pass over the active inputs adds w_u,i x_i(t) to");
                W.Line("// every row that reads x (Eqs. 7-9); the hidden units' and bias part is added below, block by block.");
                foreach (var row in rows)
                {
                    W.Line("var " + NetLocal(row) + " = " + (_isFloat ? "0f" : "0.0") + ";");
                }

                W.OpenBlock("for (var n = 0; n < activeCount; n++)");
                W.Line("var i = activeInputs[n];");
                W.Line("var x = activeValues[n];");
                foreach (var row in rows)
                {
                    W.Line(NetLocal(row) + " += w[" + Offset(row.Offset) + "i] * x;   // " + row.UnitName);
                }

                W.CloseBlock();
            }

            /// <summary><c>"17 + "</c>, or nothing for 0: the start of an index expression <c>offset + i</c>.</summary>
            private static string Offset(int offset) => offset == 0 ? string.Empty : I(offset) + " + ";

            /// <summary>Block j's gate activations y^in, y^out (Eqs. 7, 8) and cell inputs g(net_c) (Eq. 9) from the squashed batch.</summary>
            private void EmitBlockActivations(int j)
            {
                var og = _layout.OutputGateFanIn(j);
                var slots = NetSlots(j);
                W.Line();
                W.Line("// ---- Block " + I(j) + ": y^in(t) = f(net_in)" + (og != null ? ", y^out(t) = f(net_out)" : string.Empty) +
                    (slots.FirstCell >= 0 ? ", g(net_c(t))" : string.Empty) + "  (Eqs. 7-9) ----");
                W.Line("var yIn" + I(j) + " = " + Squash + ".LogisticFromSigma(sigmaNet[" + I(slots.InputGate) + "], out fPrimeIn[" + I(j) + "]);");
                W.Line("y[" + I(HiddenUnit(_layout.InputGateIndex(j))) + "] = yIn" + I(j) + ";");
                if (og != null)
                {
                    W.Line("var yOut" + I(j) + " = " + Squash + ".LogisticFromSigma(sigmaNet[" + I(slots.OutputGate) + "], out fPrimeOut[" + I(j) + "]);");
                    W.Line("y[" + I(HiddenUnit(_layout.OutputGateIndex(j))) + "] = yOut" + I(j) + ";");
                }

                if (slots.FirstCell >= 0)
                {
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line("gNetC[" + I(c) + "] = " + Squash + "." + GName() + "FromSigma(sigmaNet[" + I(slots.FirstCell + v) + "], out gPrimeNetC[" + I(c) + "]);");
                    }
                }
            }

            /// <summary>Every cell's state s_c(t) = s_c(t−1) + y^in g(net_c), then h(s_c) and y^c = y^out h(s_c) (Eq. 9).</summary>
            private void EmitStates()
            {
                var squashed = _spec.CellOutput == CellOutputSquash.H1;
                W.Line();
                W.Line("// ---- The constant error carrousels: s_c(t) = s_c(t-1) + y^in(t) g(net_c(t))  (Eq. 9) ----");
                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line((squashed ? "var s" + I(c) + " = " : string.Empty) + "s[" + I(c) + "] += yIn" + I(j) + " * gNetC[" + I(c) + "];");
                    }
                }

                W.Line();
                if (squashed)
                {
                    W.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t)), h = 2 sigma - 1  (Eqs. 4, 9); sigma(s) of every cell, four at a time from registers ----");
                    EmitSquashGroups(Enumerable.Range(0, _layout.CellCount).Select(c => "s" + I(c)).ToList(), "hS");
                }
                else
                {
                    W.Line("// ---- Cell outputs: y^c(t) = y^out(t) h(s_c(t)), h the identity  (Eq. 9) ----");
                }

                for (var j = 0; j < _layout.BlockCount; j++)
                {
                    var og = _layout.OutputGateFanIn(j);
                    if (og == null)
                    {
                        W.Line("// Block " + I(j) + " has no output gate: y^c = h(s) (y^out = 1; Exps 2a/2b).");
                    }

                    for (var v = 0; v < _layout.BlockSize(j); v++)
                    {
                        var c = _layout.CellIndex(j, v);
                        W.Line(squashed
                            ? "hS[" + I(c) + "] = " + Squash + ".H1FromSigma(hS[" + I(c) + "], out hPrimeS[" + I(c) + "]);"
                            : "hS[" + I(c) + "] = " + Squash + ".Identity(s[" + I(c) + "], out hPrimeS[" + I(c) + "]);");
                        W.Line("y[" + I(HiddenUnit(c)) + "] = " + (og != null ? "yOut" + I(j) + " * " : string.Empty) + "hS[" + I(c) + "];");
                    }
                }
            }

            /// <summary>The <c>Squash</c> function of g for a sigmoid-shaped cell input squash (g2 or g1).</summary>
            private string GName() => _spec.CellInput == CellInputSquash.G2 ? "G2" : "Logistic";

            /// <summary>
            /// The net input of a row: Σ_m w_m y^m over its runs, the bias unit (y = 1) included. Each run is summed in the
            /// order of <c>Kernels.Dot</c> (eight interleaved partial sums, then the rest), whether it is written out term by
            /// term (at most <see cref="UnrollLimit"/> terms) or calls the kernel, so the threshold never changes a result;
            /// the runs' sums are added in row order. <paramref name="weightBase"/> is the index of the row's first weight
            /// in <paramref name="weights"/>.
            /// </summary>
            private string DotExpression(FanIn row, string weights, int weightBase, string sources)
            {
                var runs = Runs(row);
                var terms = new List<string>();
                foreach (var run in runs)
                {
                    var first = weightBase + run.Weight;
                    if (run.Count <= UnrollLimit || run.Count == 1)
                    {
                        var text = UnrolledDot(weights, first, sources, run.Source, run.Count);
                        terms.Add(runs.Count > 1 && run.Count > 1 ? "(" + text + ")" : text);
                    }
                    else
                    {
                        terms.Add(Kernels + ".Dot(" + weights + ".Slice(" + I(first) + ", " + I(run.Count) + "), " + sources + ".Slice(" + I(run.Source) + ", " + I(run.Count) + "))");
                    }
                }

                return terms.Count == 0 ? (_isFloat ? "0f" : "0.0") : string.Join(" + ", terms);
            }

            /// <summary>
            /// Σ_i w[first + i] · y[source + i] written out in the kernel's order: eight interleaved partial sums combined as
            /// ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), then the rest one by one.
            /// </summary>
            private string UnrolledDot(string weights, int first, string sources, int source, int count)
            {
                string Term(int i) => source + i == BiasUnit
                    ? weights + "[" + I(first + i) + "]"
                    : weights + "[" + I(first + i) + "] * " + sources + "[" + I(source + i) + "]";

                var whole = count / 8 * 8;
                if (whole == 0)
                {
                    return string.Join(" + ", Enumerable.Range(0, count).Select(Term));
                }

                string Lane(int lane)
                {
                    var laneTerms = new List<string>();
                    for (var i = lane; i < whole; i += 8)
                    {
                        laneTerms.Add(Term(i));
                    }

                    return laneTerms.Count == 1 ? laneTerms[0] : "(" + string.Join(" + ", laneTerms) + ")";
                }

                string Pair(int lane) => "(" + Lane(lane) + " + " + Lane(lane + 4) + ")";

                var text = "(" + Pair(0) + " + " + Pair(1) + ") + (" + Pair(2) + " + " + Pair(3) + ")";
                for (var i = whole; i < count; i++)
                {
                    text += " + " + Term(i);
                }

                return text;
            }
        }
    }
}
