using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Parsing;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// Reads one scalar of a row file as a string, an integer, a number, a boolean or a choice, reporting a value of the
    /// wrong kind at its line and column under its dotted path ("'task.T' must be a positive integer, got 'abc'"). Numbers
    /// are read as specs read them (docs/spec-language.md, "Numbers and YAML"): plain decimal notation only.
    /// </summary>
    internal static class RowScalars
    {
        public static string? String(LocatedYaml node, string path, RowDiagnostics diagnostics)
        {
            if (!node.IsScalar || node.IsNull)
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, node.Location, path, "a string", node.Describe());
                return null;
            }

            return node.Value;
        }

        public static long? Integer(LocatedYaml node, string path, long minimum, long maximum, RowDiagnostics diagnostics)
        {
            var expected = minimum == 1 ? "a positive integer" : "an integer of at least " + Format(minimum);
            if (!node.IsScalar || !node.IsPlain || node.IsNull || !IntegerText.IsInteger(node.Value))
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, node.Location, path, expected, node.Describe());
                return null;
            }

            var text = node.Value;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value > maximum)
            {
                diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, node.Location, path, "at most " + Format(maximum), LocatedYaml.Shown(text));
                return null;
            }

            if (value < minimum)
            {
                if (minimum == 1)
                {
                    diagnostics.Report(DiagnosticCatalog.NotPositive, node.Location, path, "a positive integer", LocatedYaml.Shown(text));
                }
                else
                {
                    diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, node.Location, path, expected, LocatedYaml.Shown(text));
                }

                return null;
            }

            return value;
        }

        public static double? Number(LocatedYaml node, string path, bool positive, RowDiagnostics diagnostics)
        {
            var expected = positive ? "a positive number" : "a number";
            var text = node.Value;

            // Only decimal notation: YAML's .inf/.nan and C#'s NaN/Infinity are refused, as are hex and other bases.
            var isDecimal = text.Length > 0 && text.All(c => (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E');
            if (!node.IsScalar || !node.IsPlain || node.IsNull || !isDecimal ||
                !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, node.Location, path, expected, node.Describe());
                return null;
            }

            if (!double.IsFinite(value))
            {
                diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, node.Location, path, "a finite number", LocatedYaml.Shown(text));
                return null;
            }

            if (positive && value <= 0.0)
            {
                diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, node.Location, path, expected, LocatedYaml.Shown(text));
                return null;
            }

            // -0 reads as 0, as in specs.
            return value == 0.0 ? 0.0 : value;
        }

        public static bool? Boolean(LocatedYaml node, string path, RowDiagnostics diagnostics)
        {
            if (node.IsScalar && node.IsPlain)
            {
                switch (node.Value)
                {
                    case "true":
                    case "True":
                    case "TRUE":
                        return true;
                    case "false":
                    case "False":
                    case "FALSE":
                        return false;
                }
            }

            diagnostics.Report(DiagnosticCatalog.WrongType, node.Location, path, "true or false", node.Describe());
            return null;
        }

        public static string? Choice(LocatedYaml node, string path, IReadOnlyList<string> choices, RowDiagnostics diagnostics)
        {
            var allowed = string.Join(", ", choices.Select(c => "'" + c + "'"));
            if (!node.IsScalar || node.IsNull)
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, node.Location, path, "one of " + allowed, node.Describe());
                return null;
            }

            if (choices.Contains(node.Value))
            {
                return node.Value;
            }

            diagnostics.Report(DiagnosticCatalog.InvalidValue, node.Location, path, allowed, LocatedYaml.Shown(node.Value), Hint(node.Value, choices));
            return null;
        }

        /// <summary>": did you mean 'x'?" when a valid value is close to <paramref name="value"/>, else empty.</summary>
        public static string Hint(string value, IEnumerable<string> candidates)
        {
            var suggestion = LocatedYaml.Closest(value, candidates);
            return suggestion != null ? ": did you mean '" + suggestion + "'?" : string.Empty;
        }

        private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
