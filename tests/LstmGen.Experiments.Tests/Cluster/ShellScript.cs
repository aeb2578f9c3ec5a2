using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>What a script printed (stdout and stderr interleaved) and its exit status.</summary>
    public sealed record ScriptResult(int ExitCode, string Output);

    /// <summary>Runs the repository's shell scripts (deploy/) as a user would, with a time limit.</summary>
    public static class ShellScript
    {
        /// <summary>Runs <c>bash script args</c>; kills it (and its children) after <paramref name="timeout"/>.</summary>
        public static ScriptResult Run(string script, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            foreach (var argument in args)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
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
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"bash {script} {string.Join(' ', args)} did not end within {timeout.TotalSeconds:F0} s; its output:\n{output}");
            }

            process.WaitForExit();   // the asynchronous readers have delivered everything
            return new ScriptResult(process.ExitCode, output.ToString());
        }

        /// <summary>Runs <c>bash -c command</c> with <paramref name="args"/> as $1, $2, …</summary>
        public static ScriptResult Bash(string command, IEnumerable<string> args, TimeSpan timeout) => Run("-c", [command, "bash", .. args], timeout);

        /// <summary>Whether <paramref name="program"/> is an executable file on the PATH.</summary>
        public static bool OnPath(string program)
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.Exists(Path.Combine(directory, program)))
                {
                    return true;
                }
            }

            return false;
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
    }
}
