using System;
using System.Globalization;
using System.Runtime.Intrinsics;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>The verdict of a task on a network's outputs for one sequence, with the error measures the protocols average.</summary>
    /// <param name="Correct">Whether the sequence was processed correctly by the task's criterion (ABS(β), the Reber test, …).</param>
    /// <param name="WrongSteps">Number of judged steps that failed the criterion (0 or 1 for tasks judged at the end only).</param>
    /// <param name="MaxAbsError">Largest |target − output| over every target step and output unit.</param>
    /// <param name="EndAbsError">Largest |target − output| over the output units at the last target step.</param>
    /// <param name="EndCleanAbsError">As <paramref name="EndAbsError"/>, against the noise-free target (differs only for 3c).</param>
    /// <param name="SquaredError">Σ (target − output)² over every target step and output unit (the training error, Eq. 19 without ½).</param>
    /// <param name="JudgedAbsError">
    /// Largest |target − output| over the steps the verdict judged: for ABS(β) judged at the sequence end (2b, 2c, 3a, 3b,
    /// …) the last target step's (<paramref name="EndAbsError"/>); judged at every step (2a), and for tasks with a verdict of
    /// their own (<see cref="Measure"/>: Exp 1, 3c), every target step's (<paramref name="MaxAbsError"/>). Exp 2's running
    /// training error: 2b has a target at every step, but only its last symbol can be predicted.
    /// </param>
    public readonly record struct SequenceJudgement(
        bool Correct,
        int WrongSteps,
        double MaxAbsError,
        double EndAbsError,
        double EndCleanAbsError,
        double SquaredError,
        double JudgedAbsError)
    {
        /// <summary>
        /// The steps before the first wrong one (<see cref="Sequence.Length"/> when none is wrong), from the embedded Reber
        /// tasks, judged step by step: the continual grammar's protocol stops a stream at its first error. 0 where a task
        /// does not say.
        /// </summary>
        public int ErrorFreeSteps { get; init; }

        /// <summary>
        /// Measures the errors of <paramref name="outputs"/> on <paramref name="sequence"/> and records the task's verdict.
        /// </summary>
        public static SequenceJudgement Measure(Sequence sequence, ReadOnlySpan<double> outputs, bool correct, int wrongSteps)
        {
            CheckOutputs(sequence, outputs);
            return Judge(sequence, outputs, absBelow: false, beta: 0.0, everyStep: false, correct, wrongSteps);
        }

        /// <summary>The outputs at step <paramref name="t"/>.</summary>
        internal static ReadOnlySpan<double> Output(Sequence sequence, ReadOnlySpan<double> outputs, int t) =>
            outputs.Slice(t * sequence.OutputSize, sequence.OutputSize);

        /// <summary>
        /// max_k |a_k − b_k|, bit for bit what a chain of <see cref="Math.Max(double, double)"/> gives (NaN if any difference is).
        /// A maximum is exact, so its order is free: four lanes at a time with two accumulators, instead of one dependent
        /// chain of <see cref="Math.Max(double, double)"/> (which, over the 101 outputs of each of 2a's 100 steps, took
        /// more time than the network's own learning).
        /// </summary>
        internal static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            if (a.Length != b.Length)
            {
                throw new ArgumentException("The spans must have the same length.", nameof(b));
            }

            var k = 0;
            var max = 0.0;
            if (Vector256.IsHardwareAccelerated && a.Length >= 8)
            {
                var max0 = Vector256<double>.Zero;
                var max1 = Vector256<double>.Zero;
                var nans = Vector256<double>.Zero;
                for (; k <= a.Length - 8; k += 8)
                {
                    var d0 = Vector256.Create(a.Slice(k, 4)) - Vector256.Create(b.Slice(k, 4));
                    var d1 = Vector256.Create(a.Slice(k + 4, 4)) - Vector256.Create(b.Slice(k + 4, 4));
                    max0 = Vector256.MaxNative(max0, Vector256.Abs(d0));
                    max1 = Vector256.MaxNative(max1, Vector256.Abs(d1));
                    nans |= Vector256.IsNaN(d0) | Vector256.IsNaN(d1);
                }

                if (nans != Vector256<double>.Zero)
                {
                    // Rare (a diverged network): the chain itself, which also gives the NaN's own bits.
                    k = 0;
                }
                else
                {
                    var both = Vector256.MaxNative(max0, max1);
                    max = Math.Max(Math.Max(both.GetElement(0), both.GetElement(1)), Math.Max(both.GetElement(2), both.GetElement(3)));
                }
            }

            for (; k < a.Length; k++)
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
            return Judge(sequence, outputs, absBelow: true, beta, everyStep, correct: false, wrongSteps: 0);
        }

        /// <summary>
        /// One pass over the target steps: each step's largest |target − output| (for the largest overall and, when
        /// <paramref name="absBelow"/>, for ABS(<paramref name="beta"/>)) and the squared error, summed over t then k in increasing order
        /// as before (the sum's order fixes its bits, and the training decisions that read it).
        /// </summary>
        private static SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs, bool absBelow, double beta, bool everyStep, bool correct, int wrongSteps)
        {
            var wrong = 0;
            var maxAbs = 0.0;
            var squared = 0.0;
            for (var t = 0; t < sequence.Length; t++)
            {
                var target = sequence.Target(t);
                if (target.IsEmpty)
                {
                    continue;
                }

                var output = Output(sequence, outputs, t);
                squared = AddSquaredErrors(squared, target, output);

                var stepMax = MaxAbsDifference(target, output);
                maxAbs = Math.Max(maxAbs, stepMax);
                if (absBelow && (everyStep || t == sequence.LastTargetStep) && !(stepMax < beta))
                {
                    wrong++;
                }
            }

            var end = sequence.LastTargetStep;
            var endAbs = end < 0 ? 0.0 : MaxAbsDifference(sequence.Target(end), Output(sequence, outputs, end));
            var endClean = end < 0 ? 0.0 : MaxAbsDifference(sequence.CleanTarget(end), Output(sequence, outputs, end));
            return absBelow
                ? new SequenceJudgement(wrong == 0, wrong, maxAbs, endAbs, endClean, squared, everyStep ? maxAbs : endAbs)
                : new SequenceJudgement(correct, wrongSteps, maxAbs, endAbs, endClean, squared, maxAbs);
        }

        /// <summary>
        /// <paramref name="sum"/> + Σ_k (target_k − output_k)², added one by one in increasing k. In a method of its own the
        /// running sum stays in a register: in the loop of <see cref="Judge"/>, which calls other methods, the JIT kept it on
        /// the stack, and every addition waited for the previous one's store. (Not inlined, for the same reason.)
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static double AddSquaredErrors(double sum, ReadOnlySpan<double> target, ReadOnlySpan<double> output)
        {
            output = output.Slice(0, target.Length);
            for (var k = 0; k < target.Length; k++)
            {
                var e = target[k] - output[k];
                sum += e * e;
            }

            return sum;
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
