using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A trial under way (<see cref="ExperimentRow.Start"/>): its network, set up from the trial's seed, and the work it
    /// still asks for. A driver presents each <see cref="SequenceWork"/> of <see cref="Work"/> to <see cref="Network"/>
    /// (or to the lane behind it); once <see cref="Work"/> ends, <see cref="Finish"/> gives the trial's result.
    /// </summary>
    public sealed class RunningTrial
    {
        private readonly TrialOutcome _outcome;
        private readonly string _row;
        private readonly RunRecord _run;

        /// <param name="run">What the run records in every trial's line: its base seed, cap and settings.</param>
        internal RunningTrial(string row, int trial, ulong seed, ILstmNetwork network, IEnumerable<SequenceWork> work, TrialOutcome outcome, RunRecord run)
        {
            _row = row;
            _run = run;
            Trial = trial;
            Seed = seed;
            Network = network;
            Work = work.GetEnumerator();
            _outcome = outcome;
        }

        public int Trial { get; }

        public ulong Seed { get; }

        /// <summary>The trial's network: a scalar network, or a <see cref="LaneView"/> of its lane.</summary>
        public ILstmNetwork Network { get; }

        /// <summary>The work the trial asks for, one sequence at a time; its end is the trial's end.</summary>
        public IEnumerator<SequenceWork> Work { get; private set; }

        /// <summary>
        /// Puts <paramref name="wrap"/>'s enumerator in place of <see cref="Work"/>, before the first sequence: a benchmark
        /// (<c>lstmgen bench --tasks</c>) watches the verdicts a trial reads back, or hands it those of an earlier run.
        /// </summary>
        internal void WrapWork(Func<IEnumerator<SequenceWork>, IEnumerator<SequenceWork>> wrap) => Work = wrap(Work);

        /// <summary>The trial's result, once <see cref="Work"/> has ended, with the thread time it used (<see cref="TrialClock"/>).</summary>
        public TrialResult Finish()
        {
            Work.Dispose();
            var result = _outcome.Result ?? throw new InvalidOperationException("Trial " + Trial + " of row " + _row + " has not finished.");
            // The trial reports the time of earlier sessions of a resumed trial (0 otherwise); this session's is added here.
            return result with
            {
                Row = _row,
                Trial = Trial,
                Seed = Seed,
                WallSeconds = result.WallSeconds + _outcome.Clock.Seconds,
                BaseSeed = _run.BaseSeed,
                MaxSequences = _run.MaxSequences,
                Settings = _run.Settings,
            };
        }
    }

    /// <summary>What a run records in each of its trials' results lines (<see cref="TrialResult.BaseSeed"/>,
    /// <see cref="TrialResult.MaxSequences"/>, <see cref="TrialResult.Settings"/>), so that no summary mixes runs.</summary>
    internal sealed record RunRecord(ulong? BaseSeed, long MaxSequences, string Settings);

    /// <summary>What a trial's iterator shares with its driver: the clock it reads (for its checkpoints) and where it
    /// leaves its result (an iterator returns nothing else).</summary>
    public sealed class TrialOutcome(TrialClock clock)
    {
        /// <summary>The trial's thread time (<see cref="TrialClock"/>).</summary>
        public TrialClock Clock { get; } = clock;

        public TrialResult? Result { get; set; }
    }
}
