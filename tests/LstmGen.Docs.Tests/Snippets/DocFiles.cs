using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>
    /// The Markdown files whose snippets a user copies: the README, every page of docs/, and the readme shipped in the
    /// packages. Read from the source tree, found above this source file (the folder that holds LstmGen.sln).
    /// </summary>
    internal static class DocFiles
    {
        public static string Root { get; } = FindRoot(ThisFile());

        /// <summary>Paths relative to the repository root, with '/' separators, in ordinal order.</summary>
        public static IReadOnlyList<string> All { get; } = Find();

        /// <summary>Every fenced block of one of <see cref="All"/>.</summary>
        public static IReadOnlyList<MarkdownCodeBlock> Blocks(string relativePath) =>
            MarkdownCodeBlock.Read(relativePath, File.ReadAllText(Path.Combine(Root, relativePath)));

        private static List<string> Find()
        {
            var files = Directory.GetFiles(Root, "*.md")
                .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"))
                .Append(Path.Combine(Root, "src", "Generator", "SourceGenerator", "build", "README.package.md"));
            return files
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }

        private static string ThisFile([CallerFilePath] string path = "") => path;

        private static string FindRoot(string start)
        {
            for (var dir = Path.GetDirectoryName(start); dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "LstmGen.sln")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("No LstmGen.sln above " + start + ": the tests must run from a build of the source tree.");
        }
    }
}
