using System;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// <c>resetActivation</c> (docs/spec-language.md): what the 1997 JKU simulator's <c>reset_net</c> does at the start of a
    /// sequence, Yk_mod_new[i] = Yk_mod_old[i] = 0.5 for every unit, Yc = 0.5, S = G = H = 0 and the traces SI = SC = 0
    /// (projects/meta-maze/work/lstm/lstm.c in portegys/Mona), as the test network <c>ResetHalfFull</c> (resetActivation:
    /// 0.5) does it: after Reset, and from new, the hidden units' activations (cells, input gates, output gates) and the
    /// outputs are 0.5, the cell states and traces 0; and from there the learning rule is the exact gradient on one-step
    /// sequences, where y(t−1) is the reset value, a constant, and truncation drops nothing.
    /// </summary>
    public sealed class ResetActivationTests
    {
        [Fact]
        public void Reset_puts_the_hidden_and_output_activations_at_the_reset_activation_and_the_states_at_zero()
        {
            var net = new Networks.ResetHalfFull();
            var reference = ReferenceNetwork.FromSpec(ProofSupport.SpecOf(net));
            Assert.Equal(0.5, Networks.ResetHalfFull.Description.ResetActivation);
            Assert.Equal(0.5, reference.Description.ResetActivation);

            // From new: as Reset leaves it.
            AssertResetState(net.HiddenActivations, net.Outputs, net.CellStates, Networks.ResetHalfFull.HiddenCount, Networks.ResetHalfFull.OutputCount);
            AssertResetState(reference.HiddenActivations, reference.Outputs, reference.CellStates, Networks.ResetHalfFull.HiddenCount, Networks.ResetHalfFull.OutputCount);

            // After a sequence that moved everything, Reset puts it back.
            var random = new Random(3);
            var w = ProofSupport.WideWeights(Networks.ResetHalfFull.WeightCount, random, 1.0);
            net.SetWeights(w);
            reference.SetWeights(w);
            var sequence = ProofSupport.RandomSequence(random, Networks.ResetHalfFull.InputCount, Networks.ResetHalfFull.OutputCount, 7, InputKind.Dense, TargetSteps.Every);
            ProofSupport.Train(net, sequence);
            ProofSupport.Train(reference, sequence);
            Assert.Contains(net.CellStates.ToArray(), s => s != 0.0);
            Assert.Contains(net.HiddenActivations.ToArray(), y => y != 0.5);
            net.Reset();
            reference.Reset();
            AssertResetState(net.HiddenActivations, net.Outputs, net.CellStates, Networks.ResetHalfFull.HiddenCount, Networks.ResetHalfFull.OutputCount);
            AssertResetState(reference.HiddenActivations, reference.Outputs, reference.CellStates, Networks.ResetHalfFull.HiddenCount, Networks.ResetHalfFull.OutputCount);
            var traces = new double[reference.Layout.TraceCount];
            reference.CopyTracesTo(traces);
            Assert.All(traces, d => Assert.Equal(0.0, d));
        }

        /// <summary>
        /// On a one-step sequence every hidden source of a gate or cell reads y(0), the reset value, which no weight moves:
        /// truncation (App. A.1) drops nothing, so (w_after − w_before)/α must be −∂E/∂w by central differences of the
        /// generated forward pass, for every weight. The weights from the hidden units then have gradients in proportion to
        /// 0.5 (at a reset to zero they are exactly zero), so the check proves the traces (Eqs. 25, 27) and the output gate
        /// changes (Eq. 22) read the same y(0) as the forward pass.
        /// </summary>
        [Theory]
        [InlineData(false, 71)]
        [InlineData(true, 72)]
        [InlineData(true, 73)]
        public void One_step_learning_rule_is_the_exact_gradient_from_the_reset_activations(bool wideWeights, int seed)
        {
            var net = new Networks.ResetHalfFull();
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(seed);
            var sequence = ProofSupport.RandomSequence(random, Networks.ResetHalfFull.InputCount, Networks.ResetHalfFull.OutputCount, 1, InputKind.Dense, TargetSteps.Every);
            var w = wideWeights ? ProofSupport.WideWeights(Networks.ResetHalfFull.WeightCount, random, 1.0) : ProofSupport.InitialWeights(net, (ulong)seed);
            var all = Enumerable.Range(0, Networks.ResetHalfFull.WeightCount).ToArray();

            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = FiniteDifferenceTests.NegativeGradientByFiniteDifferences(net, w, sequence, all);
            ProofSupport.AssertGradientsClose("ResetHalfFull, one step, vs finite differences", layout, numeric, learned, all, 1e-6, _ => 1e-9);

            // The weights from the hidden units (t−1) into the gates and cells: every one of them moved by the reset value.
            var fromHidden = all.Where(i => IsFromHiddenUnit(layout, i)).ToList();
            Assert.NotEmpty(fromHidden);
            Assert.All(fromHidden, i => Assert.True(Math.Abs(learned[i]) > 1e-9, "weight " + i + " from a hidden unit did not learn from its reset activation: " + learned[i]));
        }

        private static bool IsFromHiddenUnit(NetworkLayout layout, int weight)
        {
            var row = layout.FanInOf(weight);
            return weight < layout.OutputOffset && row.Segments.Any(s => s.Region == SourceRegion.Hidden && weight >= s.WeightOffset && weight < s.WeightOffset + s.Count);
        }

        private static void AssertResetState(ReadOnlySpan<double> hidden, ReadOnlySpan<double> outputs, ReadOnlySpan<double> states, int hiddenCount, int outputCount)
        {
            Assert.Equal(hiddenCount, hidden.Length);
            Assert.Equal(outputCount, outputs.Length);
            Assert.All(hidden.ToArray(), y => Assert.Equal(0.5, y));
            Assert.All(outputs.ToArray(), y => Assert.Equal(0.5, y));
            Assert.All(states.ToArray(), s => Assert.Equal(0.0, s));
        }
    }
}
