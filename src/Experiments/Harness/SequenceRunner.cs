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
        public static SequenceJudgement Train(ILstmNetwork network, ISequenceTask task, Sequence sequence, ref double[] outputs)
        {
            var buffer = Buffer(sequence, ref outputs);
            network.Reset();
            for (var t = 0; t < sequence.Length; t++)
            {
                network.TrainStep(sequence.Input(t), sequence.Target(t), buffer.Slice(t * sequence.OutputSize, sequence.OutputSize));
            }

            network.EndSequence();
            return task.Judge(sequence, buffer);
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
