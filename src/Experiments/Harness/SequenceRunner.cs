using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>Runs a network over a task's sequence, learning or not, and has the task judge the outputs.</summary>
    public static class SequenceRunner
    {
        /// <summary>
        /// The scalar driver of a trial (<see cref="ExperimentRow.Start"/>): presents each piece of work to
        /// <paramref name="network"/>, one sequence after another, and hands back the verdict, until the work ends.
        /// With <paramref name="times"/>, adds the time spent in the network and in judging to it (<c>lstmgen profile</c>).
        /// </summary>
        public static void Drive(ILstmNetwork network, IEnumerator<SequenceWork> work, SequenceTimes? times = null)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(work);
            var training = Array.Empty<double>();
            var testing = Array.Empty<double>();
            while (work.MoveNext())
            {
                var current = work.Current;
                var sequence = current.Sequence;
                var start = times is null ? 0 : Stopwatch.GetTimestamp();
                scoped Span<double> outputs;
                if (current.Learn)
                {
                    outputs = Buffer(sequence, ref training);
                    TrainSteps(network, sequence, outputs, sequence.OutputSize, reset: !current.ContinueState, current.HeldAtZero.Span);
                }
                else
                {
                    outputs = Buffer(sequence, ref testing);
                    TestSteps(network, sequence, outputs, reset: !current.ContinueState);
                }

                var stepped = times is null ? 0 : Stopwatch.GetTimestamp();
                current.Judgement = Judge(network, current, outputs);
                times?.Add(sequence.Length, stepped - start, Stopwatch.GetTimestamp() - stepped);
            }
        }

        /// <summary>The verdict on a presented sequence; a training sequence's outputs must be finite.</summary>
        /// <exception cref="NumericalException">An output of a training sequence became NaN or infinite.</exception>
        internal static SequenceJudgement Judge(ILstmNetwork network, SequenceWork work, ReadOnlySpan<double> outputs)
        {
            if (work.Learn && !IsFinite(outputs))
            {
                throw NumericalException.From(network, work.Sequence.OutputSize, outputs, work.SequenceNumber);
            }

            return work.Task.Judge(work.Sequence, outputs);
        }

        /// <summary>
        /// One training sequence (online learning, §5): reset, a learning step per element, the sequence's updates.
        /// <paramref name="outputs"/> must hold at least <c>Length * OutputSize</c> values; it is reused between calls.
        /// </summary>
        /// <param name="network">The network being trained.</param>
        /// <param name="task">The task that judges the outputs.</param>
        /// <param name="sequence">The training sequence.</param>
        /// <param name="outputs">A reusable output buffer.</param>
        /// <param name="sequenceNumber">The sequence's number in the trial (1-based), for error messages.</param>
        /// <exception cref="NumericalException">An output became NaN or infinite: the run cannot continue meaningfully.</exception>
        public static SequenceJudgement Train(ILstmNetwork network, ISequenceTask task, Sequence sequence, ref double[] outputs, long sequenceNumber = 0)
        {
            var buffer = Buffer(sequence, ref outputs);
            TrainSteps(network, sequence, buffer, sequence.OutputSize);
            if (!IsFinite(buffer))
            {
                throw NumericalException.From(network, sequence.OutputSize, buffer, sequenceNumber);
            }

            return task.Judge(sequence, buffer);
        }

        /// <summary>
        /// Reset, a learning step per element, EndSequence: the training of one sequence, as every trial presents it.
        /// Step t's outputs go to <paramref name="outputs"/> at <c>t * outputStride</c> (a stride of 0 keeps only the
        /// last target step's). A one-hot sequence on a one-hot network is fed by the index of each step's active input
        /// (<see cref="IOneHotNetwork"/>): the same steps, bit for bit, without the network scanning each vector for its 1.
        /// Only steps with a target get outputs (the slots of the others keep what they held): every judge reads the
        /// target steps alone, and a step with neither a target nor room for outputs skips the output units.
        /// Without <paramref name="reset"/> the sequence continues the state the previous one left (a continual stream).
        /// The weights at <paramref name="heldAtZero"/> are set to zero again after every change the learning makes to them
        /// (<see cref="HeldWeights"/>): after each step under per-step updates, after EndSequence under per-sequence ones.
        /// </summary>
        public static void TrainSteps(ILstmNetwork network, Sequence sequence, Span<double> outputs, int outputStride, bool reset = true, ReadOnlySpan<int> heldAtZero = default)
        {
            if (reset)
            {
                network.Reset();
            }

            var holdEveryStep = HeldWeights.AfterEveryStep(network, heldAtZero);
            if (AsOneHot(network, sequence) is { } oneHot)
            {
                for (var t = 0; t < sequence.Length; t++)
                {
                    oneHot.TrainStep(sequence.ActiveInput(t), sequence.Target(t), OutputSlot(sequence, outputs, t, outputStride));
                    if (holdEveryStep)
                    {
                        HeldWeights.Zero(network, heldAtZero);
                    }
                }
            }
            else
            {
                for (var t = 0; t < sequence.Length; t++)
                {
                    network.TrainStep(sequence.Input(t), sequence.Target(t), OutputSlot(sequence, outputs, t, outputStride));
                    if (holdEveryStep)
                    {
                        HeldWeights.Zero(network, heldAtZero);
                    }
                }
            }

            network.EndSequence();
            if (!heldAtZero.IsEmpty)
            {
                HeldWeights.Zero(network, heldAtZero);
            }
        }

        /// <summary>
        /// The network's index steps when both it and the sequence are one-hot. The vector steps check the input's length;
        /// an index below InputCount would pass unnoticed, so the sizes are compared here, once per sequence.
        /// </summary>
        private static IOneHotNetwork? AsOneHot(ILstmNetwork network, Sequence sequence)
        {
            if (network is not IOneHotNetwork oneHot || !sequence.IsOneHot)
            {
                return null;
            }

            if (sequence.InputSize != network.InputCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The sequence has {sequence.InputSize} inputs, the network {network.Name} {network.InputCount}."), nameof(sequence));
            }

            return oneHot;
        }

        /// <summary>Step t's slot of <paramref name="outputs"/> if the step has a target, else none (its outputs are not computed).</summary>
        private static Span<double> OutputSlot(Sequence sequence, Span<double> outputs, int t, int stride) =>
            sequence.HasTarget[t] ? outputs.Slice(t * stride, sequence.OutputSize) : Span<double>.Empty;

        internal static bool IsFinite(ReadOnlySpan<double> values)
        {
            foreach (var value in values)
            {
                if (!double.IsFinite(value))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>One test sequence: the forward pass only, from a reset state (outputs at the target steps, as in training).</summary>
        public static SequenceJudgement Test(ILstmNetwork network, ISequenceTask task, Sequence sequence, ref double[] outputs)
        {
            var buffer = Buffer(sequence, ref outputs);
            TestSteps(network, sequence, buffer);
            return task.Judge(sequence, buffer);
        }

        /// <summary>
        /// Reset and a forward step per element: a test sequence as every trial presents it (outputs as in <see cref="TrainSteps"/>);
        /// without <paramref name="reset"/> the sequence continues the state the previous one left (a continual stream).
        /// </summary>
        public static void TestSteps(ILstmNetwork network, Sequence sequence, Span<double> outputs, bool reset = true)
        {
            if (reset)
            {
                network.Reset();
            }

            if (AsOneHot(network, sequence) is { } oneHot)
            {
                for (var t = 0; t < sequence.Length; t++)
                {
                    oneHot.Step(sequence.ActiveInput(t), OutputSlot(sequence, outputs, t, sequence.OutputSize));
                }
            }
            else
            {
                for (var t = 0; t < sequence.Length; t++)
                {
                    network.Step(sequence.Input(t), OutputSlot(sequence, outputs, t, sequence.OutputSize));
                }
            }
        }

        /// <summary>The first Length × OutputSize values of <paramref name="outputs"/>, grown (doubling) when too short.</summary>
        internal static Span<double> Buffer(Sequence sequence, ref double[] outputs)
        {
            var needed = sequence.Length * sequence.OutputSize;
            if (outputs.Length < needed)
            {
                outputs = new double[Math.Max(needed, outputs.Length * 2)];
            }

            return outputs.AsSpan(0, needed);
        }
    }
}
