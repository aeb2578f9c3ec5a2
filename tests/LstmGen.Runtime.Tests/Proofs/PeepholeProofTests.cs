using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// Peepholes (Gers &amp; Schmidhuber 2000; Gers, Schraudolph &amp; Schmidhuber 2002): their truncated RTRL rule gives
    /// the exact gradient where truncation drops nothing, and not where it does. In PeepholeSelfLoop every gate and cell
    /// reads the inputs only; the rule then still cuts the paths s_c(t−1) → gate → s_c(t) and s_c(t) → output gate → y^c(t),
    /// each through a peephole weight, so with the peephole weights at zero it drops nothing: every weight's update, the
    /// peephole weights' own included (whose gradient is not zero there), must equal finite differences.
    /// </summary>
    public sealed class PeepholeProofTests
    {
        private const double Relative = 1e-6;

        private const double AbsoluteFloor = 1e-9;

        [Theory]
        [InlineData(TargetSteps.Every, false, 71)]
        [InlineData(TargetSteps.Some, true, 72)]
        [InlineData(TargetSteps.LastOnly, false, 73)]
        [InlineData(TargetSteps.LastOnly, true, 74)]
        public void With_the_peephole_weights_at_zero_the_learning_rule_is_the_exact_gradient(TargetSteps targets, bool wideWeights, int seed)
        {
            var net = (ILstmNetwork<double>)ProofSupport.Create(nameof(Networks.PeepholeSelfLoop));
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(seed);
            var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 9, InputKind.Dense, targets);
            var w = wideWeights ? ProofSupport.WideWeights(net.WeightCount, random, 1.0) : ProofSupport.InitialWeights(net, (ulong)seed);
            var peepholes = PeepholeWeights(layout);
            Assert.Equal((3 * 2) + (2 * 1) + (2 * 2), peepholes.Count);
            foreach (var i in peepholes)
            {
                w[i] = 0.0;
            }

            var all = Enumerable.Range(0, net.WeightCount).ToArray();
            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = FiniteDifferenceTests.NegativeGradientByFiniteDifferences(net, w, sequence, all);
            ProofSupport.AssertGradientsClose("PeepholeSelfLoop vs finite differences", layout, numeric, learned, all, Relative, _ => AbsoluteFloor);

            // The peephole weights learn (their sources s_c are not zero): the proof covers their rule, not only zeros.
            Assert.True(peepholes.Count(i => Math.Abs(learned[i]) > 1e-6) >= peepholes.Count / 2, "too few peephole weights with a gradient to prove anything");
        }

        [Fact]
        public void With_peephole_weights_the_learning_rule_truncates_and_finite_differences_see_it()
        {
            // The converse, so that the proof above is known to be able to fail: with non-zero peephole weights the rule
            // drops the paths through them, and finite differences must disagree for some weights.
            var net = (ILstmNetwork<double>)ProofSupport.Create(nameof(Networks.PeepholeSelfLoop));
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(7);
            var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 9, InputKind.Dense, TargetSteps.Every);
            var w = ProofSupport.WideWeights(net.WeightCount, random, 1.0);
            var hidden = Enumerable.Range(0, layout.OutputOffset).ToArray();
            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = FiniteDifferenceTests.NegativeGradientByFiniteDifferences(net, w, sequence, hidden);
            var disagreeing = hidden.Count(i => Math.Abs(numeric[i] - learned[i]) > (1e-3 * Math.Abs(numeric[i])) + 1e-6);
            Assert.True(disagreeing > hidden.Length / 4, "only " + disagreeing + " of " + hidden.Length + " hidden weights differ from the exact gradient");
        }

        [Fact]
        public void The_reference_with_the_peephole_weights_at_zero_is_the_network_without_peepholes()
        {
            // Peepholes at zero add nothing to the forward pass: the reference with peepholes must then compute what the
            // same spec without peepholes computes (its weights copied without the peephole ones).
            var spec = ProofSupport.SpecOf(ProofSupport.Create(nameof(Networks.PeepholeSelfLoop)));
            var plain = spec with { Blocks = new Generator.Model.EquatableArray<Generator.Model.BlockSpec>(spec.Blocks.Select(b => b with { HasPeepholes = false })) };
            var withPeepholes = ReferenceNetwork.FromSpec(spec);
            var without = ReferenceNetwork.FromSpec(plain);
            var layout = withPeepholes.Layout;
            var peepholes = new HashSet<int>(PeepholeWeights(layout));
            var random = new Random(3);
            var w = ProofSupport.WideWeights(withPeepholes.WeightCount, random, 1.0);
            foreach (var i in peepholes)
            {
                w[i] = 0.0;
            }

            withPeepholes.Update = UpdateTiming.PerSequence;
            without.Update = UpdateTiming.PerSequence;
            withPeepholes.SetWeights(w);
            without.SetWeights(w.Where((_, i) => !peepholes.Contains(i)).ToArray());
            var sequence = ProofSupport.RandomSequence(random, spec.InputCount, spec.OutputCount, 12, InputKind.Dense, TargetSteps.Every);
            var a = ProofSupport.Train(withPeepholes, sequence);
            var b = ProofSupport.Train(without, sequence);
            for (var t = 0; t < a.Length; t++)
            {
                Assert.Equal(b[t], a[t]);
            }
        }

        /// <summary>The indices of every peephole weight (the cell state segments of the gates' fan-ins).</summary>
        internal static List<int> PeepholeWeights(NetworkLayout layout) =>
            layout.FanIns.Where(f => f.Peepholes != null).SelectMany(f => Enumerable.Range(f.Peepholes!.WeightOffset, f.Peepholes.Count)).ToList();
    }
}
