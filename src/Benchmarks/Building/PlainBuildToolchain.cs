using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.Results;

namespace LstmGen.Benchmarks.Building
{
    /// <summary>
    /// BenchmarkDotNet's .NET 10 toolchain (its generated project, its out-of-process executor) with a builder of our
    /// own: <c>dotnet build -c Release</c> of the generated project, and nothing else.
    /// </summary>
    /// <remarks>
    /// BenchmarkDotNet's builder passes <c>OutDir</c> and <c>OutputPath</c> as absolute global properties, which reach
    /// every referenced project. src/Generator/SourceGenerator/LstmGen.Generator.csproj hands the compiler
    /// <c>$(MSBuildThisFileDirectory)$(OutputPath)LstmGen.Generator.Core.dll</c>, which an absolute OutputPath turns
    /// into a path that does not exist (CS0006 while building LstmGen.Runtime). Without those properties the generated
    /// project builds like any other: its references into their own bin folders, its program into
    /// <c>bin/Release/net10.0/</c> beside it, which is exactly where BenchmarkDotNet's executor looks.
    /// </remarks>
    internal sealed class PlainBuildToolchain : BenchmarkDotNet.Toolchains.Toolchain
    {
        private PlainBuildToolchain()
            : base("net10.0 (plain build)", CsProjCoreToolchain.NetCoreApp10_0.Generator, new PlainDotNetBuilder(), CsProjCoreToolchain.NetCoreApp10_0.Executor)
        {
        }

        public static IToolchain Instance { get; } = new PlainBuildToolchain();

        private sealed class PlainDotNetBuilder : IBuilder
        {
            public BuildResult Build(GenerateResult generateResult, BuildPartition buildPartition, ILogger logger)
            {
                var paths = generateResult.ArtifactsPaths;
                var arguments = "build \"" + paths.ProjectFilePath + "\" -c " + buildPartition.BuildConfiguration
                    + " --nodeReuse:false -p:UseSharedCompilation=false";
                var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
                logger.WriteLineInfo("// start " + dotnet + " " + arguments + " in " + paths.BuildArtifactsDirectoryPath);

                var start = new ProcessStartInfo(dotnet, arguments)
                {
                    WorkingDirectory = paths.BuildArtifactsDirectoryPath,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                var stopwatch = Stopwatch.StartNew();
                using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dotnet);
                Task<string> output = process.StandardOutput.ReadToEndAsync();
                Task<string> error = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(buildPartition.Timeout))
                {
                    process.Kill(entireProcessTree: true);
                    return BuildResult.Failure(generateResult, "the build took longer than " + buildPartition.Timeout + " and was stopped");
                }

                logger.WriteLineInfo("// build took " + stopwatch.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s, exit code " + process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (process.ExitCode != 0)
                {
                    return BuildResult.Failure(generateResult, output.Result + Environment.NewLine + error.Result);
                }

                return File.Exists(paths.ExecutablePath)
                    ? BuildResult.Success(generateResult)
                    : BuildResult.Failure(generateResult, "the build succeeded but " + paths.ExecutablePath + " does not exist");
            }
        }
    }
}
