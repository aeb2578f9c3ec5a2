using System.Linq;
using LstmGen.Docs.Tests.Snippets;
using Xunit;

namespace LstmGen.Docs.Tests
{
    /// <summary>The snippet test can fail: broken, warning, throwing and unmarked snippets are caught, at their lines.</summary>
    public sealed class SnippetHarnessTests
    {
        [Fact]
        public void A_snippet_that_does_not_compile_fails_at_its_line_in_the_markdown()
        {
            // The spec-language.md example as it once was: a generated class's constants through an instance (CS0176).
            const string Markdown =
                "# Broken\n" +
                "\n" +
                "```csharp\n" +
                "var net = new LstmGen.Networks.Exp4Adding();\n" +
                "var output = new double[net.OutputCount];\n" +
                "```\n";

            var problems = ProblemsOfOnlySnippet(Markdown);

            Assert.NotNull(problems);
            Assert.Contains("docs/broken.md(5,25): error CS0176", problems);
        }

        [Fact]
        public void A_warning_fails_a_snippet_too()
        {
            var problems = ProblemsOfOnlySnippet("```cs\nvar unused = 1;\n```\n");

            Assert.NotNull(problems);
            Assert.Contains("docs/broken.md(2,5): warning CS0219", problems);
        }

        [Fact]
        public void A_program_that_throws_fails()
        {
            var problems = ProblemsOfOnlySnippet("```csharp\nvar net = new LstmGen.Networks.Exp4Adding();\nnet.TrainStep(new double[3], [], []);\n```\n");

            Assert.NotNull(problems);
            Assert.Contains("running it ended with exit code", problems);
            Assert.Contains("ArgumentException", problems);
        }

        [Fact]
        public void A_program_runs_in_its_own_folder()
        {
            var problems = ProblemsOfOnlySnippet(
                "```csharp\n" +
                "if (Directory.EnumerateFileSystemEntries(\".\").Count() != 6) throw new InvalidOperationException(string.Join(\", \", Directory.EnumerateFileSystemEntries(\".\")));\n" +
                "```\n");

            // Snippet.dll, its runtimeconfig, and the four assemblies of the runtime and the reference interpreter: nothing else.
            Assert.Null(problems);
        }

        [Fact]
        public void Class_members_are_compiled_inside_a_class()
        {
            const string Markdown = "```csharp\nprivate static readonly double[] Target = [0.8];\n\npublic static double First() => Target[0];\n```\n";
            var block = MarkdownCodeBlock.Read("docs/members.md", Markdown).Single();

            var compiled = SnippetCompiler.Compile(block, DocNetworks.Generate(new[] { block }));

            Assert.Equal(SnippetKind.Members, compiled.Kind);
            Assert.Empty(compiled.Problems);
        }

        [Fact]
        public void A_snippet_uses_the_network_its_file_declares_and_broken_specs_there_are_no_networks()
        {
            const string Markdown =
                "```yaml\nname: TinyNetwork\ninputs: 2\noutputs: 1\nblocks: { count: 1, cells: 2 }\nlearningRate: 0.5\n```\n" +
                "A broken one, as a diagnostics page shows them:\n\n" +
                "```yaml\nname: Broken\ninputs: 0\n```\n" +
                "```csharp\nusing LstmGen.Runtime;\nusing MyApp;\n\nILstmNetwork network = new TinyNetwork();\nreturn network.WeightCount == 31 ? 0 : 1;\n```\n";
            var blocks = MarkdownCodeBlock.Read("docs/tiny.md", Markdown);
            var networks = DocNetworks.Generate(blocks);

            Assert.Empty(networks.Errors);
            Assert.Equal(new[] { "LstmGenNetworks.g.cs", "TinyNetwork.Lanes128.g.cs", "TinyNetwork.Lanes256.g.cs", "TinyNetwork.Lanes512.g.cs", "TinyNetwork.g.cs" }, networks.Sources.Select(s => s.FilePath).OrderBy(p => p, System.StringComparer.Ordinal));
            Assert.Null(SnippetCheck.Problems(blocks.Single(b => b.IsCSharp), networks));
        }

        [Theory]
        [InlineData("<!-- snippet: not compiled: an excerpt with elisions -->", true)]
        [InlineData("<!-- snippet: not compiled: -->", false)]
        [InlineData("<!-- snippet: skip -->", false)]
        [InlineData("<!-- snippet: not compiled: no end", false)]
        public void A_marker_needs_its_reason(string line, bool valid)
        {
            var block = MarkdownCodeBlock.Read("docs/m.md", line + "\n\n```csharp\nx\n```\n").Single();

            Assert.NotNull(block.Marker);
            Assert.Equal(valid, block.Marker!.IsValid);
        }

        [Fact]
        public void Fences_in_lists_and_longer_fences_are_read()
        {
            const string Markdown = "1. Step:\n\n   ````csharp\n   var a = 1;\n   ```\n   still code\n   ````\n\n~~~yaml\nname: X\n~~~\n";

            var blocks = MarkdownCodeBlock.Read("docs/f.md", Markdown);

            Assert.Equal(2, blocks.Count);
            Assert.Equal((4, "csharp", "var a = 1;\n```\nstill code\n"), (blocks[0].FirstLine, blocks[0].Language, blocks[0].Text));
            Assert.Equal((10, "yaml", "name: X\n"), (blocks[1].FirstLine, blocks[1].Language, blocks[1].Text));
        }

        private static string? ProblemsOfOnlySnippet(string markdown)
        {
            var blocks = MarkdownCodeBlock.Read("docs/broken.md", markdown);
            return SnippetCheck.Problems(blocks.Single(), DocNetworks.Generate(blocks));
        }
    }
}
