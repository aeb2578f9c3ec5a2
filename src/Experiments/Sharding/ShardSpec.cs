using System;
using System.Globalization;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>
    /// Shard <see cref="Index"/> of <see cref="Count"/> (written <c>I/N</c> on the command line, <c>0 &lt;= I &lt; N</c>): one
    /// of N disjoint shares of a run's work items (<see cref="ShardPlan"/>), so that N machines, array tasks or pods
    /// together run every trial once.
    /// </summary>
    public readonly record struct ShardSpec(int Index, int Count)
    {
        /// <summary>The most shards a run may be split into (Slurm's default MaxArraySize is 1001; Kubernetes allows 100,000 completions).</summary>
        public const int MaxCount = 100_000;

        /// <summary>How the option's value looks, for help and error messages.</summary>
        public const string Syntax = "I/N with 0 <= I < N, e.g. 0/4";

        /// <summary>Parses <c>I/N</c>; null (with <paramref name="error"/> set) when the text is not a valid shard.</summary>
        public static ShardSpec? TryParse(string text, out string error)
        {
            ArgumentNullException.ThrowIfNull(text);
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0
                && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count is >= 1 and <= MaxCount
                && index < count)
            {
                error = string.Empty;
                return new ShardSpec(index, count);
            }

            error = "--shard must be " + Syntax + " (N at most " + MaxCount.ToString("N0", CultureInfo.InvariantCulture) + "), got '" + text + "'";
            return null;
        }

        /// <summary>The folder name a shard writes to unless told otherwise: <c>shard-I-of-N</c>.</summary>
        public string FolderName => string.Create(CultureInfo.InvariantCulture, $"shard-{Index}-of-{Count}");

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
    }
}
