using System;
using LstmGen.Experiments.Tasks;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// One sequence a trial asks for: presented to the trial's network (trained on, or tested: the forward pass only)
    /// and judged by the task. A trial is written as an iterator of these (<see cref="ExperimentRow"/>): it yields the
    /// work, and when it resumes, <see cref="Judgement"/> holds the verdict. Who presents the sequence is not its
    /// concern: a scalar network one sequence after another (<see cref="SequenceRunner.Drive"/>), or one lane of a lane
    /// network stepped together with other trials (<see cref="LaneScheduler"/>), bit for bit the same.
    /// </summary>
    /// <remarks>A trial reuses one instance for all its work: asking allocates nothing.</remarks>
    public sealed class SequenceWork
    {
        /// <summary>The task that judges the outputs.</summary>
        public ISequenceTask Task { get; private set; } = null!;

        /// <summary>The sequence to present.</summary>
        public Sequence Sequence { get; private set; } = null!;

        /// <summary>Whether the network learns from it (a training sequence, §5: reset, learning steps, EndSequence);
        /// else it runs forward only from a reset state (a test sequence).</summary>
        public bool Learn { get; private set; }

        /// <summary>
        /// Whether the sequence continues the network's state where the previous one left it (no reset before it): the
        /// strings of a continual stream (Gers, Schmidhuber &amp; Cummins 2000), which the network must learn to reset itself.
        /// </summary>
        public bool ContinueState { get; private set; }

        /// <summary>
        /// Weights (layout order) the learning must leave at zero: the driver sets them to zero after every change it makes
        /// to them (<see cref="HeldWeights"/>; sequential construction's hidden cells). Empty: none. A lane network cannot
        /// hold weights of one lane, so a row that asks for this runs on scalar networks (<see cref="ExperimentRow.HoldsWeightsAtZero"/>).
        /// </summary>
        public ReadOnlyMemory<int> HeldAtZero { get; private set; }

        /// <summary>A training sequence's number in its trial (1-based), for the message of a <see cref="NumericalException"/>.</summary>
        public long SequenceNumber { get; private set; }

        /// <summary>The task's verdict, once the sequence has been presented.</summary>
        public SequenceJudgement Judgement { get; set; }

        /// <summary>This work, set to train on <paramref name="sequence"/> (the trial's training sequence <paramref name="number"/>).</summary>
        /// <param name="continueState">Whether the network keeps its state from the previous sequence (<see cref="ContinueState"/>).</param>
        /// <param name="heldAtZero">Weights the learning must leave at zero (<see cref="HeldAtZero"/>).</param>
        public SequenceWork Train(ISequenceTask task, Sequence sequence, long number, bool continueState = false, ReadOnlyMemory<int> heldAtZero = default)
        {
            Set(task, sequence, learn: true, continueState);
            SequenceNumber = number;
            HeldAtZero = heldAtZero;
            return this;
        }

        /// <summary>This work, set to test on <paramref name="sequence"/>.</summary>
        /// <param name="continueState">Whether the network keeps its state from the previous sequence (<see cref="ContinueState"/>).</param>
        public SequenceWork Test(ISequenceTask task, Sequence sequence, bool continueState = false)
        {
            Set(task, sequence, learn: false, continueState);
            SequenceNumber = 0;
            HeldAtZero = default;
            return this;
        }

        private void Set(ISequenceTask task, Sequence sequence, bool learn, bool continueState)
        {
            ContinueState = continueState;
            Task = task;
            Sequence = sequence;
            Learn = learn;
            Judgement = default;
        }
    }
}
