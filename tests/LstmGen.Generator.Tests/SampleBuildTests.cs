using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The generator as users meet it: samples/ projects built by the real SDK (dotnet build as a child process),
    /// with the generator referenced as an analyzer. These take 20-60 s each; filter them out with
    /// <c>--filter Category!=Samples</c> for a quick loop. Both live in this one class so they never build the
    /// shared projects (Generator, Runtime) at the same time. The samples keep their own bin/ and obj/.
    /// </summary>
    [Trait("Category", "Samples")]
    public sealed class SampleBuildTests
    {
        private const string Configuration = "Release";

        [Fact]
        public void HelloLstm_builds_trains_and_prints_its_outputs()
        {
            var project = Path.Combine(RepoPaths.Samples, "HelloLstm");

            var build = ChildProcess.Dotnet(project, "build", "HelloLstm.csproj", "-c", Configuration, "-nodeReuse:false", "--disable-build-servers");
            Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
            Assert.Contains(" 0 Warning(s)", build.Output);
            Assert.True(
                File.Exists(Path.Combine(project, "obj", Configuration, "net10.0", "generated", "LstmGen.Generator", "LstmGen.Generator.LstmNetworkGenerator", "HelloNetwork.g.cs")),
                "the generated class was not written under obj/");

            var run = ChildProcess.Dotnet(project, Path.Combine("bin", Configuration, "net10.0", "HelloLstm.dll"));
            Assert.True(run.ExitCode == 0, "HelloLstm failed:\n" + run.Output);
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("HelloNetwork: 2 inputs, 1 output, 2 cells, 31 weights", lines[0]);
            var before = Value(lines, "mse before: ");
            var after = Value(lines, "mse after: ");
            Assert.InRange(before, 0.01, 1.0);
            Assert.InRange(after, 0.0, 0.001);
            Assert.InRange(Value(lines, "recall 0 -> "), 0.15, 0.25);
            Assert.InRange(Value(lines, "recall 1 -> "), 0.75, 0.85);
        }

        [Fact]
        public void BrokenSpec_fails_to_build_with_the_error_located_in_the_yaml()
        {
            var project = Path.Combine(RepoPaths.Samples, "BrokenSpec");

            var build = ChildProcess.Dotnet(project, "build", "BrokenSpec.csproj", "-c", Configuration, "-nodeReuse:false", "--disable-build-servers");

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("broken.lstm.yaml(8,10): error LSTM0005: 'blocks.cells' must be a positive integer, got 0", build.Output);
            // The spec error alone fails the build: no C# error follows from the class the generator did not emit.
            Assert.DoesNotContain("error CS", build.Output);
        }

        private static double Value(string[] lines, string prefix)
        {
            var line = lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException("no line starting '" + prefix + "' in:\n" + string.Join("\n", lines));
            return double.Parse(line.Substring(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
