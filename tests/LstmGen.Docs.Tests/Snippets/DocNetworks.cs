using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LstmGen.Generator;
using LstmGen.Generator.Parsing;
using LstmGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>The network classes one Markdown file declares, as generated C#, and the generator's errors, if any.</summary>
    internal sealed record DocNetworks(IReadOnlyList<SyntaxTree> Sources, IReadOnlyList<string> Errors)
    {
        /// <summary>
        /// The root namespace of the project a snippet is pasted into: a spec without 'namespace' lands there, and a
        /// snippet that uses such a network says <c>using MyApp;</c>, as it would in that project.
        /// </summary>
        public const string RootNamespace = "MyApp";

        /// <summary>
        /// Runs the real generator over every YAML block of a file that is a valid spec, as a project with those
        /// *.lstm.yaml files would. Blocks that are fragments or deliberately broken examples are no specs and are
        /// skipped; so is a spec of a network the runtime already holds (the paper's, in LstmGen.Networks), which
        /// snippets take from the runtime as a user does.
        /// </summary>
        public static DocNetworks Generate(IEnumerable<MarkdownCodeBlock> blocks)
        {
            var runtime = typeof(ILstmNetwork).Assembly;
            var specs = new List<AdditionalText>();
            foreach (var block in blocks.Where(b => b.IsYaml))
            {
                var path = block.File.Replace('/', '_') + "_" + block.FirstLine + LstmNetworkGenerator.SpecExtension;
                var spec = SpecParser.Parse(path, block.Text, RootNamespace).Spec;
                if (spec is not null && runtime.GetType(spec.FullTypeName) is null)
                {
                    specs.Add(new SpecText(path, block.Text));
                }
            }

            if (specs.Count == 0)
            {
                return new DocNetworks(Array.Empty<SyntaxTree>(), Array.Empty<string>());
            }

            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new LstmNetworkGenerator().AsSourceGenerator() },
                specs,
                SnippetCompiler.ParseOptions,
                new RootNamespaceOption(RootNamespace));
            driver = driver.RunGenerators(CSharpCompilation.Create("DocNetworks", references: SnippetCompiler.References));
            var result = driver.GetRunResult().Results.Single();
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            if (result.Exception is not null)
            {
                errors.Add("the generator threw: " + result.Exception);
            }

            var sources = result.GeneratedSources
                .Select(s => CSharpSyntaxTree.ParseText(s.SourceText, SnippetCompiler.ParseOptions, path: s.HintName))
                .ToList();
            return new DocNetworks(sources, errors);
        }

        /// <summary>A YAML block handed to the generator as an additional file.</summary>
        private sealed class SpecText : AdditionalText
        {
            private readonly SourceText _text;

            public SpecText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>What a project's props tell the generator: build_property.RootNamespace.</summary>
        private sealed class RootNamespaceOption : AnalyzerConfigOptionsProvider
        {
            public RootNamespaceOption(string rootNamespace)
            {
                GlobalOptions = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace));
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> _values;

                public Options(ImmutableDictionary<string, string> values)
                {
                    _values = values;
                }

                public static Options None { get; } = new Options(ImmutableDictionary<string, string>.Empty);

                public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                    _values.TryGetValue(key, out value);
            }
        }
    }
}
