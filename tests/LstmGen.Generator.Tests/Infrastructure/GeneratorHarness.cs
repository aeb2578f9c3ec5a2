using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LstmGen.Generator.Tests.Infrastructure
{
    /// <summary>One source file the generator added.</summary>
    internal sealed record GeneratedFile(string HintName, string Text);

    /// <summary>
    /// What one generator run gave: its sources (the network classes and the registry), the lane classes apart
    /// (<see cref="LaneSources"/>, three per network, tested by LaneRandomSpecTests and the lane snapshots), its diagnostics
    /// and the compilation with all of them added.
    /// </summary>
    internal sealed record GeneratorRun(
        IReadOnlyList<GeneratedFile> Sources,
        ImmutableArray<Diagnostic> Diagnostics,
        Compilation OutputCompilation,
        IReadOnlyList<GeneratedFile> LaneSources)
    {
        public GeneratedFile Source(string hintName) =>
            Sources.SingleOrDefault(s => s.HintName == hintName)
            ?? throw new InvalidOperationException("No generated file '" + hintName + "'; got: " + string.Join(", ", Sources.Select(s => s.HintName)));
    }

    /// <summary>
    /// Runs <see cref="LstmNetworkGenerator"/> with the plain <see cref="CSharpGeneratorDriver"/> (toolchain.md,
    /// "Testing a generator"): specs are in-memory AdditionalFiles, references are the test host's trusted platform
    /// assemblies plus LstmGen.Runtime, which generated networks stand on.
    /// </summary>
    internal static class GeneratorHarness
    {
        public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Latest);

        public static ImmutableArray<MetadataReference> References { get; } = BuildReferences();

        /// <summary>A library compilation of <paramref name="sources"/> with nullable enabled, as the solution builds.</summary>
        public static CSharpCompilation CreateCompilation(params string[] sources) =>
            CSharpCompilation.Create(
                "GeneratorTestAssembly",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, GeneratorDriverOptions? options = null) =>
            CSharpGeneratorDriver.Create(
                new[] { new LstmNetworkGenerator().AsSourceGenerator() },
                specs,
                ParseOptions,
                optionsProvider: null,
                driverOptions: options ?? default);

        /// <summary>Runs the generator once over the given specs (path, YAML text) and an otherwise empty compilation.</summary>
        public static GeneratorRun Run(params (string Path, string Yaml)[] specs)
        {
            var driver = CreateDriver(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Yaml)));
            // The diagnostics out-parameter repeats the generator's own diagnostics, which ToRun takes from the run result.
            driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out _);
            return ToRun(driver, output);
        }

        public static GeneratorRun ToRun(GeneratorDriver driver, Compilation output)
        {
            var result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            var sources = result.GeneratedSources
                .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
                .OrderBy(s => s.HintName, StringComparer.Ordinal)
                .ToList();
            static bool IsLaneClass(GeneratedFile file) => file.HintName.Contains(".Lanes", StringComparison.Ordinal);
            return new GeneratorRun(sources.Where(s => !IsLaneClass(s)).ToList(), result.Diagnostics, output, sources.Where(IsLaneClass).ToList());
        }

        /// <summary>Asserts that the generated code compiles with no error and no warning (the build's TreatWarningsAsErrors).</summary>
        public static void AssertCompilesCleanly(GeneratorRun run)
        {
            Assert.NotEmpty(run.Sources);
            var problems = run.OutputCompilation.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .ToList();
            Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        }

        private static ImmutableArray<MetadataReference> BuildReferences()
        {
            var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .ToList();
            paths.Add(typeof(LstmGen.Runtime.ILstmNetwork).Assembly.Location);
            return paths
                .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
                .ToImmutableArray();
        }
    }
}
