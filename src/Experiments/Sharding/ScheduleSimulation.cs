using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>
    /// Simulated wall times of a run on many cores, for projections (docs/cluster.md): no trial is split, a core runs one
    /// trial at a time, and a trial takes the same time on every core. A simulation, not a measurement.
    /// </summary>
    public static class ScheduleSimulation
    {
        /// <summary>
        /// The wall time of a longest-first list schedule on <paramref name="cores"/> cores: the trials in order of
        /// decreasing duration, each started on the first core to become free.
        /// </summary>
        public static double LongestFirst(IEnumerable<double> durations, int cores)
        {
            ArgumentNullException.ThrowIfNull(durations);
            ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
            var free = new PriorityQueue<int, double>(Enumerable.Range(0, cores).Select(c => (c, 0.0)));
            var end = 0.0;
            foreach (var duration in durations.OrderByDescending(d => d))
            {
                free.TryDequeue(out var core, out var at);
                free.Enqueue(core, at + duration);
                end = Math.Max(end, at + duration);
            }

            return end;
        }

        /// <summary>
        /// The wall time of a run that takes its rows one after another, as <c>reproduce</c> does, each row's trials
        /// scheduled longest first on its own number of slots (cores, or the lanes of one lane network per core: a lane
        /// network holds trials of one row only), the next row starting when the last trial of this one ends.
        /// </summary>
        public static double RowByRow(IEnumerable<(IEnumerable<double> Durations, int Slots)> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            return rows.Sum(row => LongestFirst(row.Durations, row.Slots));
        }

        /// <summary>
        /// The wall time of <paramref name="plan"/>'s shards run at once, one core each, when each trial takes
        /// <paramref name="seconds"/> instead of its expected time: the busiest shard's total.
        /// </summary>
        public static double Shards(ShardPlan plan, Func<WorkItem, double> seconds)
        {
            ArgumentNullException.ThrowIfNull(plan);
            ArgumentNullException.ThrowIfNull(seconds);
            return Enumerable.Range(0, plan.Count).Max(s => plan.ItemsOf(s).Sum(seconds));
        }
    }
}
