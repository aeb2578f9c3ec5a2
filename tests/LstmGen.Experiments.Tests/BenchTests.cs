using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Cli;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary><c>bench</c> runs, reports positive timings, and the generated networks allocate nothing per step.</summary>
    public sealed class BenchTests
    {
        [Fact]
        public void Generated_networks_allocate_nothing_per_step()
        {
            var result = CliRunner.Run("bench", "--networks", "Exp4Adding,Exp1Reber3x2", "--steps", "400", "--repetitions", "3", "--no-reference", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var rows = document.RootElement.EnumerateArray().ToList();
            Assert.Equal(new[] { "Exp4Adding", "Exp1Reber3x2" }, rows.Select(r => r.GetProperty("network").GetString()));
            Assert.Equal(93, rows[0].GetProperty("weightCount").GetInt32());
            foreach (var row in rows)
            {
                foreach (var part in new[] { "forward", "train" })
                {
                    var cost = row.GetProperty(part);
                    Assert.True(cost.GetProperty("generatedNsPerStep").GetDouble() > 0);
                    Assert.Equal(0.0, cost.GetProperty("generatedBytesPerStep").GetDouble());
                    Assert.Equal(JsonValueKind.Null, cost.GetProperty("speedUp").ValueKind);
                }

                // Which binary measured: here the JIT build, at the width the runtime accelerates, the same for every row.
                var binary = row.GetProperty("binary");
                Assert.Equal("JIT", binary.GetProperty("build").GetString());
                Assert.Equal(LstmGen.Runtime.Lanes.Widest.ToString(), binary.GetProperty("widestLanes").GetString());
                Assert.Equal("the JIT chooses the lane width from this CPU", binary.GetProperty("reason").GetString());
            }
        }

        [Fact]
        public void Plot_draws_one_dot_per_network_and_series_on_log_log_axes()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lstmgen-bench-" + System.IO.Path.GetRandomFileName() + ".svg");
            try
            {
                var result = CliRunner.Run("bench", "--networks", "Exp4Adding,Exp2cP100", "--steps", "200", "--repetitions", "1", "--no-reference", "--plot", path);

                Assert.Equal(ExitCodes.Ok, result.ExitCode);
                var svg = System.IO.File.ReadAllText(path);
                Assert.StartsWith("<svg", svg, System.StringComparison.Ordinal);
                Assert.Contains("generated, learning step", svg, System.StringComparison.Ordinal);
                Assert.Contains(">1e2<", svg, System.StringComparison.Ordinal); // W = 93 and 664 span the decade ticks 1e1 .. 1e3
                Assert.Equal(4, svg.Split("<circle").Length - 1); // 2 networks x (learning step, forward pass)
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Fact]
        public void Plot_into_a_missing_folder_is_one_line_and_exit_code_4_after_the_table()
        {
            var result = CliRunner.Run("bench", "--networks", "Exp4Adding", "--steps", "100", "--repetitions", "1", "--no-reference", "--plot", "/nonexistent-lstmgen-folder/x.svg");

            Assert.Equal(ExitCodes.IoError, result.ExitCode);
            Assert.Equal("lstmgen: error: cannot write '/nonexistent-lstmgen-folder/x.svg': no such directory", result.Error.TrimEnd('\n'));
            Assert.StartsWith("network", result.Out, System.StringComparison.Ordinal); // the measurements are printed first
        }

        [Fact]
        public void Table_has_one_row_per_network()
        {
            var result = CliRunner.Run("bench", "--networks", "Exp3NoiseSignal", "--steps", "200", "--repetitions", "1", "--no-reference");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            var lines = result.Out.Split('\n');
            Assert.StartsWith("network", lines[0]);
            Assert.StartsWith("Exp3NoiseSignal", lines[2]);
            Assert.Contains("0.0 / 0.0", lines[2]);
        }

        [Fact]
        [Trait("needs", "reference")]
        public void Reference_is_measured_beside_the_generated_network()
        {
            var result = CliRunner.Run("bench", "--networks", "Exp4Adding", "--steps", "200", "--repetitions", "1", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var row = Assert.Single(document.RootElement.EnumerateArray().ToList());
            Assert.Equal("Exp4Adding", row.GetProperty("network").GetString());
            Assert.Equal(93, row.GetProperty("weightCount").GetInt32());
            Assert.Equal(200, row.GetProperty("steps").GetInt32());
            Assert.Equal(1, row.GetProperty("repetitions").GetInt32());
            foreach (var part in new[] { "forward", "train" })
            {
                var cost = row.GetProperty(part);
                var generated = cost.GetProperty("generatedNsPerStep").GetDouble();
                var reference = cost.GetProperty("referenceNsPerStep").GetDouble();
                Assert.True(generated > 0 && reference > 0, part + ": both must be timed");
                // The reference interpreter allocates its per-step arrays and the generated class nothing: the second
                // figure is the interpreter's, not the generated class measured twice.
                Assert.Equal(0.0, cost.GetProperty("generatedBytesPerStep").GetDouble());
                Assert.True(cost.GetProperty("referenceBytesPerStep").GetDouble() > 0, part + ": the reference allocated nothing; was it measured?");
                // JSON numbers round-trip: the speed-up is exactly the quotient of the two figures printed beside it.
                Assert.Equal(reference / generated, cost.GetProperty("speedUp").GetDouble());
            }
        }
    }
}
