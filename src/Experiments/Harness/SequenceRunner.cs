using System;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>Runs a network over a task's sequence, learning or not, and has the task judge the outputs.</summary>
    public static class SequenceRunner
    {
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
            network.Reset();
            for (var t = 0; t < sequence.Length; t++)
            {
                network.TrainStep(sequence.Input(t), sequence.Target(t), buffer.Slice(t * sequence.OutputSize, sequence.OutputSize));
            }

            network.EndSequence();
            if (!IsFinite(buffer))
            {
                throw NumericalException.From(network, sequence.OutputSize, buffer, sequenceNumber);
            }

            return task.Judge(sequence, buffer);
        }

        private static bool IsFinite(ReadOnlySpan<double> values)
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

        /// <summary>One test sequence: the forward pass only, from a reset state.</summary>
        public static SequenceJudgement Test(ILstmNetwork network, ISequenceTask task, Sequence sequence, ref double[] outputs)
        {
            var buffer = Buffer(sequence, ref outputs);
            network.Reset();
            for (var t = 0; t < sequence.Length; t++)
            {
                network.Step(sequence.Input(t), buffer.Slice(t * sequence.OutputSize, sequence.OutputSize));
            }

            return task.Judge(sequence, buffer);
        }

        private static Span<double> Buffer(Sequence sequence, ref double[] outputs)
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
