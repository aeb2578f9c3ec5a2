using System;
using System.Collections.Generic;

namespace LstmGen.Generator.Parsing
{
    /// <summary>
    /// Words people write for a value of the spec language that spelling alone does not lead to: 'single' for 'float',
    /// 'yes' for 'true', 'local' (the paper's word for one-hot codes, §5.1) for 'one-hot'. Only for "did you mean"
    /// hints: none of them is accepted as a value, so every spec keeps one spelling.
    /// </summary>
    internal static class ValueSynonyms
    {
        private static readonly Dictionary<string, string[]> Table = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            // precision
            ["single"] = new[] { "float" },
            ["float32"] = new[] { "float" },
            ["f32"] = new[] { "float" },
            ["float64"] = new[] { "double" },
            ["f64"] = new[] { "double" },

            // booleans (outputGate), and 'bias', whose 'all' and 'none' are what a yes or no would mean there
            ["yes"] = new[] { "true", "all" },
            ["y"] = new[] { "true", "all" },
            ["on"] = new[] { "true", "all" },
            ["no"] = new[] { "false", "none" },
            ["n"] = new[] { "false", "none" },
            ["off"] = new[] { "false", "none" },
            ["true"] = new[] { "all" },
            ["false"] = new[] { "none" },

            // inputEncoding
            ["local"] = new[] { "one-hot" },
            ["1-hot"] = new[] { "one-hot" },

            // update
            ["step"] = new[] { "per-step" },
            ["sequence"] = new[] { "per-sequence" },

            // squashing
            ["sigmoid"] = new[] { "logistic" },
            ["linear"] = new[] { "identity" },
            ["none"] = new[] { "identity" },

            // connectivity
            ["fully-connected"] = new[] { "full" },
            ["fully connected"] = new[] { "full" },
        };

        /// <summary>The first of the value's synonyms that <paramref name="candidates"/> allows, or null.</summary>
        public static string? Find(string value, IEnumerable<string> candidates)
        {
            if (!Table.TryGetValue(value.Trim(), out var meanings))
            {
                return null;
            }

            var allowed = new HashSet<string>(candidates, StringComparer.Ordinal);
            foreach (var meaning in meanings)
            {
                if (allowed.Contains(meaning))
                {
                    return meaning;
                }
            }

            return null;
        }
    }
}
