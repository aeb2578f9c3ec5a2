using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>
    /// One fenced code block of a Markdown file: its language (the first word of the info string), its text without the
    /// fences, the 1-based line of its first text line, and the snippet marker just above it, if any.
    /// </summary>
    internal sealed record MarkdownCodeBlock(string File, int FirstLine, string Language, string Text, SnippetMarker? Marker)
    {
        /// <summary>The C# fences: GitHub highlights all of these as C#.</summary>
        public bool IsCSharp => Language is "csharp" or "cs" or "c#" or "C#";

        public bool IsYaml => Language is "yaml" or "yml";

        /// <summary>Where the block is, as a compiler prints a place: <c>docs/api.md(12)</c>.</summary>
        public string Place => File + "(" + FirstLine + ")";

        /// <summary>
        /// Every fenced block of <paramref name="markdown"/> (``` or ~~~, three or more, indented or not, as in a list).
        /// A fence left open runs to the end of the file, as CommonMark says.
        /// </summary>
        public static IReadOnlyList<MarkdownCodeBlock> Read(string file, string markdown)
        {
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            var blocks = new List<MarkdownCodeBlock>();
            for (var i = 0; i < lines.Length; i++)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
                var fence = Fence(lines[i].TrimStart(' '));
                if (fence is null)
                {
                    continue;
                }

                var info = lines[i].TrimStart(' ').Substring(fence.Length).Trim();
                var language = info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
                var marker = SnippetMarker.Above(lines, i);
                var text = new List<string>();
                var j = i + 1;
                for (; j < lines.Length; j++)
                {
                    var trimmed = lines[j].TrimStart(' ');
                    if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimEnd().All(c => c == fence[0]))
                    {
                        break;
                    }

                    // Content lines lose the opening fence's indentation, no more.
                    var strip = Math.Min(indent, lines[j].Length - trimmed.Length);
                    text.Add(lines[j].Substring(strip));
                }

                blocks.Add(new MarkdownCodeBlock(file, i + 2, language, string.Join("\n", text) + "\n", marker));
                i = j;
            }

            return blocks;
        }

        /// <summary>The fence that opens a line (``` or ~~~ and longer), or null.</summary>
        private static string? Fence(string line)
        {
            foreach (var c in new[] { '`', '~' })
            {
                var length = 0;
                while (length < line.Length && line[length] == c)
                {
                    length++;
                }

                if (length >= 3)
                {
                    return new string(c, length);
                }
            }

            return null;
        }
    }
}
