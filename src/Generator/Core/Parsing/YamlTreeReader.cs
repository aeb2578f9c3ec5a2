using System;
using System.Collections.Generic;
using System.IO;
using LstmGen.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LstmGen.Generator.Parsing
{
    /// <summary>
    /// Reads a spec's text into a <see cref="YamlNode"/> tree. Reports malformed YAML, duplicate keys,
    /// anchors/aliases (which would allow expansion bombs), complex keys, multiple documents and
    /// excessive nesting as diagnostics. Never throws.
    /// </summary>
    internal sealed class YamlTreeReader
    {
        /// <summary>No valid spec nests deeper than a handful of levels; this stops stack exhaustion by hostile input.</summary>
        public const int MaxDepth = 32;

        private readonly string _path;
        private readonly List<SpecDiagnostic> _diagnostics;
        private Mark _lastGood = Mark.Empty;

        private YamlTreeReader(string path, List<SpecDiagnostic> diagnostics)
        {
            _path = path;
            _diagnostics = diagnostics;
        }

        /// <summary>Returns the document's root node, or null when the text is not a usable YAML document.</summary>
        public static YamlNode? Read(string path, string text, List<SpecDiagnostic> diagnostics)
        {
            return new YamlTreeReader(path, diagnostics).ReadDocument(text);
        }

        private YamlNode? ReadDocument(string text)
        {
            try
            {
                var parser = new Parser(new StringReader(text));
                YamlNode? root = null;
                var documents = 0;
                while (MoveNext(parser))
                {
                    var current = parser.Current;
                    if (current is DocumentStart)
                    {
                        documents++;
                        if (documents > 1)
                        {
                            Report(DiagnosticCatalog.UnsupportedYaml, current.Start, current.End, "Multiple YAML documents in one file ('---')");
                            return null;
                        }

                        if (!MoveNext(parser))
                        {
                            break;
                        }

                        root = ReadNode(parser, 0);
                        if (root is null)
                        {
                            return null;
                        }
                    }
                }

                return root;
            }
            catch (YamlException e)
            {
                var message = e.Message;
                // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (...): "; the location is reported separately.
                var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
                if (message.StartsWith("(", StringComparison.Ordinal) && cut > 0)
                {
                    message = message.Substring(cut + 3);
                }

                // The scanner's Start is the construct it was reading (often the enclosing mapping); End is where it failed.
                var at = e.End.Index > e.Start.Index ? e.End : e.Start;
                var location = ToLocation(at, at);
                if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    // YamlDotNet places tab errors at the enclosing mapping; point at the tab itself.
                    location = FirstIndentationTab(text) ?? location;
                }

                _diagnostics.Add(SpecDiagnostic.Create(DiagnosticCatalog.MalformedYaml, location, message.TrimEnd('.') + ". Check the indentation (spaces only, no tabs) and the quoting around this point"));
                return null;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet fails this way on a flow collection ('[' or '{') that is never closed.
                Report(DiagnosticCatalog.MalformedYaml, _lastGood, _lastGood, "the text ends inside a '[...]' or '{...}' opened at or before this point. Close the bracket");
                return null;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // YamlDotNet should only throw YamlException; anything else must still not crash the compiler.
                _diagnostics.Add(SpecDiagnostic.Create(DiagnosticCatalog.MalformedYaml, SourceLocation.FileStart(_path), e.Message));
                return null;
            }
        }

        private YamlNode? ReadNode(IParser parser, int depth)
        {
            var current = parser.Current!;
            if (depth > MaxDepth)
            {
                Report(DiagnosticCatalog.UnsupportedYaml, current.Start, current.End, "Collections nested more than " + MaxDepth + " levels deep");
                return null;
            }

            if (current is AnchorAlias)
            {
                Report(DiagnosticCatalog.UnsupportedYaml, current.Start, current.End, "YAML aliases ('*name')");
                return null;
            }

            if (current is NodeEvent node && !node.Anchor.IsEmpty)
            {
                Report(DiagnosticCatalog.UnsupportedYaml, current.Start, current.End, "YAML anchors ('&name')");
                return null;
            }

            if (current is NodeEvent tagged && !tagged.Tag.IsEmpty && !tagged.Tag.IsNonSpecific)
            {
                // A value's meaning comes from its text and quoting alone; a tag such as '!!str 2' would contradict it.
                Report(DiagnosticCatalog.UnsupportedYaml, current.Start, current.End, "Explicit YAML tags ('!!str', '!!int', ...)");
                return null;
            }

            switch (current)
            {
                case Scalar scalar:
                    return YamlNode.Scalar(
                        ToLocation(scalar.Start, scalar.End),
                        scalar.Value,
                        scalar.Style == ScalarStyle.Plain,
                        scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value);

                case SequenceStart sequenceStart:
                {
                    var sequence = YamlNode.Sequence(ToLocation(sequenceStart.Start, sequenceStart.End));
                    while (MoveNext(parser) && !(parser.Current is SequenceEnd))
                    {
                        var item = ReadNode(parser, depth + 1);
                        if (item is null)
                        {
                            return null;
                        }

                        sequence.Items.Add(item);
                    }

                    return sequence;
                }

                case MappingStart mappingStart:
                {
                    var mapping = YamlNode.Mapping(ToLocation(mappingStart.Start, mappingStart.End));
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (MoveNext(parser) && !(parser.Current is MappingEnd))
                    {
                        var key = ReadNode(parser, depth + 1);
                        if (key is null)
                        {
                            return null;
                        }

                        if (key.Kind != YamlNodeKind.Scalar)
                        {
                            _diagnostics.Add(SpecDiagnostic.Create(DiagnosticCatalog.UnsupportedYaml, key.Location, "Keys that are lists or mappings"));
                            return null;
                        }

                        if (!MoveNext(parser))
                        {
                            return null;
                        }

                        var value = ReadNode(parser, depth + 1);
                        if (value is null)
                        {
                            return null;
                        }

                        if (!seen.Add(key.Value))
                        {
                            _diagnostics.Add(SpecDiagnostic.Create(DiagnosticCatalog.DuplicateKey, key.Location, key.Value, "this mapping"));
                            continue;
                        }

                        mapping.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
                    }

                    return mapping;
                }

                default:
                    Report(DiagnosticCatalog.MalformedYaml, current.Start, current.End, "unexpected " + current.GetType().Name);
                    return null;
            }
        }

        private SourceLocation? FirstIndentationTab(string text)
        {
            var line = 0;
            var lineStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
                else if (c == '\t')
                {
                    var leading = true;
                    for (var j = lineStart; j < i; j++)
                    {
                        leading &= text[j] == ' ' || text[j] == '\t' || text[j] == '-';
                    }

                    if (leading)
                    {
                        return new SourceLocation(_path, i, 1, line, i - lineStart, line, i - lineStart + 1);
                    }
                }
            }

            return null;
        }

        private bool MoveNext(IParser parser)
        {
            if (parser.Current != null)
            {
                _lastGood = parser.Current.End;
            }

            return parser.MoveNext();
        }

        private void Report(DiagnosticKind kind, Mark start, Mark end, string argument)
        {
            _diagnostics.Add(SpecDiagnostic.Create(kind, ToLocation(start, end), argument));
        }

        private SourceLocation ToLocation(Mark start, Mark end)
        {
            // YamlDotNet marks are 1-based in line and column; Roslyn positions are 0-based.
            var startIndex = ClampToInt(start.Index);
            var endIndex = Math.Max(startIndex, ClampToInt(end.Index));
            return new SourceLocation(
                _path,
                startIndex,
                endIndex - startIndex,
                Math.Max(0, ClampToInt(start.Line) - 1),
                Math.Max(0, ClampToInt(start.Column) - 1),
                Math.Max(0, ClampToInt(end.Line) - 1),
                Math.Max(0, ClampToInt(end.Column) - 1));
        }

        private static int ClampToInt(long value) => value > int.MaxValue ? int.MaxValue : value < 0 ? 0 : (int)value;
    }
}
