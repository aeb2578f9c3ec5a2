using System.Globalization;
using System.Text;

namespace LstmGen.Generator.Emitting
{
    /// <summary>C# literals for generated code, always in invariant culture and round-trippable.</summary>
    internal static class Literals
    {
        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A double literal that reads back to exactly <paramref name="value"/> ("R" format).</summary>
        public static string Double(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
        }

        /// <summary>A literal of the network's real type: double as is, float with its "f" suffix.</summary>
        public static string Real(double value, bool isFloat)
        {
            if (!isFloat)
            {
                return Double(value);
            }

            var text = ((float)value).ToString("R", CultureInfo.InvariantCulture);
            return text + "f";
        }

        /// <summary>A regular C# string literal.</summary>
        public static string String(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '"':
                        builder.Append("\\\"");
                        break;
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
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) || c == '\uFEFF')
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

            builder.Append('"');
            return builder.ToString();
        }

        /// <summary>Text made safe for a single-line // comment.</summary>
        public static string Comment(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
            }

            return builder.ToString();
        }

        /// <summary>Text made safe inside an XML doc comment.</summary>
        public static string Xml(string value) =>
            Comment(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
