using System.Collections.Generic;

namespace LstmGen.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the LstmGen compiler reports, in one place. Ids are stable: never reuse or renumber one.
    /// docs/spec-language.md lists them with an example each.
    /// </summary>
    public static class DiagnosticCatalog
    {
        public const string Category = "LstmGen";

        public static readonly DiagnosticKind MalformedYaml = new DiagnosticKind(
            "LSTM0001", "Malformed YAML", "The spec is not valid YAML: {0}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind UnknownKey = new DiagnosticKind(
            "LSTM0002", "Unknown key", "Unknown key '{0}' in {1}{2}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind MissingKey = new DiagnosticKind(
            "LSTM0003", "Missing required key", "Missing required key '{0}' in {1}: {2}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind WrongType = new DiagnosticKind(
            "LSTM0004", "Wrong type", "'{0}' must be {1}, got {2}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind NotPositive = new DiagnosticKind(
            "LSTM0005", "Size must be positive", "'{0}' must be {1}, got {2}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind BiasListLength = new DiagnosticKind(
            "LSTM0006", "Bias list does not match the blocks", "'{0}' lists {1} values but the network has {2} blocks: give one value per block, or a single value for all", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind BiasOutOfRange = new DiagnosticKind(
            "LSTM0007", "Gate bias out of range", "'{0}' is {1}, outside the sane range [-{2}, {2}]: a logistic gate with such a bias never opens or never closes", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind DuplicateTypeName = new DiagnosticKind(
            "LSTM0008", "Duplicate network type name", "The network name '{0}' is also declared by '{1}': give each spec its own 'name' (names must be unique in a project, whatever their namespace)", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind InvalidIdentifier = new DiagnosticKind(
            "LSTM0009", "Invalid C# identifier", "'{0}' must be a valid C# {1}, got '{2}'{3}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind Contradiction = new DiagnosticKind(
            "LSTM0010", "Contradictory settings", "{0}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind InvalidValue = new DiagnosticKind(
            "LSTM0011", "Invalid value", "'{0}' must be one of {1}, got '{2}'{3}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind SizeLimit = new DiagnosticKind(
            "LSTM0012", "Size limit exceeded", "{0} is {1}, above LstmGen's limit of {2} (docs/spec-language.md, 'Limits')", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind DuplicateKey = new DiagnosticKind(
            "LSTM0013", "Duplicate key", "Key '{0}' appears twice in {1}: keep one", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind NumberOutOfRange = new DiagnosticKind(
            "LSTM0014", "Number out of range", "'{0}' must be {1}, got {2}", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind UnsupportedYaml = new DiagnosticKind(
            "LSTM0015", "Unsupported YAML feature", "{0} are not supported in specs: write the value out in full", DiagnosticSeverityLevel.Error);

        public static readonly DiagnosticKind UnsafeSetting = new DiagnosticKind(
            "LSTM1001", "Numerically unsafe setting", "'{0}' is {1}, outside the usual range {2}: {3}", DiagnosticSeverityLevel.Warning);

        public static readonly DiagnosticKind NoSpec = new DiagnosticKind(
            "LSTM1002", "No spec", "The LstmGen generator runs in this project but was given no spec, so it generates no network: add each spec as an AdditionalFiles item named '*.lstm.yaml', e.g. <AdditionalFiles Include=\"**/*.lstm.yaml\" />, or import LstmGen.Generator.props from the generator's build folder, which does that for every *.lstm.yaml under the project (docs/spec-language.md, 'Using a spec in a project')", DiagnosticSeverityLevel.Warning);

        public static readonly DiagnosticKind SpecNotNamedLstmYaml = new DiagnosticKind(
            "LSTM1003", "Spec file not named *.lstm.yaml", "'{0}' looks like an LstmGen spec (it has 'blocks' and 'learningRate') but is not read: only files named '*.lstm.yaml' are specs; rename it to '{1}'", DiagnosticSeverityLevel.Warning);

        /// <summary>All kinds, in id order.</summary>
        public static IReadOnlyList<DiagnosticKind> All { get; } = new[]
        {
            MalformedYaml, UnknownKey, MissingKey, WrongType, NotPositive, BiasListLength, BiasOutOfRange,
            DuplicateTypeName, InvalidIdentifier, Contradiction, InvalidValue, SizeLimit, DuplicateKey,
            NumberOutOfRange, UnsupportedYaml, UnsafeSetting, NoSpec, SpecNotNamedLstmYaml,
        };
    }
}
