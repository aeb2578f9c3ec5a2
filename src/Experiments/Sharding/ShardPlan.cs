using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>A row as a sharded run runs it: how many trials (0 … Trials − 1), under which cap, with which settings.</summary>
    /// <param name="Row">The row.</param>
    /// <param name="Trials">Its trials are 0 … Trials − 1.</param>
    /// <param name="MaxSequences">The cap every trial runs under.</param>
    /// <param name="Settings">Everything else that shapes the trials' results, in words (<see cref="RunSettings"/>).</param>
    public sealed record PlannedRow(ExperimentRow Row, int Trials, long MaxSequences, string Settings);

    /// <summary>One work item: trial <paramref name="Trial"/> of row <paramref name="Row"/>, expected to take <paramref name="ExpectedSeconds"/> of one core.</summary>
    public readonly record struct WorkItem(string Row, int Trial, double ExpectedSeconds);

    /// <summary>
    /// A deterministic split of a run's trials into N shards, balanced by each trial's expected cost (<see cref="CostModel"/>):
    /// the trials in order of decreasing cost (ties in row order, then trial order) each go to the shard with the least
    /// expected work so far (ties to the lowest index), Graham's longest-processing-time rule, whose busiest shard is within
    /// 4/3 of the best possible. Nothing but the rows, their trial counts and caps and the committed cost table goes in,
    /// so every machine, array task and pod computes the same plan.
    /// </summary>
    public sealed class ShardPlan
    {
        private readonly List<WorkItem>[] _shards;
        private readonly Dictionary<(string Row, int Trial), int> _shardOf = new();

        private ShardPlan(IReadOnlyList<PlannedRow> rows, List<WorkItem>[] shards)
        {
            Rows = rows;
            _shards = shards;
            for (var shard = 0; shard < shards.Length; shard++)
            {
                foreach (var item in shards[shard])
                {
                    _shardOf[(item.Row, item.Trial)] = shard;
                }
            }
        }

        /// <summary>The rows, in the order the plan was made from.</summary>
        public IReadOnlyList<PlannedRow> Rows { get; }

        /// <summary>N, the number of shards.</summary>
        public int Count => _shards.Length;

        /// <summary>Every work item of the run, row by row, trial by trial.</summary>
        public IEnumerable<WorkItem> AllItems => _shards.SelectMany(s => s).OrderBy(i => RowIndex(i.Row)).ThenBy(i => i.Trial);

        /// <summary>Splits the trials of <paramref name="rows"/> into <paramref name="shards"/> shards.</summary>
        public static ShardPlan Create(IReadOnlyList<PlannedRow> rows, int shards, CostModel costs)
        {
            ArgumentNullException.ThrowIfNull(rows);
            ArgumentNullException.ThrowIfNull(costs);
            ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
            var items = new List<WorkItem>();
            foreach (var planned in rows)
            {
                var seconds = costs.ExpectedTrialSeconds(planned.Row, planned.MaxSequences);
                for (var trial = 0; trial < planned.Trials; trial++)
                {
                    items.Add(new WorkItem(planned.Row.Id, trial, seconds));
                }
            }

            var lists = new List<WorkItem>[shards];
            var loads = new PriorityQueue<int, (double Load, int Shard)>(shards);
            for (var shard = 0; shard < shards; shard++)
            {
                lists[shard] = new List<WorkItem>();
                loads.Enqueue(shard, (0.0, shard));
            }

            // OrderByDescending is a stable sort: equal costs keep row order, then trial order.
            foreach (var item in items.OrderByDescending(i => i.ExpectedSeconds))
            {
                loads.TryDequeue(out var least, out var priority);
                lists[least].Add(item);
                loads.Enqueue(least, (priority.Load + item.ExpectedSeconds, least));
            }

            var plan = new ShardPlan(rows, lists);
            foreach (var list in lists)
            {
                list.Sort((a, b) => a.Row == b.Row ? a.Trial.CompareTo(b.Trial) : plan.RowIndex(a.Row).CompareTo(plan.RowIndex(b.Row)));
            }

            return plan;
        }

        /// <summary>The work items of shard <paramref name="shard"/>, row by row (in the plan's row order), trial by trial.</summary>
        public IReadOnlyList<WorkItem> ItemsOf(int shard) => _shards[shard];

        /// <summary>The trials of <paramref name="row"/> that shard <paramref name="shard"/> runs, in increasing order.</summary>
        public IReadOnlyList<int> TrialsOf(int shard, string row) => _shards[shard].Where(i => i.Row == row).Select(i => i.Trial).ToList();

        /// <summary>The shard that runs trial <paramref name="trial"/> of <paramref name="row"/>, or −1 when the plan has no such trial.</summary>
        public int ShardOf(string row, int trial) => _shardOf.TryGetValue((row, trial), out var shard) ? shard : -1;

        /// <summary>The expected CPU seconds of shard <paramref name="shard"/>.</summary>
        public double ExpectedSecondsOf(int shard) => _shards[shard].Sum(i => i.ExpectedSeconds);

        private int RowIndex(string row)
        {
            for (var i = 0; i < Rows.Count; i++)
            {
                if (Rows[i].Row.Id == row)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }
    }
}
