using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// Proof 3: in fully connected networks the learning rule's summed updates, (w_after − w_before)/α under
    /// per-sequence updates, equal −∂E/∂w computed by <see cref="DetachedBpttOracle"/> (BPTT with y(t−1) cut where it
    /// enters gate and cell net inputs, s(t−1) kept), weight by weight, to 1e-9 relative.
    /// </summary>
    public sealed class DetachedBpttTests
    {
        private const double Relative = 1e-9;

        private readonly ITestOutputHelper _output;

        public DetachedBpttTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData("Exp4Adding", InputKind.Dense)]
        [InlineData("Exp6aTemporalOrder", InputKind.OneHot)]
        [InlineData("Exp6bTemporalOrder", InputKind.OneHot)]
        [InlineData("Exp1Reber3x2", InputKind.OneHot)]
        [InlineData("Exp1Reber4x1", InputKind.OneHot)]
        [InlineData("Exp3NoiseSignal", InputKind.Dense)]
        [InlineData("Exp2cP50", InputKind.OneHot)]
        [InlineData("Exp2LongLag", InputKind.OneHot)]
        [InlineData("TinyNetwork", InputKind.Dense)]
        [InlineData("MixedBlocks", InputKind.Dense)]
        [InlineData("PartialRecurrence", InputKind.Dense)]
        [InlineData("SelfLoop2x2", InputKind.Dense)]
        [InlineData("SelfLoopNoOutputGate", InputKind.Dense)]
        [InlineData("SelfLoopIdentity", InputKind.Dense)]
        [InlineData("ForgetFull", InputKind.OneHot)]
        [InlineData("ForgetFull", InputKind.Dense)]
        [InlineData("ForgetSelfLoop", InputKind.Dense)]
        [InlineData("PeepholeFull", InputKind.OneHot)]
        [InlineData("PeepholeFull", InputKind.Dense)]
        [InlineData("PeepholeSelfLoop", InputKind.Dense)]
        public void Summed_updates_equal_the_detached_BPTT_gradient(string name, InputKind inputs)
        {
            var net = ProofSupport.Create(name);
            var oracle = new DetachedBpttOracle(ProofSupport.SpecOf(net));
            var all = Enumerable.Range(0, net.WeightCount).ToArray();
            var cases = 0;
            var worst = 0.0;
            var seed = name.Length * 1000;
            foreach (var targets in new[] { TargetSteps.Every, TargetSteps.Some, TargetSteps.LastOnly })
            {
                foreach (var wide in new[] { false, true })
                {
                    seed++;
                    var random = new Random(seed);
                    var length = net.WeightCount > 5000 ? 6 : 15;
                    var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, length, inputs, targets);
                    var w = wide ? ProofSupport.WideWeights(net.WeightCount, random, 1.0) : ProofSupport.InitialWeights(net, (ulong)seed);

                    var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out var generatedOutputs);
                    var expected = oracle.NegativeGradient(w, sequence, out var oracleOutputs);

                    // The two forward passes agree (both follow Eqs. 3-9 in the §5 order).
                    for (var t = 0; t < sequence.Length; t++)
                    {
                        for (var k = 0; k < net.OutputCount; k++)
                        {
                            Assert.Equal(oracleOutputs[t][k], generatedOutputs[t][k], 1e-13);
                        }
                    }

                    var scale = expected.Max(Math.Abs);
                    var what = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}, targets {targets}, {(wide ? "weights U[-1,1]" : "InitializeWeights")}, seed {seed}");
                    var summary = ProofSupport.AssertGradientsClose(what, oracle.Layout, expected, learned, all, Relative, i => Floor(w[i], learned[i], scale));
                    worst = Math.Max(worst, summary.WorstRelative);
                    cases++;
                }
            }

            _output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {cases} sequences x {net.WeightCount} weights, worst relative difference {worst:E2}"));
        }

        [Theory]
        [InlineData("SelfLoop2x2")]
        [InlineData("SelfLoopNoOutputGate")]
        [InlineData("SelfLoopIdentity")]
        [InlineData("ForgetSelfLoop")]
        public void Oracle_is_the_exact_gradient_where_nothing_is_cut(string name)
        {
            // The oracle checked on its own, without the generated learning rule: where gates and cells read the
            // inputs only, cutting y(t−1) removes nothing, so it must match finite differences of the forward pass.
            var net = (ILstmNetwork<double>)ProofSupport.Create(name);
            var oracle = new DetachedBpttOracle(ProofSupport.SpecOf(net));
            var random = new Random(77);
            var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 12, InputKind.Dense, TargetSteps.Some);
            var w = ProofSupport.WideWeights(net.WeightCount, random, 1.0);
            var all = Enumerable.Range(0, net.WeightCount).ToArray();
            var expected = oracle.NegativeGradient(w, sequence, out _);
            var numeric = FiniteDifferenceTests.NegativeGradientByFiniteDifferences(net, w, sequence, all);
            ProofSupport.AssertGradientsClose(name + ": oracle vs finite differences", oracle.Layout, numeric, expected, all, 1e-6, _ => 1e-9);
        }

        /// <summary>
        /// What rounding allows beyond the relative bound: reading Δ back from w_after − w_before loses up to half an
        /// ulp of w_after (divided by α), and the two computations add the per-step terms in different orders,
        /// which costs a few ulps of the largest gradient where terms cancel.
        /// </summary>
        private static double Floor(double before, double learned, double scale)
        {
            var after = before + (ProofSupport.ReadBackRate * learned);
            var ulp = Math.BitIncrement(Math.Abs(after)) - Math.Abs(after);
            return (2.0 * ulp / ProofSupport.ReadBackRate) + (1e-14 * scale);
        }
    }
}
