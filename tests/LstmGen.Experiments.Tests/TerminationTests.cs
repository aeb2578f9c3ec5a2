using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary>
    /// A run stopped by SIGTERM (or Ctrl+C) stops between two sequences, keeps its results file whole and says so in one
    /// line with exit code 130, instead of being killed mid-write by the default signal action.
    /// </summary>
    public sealed class TerminationTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("lstmgen-termination-").FullName;

        [Fact]
        public void Sigterm_stops_a_run_with_one_line_and_exit_130()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // SIGTERM is POSIX; Ctrl+C takes the same path there.
            }

            var results = Path.Combine(_folder, "run.jsonl");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // A row whose trial runs for minutes: 1,000-step sequences and a cap of 1,000,000.
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "lstmgen.dll"), "run", "3b-1000-1", "--trials", "1", "--threads", "1", "--results", results })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("lstmgen did not start");
            try
            {
                // Training has begun once the first progress line is out.
                string? line;
                while ((line = process.StandardError.ReadLine()) != null && !line.Contains("seq/s", StringComparison.Ordinal))
                {
                }

                Assert.NotNull(line);
                using (var kill = Process.Start("kill", "-TERM " + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    kill.WaitForExit();
                }

                var rest = process.StandardError.ReadToEnd();
                Assert.True(process.WaitForExit(30_000), "lstmgen did not stop within 30 s of SIGTERM");
                Assert.Equal(130, process.ExitCode);
                var lines = rest.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("lstmgen: error: interrupted; finished trials are saved in " + results + ": run the same command again to resume", lines[^1]);
                Assert.Equal(string.Empty, File.ReadAllText(results));   // no trial finished, and nothing half-written
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        [Fact]
        public void Sigterm_stops_a_reproduction_and_its_log_says_interrupted()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            var directory = Path.Combine(_folder, "results");
            using var process = Start("reproduce", "--rows", "3b-1000-1", "--threads", "1", "--results-dir", directory, "--report", Path.Combine(_folder, "report.md"));
            try
            {
                StopOnceTraining(process);
                Assert.Equal(130, process.ExitCode);
                var log = File.ReadAllLines(Path.Combine(directory, "reproduce-runs.jsonl"));
                var run = Assert.Single(log);
                Assert.Contains("\"outcome\":\"interrupted\"", run, StringComparison.Ordinal);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        private static Process Start(params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lstmgen.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            return Process.Start(start) ?? throw new InvalidOperationException("lstmgen did not start");
        }

        /// <summary>Waits for the first progress line (training has begun), sends SIGTERM and waits for the exit.</summary>
        private static void StopOnceTraining(Process process)
        {
            string? line;
            while ((line = process.StandardError.ReadLine()) != null && !line.Contains("seq/s", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            using (var kill = Process.Start("kill", "-TERM " + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                kill.WaitForExit();
            }

            process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(30_000), "lstmgen did not stop within 30 s of SIGTERM");
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
