using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LstmGen.Architecture.Tests.Infrastructure
{
    /// <summary>Which source lines of a folder name a word they must not, outside the files and folders allowed to.</summary>
    internal static class SourceScan
    {
        /// <summary>
        /// Every line (as <c>path:line: text</c>) of the C# files under <paramref name="folder"/> that names one of
        /// <paramref name="names"/> as a whole word, in files whose repository path starts with none of <paramref name="allowed"/>.
        /// </summary>
        public static IReadOnlyList<string> Offenders(string folder, IReadOnlyList<string> names, IReadOnlyList<string> allowed)
        {
            var pattern = new Regex(@"\b(?:" + string.Join("|", names.Select(Regex.Escape)) + @")\b", RegexOptions.CultureInvariant);
            return Directory.EnumerateFiles(RepoPaths.Full(folder), "*.cs", SearchOption.AllDirectories)
                .Select(RepoPaths.Relative)
                .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
                .Where(path => !allowed.Any(a => path.StartsWith(a, StringComparison.Ordinal)))
                .SelectMany(path => File.ReadLines(RepoPaths.Full(path))
                    .Select((line, index) => (line, index))
                    .Where(x => pattern.IsMatch(x.line))
                    .Select(x => path + ":" + (x.index + 1) + ": " + x.line.Trim()))
                .ToList();
        }
    }
}
