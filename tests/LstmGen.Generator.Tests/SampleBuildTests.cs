using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The generator as users meet it: samples/ projects, and one written to a temporary folder, built by the real SDK
    /// (dotnet build as a child process) with the generator referenced as an analyzer and its props imported. These
    /// take 20-60 s each; filter them out with <c>--filter Category!=Samples</c> for a quick loop. All live in this one
    /// class so they never build the shared projects (Generator, Runtime) at the same time. The samples keep their own
    /// bin/ and obj/.
    /// </summary>
    [Trait("Category", "Samples")]
    public sealed class SampleBuildTests
    {
        private const string Configuration = "Release";

        [Fact]
        public void HelloLstm_builds_trains_and_prints_its_outputs()
        {
            var project = Path.Combine(RepoPaths.Samples, "HelloLstm");
            // The sample takes the project-reference route with the generator's props imported, and lists no spec:
            // the import alone must hand hello.lstm.yaml to the generator, as the NuGet package does.
            Assert.DoesNotContain("<AdditionalFiles", File.ReadAllText(Path.Combine(project, "HelloLstm.csproj")), StringComparison.Ordinal);

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

        [Fact]
        public void A_project_without_a_spec_builds_with_a_warning_that_says_how_to_add_one()
        {
            // A user's project outside the repository (none of its Directory.Build.props), project-reference route with
            // the props imported, whose spec is named hello.yaml: nothing is compiled, and the build says why.
            var project = Directory.CreateTempSubdirectory("lstmgen-nospec-").FullName;
            try
            {
                var generator = Path.Combine(RepoPaths.Root, "src", "Generator", "SourceGenerator");
                File.WriteAllText(Path.Combine(project, "NoSpec.csproj"),
                    "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                    "  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>\n" +
                    "  <ItemGroup>\n" +
                    "    <ProjectReference Include=\"" + Path.Combine(generator, "LstmGen.Generator.csproj") + "\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />\n" +
                    "    <AdditionalFiles Include=\"hello.yaml\" />\n" +
                    "  </ItemGroup>\n" +
                    "  <Import Project=\"" + Path.Combine(generator, "build", "LstmGen.Generator.props") + "\" />\n" +
                    "</Project>\n");
                File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"no network here\");\n");
                File.Copy(Path.Combine(RepoPaths.Samples, "HelloLstm", "hello.lstm.yaml"), Path.Combine(project, "hello.yaml"));

                var build = ChildProcess.Dotnet(project, "build", "NoSpec.csproj", "-c", Configuration, "-nodeReuse:false", "--disable-build-servers");

                Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
                Assert.Contains("warning LSTM1002: The LstmGen generator runs in this project but was given no spec", build.Output);
                Assert.Contains("hello.yaml(1,1): warning LSTM1003: 'hello.yaml' looks like an LstmGen spec", build.Output);
                Assert.Contains("rename it to 'hello.lstm.yaml'", build.Output);
            }
            finally
            {
                Directory.Delete(project, recursive: true);
            }
        }

        private static double Value(string[] lines, string prefix)
        {
            var line = lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException("no line starting '" + prefix + "' in:\n" + string.Join("\n", lines));
            return double.Parse(line.Substring(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
