using System;
using System.IO;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LstmGen.Generator
{
    /// <summary>
    /// Warnings for a spec the pipeline would otherwise skip in silence, leaving the user a bare CS0246 for the class that
    /// never came: a project that gives the generator no <c>*.lstm.yaml</c> at all (LSTM1002), and a YAML additional
    /// file that reads like a spec but is named otherwise, e.g. <c>hello.yaml</c> (LSTM1003).
    /// </summary>
    internal static class SpecFileChecks
    {
        public const string SpecCountStep = "SpecCount";

        public const string MisnamedSpecStep = "MisnamedSpec";

        public static void Register(IncrementalGeneratorInitializationContext context)
        {
            var specCount = context.AdditionalTextsProvider
                .Where(static file => IsSpec(file.Path))
                .Collect()
                .Select(static (files, _) => files.Length)
                .WithTrackingName(SpecCountStep);

            context.RegisterSourceOutput(specCount, static (output, count) =>
            {
                if (count == 0)
                {
                    output.ReportDiagnostic(RoslynDiagnostics.WithoutLocation(DiagnosticCatalog.NoSpec));
                }
            });

            // Only YAML files the project itself made additional files are read, so the check costs nothing elsewhere.
            var misnamed = context.AdditionalTextsProvider
                .Where(static file => IsOtherYaml(file.Path))
                .Select(static (file, cancellationToken) => LooksLikeSpec(file.GetText(cancellationToken))
                    ? SpecDiagnostic.Create(DiagnosticCatalog.SpecNotNamedLstmYaml, SourceLocation.FileStart(file.Path), Path.GetFileName(file.Path), SpecName(file.Path))
                    : null)
                .Where(static diagnostic => diagnostic is not null)
                .WithTrackingName(MisnamedSpecStep);

            context.RegisterSourceOutput(misnamed, static (output, diagnostic) =>
                output.ReportDiagnostic(RoslynDiagnostics.ToDiagnostic(diagnostic!)));
        }

        private static bool IsSpec(string path) => path.EndsWith(LstmNetworkGenerator.SpecExtension, StringComparison.OrdinalIgnoreCase);

        private static bool IsOtherYaml(string path) =>
            !IsSpec(path) && (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

        /// <summary>'hello.yaml' and 'hello.yml' become 'hello.lstm.yaml'.</summary>
        private static string SpecName(string path) => Path.GetFileNameWithoutExtension(path) + LstmNetworkGenerator.SpecExtension;

        /// <summary>
        /// Whether the text has the two top-level keys that every spec needs and that few other YAML files have:
        /// 'blocks' and 'learningRate', each at the start of a line.
        /// </summary>
        private static bool LooksLikeSpec(SourceText? text)
        {
            if (text is null || text.Length > SpecParser.MaxSpecLength)
            {
                return false;
            }

            var blocks = false;
            var learningRate = false;
            foreach (var line in text.Lines)
            {
                var content = text.ToString(line.Span).TrimStart('\uFEFF');
                blocks |= content.StartsWith("blocks:", StringComparison.Ordinal);
                learningRate |= content.StartsWith("learningRate:", StringComparison.Ordinal);
            }

            return blocks && learningRate;
        }
    }
}
