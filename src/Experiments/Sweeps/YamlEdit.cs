using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// Edits of a YAML mapping by dotted path, for writing a variant's spec and row: the value of a key replaced by a value
    /// given as YAML text, mappings merged key by key (a row over its file's defaults), the result written back as YAML.
    /// The files written are read again by the one spec parser and the one row reader, which judge every value.
    /// </summary>
    internal static class YamlEdit
    {
        /// <summary>The mapping at the root of <paramref name="text"/>.</summary>
        /// <exception cref="SweepException">The text is not a YAML mapping.</exception>
        public static YamlMappingNode ReadMapping(string text, string what)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                throw new SweepException(what + " is not valid YAML: " + e.Message, e);
            }

            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map
                ? map
                : throw new SweepException(what + " is not a YAML mapping");
        }

        /// <summary>A value given as YAML text (<c>0.5</c>, <c>[-2, -4]</c>, <c>{ name: adding, T: 100 }</c>).</summary>
        /// <exception cref="SweepException">The text is not valid YAML.</exception>
        public static YamlNode Value(string text, string key)
        {
            var map = ReadMapping("value: " + text, "the value '" + text + "' of '" + key + "'");
            return map.Children[new YamlScalarNode("value")];
        }

        /// <summary>Sets the value at <paramref name="path"/> (e.g. <c>blocks.inputGateBias</c>), making the mappings on the way.</summary>
        /// <exception cref="SweepException">A step of the path is not a mapping (e.g. a spec whose <c>blocks</c> is a list).</exception>
        public static void Set(YamlMappingNode root, string path, YamlNode value, string what)
        {
            var parts = path.Split('.');
            var map = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var key = new YamlScalarNode(parts[i]);
                if (!map.Children.TryGetValue(key, out var next))
                {
                    next = new YamlMappingNode();
                    map.Children[key] = next;
                }

                map = next as YamlMappingNode
                    ?? throw new SweepException("cannot set '" + path + "' of " + what + ": its '" + string.Join('.', parts.Take(i + 1)) + "' is not a mapping");
            }

            map.Children[new YamlScalarNode(parts[^1])] = value;
        }

        /// <summary>The value at <paramref name="path"/>, or null.</summary>
        public static YamlNode? Find(YamlMappingNode root, string path)
        {
            YamlNode node = root;
            foreach (var part in path.Split('.'))
            {
                if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(part), out var next))
                {
                    return null;
                }

                node = next;
            }

            return node;
        }

        /// <summary><paramref name="over"/> merged onto a copy of <paramref name="under"/>, key by key, mappings recursively.</summary>
        public static YamlMappingNode Merge(YamlMappingNode? under, YamlMappingNode over)
        {
            var result = new YamlMappingNode();
            if (under is not null)
            {
                foreach (var entry in under.Children)
                {
                    result.Children[entry.Key] = entry.Value;
                }
            }

            foreach (var entry in over.Children)
            {
                result.Children[entry.Key] = result.Children.TryGetValue(entry.Key, out var existing) && existing is YamlMappingNode a && entry.Value is YamlMappingNode b
                    ? Merge(a, b)
                    : entry.Value;
            }

            return result;
        }

        /// <summary>The same entries with <paramref name="keys"/> first, in that order (a row reads best from its id and title).</summary>
        public static YamlMappingNode First(YamlMappingNode map, params string[] keys)
        {
            var result = new YamlMappingNode();
            foreach (var key in keys)
            {
                if (map.Children.TryGetValue(new YamlScalarNode(key), out var value))
                {
                    result.Children[new YamlScalarNode(key)] = value;
                }
            }

            foreach (var entry in map.Children)
            {
                if (!result.Children.ContainsKey(entry.Key))
                {
                    result.Children[entry.Key] = entry.Value;
                }
            }

            return result;
        }

        /// <summary>The mapping as YAML text, after <paramref name="header"/> (comment lines, each starting with '#').</summary>
        public static string Write(YamlMappingNode root, IEnumerable<string> header)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            foreach (var line in header)
            {
                writer.WriteLine(line);
            }

            new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
            var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            // YamlDotNet ends the document with "...": a single-document file reads better without it.
            return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
        }
    }
}
