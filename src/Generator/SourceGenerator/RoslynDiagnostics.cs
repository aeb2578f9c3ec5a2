using System.Collections.Generic;
using LstmGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LstmGen.Generator
{
    /// <summary>Turns the core's Roslyn-free diagnostics into compiler diagnostics located in the YAML file.</summary>
    internal static class RoslynDiagnostics
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors = Build();

        public static Diagnostic ToDiagnostic(SpecDiagnostic diagnostic)
        {
            var location = diagnostic.Location;
            var roslynLocation = Location.Create(
                location.FilePath,
                new TextSpan(location.Start, location.Length),
                new LinePositionSpan(
                    new LinePosition(location.StartLine, location.StartColumn),
                    new LinePosition(location.EndLine, location.EndColumn)));
            var arguments = new object[diagnostic.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = diagnostic.Arguments[i];
            }

            return Diagnostic.Create(Descriptors[diagnostic.Id], roslynLocation, arguments);
        }

        /// <summary>A diagnostic about the project rather than a place in a file (its message takes no arguments).</summary>
        public static Diagnostic WithoutLocation(DiagnosticKind kind) => Diagnostic.Create(Descriptors[kind.Id], Location.None);

        private static Dictionary<string, DiagnosticDescriptor> Build()
        {
            var result = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var kind in DiagnosticCatalog.All)
            {
                result[kind.Id] = new DiagnosticDescriptor(
                    kind.Id,
                    kind.Title,
                    kind.MessageFormat,
                    DiagnosticCatalog.Category,
                    kind.Severity == DiagnosticSeverityLevel.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    isEnabledByDefault: true,
                    description: "See docs/spec-language.md, section " + kind.Id + ".");
            }

            return result;
        }
    }
}
