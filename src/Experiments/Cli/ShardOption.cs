using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Sharding;

namespace LstmGen.Experiments.Cli
{
    /// <summary>The <c>--shard I/N</c> option of <c>run</c> and <c>reproduce</c> (docs/cluster.md).</summary>
    public static class ShardOption
    {
        public static Option<string?> Create(string description)
        {
            var option = new Option<string?>("--shard") { Description = description, HelpName = "I/N" };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<string?>() is { } text && ShardSpec.TryParse(text, out var error) is null)
                {
                    r.AddError(error);
                }
            });
            return option;
        }

        /// <summary>The shard asked for, or null (the option was validated while parsing).</summary>
        public static ShardSpec? Value(ParseResult parseResult, Option<string?> option) =>
            parseResult.GetValue(option) is { } text ? ShardSpec.TryParse(text, out _) : null;

        /// <summary>
        /// Plans <c>lstmgen run &lt;row&gt; --shard I/N</c>, claims the folder of <paramref name="resultsPath"/> for the shard
        /// (<see cref="ShardFolder"/>) and returns the trials that are its share.
        /// </summary>
        public static IReadOnlyList<int> ClaimRow(ExperimentRow row, int trials, ulong seed, RunOptions options, string? specPath, ShardSpec shard, string resultsPath)
        {
            var plan = ShardedRuns.RowPlan(row, trials, options, specPath, shard.Count);
            Claim(Path.GetDirectoryName(Path.GetFullPath(resultsPath)) ?? ".", plan, ShardManifest.For(plan, shard.Index, ShardedRuns.RunCommand, seed));
            return plan.TrialsOf(shard.Index, row.Id);
        }

        /// <summary><see cref="ShardFolder.Claim"/>, its refusals as usage errors.</summary>
        public static void Claim(string directory, ShardPlan plan, ShardManifest manifest)
        {
            try
            {
                ShardFolder.Claim(directory, plan, manifest);
            }
            catch (ShardException e)
            {
                throw CliException.Usage(e.Message);
            }
        }
    }
}
