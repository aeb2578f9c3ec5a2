using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>
    /// The Slurm job scripts (deploy/slurm/) on a real single-node cluster that the test starts and always stops
    /// (deploy/slurm/local-cluster.sh; Debian's slurmctld, slurmd, slurm-client and munge, installed if missing): a 4-task
    /// array of a quick reproduction subset and its merge equal the unsharded run; a task made to fail is reported by its
    /// index, by Slurm and by the merge, and resubmitting only that shard completes the merge. The array tasks run the
    /// JIT build (<c>dotnet lstmgen.dll</c> behind a two-line wrapper), which the test run has already built; users run
    /// the native binary.
    /// </summary>
    public sealed class SlurmEndToEndTests : IDisposable
    {
        /// <summary>Quick trials of under a second each: the test is about the scripts, not the rows.</summary>
        private const string Rows = "6a,3a-100-3,3b-100-3";

        private static readonly Dictionary<string, string> Poll = new() { ["LSTMGEN_SLURM_POLL"] = "0.5" };

        private readonly ITestOutputHelper _output;
        private readonly string _folder = Directory.CreateTempSubdirectory("lstmgen-slurm-").FullName;

        public SlurmEndToEndTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [SlurmFact]
        public void A_sharded_quick_reproduction_runs_as_a_Slurm_array_and_a_failed_shard_is_rerun_alone()
        {
            using var turn = MachineLock.Acquire("lstmgen-slurm-tests", TimeSpan.FromMinutes(10));
            var cluster = Path.Combine(CliRunner.RepositoryRoot, "deploy", "slurm", "local-cluster.sh");
            var submit = Path.Combine(CliRunner.RepositoryRoot, "deploy", "slurm", "submit.sh");
            try
            {
                Step("start", ShellScript.Run(cluster, ["start"], TimeSpan.FromMinutes(3)), expectedExit: 0);
                var binary = Wrapper();

                // The unsharded run, one trial at a time, while Slurm runs the shards.
                var reference = Task.Run(() => CliRunner.Run("reproduce", "--quick", "--rows", Rows, "--threads", "1", "--results-dir", Path.Combine(_folder, "unsharded")));

                // A 4-task array and its merge.
                var whole = Path.Combine(_folder, "whole");
                var first = Step("4 shards", ShellScript.Run(submit, ["--results", whole, "--shards", "4", "--binary", binary, "--wait", "--", "--quick", "--rows", Rows], TimeSpan.FromMinutes(3), Poll), expectedExit: 0);
                Assert.Contains("submitted shards 0-3 of 4 as array job", first, StringComparison.Ordinal);
                Assert.Matches("merge job [0-9]+: COMPLETED", first);
                var array = Regex.Match(first, "array=([0-9]+)").Groups[1].Value;
                Assert.Equal(4, Directory.GetFiles(Path.Combine(whole, "logs"), "shard-" + array + "_*.out").Length);   // four tasks ran
                Assert.True(reference.Result.ExitCode == 0, reference.Result.Error);
                AssertSameTrials(Path.Combine(_folder, "unsharded"), Path.Combine(whole, "merged"));
                Assert.True(File.Exists(Path.Combine(whole, "merged", "report.md")));

                // Task 2 fails (its results folder cannot be created: a file is in the way).
                var broken = Path.Combine(_folder, "broken");
                Directory.CreateDirectory(broken);
                File.WriteAllText(Path.Combine(broken, "shard-2-of-4"), string.Empty);
                var failed = Step("task 2 fails", ShellScript.Run(submit, ["--results", broken, "--shards", "4", "--binary", binary, "--wait", "--", "--quick", "--rows", Rows], TimeSpan.FromMinutes(3), Poll), expectedExit: 1);
                var failedArray = Regex.Match(failed, "array=([0-9]+)").Groups[1].Value;
                Assert.Equal(new[] { "shard task 2 of array " + failedArray + ": FAILED (NonZeroExitCode)" }, failed.Split('\n').Where(l => l.StartsWith("shard task", StringComparison.Ordinal)));
                Assert.Matches(@"missing: row \S+, trials? [0-9, ]+ \(shard 2/4\)", failed);
                Assert.DoesNotMatch(@"\(shard [013]/4\)", failed);
                Assert.Matches("merge job [0-9]+: FAILED", failed);

                // Fixed, the rerun submits shard 2 alone, and the merge completes.
                File.Delete(Path.Combine(broken, "shard-2-of-4"));
                var rerun = Step("rerun", ShellScript.Run(submit, ["--results", broken, "--wait"], TimeSpan.FromMinutes(3), Poll), expectedExit: 0);
                Assert.Contains("submitted shards 2 of 4 as array job", rerun, StringComparison.Ordinal);
                var rerunArray = Regex.Match(rerun, "array=([0-9]+)").Groups[1].Value;
                Assert.Single(Directory.GetFiles(Path.Combine(broken, "logs"), "shard-" + rerunArray + "_*.out"));
                AssertSameTrials(Path.Combine(_folder, "unsharded"), Path.Combine(broken, "merged"));
            }
            finally
            {
                _output.WriteLine(ShellScript.Run(cluster, ["stop"], TimeSpan.FromMinutes(1)).Output);
            }
        }

        /// <summary>The rows' results files hold the same lines, apart from the wall times, in any order (a run in lanes
        /// appends trials as they finish, a merge writes them in trial order).</summary>
        private static void AssertSameTrials(string expected, string actual)
        {
            foreach (var row in Rows.Split(','))
            {
                Assert.Equal(WithoutWallTimes(Path.Combine(expected, row + ".jsonl")), WithoutWallTimes(Path.Combine(actual, row + ".jsonl")));
            }
        }

        private static string[] WithoutWallTimes(string path) => File.ReadAllLines(path).Select(l => Regex.Replace(l, "\"wallSeconds\":[^,]*,", string.Empty)).Order(StringComparer.Ordinal).ToArray();

        /// <summary>A script that runs this build's lstmgen.dll: what the jobs call "the lstmgen binary".</summary>
        private string Wrapper()
        {
            var path = Path.Combine(_folder, "lstmgen");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            File.WriteAllText(path, "#!/bin/sh\nexec '" + dotnet + "' '" + Path.Combine(AppContext.BaseDirectory, "lstmgen.dll") + "' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            return path;
        }

        private string Step(string name, ScriptResult result, int expectedExit)
        {
            _output.WriteLine("---- " + name + " (exit " + result.ExitCode + ")\n" + result.Output);
            Assert.True(result.ExitCode == expectedExit, name + ": exit " + result.ExitCode + ", expected " + expectedExit + "; output:\n" + result.Output);
            return result.Output;
        }
    }
}
