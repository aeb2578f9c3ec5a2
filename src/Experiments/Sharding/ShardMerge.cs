using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>A row of a merge: its results lines, copied unchanged from the shards, in trial order.</summary>
    public sealed record MergedRow(string Row, IReadOnlyList<string> Lines);

    /// <summary>What the shard folders hold together (see <see cref="ShardMerge.Merge"/>).</summary>
    /// <param name="Manifest">The manifest of the lowest shard (all agree on the run).</param>
    /// <param name="Plan">The run's plan, recomputed from it.</param>
    /// <param name="Rows">The rows with at least one trial, in plan order.</param>
    /// <param name="Missing">The plan's trials that no folder holds, row by row, trial by trial.</param>
    /// <param name="Log">The folders' reproduction logs, in order of their start.</param>
    /// <param name="Running">The folders in which a run is still going (a fresh heartbeat), with that run: the trials it
    /// finishes after the merge are not in it.</param>
    public sealed record MergeResult(ShardManifest Manifest, ShardPlan Plan, IReadOnlyList<MergedRow> Rows, IReadOnlyList<WorkItem> Missing, IReadOnlyList<ReproductionRun> Log, IReadOnlyList<(string Folder, ReproductionRun Run)> Running)
    {
        /// <summary>The trials of the whole run.</summary>
        public int Expected => Plan.Rows.Sum(r => r.Trials);

        /// <summary>The trials found.</summary>
        public int Found => Rows.Sum(r => r.Lines.Count);

        /// <summary>The shards some of whose trials are missing, in increasing order: the ones to run again.</summary>
        public IReadOnlyList<int> IncompleteShards => Missing.Select(m => Plan.ShardOf(m.Row, m.Trial)).Distinct().Order().ToList();
    }

    /// <summary>
    /// Merges the results folders of a sharded run: checks that they are shards of one run (command, rows, trial counts,
    /// caps, settings, base seed, N) planned alike, that every trial has its seed and a version that computes this version's
    /// bits, and that a trial found twice (a shard run twice, a folder copied) has the same results both times, apart from
    /// its wall time and version; then gathers each row's lines in trial order, the order of a run on one thread, and lists
    /// the trials no folder holds.
    /// </summary>
    public static class ShardMerge
    {
        /// <summary>Merges <paramref name="folders"/> (existing directories), planning with <paramref name="costs"/>.</summary>
        /// <exception cref="ShardException">The folders are not shards of one run, or disagree about a trial.</exception>
        public static MergeResult Merge(IReadOnlyList<string> folders, CostModel costs)
        {
            ArgumentNullException.ThrowIfNull(folders);
            ArgumentNullException.ThrowIfNull(costs);
            if (folders.Count == 0)
            {
                throw new ShardException("no shard folders to merge");
            }

            var shards = folders
                .Select(f => (Folder: f, Manifest: ShardManifest.Read(f) ?? throw new ShardException(f + " is not a shard's results folder (it has no " + ShardManifest.FileName + "); shards are run with --shard I/N")))
                .OrderBy(s => s.Manifest.Shard.Index).ThenBy(s => s.Folder, StringComparer.Ordinal)
                .ToList();
            var (firstFolder, manifest) = shards[0];
            var plan = manifest.Plan(costs);
            var rows = plan.Rows.ToDictionary(r => r.Row.Id, StringComparer.Ordinal);
            foreach (var (folder, other) in shards)
            {
                if (manifest.RunDifference(other) is { } difference)
                {
                    throw new ShardException(firstFolder + " and " + folder + " are shards of different runs (" + difference + ")");
                }

                if (other.Trials.Select(t => rows[t.Row].Row).FirstOrDefault(r => !ResultsVersions.GivesSameResults(other.Version, r)) is { } changed)
                {
                    throw new ShardException(folder + " holds a shard run by LstmGen " + other.Version + ", whose results differ from this version's (" + LstmGen.Generator.LstmGenVersion.Value + ")" + ResultsVersions.Reason(other.Version, changed) + ": merge with the version that ran the shards");
                }

                if (!other.Trials.SequenceEqual(plan.ItemsOf(other.Shard.Index).Select(i => (i.Row, i.Trial))))
                {
                    throw new ShardException(folder + " holds shard " + other.Shard + " as planned by LstmGen " + other.Version + ", whose row costs split the run otherwise than this build's: merge with the build that ran the shards");
                }
            }

            var found = new Dictionary<(string Row, int Trial), (string Line, TrialResult Result, string File)>();
            foreach (var (folder, _) in shards)
            {
                foreach (var file in Directory.GetFiles(folder, "*.jsonl").Where(f => Path.GetFileName(f) != ReproductionLog.FileName).Order(StringComparer.Ordinal))
                {
                    foreach (var (line, result) in Read(file))
                    {
                        Check(file, result, rows, manifest.Seed);
                        if (!found.TryGetValue((result.Row, result.Trial), out var earlier))
                        {
                            found[(result.Row, result.Trial)] = (line, result, file);
                        }
                        else if (Contents(earlier.Result) != Contents(result))
                        {
                            throw new ShardException(string.Create(CultureInfo.InvariantCulture,
                                $"trial {result.Trial} of row {result.Row} is in {earlier.File} and in {file} with different results ({Difference(earlier.Result, result)}): the two runs of it disagree; remove the wrong one"));
                        }
                    }
                }
            }

            var merged = plan.Rows
                .Select(r => new MergedRow(r.Row.Id, found.Where(f => f.Key.Row == r.Row.Id).OrderBy(f => f.Key.Trial).Select(f => f.Value.Line).ToList()))
                .Where(r => r.Lines.Count > 0)
                .ToList();
            var missing = plan.AllItems.Where(i => !found.ContainsKey((i.Row, i.Trial))).ToList();
            // A run still going (a fresh heartbeat) must not become a permanent line of the merged log: stale ones only.
            var now = DateTimeOffset.UtcNow;
            var log = shards.SelectMany(s => ReproductionLog.Read(s.Folder, now, HeartbeatRuns.Stale)).OrderBy(r => r.Started).ToList();
            var running = shards.SelectMany(s => ReproductionLog.Running(s.Folder, now).Select(r => (s.Folder, r))).ToList();
            return new MergeResult(manifest, plan, merged, missing, log, running);
        }

        private static List<(string Line, TrialResult Result)> Read(string file)
        {
            try
            {
                return ResultsFile.ReadLines(file);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
            {
                throw new ShardException(file + " holds a line that is not a trial's result: " + e.Message, e);
            }
        }

        private static void Check(string file, TrialResult result, Dictionary<string, PlannedRow> rows, ulong baseSeed)
        {
            if (!rows.TryGetValue(result.Row, out var planned))
            {
                throw new ShardException(file + " holds trials of row " + result.Row + ", which is not in the shards' run");
            }

            if (result.Trial < 0 || result.Trial >= planned.Trials)
            {
                throw new ShardException(string.Create(CultureInfo.InvariantCulture, $"{file} holds trial {result.Trial} of row {result.Row}, but the run has trials 0 to {planned.Trials - 1}"));
            }

            if (result.Seed != TrialSeeds.For(result.Row, result.Trial, baseSeed))
            {
                throw new ShardException(string.Create(CultureInfo.InvariantCulture, $"{file} holds trial {result.Trial} of row {result.Row} with seed {result.Seed}, not the seed of base seed {baseSeed}"));
            }

            if (!ResultsVersions.GivesSameResults(result.Version, planned.Row))
            {
                throw new ShardException(string.Create(CultureInfo.InvariantCulture, $"{file} holds trial {result.Trial} of row {result.Row} run by LstmGen {result.Version}, whose results differ from this version's ({LstmGen.Generator.LstmGenVersion.Value}){ResultsVersions.Reason(result.Version, planned.Row)}"));
            }
        }

        /// <summary>A trial's line without what may differ between two runs of it: its wall time and the version's name.</summary>
        private static string Contents(TrialResult result) => ResultsFile.Format(result with { WallSeconds = 0, Version = string.Empty });

        /// <summary>The first field in which two runs of a trial differ, for the error message.</summary>
        private static string Difference(TrialResult a, TrialResult b)
        {
            if (a.Success != b.Success)
            {
                return "success " + (a.Success ? "true" : "false") + " and " + (b.Success ? "true" : "false");
            }

            if (a.Sequences != b.Sequences)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{a.Sequences} and {b.Sequences} sequences");
            }

            return a.TestWrong != b.TestWrong
                ? string.Create(CultureInfo.InvariantCulture, $"{a.TestWrong} and {b.TestWrong} test sequences wrong")
                : "test errors or learning curves";
        }
    }
}
