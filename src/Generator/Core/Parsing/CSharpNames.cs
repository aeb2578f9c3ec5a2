using System.Collections.Generic;
using System.Globalization;

namespace LstmGen.Generator.Parsing
{
    /// <summary>Checks that a spec's names can be used as C# identifiers in generated code.</summary>
    internal static class CSharpNames
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
            // Contextual keywords that cannot name a type or namespace.
            "global", "var", "dynamic", "record", "file", "scoped", "required", "nameof", "await", "async", "yield",
            "field", "value", "partial", "managed", "unmanaged",
        };

        /// <summary>Returns null when <paramref name="name"/> is a valid identifier, else the reason it is not.</summary>
        public static string? CheckIdentifier(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            if (name.Length > 255)
            {
                return "it is longer than 255 characters";
            }

            if (Keywords.Contains(name))
            {
                return "it is a C# keyword";
            }

            if (!IsIdentifierStart(name[0]))
            {
                return "it must start with a letter or '_'";
            }

            for (var i = 1; i < name.Length; i++)
            {
                if (!IsIdentifierPart(name[i]))
                {
                    return "the character '" + name[i] + "' is not allowed in an identifier";
                }
            }

            return null;
        }

        /// <summary>Returns null when <paramref name="name"/> is a valid dotted namespace, else the reason it is not.</summary>
        public static string? CheckNamespace(string name)
        {
            foreach (var part in name.Split('.'))
            {
                var problem = CheckIdentifier(part);
                if (problem != null)
                {
                    return "the part '" + part + "': " + problem;
                }
            }

            return null;
        }

        private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

        private static bool IsIdentifierPart(char c)
        {
            if (c == '_' || char.IsLetterOrDigit(c))
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.ConnectorPunctuation:
                    return true;
                default:
                    return false;
            }
        }
    }
}
