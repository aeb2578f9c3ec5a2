using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Packaging.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Packaging.Tests
{
    /// <summary>
    /// The three library packages as users meet them (docs/packages.md): what the .nupkg files hold, and consumer projects
    /// outside the repository that reference them by version, with no AdditionalFiles line, built by the real SDK.
    /// Minutes in all (one pack shared with <see cref="DocumentedCommandsTests"/>, two consumer builds); filter out with
    /// <c>--filter Category!=Packaging</c>.
    /// </summary>
    [Trait("Category", "Packaging")]
    [Collection(PackedCollection.Name)]
    public sealed class PackagingTests
    {
        private readonly PackedPackages _packages;

        public PackagingTests(PackedPackages packages)
        {
            _packages = packages;
        }

        [Fact]
        public void Generator_package_is_an_analyzer_with_its_dependencies_inside_and_the_props()
        {
            var package = NuGetPackage.Read(_packages.GeneratorPackage);

            Assert.Contains("analyzers/dotnet/cs/LstmGen.Generator.dll", package.Files);
            Assert.Contains("analyzers/dotnet/cs/LstmGen.Generator.Core.dll", package.Files);
            Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", package.Files);
            Assert.Contains("build/LstmGen.Generator.props", package.Files);
            Assert.Contains("buildTransitive/LstmGen.Generator.props", package.Files);
            Assert.Contains("README.md", package.Files);
            // Nothing for the consumer's compilation or output: the generator runs inside the compiler only.
            Assert.DoesNotContain(package.Files, f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
            // The core (a project reference) and YamlDotNet travel inside the package, never as dependencies.
            Assert.Empty(package.Dependencies);

            Assert.Equal("LstmGen.Generator", package.Value("id"));
            Assert.Equal(_packages.Version, package.Value("version"));
            Assert.Equal("true", package.Value("developmentDependency"));
            Assert.Equal("MIT", package.Value("license"));
            Assert.Equal("README.md", package.Value("readme"));
            Assert.False(string.IsNullOrWhiteSpace(package.Value("description")));
            Assert.False(string.IsNullOrWhiteSpace(package.Value("authors")));
        }

        [Fact]
        public void Runtime_package_holds_the_runtime_alone_and_depends_on_nothing()
        {
            var package = NuGetPackage.Read(_packages.RuntimePackage);

            // What generated networks stand on, and nothing that reads a spec: no core, no YamlDotNet.
            Assert.Equal(new[] { "lib/net10.0/LstmGen.Runtime.dll" }, package.Files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)));
            Assert.Contains("README.md", package.Files);
            Assert.DoesNotContain(package.Files, f => f.StartsWith("analyzers/", StringComparison.Ordinal));
            // The runtime compiles the paper's networks with the generator: that must not leak into the package either.
            Assert.Empty(package.Dependencies);

            Assert.Equal("LstmGen.Runtime", package.Value("id"));
            Assert.Equal(_packages.Version, package.Value("version"));
            Assert.Null(package.Value("developmentDependency"));
            Assert.Equal("MIT", package.Value("license"));
            Assert.Equal("README.md", package.Value("readme"));
            Assert.False(string.IsNullOrWhiteSpace(package.Value("description")));
        }

        [Fact]
        public void Reference_package_holds_the_interpreter_and_the_core_and_depends_on_the_runtime_and_YamlDotNet()
        {
            var package = NuGetPackage.Read(_packages.ReferencePackage);

            // The interpreter's API shows the core's types (NetworkSpec, NetworkLayout, SpecException): the core ships here.
            Assert.Equal(
                new[] { "lib/net10.0/LstmGen.Generator.Core.dll", "lib/net10.0/LstmGen.Reference.dll" },
                package.Files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)));
            Assert.Contains("README.md", package.Files);
            Assert.DoesNotContain(package.Files, f => f.StartsWith("analyzers/", StringComparison.Ordinal));
            Assert.Equal(
                new[] { "LstmGen.Runtime " + _packages.Version, "YamlDotNet " + RepoPaths.YamlDotNetVersion },
                package.Dependencies.OrderBy(d => d, StringComparer.Ordinal));

            Assert.Equal("LstmGen.Reference", package.Value("id"));
            Assert.Equal(_packages.Version, package.Value("version"));
            Assert.Null(package.Value("developmentDependency"));
            Assert.Equal("MIT", package.Value("license"));
            Assert.Equal("README.md", package.Value("readme"));
            Assert.False(string.IsNullOrWhiteSpace(package.Value("description")));
        }

        [Fact]
        public void Consumer_gets_its_spec_compiled_without_listing_it_then_trains_and_runs()
        {
            var consumer = _packages.CreateConsumer("Tiny");
            // Specs under bin/ and obj/ must not be picked up: these would fail the build (and redeclare no network).
            foreach (var stale in new[] { Path.Combine("bin", "old", "stale.lstm.yaml"), Path.Combine("obj", "stale.lstm.yaml") })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(consumer, stale))!);
                File.WriteAllText(Path.Combine(consumer, stale), "name: [unterminated\n");
            }

            Assert.DoesNotContain("<AdditionalFiles", File.ReadAllText(Path.Combine(consumer, "Consumer.csproj")), StringComparison.Ordinal);

            var build = _packages.Build(consumer, "Consumer.csproj");
            Assert.True(build.ExitCode == 0, "dotnet build of the consumer failed, " + build);
            Assert.Contains(" 0 Warning(s)", build.Output);

            // The generated class carries the package's version and lands in the consumer's RootNamespace.
            var generated = File.ReadAllText(Path.Combine(PackedPackages.GeneratedFolder(consumer), "TinyNetwork.g.cs"));
            Assert.Contains("// Generated by LstmGen " + _packages.Version + " from tiny.lstm.yaml.", generated);
            Assert.Contains("namespace Acme.Forecasting", generated);

            // The runtime, the reference and what they load are copied beside the program; the generator, an analyzer, is not.
            var output = PackedPackages.OutputFolder(consumer);
            Assert.True(File.Exists(Path.Combine(output, "LstmGen.Runtime.dll")));
            Assert.True(File.Exists(Path.Combine(output, "LstmGen.Reference.dll")));
            Assert.True(File.Exists(Path.Combine(output, "LstmGen.Generator.Core.dll")));
            Assert.True(File.Exists(Path.Combine(output, "YamlDotNet.dll")));
            Assert.False(File.Exists(Path.Combine(output, "LstmGen.Generator.dll")));

            var run = _packages.Run(consumer, "Consumer");
            Assert.True(run.ExitCode == 0, "the consumer failed, " + run);
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("type: Acme.Forecasting.TinyNetwork", lines[0]);
            // Input gate, output gate and 2 cells read 2 inputs + 4 hidden + bias (28); the output, 2 cells + bias (3).
            Assert.Equal("WeightCount: 31", lines[1]);
            var before = Value(lines, "mse before: ");
            var after = Value(lines, "mse after: ");
            Assert.InRange(before, 0.01, 1.0);
            // The same network, seed and task as samples/HelloLstm: 3000 sequences learn it.
            Assert.InRange(after, 0.0, 0.001);
            // The reference interpreter of LstmGen.Reference (the core and YamlDotNet at run time) agrees with the generated class.
            Assert.InRange(Value(lines, "largest difference to the reference: "), 0.0, 1e-12);
        }

        [Fact]
        public void Consumer_with_a_broken_spec_fails_at_the_spec_line()
        {
            var consumer = _packages.CreateConsumer("Broken");

            var build = _packages.Build(consumer, "Broken.csproj");

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("broken.lstm.yaml(8,10): error LSTM0005: 'blocks.cells' must be a positive integer, got 0", build.Output);
            Assert.DoesNotContain("error CS", build.Output);
        }

        private static double Value(string[] lines, string prefix)
        {
            var line = lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException("no line starting '" + prefix + "' in:\n" + string.Join("\n", lines));
            return double.Parse(line.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
