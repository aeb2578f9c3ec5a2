using System;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>Where the second marked pair of Experiments 4 and 5 may lie (extraction §3.4 [I]: the convention is unspecified).</summary>
    public enum SecondMarkRange
    {
        /// <summary>
        /// Default: "the first T/2 − 1 pairs" are positions 0 … T/2 − 2 (0-based), and X2 is uniform over those of them that
        /// are still unmarked (T/2 − 2 candidates); X2's position is below T/2 − 1.
        /// </summary>
        FirstPositions,

        /// <summary>
        /// The literal reading: X2 is uniform over the first T/2 − 1 pairs that are still unmarked (T/2 − 1 candidates, so
        /// X2 can reach position T/2 − 1 when X1 lies before it).
        /// </summary>
        FirstUnmarkedPairs,
    }

    /// <summary>
    /// The common generator of Experiments 4 (adding) and 5 (multiplication), extraction §3.4–3.5: sequences of pairs
    /// (value, marker) over 2 input units, exactly two of them marked, one output judged at the end.
    /// </summary>
    /// <remarks>
    /// <para>Positions are 0-based. Length uniform over the integers T … T + ⌊T/10⌋. Every value is drawn uniformly from the
    /// task's interval. X1's position is uniform over the first ten pairs (0 … 9); X2's over the first T/2 − 1 still
    /// unmarked pairs (see <see cref="SecondMarkRange"/>). Markers: 1.0 at X1 and X2; −1.0 at the first and the final pair
    /// unless marked (the final pair never is: X2 lies before T/2); 0.0 elsewhere.</para>
    /// <para>"In the rare case where the first pair of the sequence gets marked, we set X1 to [the task's value]": applied
    /// when X1 is at position 0 (the paper names X1), and the pair's value input is set to it too, so that the target stays a
    /// function of the inputs. If X2 lands on position 0 it keeps its drawn value.</para>
    /// <para>Draw order per sequence: length, the values in order, X1's position, X2's position.</para>
    /// <para>Success: "absolute error at the sequence end below 0.04" (ABS(0.04), Table 11).</para>
    /// </remarks>
    public abstract class MarkedPairsTask : ISequenceTask
    {
        /// <summary>ABS(0.04), Table 11.</summary>
        public const double SuccessThreshold = 0.04;

        /// <summary>X1 lies among the first ten pairs (§5.4).</summary>
        public const int FirstMarkWindow = 10;

        protected MarkedPairsTask(int t, SecondMarkRange secondMarkRange)
        {
            if (t < 2 * (FirstMarkWindow + 1))
            {
                throw new ArgumentOutOfRangeException(nameof(t), t, "T must be at least 22 so that the first T/2 − 1 pairs contain the first ten.");
            }

            T = t;
            SecondMarkRange = secondMarkRange;
        }

        public abstract string Name { get; }

        public int InputSize => 2;

        public int OutputSize => 1;

        /// <summary>The minimal sequence length (the minimal time lag is about T/2).</summary>
        public int T { get; }

        public SecondMarkRange SecondMarkRange { get; }

        /// <summary>The longest sequence: T + ⌊T/10⌋.</summary>
        public int MaxLength => T + (T / 10);

        /// <summary>Lower end of the values' interval.</summary>
        protected abstract double ValueLow { get; }

        /// <summary>Upper end of the values' interval.</summary>
        protected abstract double ValueHigh { get; }

        /// <summary>X1 when the first pair is the one marked first.</summary>
        protected abstract double FirstPairValue { get; }

        /// <summary>The target for the two marked values.</summary>
        public abstract double TargetOf(double x1, double x2);

        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var length = random.NextInclusive(T, MaxLength);
            var inputs = new double[length * 2];
            for (var i = 0; i < length; i++)
            {
                inputs[2 * i] = random.NextUniform(ValueLow, ValueHigh);
            }

            var first = random.NextInt(FirstMarkWindow);
            var candidates = SecondMarkRange == SecondMarkRange.FirstPositions ? (T / 2) - 2 : (T / 2) - 1;
            var j = random.NextInt(candidates);
            var second = j < first ? j : j + 1;

            inputs[1] = -1.0;
            inputs[(2 * (length - 1)) + 1] = -1.0;
            inputs[(2 * first) + 1] = 1.0;
            inputs[(2 * second) + 1] = 1.0;
            if (first == 0)
            {
                inputs[0] = FirstPairValue;
            }

            var targets = new double[length];
            targets[length - 1] = TargetOf(inputs[2 * first], inputs[2 * second]);
            var hasTarget = new bool[length];
            hasTarget[length - 1] = true;
            return new Sequence(2, 1, inputs, targets, hasTarget) { RelevantPositions = [first, second] };
        }

        public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            return SequenceJudgement.AbsBelow(sequence, outputs, SuccessThreshold, everyStep: false);
        }

        public string Describe(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            var p1 = sequence.RelevantPositions[0];
            var p2 = sequence.RelevantPositions[1];
            return string.Create(
                CultureInfo.InvariantCulture,
                $"length {sequence.Length}, X1 = {sequence.Input(p1)[0]:0.####} at {p1}, X2 = {sequence.Input(p2)[0]:0.####} at {p2}, target {sequence.Targets[sequence.LastTargetStep]:0.####}");
        }
    }
}
