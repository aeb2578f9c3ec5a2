using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Harness;
using Xunit;

namespace LstmGen.Experiments.Tests.Compiling
{
    /// <summary>Every command that takes a network takes a spec file too: explain, bench (and trace, run, drift: their own tests).</summary>
    public sealed class SpecFileCommandTests
    {
        private static readonly string Exp4 = Path.Combine(CliRunner.RepositoryRoot, "specs", "exp4-adding.lstm.yaml");

        [Fact]
        public void Explain_of_a_spec_file_is_explain_of_the_compiled_network()
        {
            var fromFile = CliRunner.Run("explain", Exp4);
            var compiled = CliRunner.Run("explain", "Exp4Adding");

            Assert.Equal(ExitCodes.Ok, fromFile.ExitCode);
            Assert.Equal(compiled.Out, fromFile.Out);
        }

        [Fact]
        public void Explain_of_a_broken_spec_file_prints_its_diagnostics_and_exits_3()
        {
            var path = Path.Combine(Path.GetTempPath(), "lstmgen-explain-" + Guid.NewGuid().ToString("N") + ".lstm.yaml");
            File.WriteAllText(path, "name: Broken\ninputs: 2\n");
            try
            {
                var result = CliRunner.Run("explain", path);

                Assert.Equal(ExitCodes.SpecError, result.ExitCode);
                Assert.Contains("error LSTM0003", result.Error, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Run_of_a_spec_file_in_its_lane_classes_gives_the_results_of_the_scalar_path()
        {
            var spec = Path.Combine(CliRunner.RepositoryRoot, "specs", "exp6a-temporal-order.lstm.yaml");
            var directory = Path.Combine(Path.GetTempPath(), "lstmgen-spec-lanes-" + Guid.NewGuid().ToString("N"));
            try
            {
                // Default lanes (K of the widest width: the class compiled at run time) against --lanes 1; 9 trials, so a lane takes a second trial.
                var inLanes = Run(Path.Combine(directory, "lanes.jsonl"));
                var scalar = Run(Path.Combine(directory, "scalar.jsonl"), "--lanes", "1");

                Assert.Equal(9, scalar.Length);
                Assert.Equal(scalar, inLanes);
            }
            finally
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            string[] Run(string results, params string[] more)
            {
                var result = CliRunner.Run(["run", "6a", "--spec", spec, "--trials", "9", "--threads", "1", "--max-sequences", "300", "--results", results, .. more]);
                Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
                return ResultsFile.ReadLines(results).OrderBy(l => l.Result.Trial).Select(l => Regex.Replace(l.Line, "\"wallSeconds\":[^,]*,", string.Empty)).ToArray();
            }
        }

        [Fact]
        public void Bench_of_a_spec_file_measures_the_class_compiled_at_run_time_beside_the_compiled_in_one()
        {
            var result = CliRunner.Run("bench", "--spec", Exp4, "--json", "--steps", "200", "--repetitions", "1", "--no-reference");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var rows = document.RootElement;
            Assert.Equal(2, rows.GetArrayLength());
            Assert.Equal("Exp4Adding", rows[0].GetProperty("network").GetString());
            Assert.Equal("compiled at run time", rows[0].GetProperty("code").GetString());
            Assert.True(rows[0].GetProperty("compileSeconds").GetDouble() >= 0);
            Assert.True(rows[0].GetProperty("train").GetProperty("generatedNsPerStep").GetDouble() > 0);
            Assert.Equal("compiled in", rows[1].GetProperty("variant").GetString());
            // Where the first compile's time went, the processor time and the JIT's share of it.
            var stages = rows[0].GetProperty("compileStages");
            Assert.True(stages.GetProperty("cpuSeconds").GetDouble() > 0);
            Assert.True(stages.GetProperty("jitSeconds").GetDouble() >= 0);
            // Both classes measured in the same run, the lane classes too (where this CPU accelerates lanes), and the ratio.
            var speed = rows[0].GetProperty("speedOfCompiledIn");
            Assert.True(speed.GetProperty("train").GetDouble() > 0);
            Assert.Equal(
                rows[0].GetProperty("lanes").ValueKind == JsonValueKind.Null,
                rows[1].GetProperty("lanes").ValueKind == JsonValueKind.Null);
            Assert.Equal(rows[1].GetProperty("train").GetProperty("generatedNsPerStep").GetDouble() / rows[0].GetProperty("train").GetProperty("generatedNsPerStep").GetDouble(), speed.GetProperty("train").GetDouble());
        }
    }
}
