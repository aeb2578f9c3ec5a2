using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace LstmGen.Packaging.Tests.Infrastructure
{
    /// <summary>
    /// The source tree (the first folder above this file that holds <c>LstmGen.sln</c>) and the versions it declares:
    /// the packages' version from Directory.Build.props, YamlDotNet's from Directory.Packages.props.
    /// </summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot(ThisFile());

        /// <summary>The folder of this test project (where <c>Consumers/</c> lives).</summary>
        public static string TestProject { get; } = Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

        public static string Consumers => Path.Combine(TestProject, "Consumers");

        public static string PackageVersion { get; } = Property("Directory.Build.props", "Version");

        public static string YamlDotNetVersion { get; } = CentralVersion("YamlDotNet");

        private static string Property(string file, string name)
        {
            var value = XDocument.Load(Path.Combine(Root, file)).Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault();
            return value ?? throw new InvalidOperationException("No <" + name + "> in " + file);
        }

        private static string CentralVersion(string package)
        {
            var entry = XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
                .FirstOrDefault(e => (string?)e.Attribute("Include") == package);
            return (string?)entry?.Attribute("Version") ?? throw new InvalidOperationException("No PackageVersion for " + package);
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
