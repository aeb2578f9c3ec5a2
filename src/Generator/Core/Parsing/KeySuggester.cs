using System;
using System.Collections.Generic;

namespace LstmGen.Generator.Parsing
{
    /// <summary>Finds the valid key closest to a misspelt one, for "did you mean" hints.</summary>
    internal static class KeySuggester
    {
        public static string? Closest(string key, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }

                var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                }
            }

            // Only suggest what is plausibly a typo, not an unrelated word.
            return best != null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
        }

        /// <summary>Levenshtein distance (insertions, deletions and substitutions cost 1).</summary>
        private static int Distance(string a, string b)
        {
            if (a.Length > 64 || b.Length > 64)
            {
                return int.MaxValue;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
