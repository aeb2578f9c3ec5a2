using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace LstmGen.Packaging.Tests.Infrastructure
{
    /// <summary>A package's file list and the parts of its .nuspec the tests check, read from the .nupkg (a zip).</summary>
    internal sealed class NuGetPackage
    {
        private NuGetPackage(IReadOnlyList<string> files, XElement metadata)
        {
            Files = files;
            Metadata = metadata;
        }

        /// <summary>Every entry of the zip, with '/' separators, sorted.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
        public XElement Metadata { get; }

        /// <summary>The package's dependencies as "id version", over every target framework group.</summary>
        public IReadOnlyList<string> Dependencies =>
            Metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => (string?)e.Attribute("id") + " " + (string?)e.Attribute("version"))
                .ToList();

        public string? Value(string element) =>
            Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;

        public static NuGetPackage Read(string path)
        {
            using var zip = ZipFile.OpenRead(path);
            var files = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
            using var stream = nuspec.Open();
            var document = XDocument.Load(stream);
            var metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            return new NuGetPackage(files, metadata);
        }
    }
}
