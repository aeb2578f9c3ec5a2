using System;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>Which of Experiment 3's tasks.</summary>
    public enum NoiseSignalVariant
    {
        /// <summary>3a: Bengio et al.'s 2-sequence problem.</summary>
        TwoSequence,

        /// <summary>3b: 3a with noise added to the information-carrying elements.</summary>
        NoisyInformation,

        /// <summary>3c: 3a with targets 0.2/0.8 perturbed by noise.</summary>
        NoisyTargets,
    }

    /// <summary>
    /// Experiment 3 (extraction §3.3): noise and signal on one input line; classify at the sequence end.
    /// </summary>
    /// <remarks>
    /// <para>Each sequence: class 1 or class 2 with probability 0.5 (<see cref="Sequence.Class"/> 0 = class 1, 1 = class 2);
    /// length uniform over the integers T … T + ⌊T/10⌋; the first N elements are +1.0 (class 1) or −1.0 (class 2); every
    /// later element is Gaussian with mean 0 and variance 0.2 (standard deviation √0.2 ≈ 0.447, extraction §3.3 [I]).
    /// 3b adds the same Gaussian noise to the first N elements.</para>
    /// <para>Target at the last step only: 1.0 (class 1) / 0.0 (class 2) in 3a and 3b; in 3c 0.2 (class 1) / 0.8 (class 2)
    /// plus Gaussian noise of variance 0.1 ("st.dev. 0.32"), drawn once per sequence; the noise-free value is kept in
    /// <see cref="Sequence.CleanTargets"/>. A noisy 3c target may leave [0, 1]; the paper does not clip it, nor do we.</para>
    /// <para>Correct: 3a/3b "absolute output error at sequence end below 0.2"; 3c not misclassified, i.e.
    /// |output − noise-free target| ≤ 0.1 ("misclassification: … &gt; 0.1"). The judgement's
    /// <see cref="SequenceJudgement.EndCleanAbsError"/> is the 3c "difference to the noise-free target".</para>
    /// <para>Draw order per sequence: class, length, the elements in order, then (3c) the target noise.</para>
    /// </remarks>
    public sealed class NoiseSignalTask : ISequenceTask
    {
        /// <summary>Variance of the input noise (§5.3).</summary>
        public const double PaperNoiseVariance = 0.2;

        /// <summary>Variance of the 3c target noise (§5.3).</summary>
        public const double PaperTargetNoiseVariance = 0.1;

        /// <summary>3a/3b: correct if the absolute error at the end is below this.</summary>
        public const double ClassificationThreshold = 0.2;

        /// <summary>3c: misclassified if |output − noise-free target| exceeds this.</summary>
        public const double NoisyTargetThreshold = 0.1;

        /// <summary>The steps 0 … N − 1 that carry the class (every sequence's <see cref="Sequence.RelevantPositions"/>, shared: sequences are read-only).</summary>
        private int[]? _relevant;

        public NoiseSignalTask(
            NoiseSignalVariant variant,
            int t = 100,
            int n = 1,
            double noiseVariance = PaperNoiseVariance,
            double targetNoiseVariance = PaperTargetNoiseVariance)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(n, t);
            ArgumentOutOfRangeException.ThrowIfNegative(noiseVariance);
            ArgumentOutOfRangeException.ThrowIfNegative(targetNoiseVariance);
            Variant = variant;
            T = t;
            N = n;
            NoiseVariance = noiseVariance;
            TargetNoiseVariance = targetNoiseVariance;
        }

        public string Name => Variant switch
        {
            NoiseSignalVariant.TwoSequence => "3a",
            NoiseSignalVariant.NoisyInformation => "3b",
            _ => "3c",
        };

        public int InputSize => 1;

        public int OutputSize => 1;

        public NoiseSignalVariant Variant { get; }

        /// <summary>The minimal sequence length.</summary>
        public int T { get; }

        /// <summary>Number of information-carrying elements at the start.</summary>
        public int N { get; }

        public double NoiseVariance { get; }

        public double TargetNoiseVariance { get; }

        /// <summary>The longest sequence: T + ⌊T/10⌋.</summary>
        public int MaxLength => T + (T / 10);

        /// <summary>The noise-free target of class index <paramref name="cls"/> (0 = class 1, 1 = class 2).</summary>
        public double CleanTargetOf(int cls) => Variant == NoiseSignalVariant.NoisyTargets
            ? (cls == 0 ? 0.2 : 0.8)
            : (cls == 0 ? 1.0 : 0.0);

        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var cls = random.NextInt(2);
            var length = random.NextInclusive(T, MaxLength);
            var noiseStd = Math.Sqrt(NoiseVariance);
            var inputs = new double[length];
            for (var i = 0; i < length; i++)
            {
                if (i < N)
                {
                    inputs[i] = cls == 0 ? 1.0 : -1.0;
                    if (Variant == NoiseSignalVariant.NoisyInformation)
                    {
                        inputs[i] += noiseStd * random.NextGaussian();
                    }
                }
                else
                {
                    inputs[i] = noiseStd * random.NextGaussian();
                }
            }

            var clean = CleanTargetOf(cls);
            var target = clean;
            if (Variant == NoiseSignalVariant.NoisyTargets)
            {
                target += Math.Sqrt(TargetNoiseVariance) * random.NextGaussian();
            }

            var targets = new double[length];
            targets[length - 1] = target;
            var hasTarget = new bool[length];
            hasTarget[length - 1] = true;
            double[]? cleanTargets = null;
            if (Variant == NoiseSignalVariant.NoisyTargets)
            {
                cleanTargets = new double[length];
                cleanTargets[length - 1] = clean;
            }

            if (_relevant is null)
            {
                _relevant = new int[N];
                for (var i = 0; i < N; i++)
                {
                    _relevant[i] = i;
                }
            }

            return new Sequence(1, 1, inputs, targets, hasTarget)
            {
                Class = cls,
                CleanTargets = cleanTargets,
                RelevantPositions = _relevant,
            };
        }

        public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            if (Variant != NoiseSignalVariant.NoisyTargets)
            {
                return SequenceJudgement.AbsBelow(sequence, outputs, ClassificationThreshold, everyStep: false);
            }

            var measured = SequenceJudgement.Measure(sequence, outputs, correct: false, wrongSteps: 0);
            var correct = measured.EndCleanAbsError <= NoisyTargetThreshold;
            return measured with { Correct = correct, WrongSteps = correct ? 0 : 1 };
        }

        public string Describe(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            var end = sequence.LastTargetStep;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"class {sequence.Class + 1}, length {sequence.Length}, first {sequence.Input(0)[0]:0.###}, target {sequence.Targets[end]:0.###} (noise-free {sequence.CleanTarget(end)[0]:0.###})");
        }
    }
}
