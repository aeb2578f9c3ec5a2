using System;
using System.Collections.Generic;
using System.Globalization;

namespace LstmGen.Generator.Parsing
{
    /// <summary>Checks that a spec's names can be used as C# identifiers in generated code.</summary>
    internal static class CSharpNames
    {
        /// <summary>
        /// The longest type name or namespace part. The type name is also the generated file's name (<c>Name.g.cs</c>),
        /// which <c>EmitCompilerGeneratedFiles</c> writes to disk: 80 characters of at most 3 UTF-8 bytes each, plus
        /// ".g.cs", stay below the 255-byte file name limit of Linux and macOS (251 ASCII letters already fail: CS0016).
        /// </summary>
        public const int MaxIdentifierLength = 80;

        /// <summary>The generator's registry class (<c>LstmGenNetworks.g.cs</c>): a network of that name would need the
        /// same generated file name, which Roslyn compares without case, and crash the generator (CS8785).</summary>
        public const string RegistryTypeName = "LstmGenNetworks";

        /// <summary>
        /// Names of the members every generated network declares (the printers, src/Generator/Core/Emitting/ScalarClassPrinter.Members.cs). A class
        /// cannot have a member with its own name (CS0542), so none of these can name a network. The test
        /// Hostile/ReservedNameTests collects the members of emitted classes and fails when one is missing here.
        /// </summary>
        private static readonly HashSet<string> GeneratedMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Advance", "NewSourceVector", "SourceCount", "BlockCount", "ConvertInput", "_x", "BlockSizes", "CellCount", "CellInputWeights", "CellRows", "CellStart", "CellStates",
            "CellsPerBlock", "CheckShapes", "CopyOutputs", "CopyWeightsTo", "DefaultLearningRate", "Description", "EndSequence", "Forward",
            "HiddenActivations", "HiddenCount", "InitInterval", "InitializeWeights", "InputCount", "InputGateRows",
            "InputGateWeights", "Learn", "LearningRate", "Name", "OutputCount", "OutputGateRows", "OutputGateWeights",
            "OutputLayer", "OutputOffset", "OutputRowLength", "OutputWeights", "Outputs", "Reset", "SetWeights", "Spec",
            "SpecFile", "SpecText", "Step", "TraceCount", "TrainStep", "Update", "UpdateTraces", "WeightCount", "WeightRow",
            "Weights", "_cellError", "_delta", "_eK", "_eOut", "_eS", "_fPrimeIn", "_fPrimeK", "_fPrimeOut", "_gNetC",
            "_gPrimeNetC", "_sigmaNet", "_hPrimeS", "_hS", "_s", "_traces", "_w", "_y", "_yOutput", "_yPrev",
            // Declared only under inputEncoding one-hot or sparse (SetActiveInput: one-hot).
            "GatherActiveInputs", "SetActiveInput", "ThrowNotOneHot", "_activeInputs", "_activeValues", "_activeCount", "_inputTouched",
            "_touchedInputs", "_touchedCount",
            "Dispose", "ToString", "GetHashCode", "Equals", "GetType", "Finalize", "MemberwiseClone",
        };
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
            // Undocumented keywords of the C# compiler.
            "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        /// <summary>Returns null when <paramref name="name"/> is a valid identifier, else the reason it is not.</summary>
        public static string? CheckIdentifier(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            if (name.Length > MaxIdentifierLength)
            {
                return "it is " + name.Length.ToString(CultureInfo.InvariantCulture) + " characters long, above the limit of " +
                    MaxIdentifierLength.ToString(CultureInfo.InvariantCulture) + " (the generated file is named after it)";
            }

            if (Keywords.Contains(name))
            {
                return "it is a C# keyword";
            }

            if (!IsIdentifierStart(name[0]))
            {
                return "it must start with a letter or '_', not " + Show(name[0]);
            }

            for (var i = 1; i < name.Length; i++)
            {
                if (!IsIdentifierPart(name[i]))
                {
                    return "the character " + Show(name[i]) + " is not allowed in an identifier";
                }
            }

            return null;
        }

        /// <summary>
        /// Returns null when <paramref name="name"/> can name a generated network class, else the reason it cannot:
        /// a valid identifier that is not the name of one of the class's own members or of the registry.
        /// </summary>
        public static string? CheckTypeName(string name)
        {
            var problem = CheckIdentifier(name);
            if (problem != null)
            {
                return problem;
            }

            if (string.Equals(name, RegistryTypeName, StringComparison.OrdinalIgnoreCase))
            {
                return "LstmGen's registry of networks already has that name (file names ignore case)";
            }

            if (GeneratedMembers.Contains(name) || IsPerBlockMember(name))
            {
                return "the generated class has a member of that name (C# forbids a member named like its class, CS0542)";
            }

            if (IsLowerCaseAscii(name))
            {
                return "a type name of lower-case ASCII letters only may become a C# keyword (warning CS8981): capitalise it";
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
                    return "the part '" + YamlNode.Shown(part) + "': " + problem;
                }
            }

            return null;
        }

        /// <summary>The per-block weight views: <c>Block0InputGate</c>, <c>Block3OutputGate</c>, <c>Block1Cell2</c>.</summary>
        private static bool IsPerBlockMember(string name)
        {
            const string Prefix = "Block";
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            var i = SkipDigits(name, Prefix.Length);
            if (i == Prefix.Length)
            {
                return false;
            }

            var rest = name.Substring(i);
            if (rest == "InputGate" || rest == "OutputGate")
            {
                return true;
            }

            return rest.StartsWith("Cell", StringComparison.Ordinal) && rest.Length > 4 && SkipDigits(rest, 4) == rest.Length;
        }

        private static int SkipDigits(string text, int start)
        {
            var i = start;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                i++;
            }

            return i;
        }

        private static bool IsLowerCaseAscii(string name)
        {
            foreach (var c in name)
            {
                if (c < 'a' || c > 'z')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A character for a message: printable ones quoted, others as their code point.</summary>
        private static string Show(char c) =>
            char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                : "'" + c + "'";

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
