using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Sharding;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen merge</c>: joins the results folders of a sharded run (<c>run</c> or <c>reproduce</c> with <c>--shard I/N</c>)
    /// into one results folder that <c>lstmgen report</c> reads and that equals the folder of the same run unsharded (one
    /// thread), apart from the trials' wall times. Exit codes: 0 every trial merged; 1 trials missing (the others are
    /// merged, the missing ones listed by row, trial and shard); 2 the folders are not shards of one run or disagree about
    /// a trial (nothing written); 4 a folder or file cannot be read or written. A folder in which a run is still going (a fresh
    /// heartbeat) is named in a warning on stderr: what it finishes after the merge is not in it.
    /// </summary>
    public static class MergeCommand
    {
        /// <summary>The file that marks a folder as a merge's output, so that a merge never overwrites results of another kind.</summary>
        public const string MarkerFileName = "merged.json";

        public static Command Create(CliConsole console)
        {
            var folders = new Argument<string[]>("folders") { Description = "The shards' results folders (each holds a shard.json).", Arity = ArgumentArity.ZeroOrMore };
            var from = new Option<string[]>("--from") { Description = "Also every folder directly under this one that holds a shard.json (no shell glob needed).", HelpName = "dir", Arity = ArgumentArity.ZeroOrMore };
            var into = new Option<string?>("--into") { Description = "The merged results folder (new, or written by an earlier merge).", HelpName = "dir" };
            var pending = new Option<bool>("--pending") { Description = "Write nothing; print the indices of the shards with trials missing, comma-separated (empty when none), e.g. for 'sbatch --array'." };
            var command = new Command("merge", "Merge the results folders of a sharded run into one that 'lstmgen report' reads; list missing trials by row, trial and shard (exit 1 while any are missing).")
            {
                folders, from, into, pending,
            };
            command.WithExamples(
                "lstmgen merge results/quick/shard-0-of-2 results/quick/shard-1-of-2 --into results/quick/merged",
                "lstmgen merge --from /scratch/lstmgen --into /scratch/lstmgen/merged && lstmgen report --results-dir /scratch/lstmgen/merged",
                "lstmgen merge --from /scratch/lstmgen --pending        # e.g. 3,17: the shards to run again");
            command.SetAction(parseResult =>
            {
                var isPending = parseResult.GetValue(pending);
                var target = parseResult.GetValue(into);
                if (target is null && !isPending)
                {
                    throw CliException.Usage("merge needs --into <dir> (or --pending)");
                }

                var all = Folders(parseResult.GetValue(folders) ?? Array.Empty<string>(), parseResult.GetValue(from) ?? Array.Empty<string>(), target);
                MergeResult result;
                try
                {
                    result = ShardMerge.Merge(all, CostModel.Measured);
                }
                catch (ShardException e)
                {
                    throw CliException.Usage(e.Message);
                }

                foreach (var (folder, run) in result.Running)
                {
                    // On stderr: --pending's stdout is read by scripts. A shard still going lists as pending while its trials are missing.
                    console.Error.WriteLine("lstmgen: warning: a run is still going in " + folder + " (started " +
                        run.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC, its heartbeat is fresh): the trials it finishes from now on are not in this merge; merge again when it ends");
                }

                if (isPending)
                {
                    console.Out.WriteLine(string.Join(",", result.IncompleteShards.Select(i => i.ToString(CultureInfo.InvariantCulture))));
                    return ExitCodes.Ok;
                }

                Write(target!, all, result);
                if (result.Missing.Count == 0)
                {
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"merged {result.Found} trials of {result.Rows.Count} rows from {all.Count} shard folders into {target}"));
                    return ExitCodes.Ok;
                }

                foreach (var group in result.Missing.GroupBy(m => (m.Row, Shard: result.Plan.ShardOf(m.Row, m.Trial))))
                {
                    console.Out.WriteLine("missing: row " + group.Key.Row + ", trial" + (group.Count() == 1 ? " " : "s ") +
                        string.Join(", ", group.Select(m => m.Trial.ToString(CultureInfo.InvariantCulture))) + " (shard " + new ShardSpec(group.Key.Shard, result.Plan.Count) + ")");
                }

                var shards = result.IncompleteShards;
                throw new CliException(ExitCodes.RunFailure, string.Create(CultureInfo.InvariantCulture,
                    $"{result.Missing.Count} of {result.Expected} trials are missing (listed above), from shard{(shards.Count == 1 ? string.Empty : "s")} {string.Join(", ", shards)} of {result.Plan.Count}; the other {result.Found} are merged into {target}: run {(shards.Count == 1 ? "that shard" : "those shards")} again (it resumes), then merge again"));
            });
            return command;
        }

        /// <summary>The folders named and those found under <c>--from</c>, each once; never the merge's own output folder.</summary>
        private static List<string> Folders(IEnumerable<string> named, IEnumerable<string> parents, string? into)
        {
            var all = new List<string>();
            foreach (var folder in named)
            {
                if (!Directory.Exists(folder))
                {
                    throw new CliException(ExitCodes.IoError, "no folder '" + folder + "'");
                }

                all.Add(folder);
            }

            foreach (var parent in parents)
            {
                if (!Directory.Exists(parent))
                {
                    throw new CliException(ExitCodes.IoError, "no folder '" + parent + "'");
                }

                all.AddRange(Directory.GetDirectories(parent).Where(d => File.Exists(Path.Combine(d, ShardManifest.FileName))).Order(StringComparer.Ordinal));
            }

            all = all.DistinctBy(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)).ToList();
            if (into is not null && all.Any(f => SamePath(f, into)))
            {
                throw CliException.Usage("--into " + into + " is one of the shard folders: merge into a folder of its own");
            }

            if (all.Count == 0)
            {
                throw CliException.Usage("no shard folders to merge: name them, or give --from <dir> holding them");
            }

            return all;
        }

        /// <summary>
        /// Writes the merge into <paramref name="into"/>: the marker first (so an interrupted merge is finished by the next),
        /// then one results file per row with trials, the rows' lines in trial order, and the shards' reproduction logs.
        /// </summary>
        private static void Write(string into, IReadOnlyList<string> folders, MergeResult result)
        {
            var marker = Path.Combine(into, MarkerFileName);
            if (Directory.Exists(into) && !File.Exists(marker) && Directory.EnumerateFileSystemEntries(into).Any())
            {
                throw CliException.Usage(into + " holds files that no merge wrote: merge into a new or empty folder");
            }

            try
            {
                Directory.CreateDirectory(into);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.IoError, "cannot create '" + into + "': " + e.Message, e);
            }

            CliFiles.Write(marker, Marker(folders, result));
            foreach (var row in result.Plan.Rows)
            {
                var path = Path.Combine(into, row.Row.Id + ".jsonl");
                var merged = result.Rows.FirstOrDefault(r => r.Row == row.Row.Id);
                if (merged is not null)
                {
                    CliFiles.Write(path, string.Concat(merged.Lines.Select(l => l + "\n")));
                }
                else if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }

            var log = Path.Combine(into, ReproductionLog.FileName);
            if (File.Exists(log))
            {
                File.Delete(log);
            }

            foreach (var run in result.Log)
            {
                ReproductionLog.Append(into, run);
            }
        }

        private static string Marker(IReadOnlyList<string> folders, MergeResult result) => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format", 1);
            w.WriteString("command", result.Manifest.Command);
            w.WriteNumber("shards", result.Plan.Count);
            w.WriteString("seed", result.Manifest.Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("trials", result.Expected);
            w.WriteNumber("merged", result.Found);
            w.WriteString("version", LstmGen.Generator.LstmGenVersion.Value);
            w.WriteStartArray("folders");
            foreach (var folder in folders)
            {
                w.WriteStringValue(Path.GetFullPath(folder));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }) + "\n";

        private static bool SamePath(string a, string b) =>
            string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
    }
}
