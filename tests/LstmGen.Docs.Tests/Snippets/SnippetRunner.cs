using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace LstmGen.Docs.Tests.Snippets
{
    /// <summary>The exit code and the interleaved output of a snippet program.</summary>
    internal sealed record SnippetRun(int ExitCode, string Output);

    /// <summary>
    /// Runs a compiled snippet program in its own process and its own empty folder (a snippet may write files, as the
    /// weight-saving one does), with the runtime's assemblies beside it, as <c>dotnet run</c> would.
    /// </summary>
    internal static class SnippetRunner
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

        public static SnippetRun Run(byte[] assembly)
        {
            var folder = Directory.CreateTempSubdirectory("lstmgen-snippet-").FullName;
            try
            {
                File.WriteAllBytes(Path.Combine(folder, "Snippet.dll"), assembly);
                File.WriteAllText(Path.Combine(folder, "Snippet.runtimeconfig.json"), RuntimeConfig());
                foreach (var dependency in SnippetCompiler.RuntimeAssemblies)
                {
                    File.Copy(dependency, Path.Combine(folder, Path.GetFileName(dependency)));
                }

                var start = new ProcessStartInfo("dotnet")
                {
                    WorkingDirectory = folder,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                start.ArgumentList.Add("Snippet.dll");
                start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

                var output = new StringBuilder();
                using var process = new Process { StartInfo = start };
                process.OutputDataReceived += (_, e) => Append(output, e.Data);
                process.ErrorDataReceived += (_, e) => Append(output, e.Data);
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    return new SnippetRun(-1, Text(output) + "\n(killed: no exit within " + Timeout + ")");
                }

                process.WaitForExit();
                return new SnippetRun(process.ExitCode, Text(output));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>The framework this test runs on, with invariant globalisation as in the repository's projects.</summary>
        private static string RuntimeConfig() => string.Create(
            CultureInfo.InvariantCulture,
            $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.Major}}.{{Environment.Version.Minor}}.0" },
                "configProperties": { "System.Globalization.Invariant": true }
              }
            }
            """);

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
