using System;
using System.Collections.Generic;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>A network's figures on a set of test sequences (forward pass only).</summary>
    /// <param name="Size">Number of sequences.</param>
    /// <param name="Wrong">Sequences the task judged wrong (misclassified / wrongly predicted).</param>
    /// <param name="Mse">Mean over sequences of Σ (t − y)² at the judged steps.</param>
    /// <param name="MeanEndAbsError">Mean over sequences of the largest absolute output error at the sequence end.</param>
    /// <param name="MeanEndCleanAbsError">As <paramref name="MeanEndAbsError"/>, against the noise-free targets (Exp 3c).</param>
    public readonly record struct TestSetEvaluation(int Size, int Wrong, double Mse, double MeanEndAbsError, double MeanEndCleanAbsError)
    {
        public static TestSetEvaluation Run(ILstmNetwork network, ISequenceTask task, IEnumerable<Sequence> sequences)
        {
            var outputs = Array.Empty<double>();
            int size = 0, wrong = 0;
            double squared = 0, abs = 0, clean = 0;
            foreach (var sequence in sequences)
            {
                var judgement = SequenceRunner.Test(network, task, sequence, ref outputs);
                size++;
                wrong += judgement.Correct ? 0 : 1;
                squared += judgement.SquaredError;
                abs += judgement.EndAbsError;
                clean += judgement.EndCleanAbsError;
            }

            return size == 0 ? default : new TestSetEvaluation(size, wrong, squared / size, abs / size, clean / size);
        }

        /// <summary>Draws <paramref name="count"/> fresh sequences of <paramref name="task"/> and evaluates them.</summary>
        public static TestSetEvaluation Fresh(ILstmNetwork network, ISequenceTask task, int count, SeededRandom random)
        {
            return Run(network, task, Draw(task, count, random));
        }

        private static IEnumerable<Sequence> Draw(ISequenceTask task, int count, SeededRandom random)
        {
            for (var i = 0; i < count; i++)
            {
                yield return task.Next(random);
            }
        }
    }
}
