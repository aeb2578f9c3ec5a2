using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Reference;
using LstmGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>How a snippet was compiled.</summary>
    internal enum SnippetKind
    {
        /// <summary>Top-level statements or a class with <c>Main</c>: compiled to an executable and run.</summary>
        Program,

        /// <summary>Type declarations without <c>Main</c>: compiled to a library.</summary>
        Library,

        /// <summary>Class members (fields, properties, methods): compiled inside a class.</summary>
        Members,
    }

    /// <summary>A compiled snippet: its kind, every error and warning (with the Markdown file's lines), and the assembly.</summary>
    internal sealed record CompiledSnippet(SnippetKind Kind, IReadOnlyList<string> Problems, byte[]? Assembly)
    {
        public bool Succeeded => Problems.Count == 0 && Assembly is not null;
    }

    /// <summary>
    /// Compiles a snippet as the C# compiler would in a new console project (<c>dotnet new console</c>: nullable
    /// enabled, the SDK's implicit usings) that references LstmGen.Runtime and LstmGen.Reference and holds the file's
    /// generated networks.
    /// Warnings count as failures, as in this repository's builds. A <c>#line</c> directive maps every diagnostic to
    /// the Markdown file's own line.
    /// </summary>
    internal static class SnippetCompiler
    {
        public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Latest);

        /// <summary>The assemblies a snippet program needs beside it to run (declared first: <see cref="References"/> reads them).</summary>
        public static IReadOnlyList<string> RuntimeAssemblies { get; } = new[]
        {
            typeof(ILstmNetwork).Assembly.Location,
            typeof(ReferenceNetwork).Assembly.Location,
            typeof(NetworkLayout).Assembly.Location,
            Path.Combine(AppContext.BaseDirectory, "YamlDotNet.dll"),
        };

        /// <summary>The shared framework and the assemblies of the LstmGen.Runtime and LstmGen.Reference packages (with the core and YamlDotNet).</summary>
        public static ImmutableArray<MetadataReference> References { get; } = BuildReferences();

        /// <summary>The implicit usings of a Microsoft.NET.Sdk project (ImplicitUsings=enable).</summary>
        private const string ImplicitUsings =
            "global using global::System;\n" +
            "global using global::System.Collections.Generic;\n" +
            "global using global::System.IO;\n" +
            "global using global::System.Linq;\n" +
            "global using global::System.Net.Http;\n" +
            "global using global::System.Threading;\n" +
            "global using global::System.Threading.Tasks;\n";

        public static CompiledSnippet Compile(MarkdownCodeBlock block, DocNetworks networks)
        {
            var (kind, tree) = Parse(block);
            var parseProblems = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            if (parseProblems.Count > 0)
            {
                return new CompiledSnippet(kind, parseProblems, null);
            }

            var trees = new List<SyntaxTree> { tree, CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.g.cs") };
            trees.AddRange(networks.Sources);
            var compilation = CSharpCompilation.Create(
                "Snippet",
                trees,
                References,
                new CSharpCompilationOptions(
                    kind == SnippetKind.Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable));

            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            var problems = emitted.Diagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.ToString())
                .Concat(networks.Errors.Select(e => "the file's specs did not all compile: " + e))
                .ToList();
            return new CompiledSnippet(kind, problems, emitted.Success ? image.ToArray() : null);
        }

        /// <summary>
        /// A snippet that parses as a file is a program (top-level statements, or a static Main) or a library; one that
        /// does not, but parses as the body of a class, is members. Otherwise it keeps its parse errors.
        /// </summary>
        private static (SnippetKind Kind, SyntaxTree Tree) Parse(MarkdownCodeBlock block)
        {
            var line = "#line " + block.FirstLine + " \"" + block.File + "\"\n";
            var asFile = CSharpSyntaxTree.ParseText(line + block.Text, ParseOptions, path: block.File);
            if (!asFile.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                var root = asFile.GetCompilationUnitRoot();
                var isProgram = root.Members.OfType<GlobalStatementSyntax>().Any()
                    || root.DescendantNodes().OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.Text == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
                return (isProgram ? SnippetKind.Program : SnippetKind.Library, asFile);
            }

            var asMembers = CSharpSyntaxTree.ParseText("public static class Snippet\n{\n" + line + block.Text + "#line default\n}\n", ParseOptions, path: block.File);
            return asMembers.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
                ? (SnippetKind.Program, asFile)
                : (SnippetKind.Members, asMembers);
        }

        private static ImmutableArray<MetadataReference> BuildReferences()
        {
            // The shared framework only: a user's project does not see this test's own packages (xunit, Roslyn).
            var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal) && p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
            return platform
                .Concat(RuntimeAssemblies)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }
}
