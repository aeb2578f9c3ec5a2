using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LstmGen.Generator.Tests.Infrastructure
{
    /// <summary>The paper's specs, read from the repository's <c>specs/</c> folder.</summary>
    internal static class PaperSpecs
    {
        public const string Suffix = ".lstm.yaml";

        /// <summary>File names without <c>.lstm.yaml</c>, e.g. <c>exp4-adding</c>, in ordinal order.</summary>
        public static IReadOnlyList<string> Names { get; } = Directory.GetFiles(RepoPaths.Specs, "*" + Suffix)
            .Select(p => Path.GetFileName(p).Substring(0, Path.GetFileName(p).Length - Suffix.Length))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        /// <summary>(path, text) of a spec. Line endings are made LF: the text is embedded in the generated class,
        /// and a checkout with CRLF must give the same snapshot.</summary>
        public static (string Path, string Yaml) Read(string name)
        {
            var fileName = name + Suffix;
            return (fileName, File.ReadAllText(Path.Combine(RepoPaths.Specs, fileName)).Replace("\r\n", "\n"));
        }

        /// <summary>
        /// The spec moved into <paramref name="ns"/>: LstmGen.Runtime already holds the paper's networks in the default
        /// namespace, so compiling them again beside a reference to it would only test CS0436 (type conflicts with an
        /// imported type), not the generated code.
        /// </summary>
        public static (string Path, string Yaml) ReadInNamespace(string name, string ns)
        {
            // The runtime assembly the check compiles against already holds the paper's networks in their own
            // namespace: move the copy elsewhere so that the compile check sees no CS0436 type conflict.
            var (path, yaml) = Read(name);
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, line => line.StartsWith("namespace:", StringComparison.Ordinal));
            if (index < 0)
            {
                return (path, "namespace: " + ns + "\n" + yaml);
            }

            lines[index] = "namespace: " + ns;
            return (path, string.Join("\n", lines));
        }
    }
}
