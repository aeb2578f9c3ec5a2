using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace LstmGen.Packaging.Tests.Infrastructure
{
    /// <summary>The exit code and the interleaved output of a finished child process.</summary>
    public sealed record ProcessResult(int ExitCode, string Output)
    {
        public override string ToString() => "exit code " + ExitCode + ":\n" + Output;
    }

    /// <summary>Runs <c>dotnet</c> (or a shell script of dotnet commands) as a child process, with extra environment variables, and captures its output.</summary>
    internal static class DotnetProcess
    {
        private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
            RunProgram("dotnet", DefaultTimeout, workingDirectory, environment, arguments);

        /// <summary>Runs <paramref name="program"/> with the same environment as a <c>dotnet</c> child, for at most <paramref name="timeout"/>.</summary>
        public static ProcessResult RunProgram(string program, TimeSpan timeout, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // No MSBuild node or compiler server may outlive the build: a lingering child holds the output pipes open.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            // A test host's own variables must not leak into the child build.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBuildSDKsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(program + " " + string.Join(" ", arguments) + " did not finish in " + timeout + ":\n" + Text(output));
            }

            process.WaitForExit();
            return new ProcessResult(process.ExitCode, Text(output));
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }

        private static string Text(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
