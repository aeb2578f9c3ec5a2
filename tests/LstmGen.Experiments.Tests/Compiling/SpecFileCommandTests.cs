using System;
using System.IO;
using System.Text.Json;
using LstmGen.Experiments.Cli;
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
        }
    }
}
