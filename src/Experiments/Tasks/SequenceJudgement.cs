using System;
using System.Globalization;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>The verdict of a task on a network's outputs for one sequence, with the error measures the protocols average.</summary>
    /// <param name="Correct">Whether the sequence was processed correctly by the task's criterion (ABS(β), the Reber test, …).</param>
    /// <param name="WrongSteps">Number of judged steps that failed the criterion (0 or 1 for tasks judged at the end only).</param>
    /// <param name="MaxAbsError">Largest |target − output| over every target step and output unit.</param>
    /// <param name="EndAbsError">Largest |target − output| over the output units at the last target step.</param>
    /// <param name="EndCleanAbsError">As <paramref name="EndAbsError"/>, against the noise-free target (differs only for 3c).</param>
    /// <param name="SquaredError">Σ (target − output)² over every target step and output unit (the training error, Eq. 19 without ½).</param>
    public readonly record struct SequenceJudgement(
        bool Correct,
        int WrongSteps,
        double MaxAbsError,
        double EndAbsError,
        double EndCleanAbsError,
        double SquaredError)
    {
        /// <summary>
        /// Measures the errors of <paramref name="outputs"/> on <paramref name="sequence"/> and records the task's verdict.
        /// </summary>
        public static SequenceJudgement Measure(Sequence sequence, ReadOnlySpan<double> outputs, bool correct, int wrongSteps)
        {
            CheckOutputs(sequence, outputs);
            var maxAbs = 0.0;
            var squared = 0.0;
            for (var t = 0; t < sequence.Length; t++)
            {
                var target = sequence.Target(t);
                var output = outputs.Slice(t * sequence.OutputSize, sequence.OutputSize);
                for (var k = 0; k < target.Length; k++)
                {
                    var e = target[k] - output[k];
                    maxAbs = Math.Max(maxAbs, Math.Abs(e));
                    squared += e * e;
                }
            }

            var end = sequence.LastTargetStep;
            var endAbs = end < 0 ? 0.0 : MaxAbsDifference(sequence.Target(end), Output(sequence, outputs, end));
            var endClean = end < 0 ? 0.0 : MaxAbsDifference(sequence.CleanTarget(end), Output(sequence, outputs, end));
            return new SequenceJudgement(correct, wrongSteps, maxAbs, endAbs, endClean, squared);
        }

        /// <summary>The outputs at step <paramref name="t"/>.</summary>
        internal static ReadOnlySpan<double> Output(Sequence sequence, ReadOnlySpan<double> outputs, int t) =>
            outputs.Slice(t * sequence.OutputSize, sequence.OutputSize);

        /// <summary>max_k |a_k − b_k|.</summary>
        internal static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            var max = 0.0;
            for (var k = 0; k < a.Length; k++)
            {
                max = Math.Max(max, Math.Abs(a[k] - b[k]));
            }

            return max;
        }

        /// <summary>
        /// The verdict for the paper's ABS(β) criterion: "absolute error of all output units at sequence end is below β"
        /// (Table 11), judged at the last target step, or at every target step when <paramref name="everyStep"/>.
        /// </summary>
        public static SequenceJudgement AbsBelow(Sequence sequence, ReadOnlySpan<double> outputs, double beta, bool everyStep)
        {
            CheckOutputs(sequence, outputs);
            var wrong = 0;
            for (var t = 0; t < sequence.Length; t++)
            {
                if (!sequence.HasTarget[t] || (!everyStep && t != sequence.LastTargetStep))
                {
                    continue;
                }

                if (!(MaxAbsDifference(sequence.Target(t), Output(sequence, outputs, t)) < beta))
                {
                    wrong++;
                }
            }

            return Measure(sequence, outputs, wrong == 0, wrong);
        }

        /// <summary>Throws unless <paramref name="outputs"/> holds one output vector per step.</summary>
        internal static void CheckOutputs(Sequence sequence, ReadOnlySpan<double> outputs)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            if (outputs.Length != sequence.Length * sequence.OutputSize)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"outputs must hold Length * OutputSize = {sequence.Length * sequence.OutputSize} values (every step), got {outputs.Length}."),
                    nameof(outputs));
            }
        }
    }
}
