using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>
    /// A shard's results folder: its <see cref="ShardManifest"/>, its results files and (for <c>reproduce</c>) its
    /// checkpoints and log. A shard resumes like a whole run, so the folder of a shard that stopped is reused; but a folder
    /// never mixes two shards, two runs or unsharded results, because merging them could not tell whose trials are whose.
    /// </summary>
    public static class ShardFolder
    {
        /// <summary>
        /// Makes <paramref name="directory"/> the results folder of <paramref name="manifest"/>'s shard: writes the manifest
        /// into a new or empty folder, or checks that the one there is the same shard of the same run.
        /// </summary>
        /// <param name="directory">The shard's results folder.</param>
        /// <param name="plan">The run's plan, whose rows (the paper's, or a row file's) judge the versions of trials found.</param>
        /// <param name="manifest">The shard's manifest, made from <paramref name="plan"/>.</param>
        /// <exception cref="ShardException">The folder belongs to another shard or run, or holds results that are no shard's.</exception>
        public static void Claim(string directory, ShardPlan plan, ShardManifest manifest)
        {
            ArgumentNullException.ThrowIfNull(plan);
            ArgumentNullException.ThrowIfNull(manifest);
            var existing = ShardManifest.Read(directory);
            if (existing is null)
            {
                if (HoldsResults(directory))
                {
                    throw new ShardException(directory + " holds results files but no " + ShardManifest.FileName + ": give each shard a results folder of its own");
                }

                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, ShardManifest.FileName);
                var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                File.WriteAllText(temporary, manifest.ToJson(), new UTF8Encoding(false));
                File.Move(temporary, path, overwrite: true);
                return;
            }

            if (existing.RunDifference(manifest) is { } difference)
            {
                throw new ShardException(directory + " is the folder of a shard of another run (" + difference + "): give this shard a folder of its own");
            }

            if (existing.Shard != manifest.Shard)
            {
                throw new ShardException(directory + " is the folder of shard " + existing.Shard + ", not " + manifest.Shard + ": give each shard a folder of its own");
            }

            if (existing.Trials.Select(t => plan.Rows.First(r => r.Row.Id == t.Row).Row).FirstOrDefault(r => !ResultsVersions.GivesSameResults(existing.Version, r)) is { } changed)
            {
                throw new ShardException(directory + " holds a shard run by LstmGen " + existing.Version + "; this is LstmGen " + LstmGen.Generator.LstmGenVersion.Value +
                    ", which computes other results" + ResultsVersions.Reason(existing.Version, changed) + ": run every shard with one version (or move the folder away and start the shard afresh)");
            }

            if (!existing.Trials.SequenceEqual(manifest.Trials))
            {
                throw new ShardException(directory + " holds a shard planned by LstmGen " + existing.Version + " with other row costs, so its trials are not this build's share: run every shard with the same build");
            }
        }

        /// <summary>Whether <paramref name="directory"/> holds results files (<c>*.jsonl</c> other than the reproduction log).</summary>
        public static bool HoldsResults(string directory) =>
            Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.jsonl").Any(f => Path.GetFileName(f) != ReproductionLog.FileName);
    }
}
