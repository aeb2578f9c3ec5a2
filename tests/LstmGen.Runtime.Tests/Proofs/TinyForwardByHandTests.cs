using System;
using LstmGen.Runtime.Tests.Networks;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// Proof 1: the generated forward pass of <see cref="TinyNetwork"/> (1 input, 1 output, 1 block of 1 cell, F
    /// connectivity, biases everywhere, g = 4σ − 2, h = 2σ − 1) equals the paper's equations written out by hand
    /// (App. A.1, Eqs. 3-9 and the output equation, in the processing order of §5).
    /// </summary>
    public sealed class TinyForwardByHandTests
    {
        // Layout (see TinyNetwork.g.cs): each hidden row reads x(t), then y(t-1) = (y^c, y^in, y^out), then the bias.
        private static readonly double[] W =
        {
            0.3, -0.2, 0.4, 0.1, -1.0,      // [0, 5)   input gate  <- x, y^c, y^in, y^out, bias
            0.5, 0.25, -0.3, 0.2, -2.0,     // [5, 10)  output gate <- x, y^c, y^in, y^out, bias
            0.8, -0.6, 0.35, -0.45, 0.1,    // [10, 15) cell input  <- x, y^c, y^in, y^out, bias
            1.5, -0.4,                      // [15, 17) output unit <- y^c(t), bias
        };

        private static readonly double[] X = { 0.5, -1.0, 2.0 };

        [Fact]
        public void Layout_of_the_tiny_network_is_the_one_the_hand_computation_assumes()
        {
            var net = new TinyNetwork();
            net.SetWeights(W);
            Assert.Equal(17, TinyNetwork.WeightCount);
            Assert.Equal(new[] { 0.3, -0.2, 0.4, 0.1, -1.0 }, net.Block0InputGate.ToArray());
            Assert.Equal(new[] { 0.5, 0.25, -0.3, 0.2, -2.0 }, net.Block0OutputGate.ToArray());
            Assert.Equal(new[] { 0.8, -0.6, 0.35, -0.45, 0.1 }, net.Block0Cell0.ToArray());
            Assert.Equal(new[] { 1.5, -0.4 }, net.OutputLayer.ToArray());
        }

        [Fact]
        public void Three_steps_match_the_equations_computed_by_hand()
        {
            var net = new TinyNetwork();
            net.SetWeights(W);
            net.Reset();
            var output = new double[1];

            // ---- t = 1: y(0) = 0 and s(0) = 0 (reset, §5) ----
            var x1 = X[0];
            var netIn1 = (W[0] * x1) + (W[1] * 0.0) + (W[2] * 0.0) + (W[3] * 0.0) + W[4];     // Eq. 7
            var yIn1 = Sigma(netIn1);                                                          // Eq. 3
            var netOut1 = (W[5] * x1) + (W[6] * 0.0) + (W[7] * 0.0) + (W[8] * 0.0) + W[9];    // Eq. 8
            var yOut1 = Sigma(netOut1);
            var netC1 = (W[10] * x1) + (W[11] * 0.0) + (W[12] * 0.0) + (W[13] * 0.0) + W[14]; // Eq. 9
            var g1 = (4.0 * Sigma(netC1)) - 2.0;                                               // Eq. 5
            var s1 = 0.0 + (yIn1 * g1);                                                        // Eq. 9, CEC
            var h1 = (2.0 * Sigma(s1)) - 1.0;                                                  // Eq. 4
            var yC1 = yOut1 * h1;                                                              // Eq. 9
            var netK1 = (W[15] * yC1) + W[16];                                                 // outputs read y^c(t) (§5)
            var yK1 = Sigma(netK1);

            net.Step(new[] { x1 }, output);
            AssertStep(net, output, s1, yC1, yIn1, yOut1, yK1);

            // ---- t = 2: gates and cell read y(1) ----
            var x2 = X[1];
            var netIn2 = (W[0] * x2) + (W[1] * yC1) + (W[2] * yIn1) + (W[3] * yOut1) + W[4];
            var yIn2 = Sigma(netIn2);
            var netOut2 = (W[5] * x2) + (W[6] * yC1) + (W[7] * yIn1) + (W[8] * yOut1) + W[9];
            var yOut2 = Sigma(netOut2);
            var netC2 = (W[10] * x2) + (W[11] * yC1) + (W[12] * yIn1) + (W[13] * yOut1) + W[14];
            var g2 = (4.0 * Sigma(netC2)) - 2.0;
            var s2 = s1 + (yIn2 * g2);
            var h2 = (2.0 * Sigma(s2)) - 1.0;
            var yC2 = yOut2 * h2;
            var netK2 = (W[15] * yC2) + W[16];
            var yK2 = Sigma(netK2);

            net.Step(new[] { x2 }, output);
            AssertStep(net, output, s2, yC2, yIn2, yOut2, yK2);

            // ---- t = 3: gates and cell read y(2) ----
            var x3 = X[2];
            var netIn3 = (W[0] * x3) + (W[1] * yC2) + (W[2] * yIn2) + (W[3] * yOut2) + W[4];
            var yIn3 = Sigma(netIn3);
            var netOut3 = (W[5] * x3) + (W[6] * yC2) + (W[7] * yIn2) + (W[8] * yOut2) + W[9];
            var yOut3 = Sigma(netOut3);
            var netC3 = (W[10] * x3) + (W[11] * yC2) + (W[12] * yIn2) + (W[13] * yOut2) + W[14];
            var g3 = (4.0 * Sigma(netC3)) - 2.0;
            var s3 = s2 + (yIn3 * g3);
            var h3 = (2.0 * Sigma(s3)) - 1.0;
            var yC3 = yOut3 * h3;
            var netK3 = (W[15] * yC3) + W[16];
            var yK3 = Sigma(netK3);

            net.Step(new[] { x3 }, output);
            AssertStep(net, output, s3, yC3, yIn3, yOut3, yK3);
        }

        [Fact]
        public void Three_steps_match_values_computed_outside_dotnet()
        {
            // The same three steps evaluated with 30-digit arithmetic (Python mpmath), printed to 20 digits:
            // an anchor that shares no code, not even Math.Exp, with the test above.
            var expected = new (double S, double YC, double YK)[]
            {
                (0.14667338988998990685, 0.010837869496703715532, 0.4052244019423701494),
                (-0.0062629204629555363204, -0.00022522487727645025263, 0.40123117354897511105),
                (0.5937595330055110409, 0.074395374425706846677, 0.42839391958797304141),
            };
            var net = new TinyNetwork();
            net.SetWeights(W);
            net.Reset();
            var output = new double[1];
            for (var t = 0; t < 3; t++)
            {
                net.Step(new[] { X[t] }, output);
                Assert.Equal(expected[t].S, net.CellStates[0], 1e-15);
                Assert.Equal(expected[t].YC, net.HiddenActivations[0], 1e-15);
                Assert.Equal(expected[t].YK, output[0], 1e-15);
            }
        }

        [Fact]
        public void Reset_starts_the_hand_computation_over()
        {
            var net = new TinyNetwork();
            net.SetWeights(W);
            var output = new double[1];
            net.Reset();
            net.Step(new[] { X[0] }, output);
            var first = output[0];
            net.Step(new[] { X[1] }, output);
            net.Reset();
            Assert.Equal(0.0, net.CellStates[0]);
            net.Step(new[] { X[0] }, output);
            Assert.Equal(first, output[0]);
        }

        private static double Sigma(double z) => 1.0 / (1.0 + Math.Exp(-z));

        private static void AssertStep(TinyNetwork net, double[] output, double s, double yC, double yIn, double yOut, double yK)
        {
            // 1e-15 absolute: the generated code evaluates σ as e^x/(1+e^x) for x < 0, a last-bit difference at most.
            Assert.Equal(s, net.CellStates[0], 1e-15);
            Assert.Equal(yC, net.HiddenActivations[0], 1e-15);
            Assert.Equal(yIn, net.HiddenActivations[1], 1e-15);
            Assert.Equal(yOut, net.HiddenActivations[2], 1e-15);
            Assert.Equal(yK, output[0], 1e-15);
            Assert.Equal(yK, net.Outputs[0], 1e-15);
        }
    }
}
