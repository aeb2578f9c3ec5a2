using System;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>
    /// Proof 4: Reset() starts a sequence afresh (§5: activations reset to zero; extraction §1.3: s(0) = 0 and the
    /// traces ∂s/∂w with it). A sequence trained after another one, with Reset between, gives bit for bit the same
    /// outputs and the same weight change as the same sequence trained alone, after Reset, from the same weights.
    /// </summary>
    public sealed class SequenceResetTests
    {
        [Theory]
        [InlineData("TinyNetwork", InputKind.Dense)]
        [InlineData("Exp4Adding", InputKind.Dense)]
        [InlineData("Exp1Reber3x2", InputKind.OneHot)]
        [InlineData("Exp6aTemporalOrder", InputKind.OneHot)]
        [InlineData("Exp3NoiseSignal", InputKind.Dense)]
        [InlineData("MixedBlocks", InputKind.Dense)]
        [InlineData("SelfLoopNoOutputGate", InputKind.Dense)]
        [InlineData("ForgetFull", InputKind.OneHot)]
        [InlineData("ForgetSelfLoop", InputKind.Dense)]
        [InlineData("PeepholeFull", InputKind.OneHot)]
        [InlineData("PeepholeSelfLoop", InputKind.Dense)]
        [InlineData("ResetHalfFull", InputKind.Dense)]
        public void Second_sequence_after_a_trained_first_equals_the_second_alone(string name, InputKind inputs)
        {
            var random = new Random(name.Length);
            var first = ProofSupport.Create(name);
            var w0 = ProofSupport.WideWeights(first.WeightCount, random, 1.0);
            var a = ProofSupport.RandomSequence(random, first.InputCount, first.OutputCount, 11, inputs, TargetSteps.Every);
            var b = ProofSupport.RandomSequence(random, first.InputCount, first.OutputCount, 9, inputs, TargetSteps.Some);

            // In a row: A (trained, applied at its end), then B.
            first.SetWeights(w0);
            first.Update = UpdateTiming.PerSequence;
            ProofSupport.Train(first, a);
            var afterA = ProofSupport.Weights(first);
            Assert.NotEqual(w0, afterA);
            var outputsInRow = ProofSupport.Train(first, b);
            var afterAB = ProofSupport.Weights(first);

            // B alone, on a fresh instance, from the weights A left.
            var alone = ProofSupport.Create(name);
            alone.SetWeights(afterA);
            alone.Update = UpdateTiming.PerSequence;
            var outputsAlone = ProofSupport.Train(alone, b);
            var afterB = ProofSupport.Weights(alone);

            AssertBitwiseEqual(outputsAlone, outputsInRow);
            AssertBitwiseEqual(Delta(afterA, afterB), Delta(afterA, afterAB));
        }

        [Theory]
        [InlineData("TinyNetwork", InputKind.Dense)]
        [InlineData("Exp4Adding", InputKind.Dense)]
        [InlineData("Exp1Reber3x2", InputKind.OneHot)]
        [InlineData("Exp2cP50", InputKind.OneHot)]
        [InlineData("PartialRecurrence", InputKind.Dense)]
        [InlineData("ForgetFull", InputKind.OneHot)]
        [InlineData("ForgetSelfLoop", InputKind.Dense)]
        [InlineData("PeepholeFull", InputKind.OneHot)]
        [InlineData("PeepholeSelfLoop", InputKind.Dense)]
        [InlineData("ResetHalfFull", InputKind.Dense)]
        public void Traces_of_an_untargeted_first_sequence_do_not_leak_into_the_second(string name, InputKind inputs)
        {
            // A first sequence run through TrainStep without targets builds up states and traces (Eqs. 25, 27) but
            // changes no weight. After Reset, training B must give exactly what B gives on a fresh network: any
            // trace or state left over would change B's updates.
            var random = new Random(100 + name.Length);
            var net = ProofSupport.Create(name);
            var w0 = ProofSupport.WideWeights(net.WeightCount, random, 1.0);
            var a = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 13, inputs, TargetSteps.Every);
            var withoutTargets = new TrainingSequence(a.Inputs, new double[]?[a.Length]);
            var b = ProofSupport.RandomSequence(random, net.InputCount, net.OutputCount, 8, inputs, TargetSteps.LastOnly);

            net.SetWeights(w0);
            net.Update = UpdateTiming.PerSequence;
            ProofSupport.Train(net, withoutTargets);
            Assert.Equal(w0, ProofSupport.Weights(net));
            var outputsInRow = ProofSupport.Train(net, b);
            var afterInRow = ProofSupport.Weights(net);

            var fresh = ProofSupport.Create(name);
            fresh.SetWeights(w0);
            fresh.Update = UpdateTiming.PerSequence;
            var outputsAlone = ProofSupport.Train(fresh, b);
            var afterAlone = ProofSupport.Weights(fresh);

            AssertBitwiseEqual(outputsAlone, outputsInRow);
            AssertBitwiseEqual(Delta(w0, afterAlone), Delta(w0, afterInRow));
            Assert.NotEqual(w0, afterAlone);
        }

        private static double[] Delta(double[] before, double[] after)
        {
            var d = new double[before.Length];
            for (var i = 0; i < d.Length; i++)
            {
                d[i] = after[i] - before[i];
            }

            return d;
        }

        private static void AssertBitwiseEqual(double[][] expected, double[][] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var t = 0; t < expected.Length; t++)
            {
                AssertBitwiseEqual(expected[t], actual[t]);
            }
        }

        private static void AssertBitwiseEqual(double[] expected, double[] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"index {i}: expected {expected[i]:R}, got {actual[i]:R}"));
            }
        }

        internal static void AssertSameBits(double[] expected, double[] actual) => AssertBitwiseEqual(expected, actual);
    }
}
