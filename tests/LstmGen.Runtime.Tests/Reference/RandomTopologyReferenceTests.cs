using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>
    /// Random topologies, emitted by the real emitter and compiled in memory, compute what the reference computes:
    /// any number and size of blocks, with and without output gates, every bias policy, F, B and custom connectivity,
    /// every g and h, both update timings, every input encoding (dense, one-hot, sparse), and single precision.
    /// </summary>
    public sealed class RandomTopologyReferenceTests
    {
        public static IEnumerable<object[]> Cases()
        {
            for (var i = 0; i < RandomTopologies.Count; i++)
            {
                yield return new object[] { i, UpdateTiming.PerSequence };
                yield return new object[] { i, UpdateTiming.PerStep };
            }
        }

        [Fact]
        public void The_random_specs_cover_the_spec_language()
        {
            var specs = RandomTopologies.Specs.Take(RandomTopologies.Count).ToList();
            foreach (var kind in Enum.GetValues<ConnectivityKind>())
            {
                Assert.Contains(specs, s => s.Connectivity.Kind == kind);
            }

            foreach (var bias in Enum.GetValues<BiasPolicy>())
            {
                Assert.Contains(specs, s => s.Bias == bias);
            }

            foreach (var g in Enum.GetValues<CellInputSquash>())
            {
                Assert.Contains(specs, s => s.CellInput == g);
            }

            foreach (var h in Enum.GetValues<CellOutputSquash>())
            {
                Assert.Contains(specs, s => s.CellOutput == h);
            }

            foreach (var kind in Enum.GetValues<ConnectivityKind>())
            {
                foreach (var encoding in Enum.GetValues<InputEncoding>())
                {
                    Assert.Contains(specs, s => s.Connectivity.Kind == kind && s.InputEncoding == encoding);
                }
            }

            foreach (var bias in Enum.GetValues<BiasPolicy>())
            {
                foreach (var encoding in Enum.GetValues<InputEncoding>())
                {
                    Assert.Contains(specs, s => s.Bias == bias && s.InputEncoding == encoding);
                }
            }

            var blocks = specs.SelectMany(s => s.Blocks).ToList();
            Assert.Contains(blocks, b => !b.HasOutputGate);
            Assert.Contains(blocks, b => b.HasOutputGate);
            Assert.Contains(blocks, b => b.Cells > 1);
            Assert.Contains(blocks, b => !b.InputGateBias.IsRandom);
            Assert.Contains(blocks, b => !b.OutputGateBias.IsRandom);
            Assert.Contains(specs, s => s.Blocks.Count > 2);
            Assert.Contains(specs, s => s.Blocks.Select(b => b.Cells).Distinct().Count() > 1);
            Assert.Contains(specs, s => s.Connectivity.Kind == ConnectivityKind.Custom && (s.Connectivity.Outputs & SourceSet.Input) != 0);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Emitted_network_trains_like_the_reference(int index, UpdateTiming timing)
        {
            var spec = RandomTopologies.Specs[index];
            var generated = RandomTopologies.Create(index);
            var reference = ReferenceNetwork.FromSpec(spec);
            Assert.Equal(spec.TypeName, reference.Name);
            Assert.Equal(generated.Update, reference.Update);
            Assert.Equal(generated.LearningRate, reference.LearningRate);
            NetworkComparison.AssertTrainsLikeReference(
                generated,
                reference,
                seed: (ulong)(100 + index),
                timing,
                sequences: 4,
                minLength: 5,
                maxLength: 30,
                tolerance: 1e-12);
        }

        public static IEnumerable<object[]> ForgetCases()
        {
            for (var i = RandomTopologies.FirstForgetIndex; i < RandomTopologies.FirstForgetIndex + RandomTopologies.ForgetCount; i++)
            {
                yield return new object[] { i, UpdateTiming.PerSequence };
                yield return new object[] { i, UpdateTiming.PerStep };
            }

            yield return new object[] { RandomTopologies.ForgetWideIndex, UpdateTiming.PerSequence };
            yield return new object[] { RandomTopologies.ForgetWideIndex, UpdateTiming.PerStep };
        }

        public static IEnumerable<object[]> PeepholeCases()
        {
            for (var i = RandomTopologies.FirstPeepholeIndex; i < RandomTopologies.FirstPeepholeIndex + RandomTopologies.PeepholeCount; i++)
            {
                yield return new object[] { i, UpdateTiming.PerSequence };
                yield return new object[] { i, UpdateTiming.PerStep };
            }

            yield return new object[] { RandomTopologies.PeepholeWideIndex, UpdateTiming.PerSequence };
            yield return new object[] { RandomTopologies.PeepholeWideIndex, UpdateTiming.PerStep };
        }

        [Fact]
        public void The_random_peephole_specs_cover_the_spec_language()
        {
            var specs = RandomTopologies.Specs.Skip(RandomTopologies.FirstPeepholeIndex).Take(RandomTopologies.PeepholeCount).ToList();
            Assert.All(specs, s => Assert.True(s.HasPeepholes));
            foreach (var kind in Enum.GetValues<ConnectivityKind>())
            {
                Assert.Contains(specs, s => s.Connectivity.Kind == kind);
            }

            foreach (var encoding in Enum.GetValues<InputEncoding>())
            {
                Assert.Contains(specs, s => s.InputEncoding == encoding);
            }

            foreach (var h in Enum.GetValues<CellOutputSquash>())
            {
                Assert.Contains(specs, s => s.CellOutput == h);
            }

            var blocks = specs.SelectMany(s => s.Blocks).ToList();
            Assert.Contains(blocks, b => b.HasPeepholes && b.Cells > 1 && b.HasForgetGate && b.HasOutputGate);
            Assert.Contains(blocks, b => b.HasPeepholes && !b.HasForgetGate && b.HasOutputGate);
            Assert.Contains(blocks, b => b.HasPeepholes && !b.HasOutputGate);
            Assert.Contains(specs, s => s.Blocks.Any(b => b.HasPeepholes) && s.Blocks.Any(b => !b.HasPeepholes));
        }

        /// <summary>
        /// Peepholes (Gers 2002), with and without forget gates: the generated forward pass (the output gates squashed after
        /// the state update), traces and updates equal the reference's to 1e-12.
        /// </summary>
        [Theory]
        [MemberData(nameof(PeepholeCases))]
        public void Emitted_network_with_peepholes_trains_like_the_reference(int index, UpdateTiming timing)
        {
            var spec = RandomTopologies.Specs[index];
            Assert.True(spec.HasPeepholes);
            NetworkComparison.AssertTrainsLikeReference(
                RandomTopologies.Create(index),
                ReferenceNetwork.FromSpec(spec),
                seed: (ulong)(500 + index),
                timing,
                sequences: 4,
                minLength: 5,
                maxLength: 30,
                tolerance: 1e-12);
        }

        [Fact]
        public void The_random_forget_gate_specs_cover_the_spec_language()
        {
            var specs = RandomTopologies.Specs.Skip(RandomTopologies.FirstForgetIndex).Take(RandomTopologies.ForgetCount).ToList();
            foreach (var kind in Enum.GetValues<ConnectivityKind>())
            {
                Assert.Contains(specs, s => s.Connectivity.Kind == kind);
            }

            foreach (var bias in Enum.GetValues<BiasPolicy>())
            {
                Assert.Contains(specs, s => s.Bias == bias);
            }

            foreach (var g in Enum.GetValues<CellInputSquash>())
            {
                Assert.Contains(specs, s => s.CellInput == g);
            }

            foreach (var h in Enum.GetValues<CellOutputSquash>())
            {
                Assert.Contains(specs, s => s.CellOutput == h);
            }

            var blocks = specs.SelectMany(s => s.Blocks).ToList();
            Assert.Contains(blocks, b => b.HasForgetGate && b.Cells > 1);
            Assert.Contains(blocks, b => b.HasForgetGate && !b.HasOutputGate);
            Assert.Contains(blocks, b => b.HasForgetGate && !b.ForgetGateBias.IsRandom);
            Assert.Contains(specs, s => s.Blocks.Any(b => b.HasForgetGate) && s.Blocks.Any(b => !b.HasForgetGate));
        }

        /// <summary>Forget gates (Gers 2000): the generated forward pass, traces and updates equal the reference's to 1e-12.</summary>
        [Theory]
        [MemberData(nameof(ForgetCases))]
        public void Emitted_network_with_forget_gates_trains_like_the_reference(int index, UpdateTiming timing)
        {
            var spec = RandomTopologies.Specs[index];
            Assert.True(spec.HasForgetGates);
            NetworkComparison.AssertTrainsLikeReference(
                RandomTopologies.Create(index),
                ReferenceNetwork.FromSpec(spec),
                seed: (ulong)(300 + index),
                timing,
                sequences: 4,
                minLength: 5,
                maxLength: 30,
                tolerance: 1e-12);
        }

        /// <summary>The index of the single-precision spec with a reset activation (the float spec's copy).</summary>
        public const int ResetFloatIndex = RandomTopologies.FirstResetIndex + RandomTopologies.Count;

        public static IEnumerable<object[]> ResetCases()
        {
            for (var i = RandomTopologies.FirstResetIndex; i < RandomTopologies.FirstResetIndex + RandomTopologies.ResetCount; i++)
            {
                if (i != ResetFloatIndex)
                {
                    yield return new object[] { i, UpdateTiming.PerSequence };
                    yield return new object[] { i, UpdateTiming.PerStep };
                }
            }
        }

        [Fact]
        public void The_random_reset_activation_specs_cover_the_spec_language()
        {
            var specs = RandomTopologies.Specs.Skip(RandomTopologies.FirstResetIndex).Take(RandomTopologies.ResetCount).ToList();
            Assert.Equal(RandomTopologies.ResetCount, specs.Count);
            Assert.All(specs, s => Assert.NotEqual(0.0, s.ResetActivation));
            Assert.Equal(new[] { 0.3, 0.5, 1.0 }, specs.Select(s => s.ResetActivation).Distinct().OrderBy(v => v));
            foreach (var kind in Enum.GetValues<ConnectivityKind>())
            {
                foreach (var encoding in Enum.GetValues<InputEncoding>())
                {
                    Assert.Contains(specs, s => s.Connectivity.Kind == kind && s.InputEncoding == encoding);
                }
            }

            Assert.Contains(specs, s => s.HasForgetGates);
            Assert.Contains(specs, s => s.HasPeepholes);
            Assert.Contains(specs, s => s.Precision == Precision.Float);
            Assert.Contains(specs, s => s.Blocks.Any(b => !b.HasOutputGate));
            Assert.Equal(0.5, RandomTopologies.Specs[ResetFloatIndex].ResetActivation);
            Assert.Equal(Precision.Float, RandomTopologies.Specs[ResetFloatIndex].Precision);
        }

        /// <summary>
        /// A reset activation other than zero (<c>resetActivation</c>; the 1997 JKU simulator's 0.5): the generated class's
        /// Reset, its forward pass from y(0) at that value, traces and updates equal the reference's to 1e-12, on copies of
        /// the random specs above (every connectivity, bias, g, h and input encoding, forget gates, peepholes, wide).
        /// </summary>
        [Theory]
        [MemberData(nameof(ResetCases))]
        public void Emitted_network_with_a_reset_activation_trains_like_the_reference(int index, UpdateTiming timing)
        {
            var spec = RandomTopologies.Specs[index];
            Assert.NotEqual(0.0, spec.ResetActivation);
            NetworkComparison.AssertTrainsLikeReference(
                RandomTopologies.Create(index),
                ReferenceNetwork.FromSpec(spec),
                seed: (ulong)(700 + index),
                timing,
                sequences: 4,
                minLength: 5,
                maxLength: 30,
                tolerance: 1e-12);
        }

        [Theory]
        [InlineData(RandomTopologies.WideIndex, UpdateTiming.PerSequence)]
        [InlineData(RandomTopologies.WideIndex, UpdateTiming.PerStep)]
        [InlineData(RandomTopologies.WideSparseIndex, UpdateTiming.PerSequence)]
        [InlineData(RandomTopologies.WideSparseIndex, UpdateTiming.PerStep)]
        public void Wide_network_beyond_the_unroll_limit_trains_like_the_reference(int index, UpdateTiming timing)
        {
            var spec = RandomTopologies.Specs[index];
            var layout = Generator.Layout.NetworkLayout.Create(spec);
            Assert.True(layout.CellCount > Generator.Planning.SpeedDecisions.UnrollLimit);
            Assert.True(spec.InputCount > Generator.Planning.SpeedDecisions.UnrollLimit);
            Assert.True(spec.InputCount >= Generator.Planning.SpeedDecisions.VectorScanMinimum);
            NetworkComparison.AssertTrainsLikeReference(
                RandomTopologies.Create(index),
                ReferenceNetwork.FromSpec(spec),
                seed: 31,
                timing,
                sequences: 3,
                minLength: 5,
                maxLength: 12,
                tolerance: 1e-12);
        }

        [Theory]
        [InlineData(RandomTopologies.FloatIndex, UpdateTiming.PerSequence)]
        [InlineData(RandomTopologies.FloatIndex, UpdateTiming.PerStep)]
        [InlineData(RandomTopologies.ForgetFloatIndex, UpdateTiming.PerSequence)]
        [InlineData(RandomTopologies.ForgetFloatIndex, UpdateTiming.PerStep)]
        [InlineData(ResetFloatIndex, UpdateTiming.PerSequence)]
        [InlineData(ResetFloatIndex, UpdateTiming.PerStep)]
        public void Single_precision_network_stays_within_float_tolerance_of_the_reference(int index, UpdateTiming timing)
        {
            var spec = RandomTopologies.Specs[index];
            Assert.Equal(Precision.Float, spec.Precision);
            Assert.Equal(index == RandomTopologies.ForgetFloatIndex ? InputEncoding.Dense : InputEncoding.Sparse, spec.InputEncoding);
            Assert.Equal(index == RandomTopologies.ForgetFloatIndex, spec.HasForgetGates);
            var generated = RandomTopologies.Create(index);
            Assert.IsAssignableFrom<ILstmNetwork<float>>(generated);
            var reference = ReferenceNetwork.FromSpec(spec);
            generated.Update = timing;
            reference.Update = timing;

            // The reference draws the same weights, in double; the float network holds them rounded to float.
            generated.InitializeWeights(7);
            reference.InitializeWeights(7);
            var referenceWeights = NetworkComparison.Weights(reference);
            var generatedWeights = NetworkComparison.Weights(generated);
            for (var i = 0; i < referenceWeights.Length; i++)
            {
                Assert.Equal((float)referenceWeights[i], (float)generatedWeights[i]);
            }

            // From the float network's weights, the two differ only by rounding to float as they go.
            reference.SetWeights(generatedWeights);
            var data = new SeededRandom(8);
            var yGenerated = new double[spec.OutputCount];
            var yReference = new double[spec.OutputCount];
            for (var n = 0; n < 3; n++)
            {
                var sequence = NetworkComparison.RandomSequence(data, spec.InputCount, spec.OutputCount, 5, 10, NetworkComparison.InputsFor(spec.InputEncoding, n));
                generated.Reset();
                reference.Reset();
                for (var t = 0; t < sequence.Inputs.Length; t++)
                {
                    var target = sequence.Targets[t] ?? Array.Empty<double>();
                    generated.TrainStep(sequence.Inputs[t], target, yGenerated);
                    reference.TrainStep(sequence.Inputs[t], target, yReference);
                    for (var k = 0; k < yReference.Length; k++)
                    {
                        var difference = Math.Abs(yReference[k] - yGenerated[k]);
                        Assert.True(
                            difference <= (1e-4 * Math.Max(Math.Abs(yReference[k]), Math.Abs(yGenerated[k]))) + 1e-6,
                            string.Format(CultureInfo.InvariantCulture, "output {0} at sequence {1}, step {2}: reference {3:R}, float {4:R}", k, n, t, yReference[k], yGenerated[k]));
                    }
                }

                generated.EndSequence();
                reference.EndSequence();
            }

            var trainedReference = NetworkComparison.Weights(reference);
            var trainedGenerated = NetworkComparison.Weights(generated);
            for (var i = 0; i < trainedReference.Length; i++)
            {
                Assert.True(Math.Abs(trainedReference[i] - trainedGenerated[i]) <= 1e-4 * Math.Max(1.0, Math.Abs(trainedReference[i])), "weight " + i.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
