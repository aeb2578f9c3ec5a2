using System.Diagnostics;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The time of its thread a trial has used since it started in this session: what a results line reports as
    /// <c>wallSeconds</c> (with the earlier sessions of a resumed trial added) and what its checkpoints carry.
    /// </summary>
    /// <remarks>
    /// A trial on a scalar network has its thread to itself, so its time is its wall time (<see cref="Wall"/>). A trial in
    /// a lane network shares its thread with the trials of the other lanes: its time is its share of the lane network's
    /// time, split equally among the lanes busy at each moment (<see cref="LaneScheduler"/>). So the sum over a row's
    /// trials is the thread time the row cost, whichever <c>--lanes</c> ran it, and cost projections stay honest.
    /// </remarks>
    public abstract class TrialClock
    {
        /// <summary>Seconds of thread time since the trial started (this session).</summary>
        public abstract double Seconds { get; }

        /// <summary>A clock that reads the wall time since now: a trial with a thread of its own.</summary>
        public static TrialClock Wall() => new WallClock(Stopwatch.StartNew());

        private sealed class WallClock(Stopwatch watch) : TrialClock
        {
            public override double Seconds => watch.Elapsed.TotalSeconds;
        }
    }
}
