using System;
using System.Globalization;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Diagnostics
{
    /// <summary>One problem found in a spec: its kind, its message arguments and where it is.</summary>
    public sealed record SpecDiagnostic(DiagnosticKind Kind, EquatableArray<string> Arguments, SourceLocation Location)
    {
        public static SpecDiagnostic Create(DiagnosticKind kind, SourceLocation location, params string[] arguments) =>
            new SpecDiagnostic(kind, new EquatableArray<string>(arguments), location);

        public string Id => Kind.Id;

        public bool IsError => Kind.Severity == DiagnosticSeverityLevel.Error;

        /// <summary>The message with its arguments filled in.</summary>
        public string Message
        {
            get
            {
                var args = new object[Arguments.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = Arguments[i];
                }

                return string.Format(CultureInfo.InvariantCulture, Kind.MessageFormat, args);
            }
        }

        /// <summary>The diagnostic in the C# compiler's format: <c>file(line,col): error LSTM0003: message</c> (1-based).</summary>
        public string ToCompilerFormat()
        {
            var severity = Kind.Severity == DiagnosticSeverityLevel.Error ? "error" : "warning";
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0}({1},{2}): {3} {4}: {5}",
                Location.FilePath,
                Location.StartLine + 1,
                Location.StartColumn + 1,
                severity,
                Kind.Id,
                Message);
        }

        public override string ToString() => ToCompilerFormat();
    }
}
