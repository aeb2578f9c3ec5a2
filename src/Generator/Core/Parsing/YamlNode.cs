using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Generator.Parsing
{
    /// <summary>The three shapes a YAML node can take.</summary>
    internal enum YamlNodeKind
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>
    /// A minimal YAML document tree with exact source locations. The parser builds it from YamlDotNet's
    /// event stream itself (rather than YamlDotNet's representation model) so that it controls duplicate
    /// keys, aliases and nesting depth, and never throws on hostile input.
    /// </summary>
    internal sealed class YamlNode
    {
        private YamlNode(YamlNodeKind kind, SourceLocation location, string value, bool isPlain, string tag)
        {
            Kind = kind;
            Location = location;
            Value = value;
            IsPlain = isPlain;
            Tag = tag;
        }

        public YamlNodeKind Kind { get; }

        public SourceLocation Location { get; }

        /// <summary>The scalar's text (empty for collections).</summary>
        public string Value { get; }

        /// <summary>True for an unquoted scalar: only plain scalars can be numbers, booleans or nulls.</summary>
        public bool IsPlain { get; }

        /// <summary>An explicit tag such as <c>!!str</c>, or empty.</summary>
        public string Tag { get; }

        /// <summary>A mapping's entries, in file order (keys are scalars).</summary>
        public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new List<KeyValuePair<YamlNode, YamlNode>>();

        /// <summary>A sequence's items.</summary>
        public List<YamlNode> Items { get; } = new List<YamlNode>();

        public bool IsNull => Kind == YamlNodeKind.Scalar && IsPlain &&
            (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public static YamlNode Scalar(SourceLocation location, string value, bool isPlain, string tag) =>
            new YamlNode(YamlNodeKind.Scalar, location, value, isPlain, tag);

        public static YamlNode Mapping(SourceLocation location) =>
            new YamlNode(YamlNodeKind.Mapping, location, string.Empty, false, string.Empty);

        public static YamlNode Sequence(SourceLocation location) =>
            new YamlNode(YamlNodeKind.Sequence, location, string.Empty, false, string.Empty);

        /// <summary>A short description of the node's shape and value, for messages ("the string 'abc'").</summary>
        public string Describe()
        {
            switch (Kind)
            {
                case YamlNodeKind.Mapping:
                    return "a mapping";
                case YamlNodeKind.Sequence:
                    return "a list";
                default:
                    if (IsNull)
                    {
                        return "nothing (null)";
                    }

                    var shown = Shown(Value);
                    return IsPlain ? "'" + shown + "'" : "the quoted string '" + shown + "'";
            }
        }

        /// <summary>The longest text from the spec that a message repeats; a hostile spec's megabyte-long value is cut.</summary>
        public const int MaxShownLength = 60;

        /// <summary>
        /// Text from the spec made fit for a one-line message: cut after <see cref="MaxShownLength"/> characters (with
        /// its full length said), and control, format and line-break characters written as <c>\n</c> or <c>\u0001</c>.
        /// </summary>
        public static string Shown(string value)
        {
            var length = value.Length > MaxShownLength ? MaxShownLength : value.Length;
            var builder = new StringBuilder(length + 32);
            for (var i = 0; i < length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        var category = CharUnicodeInfo.GetUnicodeCategory(c);
                        if (char.IsControl(c) || category == UnicodeCategory.Format || category == UnicodeCategory.LineSeparator ||
                            category == UnicodeCategory.ParagraphSeparator || (char.IsSurrogate(c) && !IsPairAt(value, i)))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            if (length < value.Length)
            {
                builder.Append("... (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
            }

            return builder.ToString();
        }

        private static bool IsPairAt(string value, int i) =>
            char.IsHighSurrogate(value[i]) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) && i + 1 < MaxShownLength
            : i > 0 && char.IsHighSurrogate(value[i - 1]);
    }
}
