using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// One of the paper's experiments as a source of sequences and a judge of the network's outputs (extraction §3).
    /// </summary>
    /// <remarks>
    /// A harness runs one sequence like this:
    /// <code>
    /// var s = task.Next(random);
    /// var y = s.NewOutputBuffer();
    /// network.Reset();
    /// for (var t = 0; t &lt; s.Length; t++)
    ///     network.TrainStep(s.Input(t), s.Target(t), y.AsSpan(t * s.OutputSize, s.OutputSize));
    /// network.EndSequence();
    /// var judgement = task.Judge(s, y);
    /// </code>
    /// All randomness comes from the <see cref="SeededRandom"/> handed in, so a seed names a data stream exactly.
    /// </remarks>
    public interface ISequenceTask
    {
        /// <summary>The paper's task id: "1", "2a", "2b", "2c", "3a", "3b", "3c", "4", "5", "6a", "6b".</summary>
        string Name { get; }

        /// <summary>Number of input units the task's sequences need (Table 10 "in").</summary>
        int InputSize { get; }

        /// <summary>Number of output units the task's targets need (Table 10 "out").</summary>
        int OutputSize { get; }

        /// <summary>Draws one sequence; the result depends only on the state of <paramref name="random"/>.</summary>
        Sequence Next(SeededRandom random);

        /// <summary>
        /// Judges the network's outputs on <paramref name="sequence"/> by the paper's success criterion for this task.
        /// </summary>
        /// <param name="sequence">A sequence drawn from this task.</param>
        /// <param name="outputs">The outputs, step-major: <c>Length * OutputSize</c> values. Only the steps with a target
        /// are defined (the trials do not compute the outputs of the others, <see cref="Harness.SequenceRunner.TrainSteps"/>):
        /// a judge must read no other slot.</param>
        SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs);

        /// <summary>A short human-readable rendering of the sequence (symbols, class, marked values) for traces.</summary>
        string Describe(Sequence sequence);
    }
}
