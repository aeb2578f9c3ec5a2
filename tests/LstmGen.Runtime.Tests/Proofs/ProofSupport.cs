using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using Xunit;

namespace LstmGen.Runtime.Tests.Proofs
{
    /// <summary>One training sequence: an input per step and, where the task has one, a target (null = no target).</summary>
    internal sealed class TrainingSequence
    {
        public TrainingSequence(double[][] inputs, double[]?[] targets)
        {
            Assert.Equal(inputs.Length, targets.Length);
            Inputs = inputs;
            Targets = targets;
        }

        public double[][] Inputs { get; }

        public double[]?[] Targets { get; }

        public int Length => Inputs.Length;

        /// <summary>The same inputs with the target kept only at the last step.</summary>
        public TrainingSequence TargetAtLastStepOnly()
        {
            var targets = new double[]?[Length];
            targets[Length - 1] = Targets[Length - 1] ?? throw new InvalidOperationException("the last step has no target");
            return new TrainingSequence(Inputs, targets);
        }
    }

    /// <summary>Which steps of a generated sequence carry a target.</summary>
    public enum TargetSteps
    {
        Every,
        LastOnly,

        /// <summary>Roughly every other step, and always the last.</summary>
        Some,
    }

    /// <summary>How the inputs of a generated sequence look.</summary>
    public enum InputKind
    {
        /// <summary>One input unit at 1, the others 0 (symbol streams: Exps 1, 2, 6).</summary>
        OneHot,

        /// <summary>Every input uniform in [−1, 1] (real-valued streams: Exps 3, 4).</summary>
        Dense,

        /// <summary>Each input non-zero with probability 1/3, uniform in [−1, 1] (for inputEncoding: sparse).</summary>
        Sparse,
    }

    /// <summary>Sequences, weights and comparisons shared by the proofs.</summary>
    internal static class ProofSupport
    {
        /// <summary>
        /// A power of two used as the learning rate where a proof reads a gradient back as (w_after − w_before)/α:
        /// multiplying and dividing by it is exact, and it makes the change large next to the weight, so rounding
        /// w_before + Δ loses (almost) nothing of Δ.
        /// </summary>
        public const double ReadBackRate = 1024.0;

        public static NetworkSpec SpecOf(ILstmNetwork network)
        {
            var result = SpecParser.Parse(network.SpecFileName, network.SpecText);
            Assert.False(result.HasErrors, network.Name + ": its embedded spec does not parse");
            return result.Spec!;
        }

        /// <summary>A network by type name: one of this project's test specs, else a compiled paper network.</summary>
        public static ILstmNetwork Create(string name) => name switch
        {
            nameof(Networks.TinyNetwork) => new Networks.TinyNetwork(),
            nameof(Networks.SelfLoop2x2) => new Networks.SelfLoop2x2(),
            nameof(Networks.SelfLoopNoOutputGate) => new Networks.SelfLoopNoOutputGate(),
            nameof(Networks.SelfLoopIdentity) => new Networks.SelfLoopIdentity(),
            nameof(Networks.MixedBlocks) => new Networks.MixedBlocks(),
            nameof(Networks.PartialRecurrence) => new Networks.PartialRecurrence(),
            nameof(Networks.SparseLayered) => new Networks.SparseLayered(),
            nameof(Networks.OneHotFull) => new Networks.OneHotFull(),
            nameof(Networks.OneHotFloat) => new Networks.OneHotFloat(),
            nameof(Networks.SparseSelfLoop) => new Networks.SparseSelfLoop(),
            nameof(Networks.ForgetSelfLoop) => new Networks.ForgetSelfLoop(),
            nameof(Networks.ForgetFull) => new Networks.ForgetFull(),
            nameof(Networks.PeepholeSelfLoop) => new Networks.PeepholeSelfLoop(),
            nameof(Networks.PeepholeFull) => new Networks.PeepholeFull(),
            nameof(Networks.ResetHalfFull) => new Networks.ResetHalfFull(),
            _ => Paper(name),
        };

        public static ILstmNetwork Paper(string name)
        {
            var entry = PaperNetworks.Find(name);
            Assert.True(entry is not null, "no compiled paper network named " + name);
            return entry!.Create();
        }

        public static TrainingSequence RandomSequence(Random random, int inputs, int outputs, int length, InputKind inputKind, TargetSteps targetSteps)
        {
            var x = new double[length][];
            var targets = new double[]?[length];
            for (var t = 0; t < length; t++)
            {
                x[t] = new double[inputs];
                if (inputKind == InputKind.OneHot)
                {
                    x[t][random.Next(inputs)] = 1.0;
                }
                else if (inputKind == InputKind.Sparse)
                {
                    for (var i = 0; i < inputs; i++)
                    {
                        x[t][i] = random.Next(3) == 0 ? (2.0 * random.NextDouble()) - 1.0 : 0.0;
                    }
                }
                else
                {
                    for (var i = 0; i < inputs; i++)
                    {
                        x[t][i] = (2.0 * random.NextDouble()) - 1.0;
                    }
                }

                var hasTarget = targetSteps switch
                {
                    TargetSteps.Every => true,
                    TargetSteps.LastOnly => t == length - 1,
                    _ => t == length - 1 || random.Next(2) == 0,
                };
                if (hasTarget)
                {
                    // Targets in (0, 1), away from the logistic's ends, mixed with exact 0/1 as the tasks use.
                    var target = new double[outputs];
                    for (var k = 0; k < outputs; k++)
                    {
                        target[k] = random.Next(3) == 0 ? random.Next(2) : random.NextDouble();
                    }

                    targets[t] = target;
                }
            }

            return new TrainingSequence(x, targets);
        }

        /// <summary>The weights InitializeWeights(seed) draws (the spec's interval and fixed gate biases).</summary>
        public static double[] InitialWeights(ILstmNetwork network, ulong seed)
        {
            network.InitializeWeights(seed);
            var w = new double[network.WeightCount];
            network.CopyWeightsTo(w);
            return w;
        }

        /// <summary>Every weight uniform in [−a, a]: larger than the paper's intervals, so that the squashing functions
        /// work in their curved parts and the recurrent terms matter.</summary>
        public static double[] WideWeights(int count, Random random, double a)
        {
            var w = new double[count];
            for (var i = 0; i < count; i++)
            {
                w[i] = a * ((2.0 * random.NextDouble()) - 1.0);
            }

            return w;
        }

        /// <summary>
        /// Trains one sequence from <paramref name="weights"/> with updates per sequence (weights fixed during the
        /// sequence) and returns (w_after − w_before)/α, which the learning rule makes −∂E/∂w for E = ½ΣΣ(t − y)²
        /// (Eq. 19 has no factor 2). Also returns the outputs of every step.
        /// </summary>
        public static double[] SummedUpdateOverRate(ILstmNetwork network, double[] weights, TrainingSequence sequence, out double[][] outputs)
        {
            network.SetWeights(weights);
            network.Update = UpdateTiming.PerSequence;
            network.LearningRate = ReadBackRate;
            outputs = Train(network, sequence);
            var after = new double[network.WeightCount];
            network.CopyWeightsTo(after);
            var result = new double[after.Length];
            for (var i = 0; i < after.Length; i++)
            {
                result[i] = (after[i] - weights[i]) / ReadBackRate;
            }

            return result;
        }

        /// <summary>Reset, one TrainStep per element, EndSequence; returns the outputs of every step.</summary>
        public static double[][] Train(ILstmNetwork network, TrainingSequence sequence)
        {
            network.Reset();
            var outputs = new double[sequence.Length][];
            for (var t = 0; t < sequence.Length; t++)
            {
                outputs[t] = new double[network.OutputCount];
                network.TrainStep(sequence.Inputs[t], sequence.Targets[t] ?? ReadOnlySpan<double>.Empty, outputs[t]);
            }

            network.EndSequence();
            return outputs;
        }

        public static double[] Weights(ILstmNetwork network)
        {
            var w = new double[network.WeightCount];
            network.CopyWeightsTo(w);
            return w;
        }

        /// <summary>Which weight group (the paper's four kinds of incoming weights) weight <paramref name="index"/> is in.</summary>
        public static UnitKind GroupOf(NetworkLayout layout, int index) => layout.FanInOf(index).Kind;

        /// <summary>
        /// Asserts actual ≈ expected weight by weight for <paramref name="indices"/>:
        /// |actual − expected| ≤ rel·max(|actual|, |expected|) + floor(i). Also asserts that every weight group
        /// present holds at least one checked weight with a gradient clearly above the floor, so the check has teeth.
        /// </summary>
        public static ComparisonSummary AssertGradientsClose(
            string what,
            NetworkLayout layout,
            IReadOnlyList<double> expected,
            IReadOnlyList<double> actual,
            IEnumerable<int> indices,
            double relative,
            Func<int, double> floor)
        {
            var failures = new StringBuilder();
            var failed = 0;
            var checkedCount = 0;
            var worst = 0.0;
            var significant = new Dictionary<UnitKind, int>();
            var present = new HashSet<UnitKind>();
            foreach (var i in indices)
            {
                checkedCount++;
                var kind = GroupOf(layout, i);
                present.Add(kind);
                var e = expected[i];
                var a = actual[i];
                var scale = Math.Max(Math.Abs(e), Math.Abs(a));
                var diff = Math.Abs(a - e);
                var bound = (relative * scale) + floor(i);
                if (scale > 100.0 * floor(i))
                {
                    significant[kind] = significant.TryGetValue(kind, out var n) ? n + 1 : 1;
                    worst = Math.Max(worst, diff / scale);
                }

                if (!(diff <= bound))
                {
                    failed++;
                    if (failed <= 12)
                    {
                        var (to, from) = layout.DescribeWeight(i);
                        failures.AppendLine(string.Format(
                            CultureInfo.InvariantCulture,
                            "  w[{0}] {1} <- {2}: expected {3:R}, got {4:R}, |diff| {5:E3} > {6:E3}",
                            i, to, from, e, a, diff, bound));
                    }
                }
            }

            Assert.True(failed == 0, string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} weights differ\n{3}", what, failed, checkedCount, failures));
            foreach (var kind in present)
            {
                Assert.True(significant.ContainsKey(kind), what + ": no checked " + kind + " weight has a gradient above the floor; the check would prove nothing");
            }

            return new ComparisonSummary(checkedCount, worst);
        }
    }

    /// <summary>How many weights a comparison checked and the largest relative difference among the significant ones.</summary>
    internal readonly record struct ComparisonSummary(int Checked, double WorstRelative);
}
