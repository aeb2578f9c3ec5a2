using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// Proof 2: where the only recurrence is the cells' own CEC (every gate and cell reads the inputs only), the
    /// paper's truncation (App. A.1: errors leaving a cell through net_c, net_in, net_out stop there) drops nothing,
    /// so the learning rule must give the exact gradient. With weights fixed during a sequence (per-sequence
    /// updates), (w_after − w_before)/α must equal −∂E/∂w for E = ½ Σ_t Σ_k (t_k − y_k)² over the steps with a
    /// target (Eq. 19 has no factor 2), which central finite differences of the generated forward pass measure.
    /// </summary>
    public sealed class FiniteDifferenceTests
    {
        /// <summary>Central-difference step: truncation error ~h²·E''' ≈ 1e-10, rounding ~ε/h ≈ 1e-11 (see <see cref="NegativeGradientByFiniteDifferences"/>).</summary>
        private const double H = 1e-5;

        private const double Relative = 1e-6;

        private const double AbsoluteFloor = 1e-9;

        [Theory]
        [InlineData(TargetSteps.Every, false, 11)]
        [InlineData(TargetSteps.Every, true, 12)]
        [InlineData(TargetSteps.LastOnly, false, 13)]
        [InlineData(TargetSteps.LastOnly, true, 14)]
        public void Exp2LongLag_learning_rule_is_the_exact_gradient(TargetSteps targets, bool wideWeights, int seed)
        {
            // The paper's 2a/2b network: 'B' connectivity, no output gate, g = σ, h = x, 10,504 weights.
            var net = (ILstmNetwork<double>)ProofSupport.Paper("Exp2LongLag");
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(seed);
            var sequence = OneHotTargetsSequence(random, net.InputCount, net.OutputCount, 6, targets);
            var w = wideWeights ? ProofSupport.WideWeights(net.WeightCount, random, 0.5) : ProofSupport.InitialWeights(net, (ulong)seed);

            // Every input gate and cell weight (202), then output weights: 300 drawn from those whose source is
            // active somewhere in the sequence (an input that is 1 at some step, or the cell) and 50 from the rest,
            // whose gradient is exactly zero (one-hot inputs) and must come out so.
            var indices = new List<int>();
            indices.AddRange(Enumerable.Range(0, layout.OutputOffset));
            var active = new List<int>();
            var inactive = new List<int>();
            for (var i = layout.OutputOffset; i < layout.WeightCount; i++)
            {
                (IsActiveSource(layout, sequence, i) ? active : inactive).Add(i);
            }

            indices.AddRange(Sample(random, active, 300));
            indices.AddRange(Sample(random, inactive, 50));

            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = NegativeGradientByFiniteDifferences(net, w, sequence, indices);
            var summary = ProofSupport.AssertGradientsClose("Exp2LongLag vs finite differences", layout, numeric, learned, indices, Relative, _ => AbsoluteFloor);
            Assert.True(summary.Checked >= 550);
        }

        [Theory]
        [InlineData("SelfLoop2x2", TargetSteps.Every, false, 21)]
        [InlineData("SelfLoop2x2", TargetSteps.Some, true, 22)]
        [InlineData("SelfLoop2x2", TargetSteps.LastOnly, false, 23)]
        [InlineData("SelfLoop2x2", TargetSteps.LastOnly, true, 24)]
        [InlineData("SelfLoopNoOutputGate", TargetSteps.Every, true, 31)]
        [InlineData("SelfLoopNoOutputGate", TargetSteps.Some, false, 32)]
        [InlineData("SelfLoopNoOutputGate", TargetSteps.LastOnly, true, 33)]
        [InlineData("SelfLoopIdentity", TargetSteps.Every, false, 41)]
        [InlineData("SelfLoopIdentity", TargetSteps.Some, true, 42)]
        [InlineData("SelfLoopIdentity", TargetSteps.LastOnly, true, 43)]
        [InlineData("ForgetSelfLoop", TargetSteps.Every, false, 61)]
        [InlineData("ForgetSelfLoop", TargetSteps.Some, true, 62)]
        [InlineData("ForgetSelfLoop", TargetSteps.LastOnly, false, 63)]
        [InlineData("ForgetSelfLoop", TargetSteps.LastOnly, true, 64)]
        public void Self_loop_test_network_learning_rule_is_the_exact_gradient(string name, TargetSteps targets, bool wideWeights, int seed)
        {
            var net = (ILstmNetwork<double>)ProofSupport.Create(name);
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(seed);
            var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 9, InputKind.Dense, targets);
            var w = wideWeights ? ProofSupport.WideWeights(net.WeightCount, random, 1.0) : ProofSupport.InitialWeights(net, (ulong)seed);
            var all = Enumerable.Range(0, net.WeightCount).ToArray();

            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = NegativeGradientByFiniteDifferences(net, w, sequence, all);
            ProofSupport.AssertGradientsClose(name + " vs finite differences", layout, numeric, learned, all, Relative, _ => AbsoluteFloor);
        }

        /// <summary>
        /// The same proof for a CEC-only network declared <c>inputEncoding: sparse</c>, on sparse inputs: reading only the
        /// non-zero inputs, and changing only the input weights of inputs touched since Reset, still gives the exact
        /// gradient of every weight (those of inputs never active in the sequence: exactly zero).
        /// </summary>
        [Theory]
        [InlineData(TargetSteps.Every, false, 51)]
        [InlineData(TargetSteps.Some, true, 52)]
        [InlineData(TargetSteps.LastOnly, true, 53)]
        public void Sparse_self_loop_learning_rule_is_the_exact_gradient(TargetSteps targets, bool wideWeights, int seed)
        {
            var net = (ILstmNetwork<double>)ProofSupport.Create(nameof(Networks.SparseSelfLoop));
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(seed);
            var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 9, InputKind.Sparse, targets);

            // Input 4 stays silent after the first step, so its weights learn from traces alone at the later targets.
            for (var t = 1; t < sequence.Length; t++)
            {
                sequence.Inputs[t][4] = 0.0;
            }

            sequence.Inputs[0][4] = 0.8;
            var w = wideWeights ? ProofSupport.WideWeights(net.WeightCount, random, 1.0) : ProofSupport.InitialWeights(net, (ulong)seed);
            var all = Enumerable.Range(0, net.WeightCount).ToArray();

            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = NegativeGradientByFiniteDifferences(net, w, sequence, all);
            ProofSupport.AssertGradientsClose("SparseSelfLoop vs finite differences", layout, numeric, learned, all, Relative, _ => AbsoluteFloor);
            var earlyInputWeight = layout.InputGateFanIn(0).Offset + 4;
            Assert.True(Math.Abs(learned[earlyInputWeight]) > 1e-6, "the early input's gradient is too small to prove anything: " + learned[earlyInputWeight]);
        }

        [Fact]
        public void Finite_differences_see_the_recurrence_the_learning_rule_truncates()
        {
            // The converse, so that the proofs above are known to be able to fail: in a fully connected network the
            // truncated rule is NOT the exact gradient; finite differences must disagree for some gate or cell weight.
            var net = (ILstmNetwork<double>)ProofSupport.Paper("Exp4Adding");
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(net));
            var random = new Random(5);
            var sequence = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 10, InputKind.Dense, TargetSteps.Every);
            var w = ProofSupport.WideWeights(net.WeightCount, random, 1.0);
            var hidden = Enumerable.Range(0, layout.OutputOffset).ToArray();
            var learned = ProofSupport.SummedUpdateOverRate(net, w, sequence, out _);
            var numeric = NegativeGradientByFiniteDifferences(net, w, sequence, hidden);
            var disagreeing = hidden.Count(i => Math.Abs(numeric[i] - learned[i]) > (1e-3 * Math.Abs(numeric[i])) + 1e-6);
            Assert.True(disagreeing > hidden.Length / 2, "only " + disagreeing + " of " + hidden.Length + " hidden weights differ from the exact gradient");
        }

        /// <summary>
        /// −∂E/∂w_i by central differences of the generated forward pass (Step), for the weights in
        /// <paramref name="indices"/> (others NaN). E(w+h) − E(w−h) is summed term by term as
        /// ½ (y⁻ − y⁺)(2t − y⁺ − y⁻), which avoids subtracting two large sums: the rounding error is then about
        /// ε·(number of output terms)^½ / h instead of ε·E/h.
        /// </summary>
        internal static double[] NegativeGradientByFiniteDifferences(ILstmNetwork<double> net, double[] weights, TrainingSequence sequence, IReadOnlyList<int> indices)
        {
            net.SetWeights(weights);
            var result = new double[weights.Length];
            Array.Fill(result, double.NaN);
            foreach (var i in indices)
            {
                var w = net.Weights;
                var original = w[i];
                var up = original + H;
                var down = original - H;
                w[i] = up;
                var plus = TargetStepOutputs(net, sequence);
                w[i] = down;
                var minus = TargetStepOutputs(net, sequence);
                w[i] = original;

                var difference = 0.0;   // E(w + h) − E(w − h)
                for (var t = 0; t < plus.Length; t++)
                {
                    if (plus[t] is null)
                    {
                        continue;
                    }

                    var target = sequence.Targets[t]!;
                    for (var k = 0; k < target.Length; k++)
                    {
                        difference += 0.5 * (minus[t]![k] - plus[t]![k]) * ((2.0 * target[k]) - plus[t]![k] - minus[t]![k]);
                    }
                }

                result[i] = -difference / (up - down);
            }

            return result;
        }

        /// <summary>The outputs of the steps that carry a target (null elsewhere), by the forward pass alone.</summary>
        private static double[]?[] TargetStepOutputs(ILstmNetwork net, TrainingSequence sequence)
        {
            net.Reset();
            var outputs = new double[]?[sequence.Length];
            var scratch = new double[net.OutputCount];
            for (var t = 0; t < sequence.Length; t++)
            {
                net.Step(sequence.Inputs[t], scratch);
                if (sequence.Targets[t] is not null)
                {
                    outputs[t] = (double[])scratch.Clone();
                }
            }

            return outputs;
        }

        /// <summary>One-hot inputs and one-hot targets (the next symbol), as in Exp 2a.</summary>
        private static TrainingSequence OneHotTargetsSequence(Random random, int inputs, int outputs, int length, TargetSteps targets)
        {
            var x = new double[length][];
            var y = new double[]?[length];
            for (var t = 0; t < length; t++)
            {
                x[t] = new double[inputs];
                x[t][random.Next(inputs)] = 1.0;
                if (targets == TargetSteps.Every || t == length - 1)
                {
                    y[t] = new double[outputs];
                    y[t]![random.Next(outputs)] = 1.0;
                }
            }

            return new TrainingSequence(x, y);
        }

        private static bool IsActiveSource(NetworkLayout layout, TrainingSequence sequence, int weight)
        {
            var row = layout.FanInOf(weight);
            if (row.HasBias && weight == row.BiasOffset)
            {
                return true;
            }

            foreach (var segment in row.Segments)
            {
                if (weight >= segment.WeightOffset && weight < segment.WeightOffset + segment.Count)
                {
                    if (segment.Region == SourceRegion.Hidden)
                    {
                        return true;
                    }

                    var source = segment.SourceStart + (weight - segment.WeightOffset);
                    return sequence.Inputs.Any(x => x[source] != 0.0);
                }
            }

            return false;
        }

        private static IEnumerable<int> Sample(Random random, List<int> from, int count)
        {
            var copy = from.ToArray();
            random.Shuffle(copy);
            return copy.Take(Math.Min(count, copy.Length));
        }
    }
}
