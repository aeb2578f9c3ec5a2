using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>The plans of the two commands that shard: <c>lstmgen reproduce</c> and <c>lstmgen run &lt;row&gt;</c>.</summary>
    public static class ShardedRuns
    {
        /// <summary>The <c>command</c> of a reproduction's manifest.</summary>
        public const string ReproduceCommand = "reproduce";

        /// <summary>The <c>command</c> of a single row's manifest.</summary>
        public const string RunCommand = "run";

        /// <summary>
        /// The rows of <c>lstmgen reproduce</c> as it runs them: the paper's trial counts and caps, or the quick look's (2
        /// trials each, <see cref="ExperimentRow.QuickMaxSequences"/>), in catalogue order whatever order they were selected in,
        /// so that <c>--rows 6a,1-5</c> and <c>--rows 1-5,6a</c> are the same run.
        /// </summary>
        public static IReadOnlyList<PlannedRow> Reproduction(IEnumerable<ExperimentRow> selected, bool quick)
        {
            ArgumentNullException.ThrowIfNull(selected);
            var chosen = new HashSet<string>(selected.Select(r => r.Id), StringComparer.Ordinal);
            var settings = RunSettings.Describe(new RunOptions(), specPath: null);
            return PaperRows.All.Where(r => chosen.Contains(r.Id))
                .Select(r => new PlannedRow(r, quick ? Math.Min(2, r.Trials) : r.Trials, quick ? r.QuickMaxSequences : r.DefaultMaxSequences, settings))
                .ToList();
        }

        /// <summary>The plan of <c>lstmgen reproduce --shard I/N</c>.</summary>
        public static ShardPlan ReproductionPlan(IEnumerable<ExperimentRow> selected, bool quick, int shards) =>
            ShardPlan.Create(Reproduction(selected, quick), shards, CostModel.Measured);

        /// <summary>The plan of <c>lstmgen run &lt;row&gt; --shard I/N</c>.</summary>
        public static ShardPlan RowPlan(ExperimentRow row, int trials, RunOptions options, string? specPath, int shards)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(options);
            var planned = new PlannedRow(row, trials, options.MaxSequences ?? row.DefaultMaxSequences, RunSettings.Describe(options, specPath));
            return ShardPlan.Create(new[] { planned }, shards, CostModel.Measured);
        }
    }
}
