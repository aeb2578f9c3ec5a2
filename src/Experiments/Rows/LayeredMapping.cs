using System.Collections.Generic;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Parsing;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// A row's settings at one level (the row itself, or its <c>task</c>, <c>stop</c> ...): the row's own mapping first,
    /// then the file's <c>defaults</c>. A key the row gives wins; mappings merge key by key.
    /// </summary>
    internal sealed class LayeredMapping
    {
        private readonly List<Layer> _layers;
        private IReadOnlyCollection<string>? _validKeys;

        private LayeredMapping(string path, List<Layer> layers)
        {
            Path = path;
            _layers = layers;
        }

        /// <summary>The dotted path of this level ("" for the row, "task" for its task ...).</summary>
        public string Path { get; }

        /// <summary>Where the row's own part is, or else the defaults' part (for "missing key" messages).</summary>
        public SourceLocation Location => _layers[0].Map.Location;

        /// <summary>This level in words, for messages: "row '4-100'", "'task' of row '4-100'".</summary>
        public string Where => _layers[0].Where;

        /// <summary>A level made of <paramref name="layers"/>, nearest first; layers without a mapping are left out.</summary>
        public static LayeredMapping? Create(string path, IEnumerable<(LocatedYaml? Map, string Where)> layers)
        {
            var list = new List<Layer>();
            foreach (var (map, where) in layers)
            {
                if (map is not null)
                {
                    list.Add(new Layer(map, where));
                }
            }

            return list.Count == 0 ? null : new LayeredMapping(path, list);
        }

        /// <summary>The dotted path of <paramref name="key"/> at this level, e.g. "task.T".</summary>
        public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

        /// <summary>The value of <paramref name="key"/>: the row's, else the defaults', else null.</summary>
        public LocatedYaml? Find(string key)
        {
            foreach (var layer in _layers)
            {
                foreach (var entry in layer.Map.Entries)
                {
                    if (entry.Key.Value == key)
                    {
                        return entry.Value;
                    }
                }
            }

            return null;
        }

        /// <summary>Reports every key of every layer that is not one of <paramref name="validKeys"/>, with a "did you mean".</summary>
        public void CheckKeys(IReadOnlyCollection<string> validKeys, RowDiagnostics diagnostics)
        {
            _validKeys = validKeys;
            foreach (var layer in _layers)
            {
                foreach (var entry in layer.Map.Entries)
                {
                    var key = entry.Key.Value;
                    if (!Contains(validKeys, key))
                    {
                        var suggestion = LocatedYaml.Closest(key, validKeys);
                        var hint = suggestion != null
                            ? ": did you mean '" + suggestion + "'?"
                            : " (valid keys: " + string.Join(", ", validKeys) + ")";
                        diagnostics.Report(DiagnosticCatalog.UnknownKey, entry.Key.Location, LocatedYaml.Shown(key), layer.Where, hint);
                    }
                }
            }
        }

        /// <summary>
        /// Whether a key at this level is a misspelling of <paramref name="key"/> (after <see cref="CheckKeys"/>, which
        /// reported it with "did you mean"): then "missing key" would say the same thing twice.
        /// </summary>
        public bool HasMisspelling(string key)
        {
            if (_validKeys is null)
            {
                return false;
            }

            foreach (var layer in _layers)
            {
                foreach (var entry in layer.Map.Entries)
                {
                    if (!Contains(_validKeys, entry.Key.Value) && LocatedYaml.Closest(entry.Key.Value, _validKeys) == key)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The level below <paramref name="key"/> (e.g. the row's <c>task</c> over the defaults' <c>task</c>), or null when
        /// no layer gives it. A layer whose value is not a mapping is reported and left out.
        /// </summary>
        public LayeredMapping? Nested(string key, string expected, RowDiagnostics diagnostics)
        {
            var layers = new List<(LocatedYaml?, string)>();
            foreach (var layer in _layers)
            {
                foreach (var entry in layer.Map.Entries)
                {
                    if (entry.Key.Value != key)
                    {
                        continue;
                    }

                    if (entry.Value.IsMapping)
                    {
                        layers.Add((entry.Value, "'" + key + "' of " + layer.Where));
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Location, PathOf(key), expected, entry.Value.Describe());
                    }
                }
            }

            return Create(PathOf(key), layers);
        }

        private static bool Contains(IReadOnlyCollection<string> keys, string key)
        {
            foreach (var candidate in keys)
            {
                if (candidate == key)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed record Layer(LocatedYaml Map, string Where);
    }
}
