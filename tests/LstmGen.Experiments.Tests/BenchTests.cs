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
            }
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
            var forward = document.RootElement[0].GetProperty("forward");
            Assert.True(forward.GetProperty("referenceNsPerStep").GetDouble() > 0);
            Assert.True(forward.GetProperty("speedUp").GetDouble() > 0);
        }
    }
}
