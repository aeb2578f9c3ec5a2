using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>
    /// A YAML document as the JSON an editor's schema validator sees (YAML 1.2 core schema): plain scalars that read as
    /// null, booleans, integers or decimal numbers become those; every other scalar, and every quoted one, is a string.
    /// </summary>
    public static partial class YamlAsJson
    {
        public static JsonNode? Convert(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return Convert(stream.Documents[0].RootNode);
        }

        private static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
                new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)entry.Key).Value!, Convert(entry.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new InvalidDataException("Unexpected YAML node " + node.GetType().Name),
        };

        private static JsonNode? Scalar(YamlScalarNode scalar)
        {
            var text = scalar.Value ?? string.Empty;
            if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
            {
                return JsonValue.Create(text);
            }

            if (text is "" or "~" or "null" or "Null" or "NULL")
            {
                return null;
            }

            if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                return JsonValue.Create(text.Equals("true", System.StringComparison.OrdinalIgnoreCase));
            }

            if (Integer().IsMatch(text))
            {
                return JsonValue.Create(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            }

            if (Decimal().IsMatch(text))
            {
                return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            return JsonValue.Create(text);
        }

        [GeneratedRegex("^[-+]?[0-9]+$")]
        private static partial Regex Integer();

        [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
        private static partial Regex Decimal();
    }
}
