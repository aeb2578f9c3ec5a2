using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Model;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>The reference interpreter on its own: spec errors, a step computed by hand, and its gradient.</summary>
    public sealed class ReferenceNetworkTests
    {
        private const string TinySpec =
            "name: Tiny\n" +
            "inputs: 1\n" +
            "outputs: 1\n" +
            "blocks:\n" +
            "  count: 1\n" +
            "  cells: 1\n" +
            "  inputGateBias: -1\n" +
            "  outputGateBias: -2\n" +
            "connectivity: F\n" +
            "bias: all\n" +
            "initInterval: 0.1\n" +
            "learningRate: 0.5\n";

        [Theory]
        [InlineData("inputs: 0", "LSTM0005")]
        [InlineData("inputz: 1", "LSTM0002")]
        [InlineData("inputs: [1", "LSTM0001")]
        public void FromYaml_on_a_broken_spec_throws_with_the_diagnostic(string inputsLine, string id)
        {
            var yaml = TinySpec.Replace("inputs: 1", inputsLine, StringComparison.Ordinal);
            var exception = Assert.Throws<SpecException>(() => ReferenceNetwork.FromYaml("specs/broken.lstm.yaml", yaml));
            Assert.Contains(exception.Diagnostics, d => d.Id == id && d.IsError);
            Assert.Contains(id, exception.Message, StringComparison.Ordinal);
            Assert.Contains("broken.lstm.yaml", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void FromYaml_takes_name_rate_timing_and_text_from_the_spec()
        {
            var network = ReferenceNetwork.FromYaml("dir/tiny.lstm.yaml", TinySpec + "update: per-step\n");
            Assert.Equal("Tiny", network.Name);
            Assert.Equal(0.5, network.LearningRate);
            Assert.Equal(UpdateTiming.PerStep, network.Update);
            Assert.Equal(TinySpec + "update: per-step\n", network.SpecText);
            Assert.Equal(1, network.InputCount);
            Assert.Equal(1, network.OutputCount);

            // F, all biased, one block of one cell: 3 hidden rows of (1 input + 3 hidden + bias), output (cell + bias).
            Assert.Equal(17, network.WeightCount);
            Assert.Equal(network.WeightCount, network.Layout.WeightCount);
        }

        [Fact]
        public void InitializeWeights_draws_in_weight_order_then_fixes_the_gate_biases()
        {
            var network = ReferenceNetwork.FromYaml("tiny.lstm.yaml", TinySpec);
            network.InitializeWeights(42);
            var random = new SeededRandom(42);
            var inputGateBias = network.Layout.InputGateFanIn(0).BiasOffset;
            var outputGateBias = network.Layout.OutputGateFanIn(0)!.BiasOffset;
            for (var i = 0; i < network.WeightCount; i++)
            {
                var drawn = random.NextSymmetric(0.1);
                var expected = i == inputGateBias ? -1.0 : i == outputGateBias ? -2.0 : drawn;
                Assert.Equal(expected, network.Weights[i]);
            }
        }

        /// <summary>Two steps of the 1-1-1 network, computed here from Eqs. 3-9 with named weights.</summary>
        [Fact]
        public void Two_steps_match_a_hand_computation()
        {
            var network = ReferenceNetwork.FromYaml("tiny.lstm.yaml", TinySpec);

            // Row order (layout): input gate, output gate, cell, output; within a row x, y^c, y^in, y^out, bias.
            double[] wIn = { 0.3, -0.2, 0.1, 0.4, -1.0 };
            double[] wOut = { -0.5, 0.6, 0.2, -0.1, -2.0 };
            double[] wC = { 0.7, 0.05, -0.3, 0.25, 0.15 };
            double[] wK = { 1.5, -0.4 };
            network.SetWeights(wIn.Concat(wOut).Concat(wC).Concat(wK).ToArray());

            static double F(double x) => 1.0 / (1.0 + Math.Exp(-x));
            double yC = 0, yIn = 0, yOut = 0, s = 0;
            var output = new double[1];
            network.Reset();
            foreach (var x in new[] { 0.8, -0.6 })
            {
                var src = new[] { x, yC, yIn, yOut, 1.0 };
                var netIn = Dot(wIn, src);
                var netOut = Dot(wOut, src);
                var netC = Dot(wC, src);
                yIn = F(netIn);                                    // Eq. 7
                yOut = F(netOut);                                  // Eq. 8
                s += yIn * ((4 * F(netC)) - 2);                    // Eqs. 5, 9
                yC = yOut * ((2 * F(s)) - 1);                      // Eqs. 4, 9
                var yK = F((wK[0] * yC) + wK[1]);                  // output unit, this step's cell output
                network.Step(new[] { x }, output);
                Assert.Equal(yK, output[0], 15);
                Assert.Equal(s, network.CellStates[0], 15);
                Assert.Equal(new[] { yC, yIn, yOut }, network.HiddenActivations.ToArray(), new ToleranceComparer(1e-15));
            }
        }

        /// <summary>
        /// Where no hidden activation feeds a gate or cell (layered connectivity, or custom with inputs only), the
        /// truncation of App. A.1 drops nothing, so one sequence's summed change must be the exact gradient step
        /// Δw = −(α/2) ∂E/∂w of E = Σ_t Σ_k (t^k − y^k)² (Eqs. 16-19; the 2 is absorbed into α). Checked against
        /// central differences of the forward pass: this ties the reference's learning rule to its forward pass.
        /// </summary>
        [Theory]
        [InlineData(ConnectivityKind.Layered, BiasPolicy.All, CellInputSquash.G2, CellOutputSquash.H1, true)]
        [InlineData(ConnectivityKind.Layered, BiasPolicy.None, CellInputSquash.G1, CellOutputSquash.Identity, false)]
        [InlineData(ConnectivityKind.Custom, BiasPolicy.Hidden, CellInputSquash.Identity, CellOutputSquash.H1, true)]
        [InlineData(ConnectivityKind.Custom, BiasPolicy.Gates, CellInputSquash.G2, CellOutputSquash.H1, false)]
        public void Without_recurrent_sources_the_change_is_the_exact_gradient(ConnectivityKind kind, BiasPolicy bias, CellInputSquash g, CellOutputSquash h, bool outputGates)
        {
            var connectivity = kind == ConnectivityKind.Layered
                ? Connectivity.Layered
                : new Connectivity(ConnectivityKind.Custom, SourceSet.Input, SourceSet.Input, SourceSet.Input, SourceSet.Cells);
            var spec = new NetworkSpec(
                "GradientCheck", "Tests", "gradient.lstm.yaml", string.Empty, 3, 2,
                new EquatableArray<BlockSpec>(new[]
                {
                    new BlockSpec(2, GateBias.Random, GateBias.Random, outputGates),
                    new BlockSpec(1, GateBias.Fixed(-1.0), GateBias.Random, true),
                }),
                connectivity, bias, g, h, 0.5, 1.0, Generator.Model.UpdateTiming.PerSequence, Precision.Double, string.Empty);
            var network = ReferenceNetwork.FromSpec(spec);
            network.InitializeWeights(3);
            var w0 = NetworkComparison.Weights(network);
            var data = new SeededRandom(4);
            var sequence = NetworkComparison.RandomSequence(data, 3, 2, 6, 6, oneHot: false);

            network.Reset();
            foreach (var (x, target) in sequence.Inputs.Zip(sequence.Targets))
            {
                network.TrainStep(x, target ?? Array.Empty<double>(), Span<double>.Empty);
            }

            network.EndSequence();
            var w1 = NetworkComparison.Weights(network);

            const double H = 1e-6;
            var checkedWeights = 0;
            for (var i = 0; i < w0.Length; i++)
            {
                var plus = (double[])w0.Clone();
                var minus = (double[])w0.Clone();
                plus[i] += H;
                minus[i] -= H;
                var dEdw = (Error(network, plus, sequence) - Error(network, minus, sequence)) / (2 * H);
                var expected = -0.5 * network.LearningRate * dEdw;
                var actual = w1[i] - w0[i];
                Assert.True(
                    Math.Abs(expected - actual) <= 1e-7 + (1e-5 * Math.Abs(expected)),
                    string.Format(CultureInfo.InvariantCulture, "weight {0} ({1}): gradient step {2:E6}, reference change {3:E6}", i, network.Layout.DescribeWeight(i), expected, actual));
                if (Math.Abs(expected) > 1e-6)
                {
                    checkedWeights++;
                }
            }

            Assert.True(checkedWeights > w0.Length / 2, "too few weights have a visible gradient");
        }

        /// <summary>Under per-sequence updates the weights hold still until EndSequence; per step they move at once.</summary>
        [Fact]
        public void Update_timing_decides_when_the_weights_move()
        {
            var network = ReferenceNetwork.FromYaml("tiny.lstm.yaml", TinySpec);
            network.InitializeWeights(5);
            var before = NetworkComparison.Weights(network);
            network.Update = UpdateTiming.PerSequence;
            network.Reset();
            network.TrainStep(new[] { 1.0 }, new[] { 1.0 }, Span<double>.Empty);
            Assert.Equal(before, NetworkComparison.Weights(network));
            network.EndSequence();
            var perSequence = NetworkComparison.Weights(network);
            Assert.NotEqual(before, perSequence);

            network.SetWeights(before);
            network.Update = UpdateTiming.PerStep;
            network.Reset();
            network.TrainStep(new[] { 1.0 }, new[] { 1.0 }, Span<double>.Empty);
            Assert.Equal(perSequence, NetworkComparison.Weights(network));
        }

        private static double Error(ReferenceNetwork network, double[] weights, TrainingSequence sequence)
        {
            network.SetWeights(weights);
            network.Reset();
            var y = new double[network.OutputCount];
            var error = 0.0;
            for (var t = 0; t < sequence.Inputs.Length; t++)
            {
                network.Step(sequence.Inputs[t], y);
                if (sequence.Targets[t] is { } target)
                {
                    for (var k = 0; k < y.Length; k++)
                    {
                        error += (target[k] - y[k]) * (target[k] - y[k]);   // Eq. 16
                    }
                }
            }

            return error;
        }

        private static double Dot(double[] a, double[] b)
        {
            var sum = 0.0;
            for (var i = 0; i < a.Length; i++)
            {
                sum += a[i] * b[i];
            }

            return sum;
        }

        private sealed class ToleranceComparer : IEqualityComparer<double>
        {
            private readonly double _tolerance;

            public ToleranceComparer(double tolerance) => _tolerance = tolerance;

            public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance;

            public int GetHashCode(double obj) => 0;
        }
    }
}
