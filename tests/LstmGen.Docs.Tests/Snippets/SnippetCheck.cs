using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>Compiles a snippet and, when it is a program, runs it; says what went wrong, or nothing.</summary>
    internal static class SnippetCheck
    {
        private static readonly ConcurrentDictionary<string, DocNetworks> NetworksByFile = new ConcurrentDictionary<string, DocNetworks>();

        /// <summary>The problems of one snippet of a repository file, or null when it compiles (and runs) cleanly.</summary>
        public static string? Problems(string relativePath, int firstLine)
        {
            var blocks = DocFiles.Blocks(relativePath);
            var block = blocks.Single(b => b.FirstLine == firstLine);
            var networks = NetworksByFile.GetOrAdd(relativePath, _ => DocNetworks.Generate(blocks));
            return Problems(block, networks);
        }

        /// <summary>The problems of a snippet, compiled with the networks of its file; null when there are none.</summary>
        public static string? Problems(MarkdownCodeBlock block, DocNetworks networks)
        {
            var compiled = SnippetCompiler.Compile(block, networks);
            if (!compiled.Succeeded)
            {
                return block.Place + ": the C# snippet does not compile cleanly (" + compiled.Kind + "):\n" + string.Join("\n", compiled.Problems);
            }

            if (compiled.Kind != SnippetKind.Program)
            {
                return null;
            }

            var run = SnippetRunner.Run(compiled.Assembly!);
            return run.ExitCode == 0
                ? null
                : block.Place + ": the C# snippet compiles, but running it ended with exit code " + run.ExitCode + ":\n" + run.Output;
        }

        /// <summary>Every C# block of the given files, with what the test does with it.</summary>
        public static IEnumerable<MarkdownCodeBlock> CSharpBlocks(IEnumerable<string> files) =>
            files.SelectMany(DocFiles.Blocks).Where(b => b.IsCSharp);
    }
}
