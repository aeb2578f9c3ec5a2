using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LstmGen.Architecture.Tests.Infrastructure
{
    /// <summary>A project reference as a project file states it: the referenced project and whether it runs as an analyzer.</summary>
    internal sealed record ProjectReference(string Project, bool IsAnalyzer);

    /// <summary>The references a project file (.csproj) states: project references and package references.</summary>
    internal sealed class ProjectFile
    {
        private ProjectFile(string path, IReadOnlyList<ProjectReference> projects, IReadOnlyList<string> packages)
        {
            Path = path;
            ProjectReferences = projects;
            PackageReferences = packages;
        }

        public string Path { get; }

        /// <summary>Every <c>ProjectReference</c>, its path made absolute.</summary>
        public IReadOnlyList<ProjectReference> ProjectReferences { get; }

        /// <summary>The id of every <c>PackageReference</c>.</summary>
        public IReadOnlyList<string> PackageReferences { get; }

        public static ProjectFile Read(string path)
        {
            var document = XDocument.Load(path);
            var folder = System.IO.Path.GetDirectoryName(path)!;
            var projects = document.Descendants("ProjectReference")
                .Select(e => new ProjectReference(
                    System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, ((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', System.IO.Path.DirectorySeparatorChar))),
                    string.Equals((string?)e.Attribute("OutputItemType") ?? (string?)e.Element("OutputItemType"), "Analyzer", StringComparison.OrdinalIgnoreCase)))
                .ToList();
            var packages = document.Descendants("PackageReference")
                .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? string.Empty)
                .ToList();
            return new ProjectFile(path, projects, packages);
        }

        /// <summary>Every project file under <paramref name="folder"/> (bin/ and obj/ excepted).</summary>
        public static IEnumerable<string> Under(string folder) =>
            Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !p.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
    }
}
