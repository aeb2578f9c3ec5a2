using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Generator.Layout;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// Proof 5 (extraction §2.4): when a sequence carries a target only at its last step, every contribution before
    /// that step is zero, so applying the changes per step or summing them per sequence gives the same weights, bit
    /// for bit (the generated Eq. 26 sums its per-cell terms before adding them, so even input gate weights of blocks
    /// with several cells receive one change). Where targets arrive at several steps the two timings differ.
    /// </summary>
    public sealed class UpdateTimingTests
    {
        [Theory]
        [InlineData("Exp4Adding", InputKind.Dense)]
        [InlineData("Exp6aTemporalOrder", InputKind.OneHot)]
        [InlineData("Exp6bTemporalOrder", InputKind.OneHot)]
        [InlineData("Exp3NoiseSignal", InputKind.Dense)]
        [InlineData("Exp2cP50", InputKind.OneHot)]
        [InlineData("Exp1Reber3x2", InputKind.OneHot)]
        [InlineData("Exp2LongLag", InputKind.OneHot)]
        [InlineData("TinyNetwork", InputKind.Dense)]
        [InlineData("MixedBlocks", InputKind.Dense)]
        [InlineData("SelfLoopNoOutputGate", InputKind.Dense)]
        public void Target_at_the_last_step_only_makes_one_sequence_identical_under_both_timings(string name, InputKind inputs)
        {
            var (perStep, perSequence) = TrainBoth(name, inputs, TargetSteps.LastOnly, 1, out var start);
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(ProofSupport.Create(name)));
            var changed = 0;
            for (var i = 0; i < start.Length; i++)
            {
                changed += perSequence[i] != start[i] ? 1 : 0;
                // One change per weight: both timings add the same sum to w. Eq. 26 sums the S_j cell terms of an
                // input gate weight first and adds them once, so per step (w + (a + b)) and per sequence
                // (0 + (a + b), then w + 1·that) give the same bits there too.
                Assert.True(
                    BitConverter.DoubleToInt64Bits(perStep[i]) == BitConverter.DoubleToInt64Bits(perSequence[i]),
                    string.Create(CultureInfo.InvariantCulture, $"{name} w[{i}] ({layout.DescribeWeight(i)}): per step {perStep[i]:R}, per sequence {perSequence[i]:R}"));
            }

            Assert.True(changed >= layout.OutputCount, name + ": only " + changed + " weights changed; the comparison would prove little");
        }

        [Theory]
        [InlineData("Exp4Adding", InputKind.Dense)]
        [InlineData("Exp6aTemporalOrder", InputKind.OneHot)]
        [InlineData("Exp2cP50", InputKind.OneHot)]
        [InlineData("Exp1Reber3x2", InputKind.OneHot)]
        [InlineData("Exp3NoiseSignal", InputKind.Dense)]
        [InlineData("SelfLoopNoOutputGate", InputKind.Dense)]
        public void Target_at_the_last_step_only_keeps_both_timings_together_over_several_sequences(string name, InputKind inputs)
        {
            var (perStep, perSequence) = TrainBoth(name, inputs, TargetSteps.LastOnly, 5, out var start);
            Assert.NotEqual(start, perSequence);
            for (var i = 0; i < start.Length; i++)
            {
                // Each sequence's single change reaches the weights identically, so every sequence starts from the same bits.
                Assert.Equal(BitConverter.DoubleToInt64Bits(perSequence[i]), BitConverter.DoubleToInt64Bits(perStep[i]));
            }
        }

        [Theory]
        [InlineData("Exp1Reber3x2", InputKind.OneHot)]
        [InlineData("Exp2LongLag", InputKind.OneHot)]
        [InlineData("TinyNetwork", InputKind.Dense)]
        public void Targets_at_several_steps_make_the_timings_differ(string name, InputKind inputs)
        {
            var (perStep, perSequence) = TrainBoth(name, inputs, TargetSteps.Every, 5, out var start);

            // What per step means: each step's changes reach the weights before the next step. That is exactly a
            // per-sequence network whose sequence is ended after every step (traces and states run on, only the
            // summed changes are applied), bit for bit.
            var endedEveryStep = ProofSupport.Create(name);
            endedEveryStep.SetWeights(start);
            endedEveryStep.Update = UpdateTiming.PerSequence;
            var active = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sequence in Sequences(name, endedEveryStep, TargetSteps.Every, 5, inputs))
            {
                endedEveryStep.Reset();
                var output = new double[endedEveryStep.OutputCount];
                for (var t = 0; t < sequence.Length; t++)
                {
                    endedEveryStep.TrainStep(sequence.Inputs[t], sequence.Targets[t], output);
                    endedEveryStep.EndSequence();
                    for (var i = 0; i < sequence.Inputs[t].Length; i++)
                    {
                        if (sequence.Inputs[t][i] != 0.0)
                        {
                            active.Add(string.Create(CultureInfo.InvariantCulture, $"input[{i}]"));
                        }
                    }
                }
            }

            var applied = ProofSupport.Weights(endedEveryStep);
            var layout = NetworkLayout.Create(ProofSupport.SpecOf(endedEveryStep));
            var changed = 0;
            for (var i = 0; i < start.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(applied[i]) == BitConverter.DoubleToInt64Bits(perStep[i]),
                    string.Create(CultureInfo.InvariantCulture, $"{name} w[{i}] ({layout.DescribeWeight(i)}): per step {perStep[i]:R}, per sequence ended every step {applied[i]:R}"));

                // And summing them instead changes every weight that learns at all: from the second step on, every
                // output and error is computed with other weights. A weight learns unless it comes from an input that
                // was never active (a term y^i = x_i = 0 in every Δw, Eqs. 22, 26, 28).
                var (_, from) = layout.DescribeWeight(i);
                var learns = !from.StartsWith("input[", StringComparison.Ordinal) || active.Contains(from);
                Assert.True(
                    (perStep[i] != start[i]) == learns && (perSequence[i] != start[i]) == learns,
                    string.Create(CultureInfo.InvariantCulture, $"{name} w[{i}] ({layout.DescribeWeight(i)}) should {(learns ? "learn" : "stay")}: start {start[i]:R}, per step {perStep[i]:R}, per sequence {perSequence[i]:R}"));
                if (learns)
                {
                    changed++;
                    Assert.True(
                        perStep[i] != perSequence[i],
                        string.Create(CultureInfo.InvariantCulture, $"{name} w[{i}] ({layout.DescribeWeight(i)}): {perStep[i]:R} under both timings although errors arrived at every step"));
                }
            }

            Assert.True(changed > layout.OutputCount, string.Create(CultureInfo.InvariantCulture, $"{name}: only {changed} of {start.Length} weights learned; the comparison would prove little"));
        }

        /// <summary>Trains the same sequences, from the same weights, once per step and once per sequence.</summary>
        private static (double[] PerStep, double[] PerSequence) TrainBoth(string name, InputKind inputs, TargetSteps targets, int count, out double[] start)
        {
            var perStep = ProofSupport.Create(name);
            var perSequence = ProofSupport.Create(name);
            start = StartWeights(name, perStep, targets);
            perStep.SetWeights(start);
            perStep.Update = UpdateTiming.PerStep;
            perSequence.SetWeights(start);
            perSequence.Update = UpdateTiming.PerSequence;
            foreach (var sequence in Sequences(name, perStep, targets, count, inputs))
            {
                ProofSupport.Train(perStep, sequence);
                ProofSupport.Train(perSequence, sequence);
            }

            return (ProofSupport.Weights(perStep), ProofSupport.Weights(perSequence));
        }

        /// <summary>Wide initial weights, the same for every call with the same network and targets.</summary>
        private static double[] StartWeights(string name, ILstmNetwork network, TargetSteps targets) =>
            ProofSupport.WideWeights(network.WeightCount, Draws(name, targets), 0.5);

        /// <summary>The training sequences, the same for every call with the same arguments (drawn after the start weights).</summary>
        private static TrainingSequence[] Sequences(string name, ILstmNetwork network, TargetSteps targets, int count, InputKind inputs)
        {
            var random = Draws(name, targets);
            ProofSupport.WideWeights(network.WeightCount, random, 0.5);
            var length = network.WeightCount > 5000 ? 6 : 12;
            var sequences = new TrainingSequence[count];
            for (var n = 0; n < sequences.Length; n++)
            {
                sequences[n] = ProofSupport.RandomSequence(random, network.InputCount, network.OutputCount, length, inputs, targets);
            }

            return sequences;
        }

        private static Random Draws(string name, TargetSteps targets) => new Random(name.Length + (int)targets);
    }
}
