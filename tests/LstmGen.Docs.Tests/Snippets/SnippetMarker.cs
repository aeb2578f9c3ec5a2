using System;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>
    /// An HTML comment on the last non-blank line above a fenced block, invisible in the rendered page, that tells the
    /// snippet test how to treat the block. The one kind there is:
    /// <code>&lt;!-- snippet: not compiled: an excerpt of generated code, with elisions --&gt;</code>
    /// It needs its reason. Any other <c>&lt;!-- snippet: …</c> comment is a mistake the test reports.
    /// </summary>
    /// <param name="Text">The comment's text between <c>snippet:</c> and <c>--&gt;</c>.</param>
    /// <param name="NotCompiledReason">Why the block is not compiled; null when the marker is not a valid "not compiled".</param>
    internal sealed record SnippetMarker(string Text, string? NotCompiledReason)
    {
        private const string Prefix = "<!-- snippet:";
        private const string NotCompiled = "not compiled:";

        public bool IsValid => NotCompiledReason is not null;

        /// <summary>The marker above line <paramref name="fenceLine"/> (0-based), or null when the nearest non-blank line is not one.</summary>
        public static SnippetMarker? Above(string[] lines, int fenceLine)
        {
            var i = fenceLine - 1;
            while (i >= 0 && lines[i].Trim().Length == 0)
            {
                i--;
            }

            if (i < 0)
            {
                return null;
            }

            var line = lines[i].Trim();
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var text = line.EndsWith("-->", StringComparison.Ordinal)
                ? line.Substring(Prefix.Length, line.Length - Prefix.Length - 3).Trim()
                : line.Substring(Prefix.Length).Trim();
            var reason = text.StartsWith(NotCompiled, StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal)
                ? text.Substring(NotCompiled.Length).Trim()
                : null;
            return new SnippetMarker(text, string.IsNullOrEmpty(reason) ? null : reason);
        }
    }
}
