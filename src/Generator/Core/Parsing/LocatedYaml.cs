using System.Collections.Generic;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Generator.Parsing
{
    /// <summary>
    /// A YAML document read exactly as specs are read (<see cref="YamlTreeReader"/>: a location for every node, duplicate
    /// keys, aliases, tags and hostile nesting reported as diagnostics, never an exception), for LstmGen's other YAML files:
    /// the experiments program's row files. One YAML layer, so that a row file's errors look like a spec's.
    /// </summary>
    public sealed class LocatedYaml
    {
        private readonly YamlNode _node;
        private List<KeyValuePair<LocatedYaml, LocatedYaml>>? _entries;
        private List<LocatedYaml>? _items;

        private LocatedYaml(YamlNode node)
        {
            _node = node;
        }

        /// <summary>
        /// The document's root node, or null when <paramref name="text"/> is not a usable YAML document (or is empty); the
        /// problems are added to <paramref name="diagnostics"/> (LSTM0001, LSTM0012, LSTM0013, LSTM0015).
        /// </summary>
        public static LocatedYaml? Read(string path, string text, List<SpecDiagnostic> diagnostics)
        {
            var root = YamlTreeReader.Read(path, text, diagnostics);
            return root is null ? null : new LocatedYaml(root);
        }

        /// <summary>The valid key or value closest to a misspelt one, for "did you mean" hints (null: nothing close).</summary>
        public static string? Closest(string misspelt, IEnumerable<string> candidates) => KeySuggester.Closest(misspelt, candidates);

        /// <summary>Text from the file made fit for a one-line message (cut, control characters escaped).</summary>
        public static string Shown(string value) => YamlNode.Shown(value);

        public bool IsMapping => _node.Kind == YamlNodeKind.Mapping;

        public bool IsSequence => _node.Kind == YamlNodeKind.Sequence;

        public bool IsScalar => _node.Kind == YamlNodeKind.Scalar;

        /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar.</summary>
        public bool IsNull => _node.IsNull;

        /// <summary>An unquoted scalar: only plain scalars can be numbers or booleans.</summary>
        public bool IsPlain => _node.IsPlain;

        /// <summary>A scalar's text (empty for collections).</summary>
        public string Value => _node.Value;

        public SourceLocation Location => _node.Location;

        /// <summary>A mapping's entries, in file order (duplicates were reported and dropped).</summary>
        public IReadOnlyList<KeyValuePair<LocatedYaml, LocatedYaml>> Entries
        {
            get
            {
                if (_entries is null)
                {
                    _entries = new List<KeyValuePair<LocatedYaml, LocatedYaml>>(_node.Entries.Count);
                    foreach (var entry in _node.Entries)
                    {
                        _entries.Add(new KeyValuePair<LocatedYaml, LocatedYaml>(new LocatedYaml(entry.Key), new LocatedYaml(entry.Value)));
                    }
                }

                return _entries;
            }
        }

        /// <summary>A sequence's items.</summary>
        public IReadOnlyList<LocatedYaml> Items
        {
            get
            {
                if (_items is null)
                {
                    _items = new List<LocatedYaml>(_node.Items.Count);
                    foreach (var item in _node.Items)
                    {
                        _items.Add(new LocatedYaml(item));
                    }
                }

                return _items;
            }
        }

        /// <summary>The node's shape and value for messages: "a mapping", "a list", "'abc'", "the quoted string '2'".</summary>
        public string Describe() => _node.Describe();
    }
}
