using System;
using System.Globalization;
using LstmGen.Generator.Model;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>One training sequence: an input per step and, at some steps, a target.</summary>
    internal sealed record TrainingSequence(double[][] Inputs, double[]?[] Targets);

    /// <summary>The inputs of a random sequence.</summary>
    internal enum SequenceInputs
    {
        /// <summary>Every input uniform in [−1, 1].</summary>
        Dense,

        /// <summary>Exactly one input at 1, the others +0.</summary>
        OneHot,

        /// <summary>
        /// At most one non-zero input, of any value: mostly 1, sometimes another value, sometimes none at all; the zeros
        /// are +0 or −0 (both inactive for inputEncoding one-hot and sparse).
        /// </summary>
        OneHotVaried,

        /// <summary>Each input non-zero with probability 1/4, uniform in [−2, 2]; the zeros +0 or −0.</summary>
        Sparse,
    }

    /// <summary>Runs a network under test and the reference interpreter side by side and compares them.</summary>
    internal static class NetworkComparison
    {
        /// <summary>
        /// A random sequence: inputs uniform in [−1, 1] (or one-hot), targets uniform in [0, 1] at random steps and
        /// always at the last one.
        /// </summary>
        public static TrainingSequence RandomSequence(SeededRandom random, int inputs, int outputs, int minLength, int maxLength, bool oneHot) =>
            RandomSequence(random, inputs, outputs, minLength, maxLength, oneHot ? SequenceInputs.OneHot : SequenceInputs.Dense);

        /// <summary>A random sequence whose inputs are of the given kind; targets as above.</summary>
        public static TrainingSequence RandomSequence(SeededRandom random, int inputs, int outputs, int minLength, int maxLength, SequenceInputs kind)
        {
            var length = random.NextInclusive(minLength, maxLength);
            var x = new double[length][];
            var targets = new double[]?[length];
            for (var t = 0; t < length; t++)
            {
                x[t] = new double[inputs];
                switch (kind)
                {
                    case SequenceInputs.OneHot:
                        x[t][random.NextInt(inputs)] = 1.0;
                        break;
                    case SequenceInputs.OneHotVaried:
                        FillZeros(random, x[t]);
                        if (!random.NextBool(0.1))
                        {
                            x[t][random.NextInt(inputs)] = random.NextBool(0.6) ? 1.0 : random.NextUniform(-2.0, 2.0);
                        }

                        break;
                    case SequenceInputs.Sparse:
                        FillZeros(random, x[t]);
                        for (var i = 0; i < inputs; i++)
                        {
                            if (random.NextBool(0.25))
                            {
                                x[t][i] = random.NextUniform(-2.0, 2.0);
                            }
                        }

                        break;
                    default:
                        for (var i = 0; i < inputs; i++)
                        {
                            x[t][i] = random.NextUniform(-1.0, 1.0);
                        }

                        break;
                }

                if (t == length - 1 || random.NextBool(0.3))
                {
                    targets[t] = new double[outputs];
                    for (var k = 0; k < outputs; k++)
                    {
                        targets[t]![k] = random.NextDouble();
                    }
                }
            }

            return new TrainingSequence(x, targets);
        }

        /// <summary>
        /// The inputs of sequence <paramref name="n"/> of a comparison: a dense network sees dense and one-hot sequences
        /// in turn; a one-hot network only what its encoding allows; a sparse one sparse, one-hot and dense ones.
        /// </summary>
        public static SequenceInputs InputsFor(InputEncoding encoding, int n) => encoding switch
        {
            InputEncoding.OneHot => n % 2 == 0 ? SequenceInputs.OneHotVaried : SequenceInputs.OneHot,
            InputEncoding.Sparse => (n % 3) switch { 0 => SequenceInputs.Sparse, 1 => SequenceInputs.OneHotVaried, _ => SequenceInputs.Dense },
            _ => n % 2 == 1 ? SequenceInputs.OneHot : SequenceInputs.Dense,
        };

        /// <summary>Zeros of both signs: −0.0 == 0.0, so both must count as inactive inputs.</summary>
        private static void FillZeros(SeededRandom random, double[] x)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = random.NextBool(0.3) ? -0.0 : 0.0;
            }
        }

        /// <summary>
        /// Initialises both networks with <paramref name="seed"/> (the initial weights must be identical, bit for bit),
        /// trains both on the same sequences under <paramref name="timing"/>, comparing the outputs at every step and
        /// the weights after every sequence (and starting the next sequence from the same weights), then runs one
        /// sequence without learning and compares its outputs.
        /// </summary>
        public static void AssertTrainsLikeReference(
            ILstmNetwork generated,
            ReferenceNetwork reference,
            ulong seed,
            UpdateTiming timing,
            int sequences,
            int minLength,
            int maxLength,
            double tolerance)
        {
            Assert.Equal(reference.WeightCount, generated.WeightCount);
            Assert.Equal(reference.InputCount, generated.InputCount);
            Assert.Equal(reference.OutputCount, generated.OutputCount);
            generated.Update = timing;
            reference.Update = timing;
            generated.InitializeWeights(seed);
            reference.InitializeWeights(seed);
            var initial = Weights(generated);
            Assert.Equal(initial, Weights(reference));

            var data = new SeededRandom(SeededRandom.DeriveSeed(seed, 1));
            var encoding = reference.Spec.InputEncoding;
            var outputs = generated.OutputCount;
            var yGenerated = new double[outputs];
            var yReference = new double[outputs];
            for (var n = 0; n < sequences; n++)
            {
                var sequence = RandomSequence(data, generated.InputCount, outputs, minLength, maxLength, InputsFor(encoding, n));
                generated.Reset();
                reference.Reset();
                for (var t = 0; t < sequence.Inputs.Length; t++)
                {
                    var target = sequence.Targets[t] ?? Array.Empty<double>();
                    generated.TrainStep(sequence.Inputs[t], target, yGenerated);
                    reference.TrainStep(sequence.Inputs[t], target, yReference);
                    AssertClose(yReference, yGenerated, tolerance, "output", n, t);
                }

                generated.EndSequence();
                reference.EndSequence();
                var trained = Weights(generated);
                AssertClose(Weights(reference), trained, tolerance, "weight", n, -1);

                // Each sequence starts both from the same weights: rounding differences (one ulp here and there, from
                // a different summation order) would otherwise compound from sequence to sequence, and learning with
                // rates near 1 can amplify them tenfold in one sequence; what is tested is one sequence's map.
                reference.SetWeights(trained);
            }

            // Training did something, so the comparison above compared learning, not just the forward pass.
            var final = Weights(reference);
            var changed = 0;
            for (var i = 0; i < final.Length; i++)
            {
                if (final[i] != initial[i])
                {
                    changed++;
                }
            }

            Assert.True(changed > 0, "no weight changed during training");

            var test = RandomSequence(data, generated.InputCount, outputs, minLength, maxLength, encoding == InputEncoding.OneHot ? SequenceInputs.OneHotVaried : SequenceInputs.Dense);
            generated.Reset();
            reference.Reset();
            for (var t = 0; t < test.Inputs.Length; t++)
            {
                generated.Step(test.Inputs[t], yGenerated);
                reference.Step(test.Inputs[t], yReference);
                AssertClose(yReference, yGenerated, tolerance, "output (no learning)", sequences, t);
            }
        }

        public static double[] Weights(ILstmNetwork network)
        {
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            return weights;
        }

        /// <summary>|a − b| ≤ tolerance · max(|a|, |b|), or ≤ 1e-15 absolutely (values that are zero, or nearly).</summary>
        public static void AssertClose(double[] expected, double[] actual, double tolerance, string what, int sequence, int step)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                var a = expected[i];
                var b = actual[i];
                var difference = Math.Abs(a - b);
                var scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-300);
                if (!(difference <= 1e-15 || difference / scale <= tolerance))
                {
                    Assert.Fail(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} {1} differs at sequence {2}, step {3}: reference {4:R}, generated {5:R} (relative {6:E2}, tolerance {7:E0})",
                        what,
                        i,
                        sequence,
                        step,
                        a,
                        b,
                        difference / scale,
                        tolerance));
                }
            }
        }
    }
}
