using System;
using System.IO;
using System.Linq;

namespace LstmGen.Packaging.Tests.Infrastructure
{
    /// <summary>
    /// The shell blocks of docs/packages.md that a test runs word for word: a fenced <c>sh</c> block right after a line
    /// <c>&lt;!-- test: {name} --&gt;</c>.
    /// </summary>
    internal static class DocumentedCommands
    {
        public static string Document => Path.Combine(RepoPaths.Root, "docs", "packages.md");

        /// <summary>The text of the block marked <paramref name="name"/>, one command per line, ending with a newline.</summary>
        public static string Block(string name)
        {
            var lines = File.ReadAllLines(Document);
            var marker = Array.IndexOf(lines, "<!-- test: " + name + " -->");
            if (marker < 0 || marker + 1 >= lines.Length || lines[marker + 1] != "```sh")
            {
                throw new InvalidOperationException("docs/packages.md has no block marked '<!-- test: " + name + " -->' followed by a ```sh fence");
            }

            var body = lines.Skip(marker + 2).TakeWhile(l => l != "```").ToList();
            return string.Join("\n", body) + "\n";
        }
    }
}
