using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LstmGen.Packaging.Tests.Infrastructure
{
    /// <summary>
    /// Packs LstmGen.Generator, LstmGen.Runtime and LstmGen.Reference once for the whole test class, into a temporary
    /// folder outside the repository, and sets up consumer projects there.
    /// </summary>
    /// <remarks>
    /// The packages are built from a copy of the source tree (the root props, specs/, src/Generator, src/Runtime;
    /// no bin/ or obj/): other test assemblies build the same projects in Release at the same time (the sample
    /// builds), and two builds writing one obj/ folder race. Consumers restore into their own packages folder
    /// (NUGET_PACKAGES), so that no LstmGen package of an earlier run, cached globally under the same version, can
    /// stand in for the one just packed, and this run leaves nothing in the global cache.
    /// </remarks>
    public sealed class PackedPackages : IDisposable
    {
        private const string Configuration = "Release";

        /// <param name="diagnostics">Where the packing says what it does: shown by <c>dotnet test</c> (xunit.runner.json's
        /// diagnosticMessages), since no test runs, and so none is reported as long-running, while the fixture packs.</param>
        public PackedPackages(IMessageSink diagnostics)
        {
            var started = Stopwatch.StartNew();
            diagnostics.OnMessage(new DiagnosticMessage("Packing LstmGen.Generator, LstmGen.Runtime, LstmGen.Reference and LstmGen.Cli from a copy of the source tree with docs/packages.md's pack command (a few minutes), then building consumers of them"));
            Root = Path.Combine(Path.GetTempPath(), "lstmgen-packaging-" + Guid.NewGuid().ToString("N")[..12]);
            Source = Path.Combine(Root, "source");
            Feed = Path.Combine(Source, "artifacts", "packages");
            PackagesFolder = Path.Combine(Root, "nuget-packages");
            Directory.CreateDirectory(PackagesFolder);

            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "LstmGen.Packages.slnx" })
            {
                CopyFile(Path.Combine(RepoPaths.Root, file), Path.Combine(Source, file));
            }

            CopyTree(Path.Combine(RepoPaths.Root, "specs"), Path.Combine(Source, "specs"));
            CopyTree(Path.Combine(RepoPaths.Root, "src", "Generator"), Path.Combine(Source, "src", "Generator"));
            CopyTree(Path.Combine(RepoPaths.Root, "src", "Runtime"), Path.Combine(Source, "src", "Runtime"));
            CopyTree(Path.Combine(RepoPaths.Root, "src", "Experiments"), Path.Combine(Source, "src", "Experiments"));

            // Exactly the documented command (docs/packages.md, the block marked 'pack'), into the documented feed folder.
            var pack = RunDocumented("pack", new Dictionary<string, string>(), TimeSpan.FromMinutes(20));
            // pack prints no "N Warning(s)" summary: look for the warnings themselves.
            if (pack.ExitCode != 0 || pack.Output.Contains(": warning ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("docs/packages.md's pack command failed or warned, " + pack);
            }

            diagnostics.OnMessage(new DiagnosticMessage(string.Create(CultureInfo.InvariantCulture, $"Packed the four packages in {started.Elapsed.TotalSeconds:F0} s")));
        }

        /// <summary>The copy of the source tree the packages are packed from: the documented commands run here, as from a clone's root.</summary>
        public string Source { get; }

        /// <summary>The temporary folder that holds everything: the source copy, the feed, the consumers.</summary>
        public string Root { get; }

        /// <summary>The folder the packages are packed into (the documented local feed, artifacts/packages), a package source of every consumer.</summary>
        public string Feed { get; }

        /// <summary>The consumers' own global packages folder.</summary>
        public string PackagesFolder { get; }

        public string Version => RepoPaths.PackageVersion;

        public string GeneratorPackage => Path.Combine(Feed, "LstmGen.Generator." + Version + ".nupkg");

        public string RuntimePackage => Path.Combine(Feed, "LstmGen.Runtime." + Version + ".nupkg");

        public string ReferencePackage => Path.Combine(Feed, "LstmGen.Reference." + Version + ".nupkg");

        public string ToolPackage => Path.Combine(Feed, "LstmGen.Cli." + Version + ".nupkg");

        /// <summary>
        /// Runs the shell block of docs/packages.md marked <c>&lt;!-- test: {name} --&gt;</c> with bash (<c>-euo pipefail</c>),
        /// word for word, from <see cref="Source"/>; <paramref name="environment"/> adds to the variables every child gets
        /// (<see cref="ConsumerEnvironment"/> to restore into <see cref="PackagesFolder"/>).
        /// </summary>
        public ProcessResult RunDocumented(string name, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
        {
            var script = Path.Combine(Root, name + ".sh");
            File.WriteAllText(script, DocumentedCommands.Block(name));
            return DotnetProcess.RunProgram("bash", timeout, Source, environment, "-euo", "pipefail", script);
        }

        /// <summary>
        /// Copies <c>Consumers/{name}</c> to a fresh folder beside the feed and writes its NuGet.config (this feed, then
        /// nuget.org for YamlDotNet; nothing inherited) and empty Directory.*.props/targets, so that no parent folder's
        /// build settings can reach it. Returns the folder.
        /// </summary>
        public string CreateConsumer(string name)
        {
            var folder = Path.Combine(Root, name);
            CopyTree(Path.Combine(RepoPaths.Consumers, name), folder);
            File.WriteAllText(Path.Combine(folder, "NuGet.config"), NuGetConfig());
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                File.WriteAllText(
                    Path.Combine(folder, file),
                    "<Project>\n  <!-- Deliberately empty: MSBuild stops looking in parent folders here. -->\n</Project>\n");
            }

            return folder;
        }

        /// <summary>Builds a consumer in Release against the packed version, restoring into <see cref="PackagesFolder"/>.</summary>
        public ProcessResult Build(string consumer, string project) =>
            DotnetProcess.Run(
                consumer,
                ConsumerEnvironment(),
                "build", project, "-c", Configuration, "-p:LstmGenVersion=" + Version, "-nodeReuse:false", "--disable-build-servers");

        /// <summary>Runs a built consumer (framework-dependent, from its bin folder).</summary>
        public ProcessResult Run(string consumer, string assemblyName) =>
            DotnetProcess.Run(consumer, ConsumerEnvironment(), Path.Combine(OutputFolder(consumer), assemblyName + ".dll"));

        public static string OutputFolder(string consumer) => Path.Combine(consumer, "bin", Configuration, "net10.0");

        public static string GeneratedFolder(string consumer) =>
            Path.Combine(consumer, "obj", Configuration, "net10.0", "generated", "LstmGen.Generator", "LstmGen.Generator.LstmNetworkGenerator");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failing cleanup must not hide the tests' results.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>A consumer's variables: its own packages folder, so that no LstmGen package cached by an earlier run stands in.</summary>
        public Dictionary<string, string> ConsumerEnvironment() => new() { ["NUGET_PACKAGES"] = PackagesFolder };

        private string NuGetConfig() =>
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<configuration>\n" +
            "  <packageSources>\n" +
            "    <clear />\n" +
            "    <add key=\"lstmgen-under-test\" value=\"" + Feed + "\" />\n" +
            "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n" +
            "  </packageSources>\n" +
            "  <fallbackPackageFolders>\n" +
            "    <clear />\n" +
            "  </fallbackPackageFolders>\n" +
            "  <config>\n" +
            "    <add key=\"globalPackagesFolder\" value=\"" + PackagesFolder + "\" />\n" +
            "  </config>\n" +
            "</configuration>\n";

        private static void CopyFile(string from, string to)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            }

            foreach (var directory in Directory.GetDirectories(from))
            {
                var name = Path.GetFileName(directory);
                if (name is "bin" or "obj")
                {
                    continue;
                }

                CopyTree(directory, Path.Combine(to, name));
            }
        }
    }
}
