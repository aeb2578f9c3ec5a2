using System;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// A test oracle for the learning rule: backpropagation through time over a whole stored sequence, on the graph
    /// the paper's truncation leaves (extraction §2.3, last bullet). The recurrent hidden activations y(t−1) are
    /// constants where they enter the net inputs of gates and cells, while s(t−1) → s(t) stays in the graph (through
    /// y^φ(t) s(t−1) where the block has a forget gate, Gers, Schmidhuber &amp; Cummins 2000). Peephole sources (Gers,
    /// Schraudolph &amp; Schmidhuber 2002) are constants of the graph too: s_c(t−1) where it enters the input and forget
    /// gates, s_c(t) where it enters the output gate (their rule gives the peephole weights these sources and cuts the
    /// paths through them); the
    /// gradient of E = ½ Σ_t Σ_k (t_k − y_k)² on that graph must equal the sum of the truncated-RTRL updates
    /// (App. A.1, Eqs. 19-28) with weights held fixed during the sequence.
    /// <para>
    /// It is written from the equations, backwards in time, sharing nothing with the generated forward-mode code
    /// but the weight layout (<see cref="NetworkLayout"/>), which is how weight i is matched to (unit, source).
    /// </para>
    /// </summary>
    internal sealed class DetachedBpttOracle
    {
        private readonly NetworkLayout _layout;
        private readonly NetworkSpec _spec;

        public DetachedBpttOracle(NetworkSpec spec)
        {
            _spec = spec;
            _layout = NetworkLayout.Create(spec);
        }

        public NetworkLayout Layout => _layout;

        /// <summary>−∂E/∂w for every weight, E over the steps of <paramref name="sequence"/> that carry a target.</summary>
        public double[] NegativeGradient(double[] w, TrainingSequence sequence, out double[][] outputs)
        {
            var l = _layout;
            var steps = sequence.Length;
            var cells = l.CellCount;

            // ---- forward pass, every step kept ----
            var yPrev = new double[steps][];      // y(t−1): what gates and cells read (a constant of the graph)
            var y = new double[steps][];          // y(t): cells, input gates, output gates
            var s = new double[steps][];          // s_c(t), Eq. 9
            var netC = new double[steps][];
            var netIn = new double[steps][];
            var netOut = new double[steps][];
            var netPhi = new double[steps][];
            var yPhi = new double[steps][];       // y^φ(t) per block, 1 without a forget gate
            var sBefore = new double[steps][];    // s_c(t−1)
            var netK = new double[steps][];
            outputs = new double[steps][];
            var previous = new double[l.HiddenCount];
            var state = new double[cells];
            for (var t = 0; t < steps; t++)
            {
                var x = sequence.Inputs[t];
                yPrev[t] = previous;
                var current = new double[l.HiddenCount];
                s[t] = new double[cells];
                netC[t] = new double[cells];
                netIn[t] = new double[l.BlockCount];
                netOut[t] = new double[l.BlockCount];
                netPhi[t] = new double[l.BlockCount];
                yPhi[t] = new double[l.BlockCount];
                sBefore[t] = (double[])state.Clone();
                for (var j = 0; j < l.BlockCount; j++)
                {
                    netIn[t][j] = Net(l.InputGateFanIn(j), w, x, previous, sBefore[t]);
                    var yIn = Logistic(netIn[t][j]);
                    current[l.InputGateIndex(j)] = yIn;
                    yPhi[t][j] = 1.0;
                    if (l.ForgetGateFanIn(j) is { } forgetGate)
                    {
                        netPhi[t][j] = Net(forgetGate, w, x, previous, sBefore[t]);
                        yPhi[t][j] = Logistic(netPhi[t][j]);
                    }

                    for (var v = 0; v < l.BlockSize(j); v++)
                    {
                        var c = l.CellIndex(j, v);
                        netC[t][c] = Net(l.CellFanIn(j, v), w, x, previous, sBefore[t]);
                        state[c] = (yPhi[t][j] * state[c]) + (yIn * G(netC[t][c]));
                        s[t][c] = state[c];
                    }

                    // The output gate after the states: its peepholes, if any, read s_c(t).
                    var yOut = 1.0;   // a block without output gate passes h(s) through (Exps 2a/2b)
                    if (l.HasOutputGate(j))
                    {
                        netOut[t][j] = Net(l.OutputGateFanIn(j)!, w, x, previous, s[t]);
                        yOut = Logistic(netOut[t][j]);
                        current[l.OutputGateIndex(j)] = yOut;
                    }

                    for (var v = 0; v < l.BlockSize(j); v++)
                    {
                        var c = l.CellIndex(j, v);
                        current[c] = yOut * H(state[c]);
                    }
                }

                netK[t] = new double[l.OutputCount];
                outputs[t] = new double[l.OutputCount];
                for (var k = 0; k < l.OutputCount; k++)
                {
                    netK[t][k] = Net(l.OutputFanIns[k], w, x, current, s[t]);   // outputs read this step's cells (§5)
                    outputs[t][k] = Logistic(netK[t][k]);
                }

                y[t] = current;
                previous = current;
            }

            // ---- backward pass: δ = −∂E/∂(quantity) ----
            var gradient = new double[l.WeightCount];
            var deltaSNext = new double[cells];   // −∂E/∂s(t+1) · ∂s(t+1)/∂s(t), carried back through s(t+1) = y^φ(t+1) s(t) + ...
            for (var t = steps - 1; t >= 0; t--)
            {
                var x = sequence.Inputs[t];
                var target = sequence.Targets[t];

                // Output units and the error reaching the hidden vector y(t) through them.
                var deltaY = new double[l.HiddenCount];
                if (target is not null)
                {
                    for (var k = 0; k < l.OutputCount; k++)
                    {
                        var yk = outputs[t][k];
                        var deltaNetK = yk * (1.0 - yk) * (target[k] - yk);   // −∂E/∂net_k, E = ½(t − y)²
                        Accumulate(gradient, l.OutputFanIns[k], deltaNetK, x, y[t], s[t]);
                        Spread(deltaY, l.OutputFanIns[k], deltaNetK, w);
                    }
                }

                // y(t) reaches nothing else: its uses at t + 1 are cut. Inside each block, backprop to s, gates, cells.
                var deltaS = new double[cells];
                for (var j = 0; j < l.BlockCount; j++)
                {
                    var yOut = l.HasOutputGate(j) ? y[t][l.OutputGateIndex(j)] : 1.0;
                    var deltaYOut = 0.0;
                    for (var v = 0; v < l.BlockSize(j); v++)
                    {
                        var c = l.CellIndex(j, v);
                        deltaYOut += deltaY[c] * H(s[t][c]);
                        deltaS[c] = (deltaY[c] * yOut * HPrime(s[t][c])) + deltaSNext[c];
                    }

                    if (l.HasOutputGate(j))
                    {
                        var deltaNetOut = deltaYOut * LogisticPrime(netOut[t][j]);
                        Accumulate(gradient, l.OutputGateFanIn(j)!, deltaNetOut, x, yPrev[t], s[t]);
                    }

                    var yIn = y[t][l.InputGateIndex(j)];
                    var deltaYIn = 0.0;
                    for (var v = 0; v < l.BlockSize(j); v++)
                    {
                        var c = l.CellIndex(j, v);
                        deltaYIn += deltaS[c] * G(netC[t][c]);
                        var deltaNetC = deltaS[c] * yIn * GPrime(netC[t][c]);
                        Accumulate(gradient, l.CellFanIn(j, v), deltaNetC, x, yPrev[t], sBefore[t]);
                    }

                    Accumulate(gradient, l.InputGateFanIn(j), deltaYIn * LogisticPrime(netIn[t][j]), x, yPrev[t], sBefore[t]);
                    if (l.ForgetGateFanIn(j) is { } forgetGate)
                    {
                        var deltaYPhi = 0.0;
                        for (var v = 0; v < l.BlockSize(j); v++)
                        {
                            var c = l.CellIndex(j, v);
                            deltaYPhi += deltaS[c] * sBefore[t][c];
                        }

                        Accumulate(gradient, forgetGate, deltaYPhi * LogisticPrime(netPhi[t][j]), x, yPrev[t], sBefore[t]);
                    }
                }

                // ∂s(t)/∂s(t−1) = y^φ(t) (1 without a forget gate).
                deltaSNext = new double[cells];
                for (var j = 0; j < l.BlockCount; j++)
                {
                    for (var v = 0; v < l.BlockSize(j); v++)
                    {
                        var c = l.CellIndex(j, v);
                        deltaSNext[c] = deltaS[c] * yPhi[t][j];
                    }
                }
            }

            return gradient;
        }

        private static double Net(FanIn row, double[] w, double[] x, double[] hidden, double[] states)
        {
            var sum = 0.0;
            foreach (var segment in row.Segments)
            {
                var source = Region(segment, x, hidden, states);
                for (var i = 0; i < segment.Count; i++)
                {
                    sum += w[segment.WeightOffset + i] * source[segment.SourceStart + i];
                }
            }

            return row.HasBias ? sum + w[row.BiasOffset] : sum;
        }

        /// <summary>∂net/∂w_m = source m: adds δ·source to the row's gradient.</summary>
        private static void Accumulate(double[] gradient, FanIn row, double delta, double[] x, double[] hidden, double[] states)
        {
            foreach (var segment in row.Segments)
            {
                var source = Region(segment, x, hidden, states);
                for (var i = 0; i < segment.Count; i++)
                {
                    gradient[segment.WeightOffset + i] += delta * source[segment.SourceStart + i];
                }
            }

            if (row.HasBias)
            {
                gradient[row.BiasOffset] += delta;
            }
        }

        /// <summary>∂net/∂(hidden source m) = w_m: adds δ·w to the error of each hidden source the row reads.</summary>
        private static void Spread(double[] deltaHidden, FanIn row, double delta, double[] w)
        {
            foreach (var segment in row.Segments)
            {
                if (segment.Region == SourceRegion.Hidden)
                {
                    for (var i = 0; i < segment.Count; i++)
                    {
                        deltaHidden[segment.SourceStart + i] += delta * w[segment.WeightOffset + i];
                    }
                }
            }
        }

        /// <summary>The values a segment reads: x(t), the hidden vector, or (peepholes) the cell states, by cell index.</summary>
        private static double[] Region(Segment segment, double[] x, double[] hidden, double[] states) =>
            segment.Region == SourceRegion.Input ? x : segment.Region == SourceRegion.CellState ? states : hidden;

        private static double Logistic(double z) => 1.0 / (1.0 + Math.Exp(-z));

        private static double LogisticPrime(double z)
        {
            var f = Logistic(z);
            return f * (1.0 - f);
        }

        private double G(double z) => _spec.CellInput switch
        {
            CellInputSquash.G2 => (4.0 * Logistic(z)) - 2.0,
            CellInputSquash.G1 => Logistic(z),
            _ => z,
        };

        private double GPrime(double z) => _spec.CellInput switch
        {
            CellInputSquash.G2 => 4.0 * LogisticPrime(z),
            CellInputSquash.G1 => LogisticPrime(z),
            _ => 1.0,
        };

        private double H(double z) => _spec.CellOutput == CellOutputSquash.H1 ? (2.0 * Logistic(z)) - 1.0 : z;

        private double HPrime(double z) => _spec.CellOutput == CellOutputSquash.H1 ? 2.0 * LogisticPrime(z) : 1.0;
    }
}
