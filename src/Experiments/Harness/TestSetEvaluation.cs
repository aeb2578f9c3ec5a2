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
            var tally = new TestTally();
            SequenceRunner.Drive(network, Work(new SequenceWork(), task, sequences, tally).GetEnumerator());
            return tally.Evaluation;
        }

        /// <summary>Draws <paramref name="count"/> fresh sequences of <paramref name="task"/> and evaluates them.</summary>
        public static TestSetEvaluation Fresh(ILstmNetwork network, ISequenceTask task, int count, SeededRandom random)
        {
            return Run(network, task, Draw(task, count, random));
        }

        /// <summary>
        /// A trial's test (<see cref="ExperimentRow"/>): asks for each of <paramref name="sequences"/> as a test through
        /// <paramref name="work"/> and adds its verdict to <paramref name="tally"/>.
        /// </summary>
        public static IEnumerable<SequenceWork> Work(SequenceWork work, ISequenceTask task, IEnumerable<Sequence> sequences, TestTally tally)
        {
            ArgumentNullException.ThrowIfNull(work);
            ArgumentNullException.ThrowIfNull(tally);
            foreach (var sequence in sequences)
            {
                yield return work.Test(task, sequence);
                tally.Add(work.Judgement);
            }
        }

        /// <summary><see cref="Work"/> on <paramref name="count"/> fresh sequences of <paramref name="task"/>, drawn one by one as they are asked for.</summary>
        public static IEnumerable<SequenceWork> FreshWork(SequenceWork work, ISequenceTask task, int count, SeededRandom random, TestTally tally) =>
            Work(work, task, Draw(task, count, random), tally);

        private static IEnumerable<Sequence> Draw(ISequenceTask task, int count, SeededRandom random)
        {
            for (var i = 0; i < count; i++)
            {
                yield return task.Next(random);
            }
        }
    }

    /// <summary>The sums of a test's verdicts, in the order they come (<see cref="TestSetEvaluation.Work"/>).</summary>
    public sealed class TestTally
    {
        private int _size;
        private int _wrong;
        private double _squared;
        private double _abs;
        private double _clean;

        public void Add(in SequenceJudgement judgement)
        {
            _size++;
            _wrong += judgement.Correct ? 0 : 1;
            _squared += judgement.SquaredError;
            _abs += judgement.EndAbsError;
            _clean += judgement.EndCleanAbsError;
        }

        /// <summary>The figures so far (default when no sequence has been judged).</summary>
        public TestSetEvaluation Evaluation =>
            _size == 0 ? default : new TestSetEvaluation(_size, _wrong, _squared / _size, _abs / _size, _clean / _size);
    }
}
