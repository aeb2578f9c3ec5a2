using System;
using System.Collections.Generic;
using System.Globalization;
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

        /// <summary>
        /// The most YAML nodes (keys, values, list items) a spec may hold. Each costs a few hundred bytes while reading;
        /// a network at every size limit needs a few thousand (1,000 listed blocks of 4 keys is 9,000).
        /// </summary>
        public const int MaxNodes = 20000;

        private readonly string _path;
        private readonly string _text;
        private readonly List<SpecDiagnostic> _diagnostics;
        private Mark _lastGood = Mark.Empty;
        private int _nodes;
        private List<int>? _lineStarts;

        private YamlTreeReader(string path, string text, List<SpecDiagnostic> diagnostics)
        {
            _path = path;
            _text = text;
            _diagnostics = diagnostics;
        }

        /// <summary>Returns the document's root node, or null when the text is not a usable YAML document.</summary>
        public static YamlNode? Read(string path, string text, List<SpecDiagnostic> diagnostics)
        {
            return new YamlTreeReader(path, text, diagnostics).ReadDocument(text);
        }

        private YamlNode? ReadDocument(string text)
        {
            var forbidden = FirstNonPrintable(text);
            if (forbidden >= 0)
            {
                // YAML allows only printable characters (YAML 1.2 §5.1); YamlDotNet lets some through, and .NET's number
                // parser would even read "1\0" as 1. Such a character is almost always a damaged or binary file.
                Add(SpecDiagnostic.Create(DiagnosticCatalog.MalformedYaml, ToLocation(forbidden, forbidden + 1),
                    "the character U+" + ((int)text[forbidden]).ToString("X4", CultureInfo.InvariantCulture) + " is not allowed in YAML. " +
                    "Remove it, or write it as an escape inside double quotes (\"\\u0007\")"));
                return null;
            }

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

                Add(SpecDiagnostic.Create(DiagnosticCatalog.MalformedYaml, location, YamlNode.Shown(message.TrimEnd('.')) + ". Check the indentation (spaces only, no tabs) and the quoting around this point"));
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
                Add(SpecDiagnostic.Create(DiagnosticCatalog.MalformedYaml, ToLocation(_lastGood, _lastGood), "the YAML reader failed near this point (" + e.GetType().Name + ": " + YamlNode.Shown(e.Message) + "). Check the text here"));
                return null;
            }
        }

        private YamlNode? ReadNode(IParser parser, int depth)
        {
            var current = parser.Current!;
            if (depth > MaxDepth)
            {
                Report(DiagnosticCatalog.UnsupportedYaml, current.Start, current.End, "Collections nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
                return null;
            }

            if (++_nodes > MaxNodes)
            {
                Add(SpecDiagnostic.Create(DiagnosticCatalog.SizeLimit, ToLocation(current.Start, current.End), "The number of YAML nodes (keys, values and list items)",
                    (MaxNodes + 1).ToString(CultureInfo.InvariantCulture) + " or more", MaxNodes.ToString(CultureInfo.InvariantCulture)));
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
                            Add(SpecDiagnostic.Create(DiagnosticCatalog.UnsupportedYaml, key.Location, "Keys that are lists or mappings"));
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
                            Add(SpecDiagnostic.Create(DiagnosticCatalog.DuplicateKey, key.Location, YamlNode.Shown(key.Value), "this mapping"));
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
            var lineStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (IsLineBreak(c))
                {
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
                        return ToLocation(i, i + 1);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The index of the first character YAML does not allow in a stream, or -1: C0 and C1 control characters other
        /// than tab, LF, CR and NEL, DEL, U+FFFE, U+FFFF and unpaired surrogates (YAML 1.2 §5.1, c-printable).
        /// </summary>
        private static int FirstNonPrintable(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < ' ')
                {
                    if (c != '\t' && c != '\n' && c != '\r')
                    {
                        return i;
                    }
                }
                else if (c >= '\u007F' && c <= '\u009F')
                {
                    if (c != '\u0085')
                    {
                        return i;
                    }
                }
                else if (c == '\uFFFE' || c == '\uFFFF')
                {
                    return i;
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    {
                        return i;
                    }

                    i++;
                }
                else if (char.IsLowSurrogate(c))
                {
                    return i;
                }
            }

            return -1;
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
            Add(SpecDiagnostic.Create(kind, ToLocation(start, end), argument));
        }

        private void Add(SpecDiagnostic diagnostic)
        {
            if (_diagnostics.Count < SpecParser.MaxDiagnostics)
            {
                _diagnostics.Add(diagnostic);
            }
        }

        private SourceLocation ToLocation(Mark start, Mark end) => ToLocation(ClampToText(start.Index), ClampToText(end.Index));

        /// <summary>
        /// The location of characters [start, end) of the text. Lines and columns are computed here from the offsets,
        /// with the line breaks Roslyn's SourceText knows (CR LF, CR, LF, NEL, LS, PS), rather than taken from
        /// YamlDotNet's marks: so that the compiler's "file(line,col)" and the IDE's squiggle agree on every file.
        /// </summary>
        private SourceLocation ToLocation(int start, int end)
        {
            end = Math.Max(start, end);
            var (startLine, startColumn) = LinePosition(start);
            var (endLine, endColumn) = LinePosition(end);
            return new SourceLocation(_path, start, end - start, startLine, startColumn, endLine, endColumn);
        }

        private (int Line, int Column) LinePosition(int index)
        {
            var starts = _lineStarts ??= LineStarts(_text);
            var line = starts.BinarySearch(index);
            if (line < 0)
            {
                line = ~line - 1;
            }

            return (line, index - starts[line]);
        }

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (IsLineBreak(c))
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }

        private static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        private int ClampToText(long index) => index > _text.Length ? _text.Length : index < 0 ? 0 : (int)index;
    }
}
