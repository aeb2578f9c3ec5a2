using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LstmGen.Packaging.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Packaging.Tests
{
    /// <summary>The versions the packages' readme and the packaging docs tell users to reference are the packages' own.</summary>
    public sealed class VersionMentionTests
    {
        [Theory]
        [InlineData("src/Generator/SourceGenerator/build/README.package.md")]
        [InlineData("docs/packages.md")]
        public void Every_package_reference_shown_names_the_current_version(string file)
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));

            var versions = Regex.Matches(text, "PackageReference Include=\"LstmGen\\.(?:Generator|Runtime|Reference)\" Version=\"([^\"]+)\"")
                .Select(m => m.Groups[1].Value).ToList();

            // One reference to each of the three packages.
            Assert.Equal(3, versions.Count);
            Assert.All(versions, v => Assert.Equal(RepoPaths.PackageVersion, v));
        }

        [Theory]
        [InlineData("README.md", 1)]
        [InlineData("docs/packages.md", 3)]
        public void Every_install_command_shown_names_the_current_version(string file, int commands)
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));

            // dotnet add package LstmGen.Runtime --version X, dotnet tool install --global LstmGen.Cli --version X
            var versions = Regex.Matches(text, "LstmGen\\.(?:Generator|Runtime|Reference|Cli) --version (\\S+)")
                .Select(m => m.Groups[1].Value).ToList();

            Assert.Equal(commands, versions.Count);
            Assert.All(versions, v => Assert.Equal(RepoPaths.PackageVersion, v));
        }
    }
}
