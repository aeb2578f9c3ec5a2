using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LstmGen.Packaging.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Packaging.Tests
{
    /// <summary>
    /// The package route of docs/packages.md, run word for word (its blocks marked <c>&lt;!-- test: ... --&gt;</c>) from a
    /// copy of the source tree in a temporary folder, as a new user on a fresh machine would: the pack command (run by the
    /// fixture), a consumer made with <c>dotnet new</c>, <c>nuget.config</c> and <c>dotnet add package</c> that builds and
    /// runs, and <c>dotnet tool install --global</c> of the CLI (with HOME in the temporary folder) that puts <c>lstmgen</c>
    /// on the path.
    /// </summary>
    [Trait("Category", "Packaging")]
    [Collection(PackedCollection.Name)]
    public sealed class DocumentedCommandsTests
    {
        private readonly PackedPackages _packages;

        public DocumentedCommandsTests(PackedPackages packages)
        {
            _packages = packages;
        }

        [Fact]
        public void The_documented_pack_command_makes_the_four_packages_in_the_documented_feed()
        {
            Assert.Equal(
                new[] { "LstmGen.Cli", "LstmGen.Generator", "LstmGen.Reference", "LstmGen.Runtime" }.Select(p => p + "." + _packages.Version + ".nupkg"),
                Directory.GetFiles(_packages.Feed, "*.nupkg").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
            Assert.Contains("dotnet pack LstmGen.Packages.slnx -c Release -o artifacts/packages", DocumentedCommands.Block("pack"), StringComparison.Ordinal);
        }

        [Fact]
        public void The_tool_package_holds_the_framework_dependent_lstmgen_command()
        {
            var package = NuGetPackage.Read(_packages.ToolPackage);

            Assert.Contains("tools/net10.0/any/lstmgen.dll", package.Files);
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", package.Files);
            Assert.Contains("tools/net10.0/any/LstmGen.Runtime.dll", package.Files);
            Assert.Equal("LstmGen.Cli", package.Value("id"));
            Assert.Equal(_packages.Version, package.Value("version"));
            Assert.Equal("MIT", package.Value("license"));
            Assert.Contains(package.Metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
            // A tool carries its dependencies inside: nothing to resolve from a feed.
            Assert.Empty(package.Dependencies);
        }

        [Fact]
        public void The_documented_consumer_commands_build_and_run_a_consumer()
        {
            var result = _packages.RunDocumented("consumer", _packages.ConsumerEnvironment(), TimeSpan.FromMinutes(10));

            Assert.True(result.ExitCode == 0, "docs/packages.md's consumer commands failed, " + result);
            Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal);
            // The program trains the spec's network to answer 0.8 after a 1, as the README's example does.
            Assert.Contains("last answer: 0.799", result.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_packages.Root, "hello-lstm", "hello.lstm.yaml")), "the consumer was not made beside the clone");
        }

        [Fact]
        public void The_documented_tool_install_puts_lstmgen_on_the_path()
        {
            var home = Path.Combine(_packages.Root, "home");
            Directory.CreateDirectory(home);
            var environment = new Dictionary<string, string>(_packages.ConsumerEnvironment()) { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home };

            var result = _packages.RunDocumented("tool", environment, TimeSpan.FromMinutes(10));

            Assert.True(result.ExitCode == 0, "docs/packages.md's tool commands failed, " + result);
            Assert.True(File.Exists(Path.Combine(home, ".dotnet", "tools", "lstmgen")), "lstmgen was not installed under HOME/.dotnet/tools, " + result);
            var lines = result.Output.Split('\n');
            Assert.Contains(_packages.Version, lines);   // lstmgen --version
            Assert.Contains(lines, l => l.StartsWith("Exp4Adding ", StringComparison.Ordinal));   // lstmgen specs
        }
    }
}
