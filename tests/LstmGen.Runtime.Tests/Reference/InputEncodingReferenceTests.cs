using System;
using System.Collections.Generic;
using LstmGen.Generator.Model;
using LstmGen.Reference;
using LstmGen.Runtime.Tests.Networks;
using LstmGen.Runtime.Tests.Proofs;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>
    /// Networks declared <c>inputEncoding: one-hot</c> or <c>sparse</c> read only the non-zero inputs of each step, and
    /// change only the input weights whose traces can be non-zero. They must compute what the dense reference
    /// interpreter computes (to summation order), whatever the inputs' values, and the one-hot check must refuse a step
    /// with two active inputs without changing anything.
    /// </summary>
    public sealed class InputEncodingReferenceTests
    {
        private const double Tolerance = 1e-12;

        public static TheoryData<string, UpdateTiming> Networks()
        {
            var data = new TheoryData<string, UpdateTiming>();
            foreach (var name in new[] { nameof(SparseLayered), nameof(OneHotFull), nameof(SparseSelfLoop) })
            {
                data.Add(name, UpdateTiming.PerSequence);
                data.Add(name, UpdateTiming.PerStep);
            }

            return data;
        }

        public static TheoryData<string, UpdateTiming> TouchedSetNetworks()
        {
            var data = new TheoryData<string, UpdateTiming>();
            foreach (var name in new[] { nameof(SparseLayered), nameof(OneHotFull) })
            {
                data.Add(name, UpdateTiming.PerSequence);
                data.Add(name, UpdateTiming.PerStep);
            }

            return data;
        }

        [Fact]
        public void The_test_specs_declare_their_encodings()
        {
            Assert.Equal(InputEncoding.Sparse, ProofSupport.SpecOf(new SparseLayered()).InputEncoding);
            Assert.Equal(InputEncoding.OneHot, ProofSupport.SpecOf(new OneHotFull()).InputEncoding);
            Assert.Equal(InputEncoding.Sparse, ProofSupport.SpecOf(new SparseSelfLoop()).InputEncoding);
            Assert.Equal(ConnectivityKind.Layered, ProofSupport.SpecOf(new SparseLayered()).Connectivity.Kind);
        }

        [Theory]
        [MemberData(nameof(Networks))]
        public void Trains_like_the_reference(string name, UpdateTiming timing)
        {
            var generated = ProofSupport.Create(name);
            var reference = ReferenceNetwork.FromYaml(generated.SpecFileName, generated.SpecText);
            NetworkComparison.AssertTrainsLikeReference(generated, reference, seed: 40, timing, sequences: 6, minLength: 5, maxLength: 25, Tolerance);
        }

        /// <summary>
        /// The touched set: input 2 is active only at the first step of a sequence, and the targets come later. Its
        /// traces stay non-zero, so its input gate and cell weights must keep learning at every target, in the next
        /// sequence too (Reset clears the set and it must fill again), and not at all in a sequence where it is never
        /// active (Reset zeroed its traces).
        /// </summary>
        [Theory]
        [MemberData(nameof(TouchedSetNetworks))]
        public void An_input_active_once_early_learns_at_every_later_target_and_after_Reset(string name, UpdateTiming timing)
        {
            var generated = ProofSupport.Create(name);
            var reference = ReferenceNetwork.FromYaml(generated.SpecFileName, generated.SpecText);
            generated.Update = timing;
            reference.Update = timing;
            generated.InitializeWeights(5);
            reference.InitializeWeights(5);
            var inputs = generated.InputCount;
            var outputs = generated.OutputCount;
            var early = 2;
            var inputGateWeight = reference.Layout.InputGateFanIn(0).Offset + early;
            var cellWeight = reference.Layout.CellFanIn(0, 0).Offset + early;

            double[] Symbol(int index, double value)
            {
                var x = new double[inputs];
                x[index] = value;
                return x;
            }

            double[] Target(int seed)
            {
                var target = new double[outputs];
                for (var k = 0; k < outputs; k++)
                {
                    target[k] = ((seed + k) % 3) / 2.0;
                }

                return target;
            }

            // A: input 2 at step 0 (value 0.75), then inputs 0 and 1 in turn; targets at steps 4 and 7.
            // B: input 2 at step 0 (value -1.5), then input 3; a target at the last step only.
            // C: input 2 never; input 0 throughout; a target at the last step.
            var sequences = new List<TrainingSequence>();
            {
                var x = new double[8][];
                var y = new double[]?[8];
                x[0] = Symbol(early, 0.75);
                for (var t = 1; t < 8; t++)
                {
                    x[t] = Symbol(t % 2, 1.0);
                }

                y[4] = Target(1);
                y[7] = Target(2);
                sequences.Add(new TrainingSequence(x, y));
            }

            {
                var x = new double[6][];
                var y = new double[]?[6];
                x[0] = Symbol(early, -1.5);
                for (var t = 1; t < 6; t++)
                {
                    x[t] = Symbol(3, 1.0);
                }

                y[5] = Target(0);
                sequences.Add(new TrainingSequence(x, y));
            }

            {
                var x = new double[5][];
                var y = new double[]?[5];
                for (var t = 0; t < 5; t++)
                {
                    x[t] = Symbol(0, 1.0);
                }

                y[4] = Target(2);
                sequences.Add(new TrainingSequence(x, y));
            }

            var yGenerated = new double[outputs];
            var yReference = new double[outputs];
            for (var n = 0; n < sequences.Count; n++)
            {
                var before = NetworkComparison.Weights(generated);
                generated.Reset();
                reference.Reset();
                var sequence = sequences[n];
                for (var t = 0; t < sequence.Inputs.Length; t++)
                {
                    var target = sequence.Targets[t] ?? Array.Empty<double>();
                    generated.TrainStep(sequence.Inputs[t], target, yGenerated);
                    reference.TrainStep(sequence.Inputs[t], target, yReference);
                    NetworkComparison.AssertClose(yReference, yGenerated, Tolerance, "output", n, t);
                }

                generated.EndSequence();
                reference.EndSequence();
                var after = NetworkComparison.Weights(generated);
                NetworkComparison.AssertClose(NetworkComparison.Weights(reference), after, Tolerance, "weight", n, -1);
                reference.SetWeights(after);

                // What the comparison above hinges on: the early input's weights learn in A and B, and only there.
                foreach (var weight in new[] { inputGateWeight, cellWeight })
                {
                    var change = Math.Abs(after[weight] - before[weight]);
                    if (n < 2)
                    {
                        Assert.True(change > 1e-9, "sequence " + n + ": the weight from input 2 did not learn (" + change + ")");
                    }
                    else
                    {
                        Assert.Equal(before[weight], after[weight]);
                    }
                }
            }
        }

        [Theory]
        [InlineData(UpdateTiming.PerSequence)]
        [InlineData(UpdateTiming.PerStep)]
        public void One_hot_network_refuses_a_step_with_two_non_zero_inputs_and_is_left_unchanged(UpdateTiming timing)
        {
            var net = new OneHotFull { Update = timing };
            var twin = new OneHotFull { Update = timing };
            net.InitializeWeights(3);
            twin.InitializeWeights(3);
            net.Reset();
            twin.Reset();
            var random = new Random(9);
            var sequence = ProofSupport.RandomSequence(random, OneHotFull.InputCount, OneHotFull.OutputCount, 10, InputKind.OneHot, TargetSteps.Some);
            var output = new double[OneHotFull.OutputCount];
            var twinOutput = new double[OneHotFull.OutputCount];
            var two = new double[OneHotFull.InputCount];
            two[3] = 1.0;
            two[7] = 0.5;
            var many = new double[OneHotFull.InputCount];
            for (var i = 0; i < 12; i++)
            {
                many[i] = -1.0;
            }

            for (var t = 0; t < sequence.Length; t++)
            {
                if (t == 4)
                {
                    // The refused steps come in the middle of a sequence, with and without a target.
                    var e = Assert.Throws<ArgumentException>(() => net.TrainStep(two, new double[OneHotFull.OutputCount], output));
                    Assert.Equal("input", e.ParamName);
                    Assert.Contains("one-hot-full.lstm.yaml declares 'inputEncoding: one-hot'", e.Message, StringComparison.Ordinal);
                    Assert.Contains("this x(t) has 2 non-zero inputs, at indices 3, 7.", e.Message, StringComparison.Ordinal);
                    e = Assert.Throws<ArgumentException>(() => net.Step(many, output));
                    Assert.Contains("12 non-zero inputs, at indices 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...", e.Message, StringComparison.Ordinal);
                }

                var target = sequence.Targets[t] ?? Array.Empty<double>();
                net.TrainStep(sequence.Inputs[t], target, output);
                twin.TrainStep(sequence.Inputs[t], target, twinOutput);
                Assert.Equal(twinOutput, output);
            }

            net.EndSequence();
            twin.EndSequence();
            Assert.Equal(NetworkComparison.Weights(twin), NetworkComparison.Weights(net));
        }

        [Fact]
        public void Zeros_of_either_sign_are_inactive_and_a_single_input_of_any_value_is_one_hot()
        {
            var a = new OneHotFull();
            var b = new OneHotFull();
            a.InitializeWeights(4);
            b.InitializeWeights(4);
            a.Reset();
            b.Reset();
            var plus = new double[OneHotFull.InputCount];
            var minus = new double[OneHotFull.InputCount];
            Array.Fill(minus, -0.0);
            plus[19] = -2.5;
            minus[19] = -2.5;
            var yA = new double[OneHotFull.OutputCount];
            var yB = new double[OneHotFull.OutputCount];
            a.Step(plus, yA);
            b.Step(minus, yB);
            Assert.Equal(yA, yB);

            // No active input at all is allowed too (a pause in a symbol stream).
            plus[19] = 0.0;
            minus[19] = -0.0;
            a.Step(plus, yA);
            b.Step(minus, yB);
            Assert.Equal(yA, yB);
        }
    }
}
