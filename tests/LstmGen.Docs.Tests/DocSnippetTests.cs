using System.Linq;
using LstmGen.Docs.Tests.Snippets;
using Xunit;

namespace LstmGen.Docs.Tests
{
    /// <summary>
    /// Every C# snippet a reader can copy from README.md, docs/*.md or the package readme compiles without a warning, as
    /// it would in a new console project that references LstmGen.Runtime and LstmGen.Reference; a snippet that is a whole program (top-level
    /// statements, or a class with Main) also runs, in a folder of its own, and must exit with 0.
    /// <list type="bullet">
    /// <item>Networks: the runtime's paper networks (<c>LstmGen.Networks.Exp4Adding</c>, ...), and every network the
    /// same Markdown file declares in a YAML block that is a valid spec (the README's <c>HelloLstm.HelloNetwork</c>),
    /// compiled by the generator in-process; a spec without 'namespace' lands in <c>MyApp</c>.</item>
    /// <item>A snippet that is class members (a method, a property) is compiled inside a class; anything else that does
    /// not parse fails.</item>
    /// <item>A block that is not meant to compile (an excerpt with elisions) says so on the line above its fence:
    /// <c>&lt;!-- snippet: not compiled: the reason --&gt;</c>. Use it sparingly.</item>
    /// </list>
    /// Errors are reported at the Markdown file's own line and column.
    /// </summary>
    public sealed class DocSnippetTests
    {
        /// <summary>The C# blocks that are compiled: (file, line of the first code line).</summary>
        public static TheoryData<string, int> CompiledSnippets()
        {
            var data = new TheoryData<string, int>();
            foreach (var block in SnippetCheck.CSharpBlocks(DocFiles.All).Where(b => b.Marker is null))
            {
                data.Add(block.File, block.FirstLine);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(CompiledSnippets))]
        public void Snippet_compiles_and_runs(string file, int line)
        {
            var problems = SnippetCheck.Problems(file, line);

            Assert.True(problems is null, problems);
        }

        [Fact]
        public void The_pages_a_user_starts_from_have_compiled_snippets()
        {
            var compiled = SnippetCheck.CSharpBlocks(DocFiles.All).Where(b => b.Marker is null).ToList();

            foreach (var file in new[] { "README.md", "docs/api.md", "docs/spec-language.md", "src/Generator/SourceGenerator/build/README.package.md" })
            {
                Assert.Contains(compiled, b => b.File == file);
            }

            Assert.True(compiled.Count >= 10, "only " + compiled.Count + " C# snippets found: is the Markdown reader broken?");
        }

        [Fact]
        public void Blocks_left_uncompiled_say_why_and_are_few()
        {
            var blocks = DocFiles.All.SelectMany(DocFiles.Blocks).ToList();

            var markers = blocks.Where(b => b.Marker is not null).ToList();
            Assert.All(markers, b => Assert.True(
                b.Marker!.IsValid,
                b.Place + ": '<!-- snippet: " + b.Marker.Text + " -->' is no marker this test knows; write '<!-- snippet: not compiled: <why> -->'"));
            Assert.All(markers, b => Assert.True(b.IsCSharp, b.Place + ": a snippet marker above a '" + b.Language + "' block, which is never compiled"));
            Assert.True(markers.Count <= 2, "more than two C# blocks are left uncompiled: " + string.Join(", ", markers.Select(b => b.Place)));
        }
    }
}
