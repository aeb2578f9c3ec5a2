using System.Text;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The seed of trial i of a row: a function of the run's base seed, the row's id and i only, so that trial i of a
    /// row always gets the same seed, whatever else the run does (how many trials, which threads, resumed or not).
    /// </summary>
    public static class TrialSeeds
    {
        /// <summary>The base seed runs use unless told otherwise (the paper's year and issue).</summary>
        public const ulong DefaultBaseSeed = 19979;

        public static ulong For(string rowId, int trial, ulong baseSeed = DefaultBaseSeed) =>
            SeededRandom.DeriveSeed(baseSeed ^ StableHash(rowId), (ulong)trial);

        /// <summary>FNV-1a over the id's UTF-8 bytes (string.GetHashCode differs between processes).</summary>
        public static ulong StableHash(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return hash;
        }
    }
}
