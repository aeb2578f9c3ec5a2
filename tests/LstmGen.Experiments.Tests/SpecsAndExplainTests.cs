using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Cli;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary><c>specs</c> and <c>explain</c>: the listed numbers are the paper's (Table 10) and the layout's.</summary>
    public sealed class SpecsAndExplainTests
    {
        public static TheoryData<string, int> PaperWeightCounts => new TheoryData<string, int>
        {
            { "Exp1Reber4x1", 264 },
            { "Exp1Reber3x2", 276 },
            { "Exp2LongLag", 10504 },
            { "Exp2cP50", 364 },
            { "Exp2cP100", 664 },
            { "Exp2cP200", 1264 },
            { "Exp2cP500", 3064 },
            { "Exp2cP1000", 6064 },
            { "Exp3NoiseSignal", 102 },
            { "Exp4Adding", 93 },
            { "Exp6aTemporalOrder", 156 },
            { "Exp6bTemporalOrder", 308 },
        };

        [Fact]
        public void Specs_table_lists_all_twelve_networks_with_their_weight_counts()
        {
            var result = CliRunner.Run("specs");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Equal(string.Empty, result.Error);
            var lines = result.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2 + 12, lines.Length);
            foreach (var (name, weights) in PaperWeightCounts.Select(row => ((string)row[0], (int)row[1])))
            {
                var line = Assert.Single(lines, l => l.StartsWith(name + " ", System.StringComparison.Ordinal));
                Assert.Contains(" " + weights.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", line);
            }

            Assert.Contains("exp4-adding.lstm.yaml", lines.Single(l => l.StartsWith("Exp4Adding ", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void Specs_json_gives_weight_counts_block_sizes_and_spec_files()
        {
            var result = CliRunner.Run("specs", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var entries = document.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
            Assert.Equal(12, entries.Count);
            foreach (var row in PaperWeightCounts)
            {
                Assert.Equal((int)row[1], entries[(string)row[0]].GetProperty("weightCount").GetInt32());
            }

            var adding = entries["Exp4Adding"];
            Assert.Equal(new[] { 2, 2 }, adding.GetProperty("blockSizes").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(2, adding.GetProperty("inputs").GetInt32());
            Assert.Equal(1, adding.GetProperty("outputs").GetInt32());
            Assert.Equal(88, adding.GetProperty("traceCount").GetInt32());
            Assert.Equal("exp4-adding.lstm.yaml", adding.GetProperty("specFile").GetString());
            Assert.Equal(new[] { 1, 1, 1, 1 }, entries["Exp1Reber4x1"].GetProperty("blockSizes").EnumerateArray().Select(e => e.GetInt32()));
        }

        [Fact]
        public void Explain_Exp4Adding_shows_93_weights_and_88_traces()
        {
            var result = CliRunner.Run("explain", "Exp4Adding");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Contains("W = 93", result.Out);
            Assert.Contains("Traces (App. A.1, Eqs. 25 and 27): 88 ", result.Out);
            Assert.Contains("block[0]: 2 cells, input gate bias fixed -3, output gate bias random", result.Out);
            Assert.Contains("block[1]: 2 cells, input gate bias fixed -6,", result.Out);
            Assert.Contains("output[0]                 88       5  block[0].cell[0]..block[1].cell[1] (t), bias", result.Out);
        }

        [Fact]
        public void Explain_json_counts_weights_by_kind_traces_and_bytes()
        {
            var result = CliRunner.Run("explain", "exp4adding", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var root = document.RootElement;
            Assert.Equal(93, root.GetProperty("weightCount").GetInt32());
            Assert.Equal(88, root.GetProperty("traceCount").GetInt32());
            var byKind = root.GetProperty("weightsByKind");
            Assert.Equal(22, byKind.GetProperty("inputGate").GetInt32());
            Assert.Equal(22, byKind.GetProperty("outputGate").GetInt32());
            Assert.Equal(44, byKind.GetProperty("cellInput").GetInt32());
            Assert.Equal(5, byKind.GetProperty("output").GetInt32());
            var rows = root.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(9, rows.Count);
            Assert.Equal(93, rows.Sum(r => r.GetProperty("length").GetInt32()));
            Assert.Equal(new[] { "inputGate", "cellInput" }, rows.Where(r => r.GetProperty("traced").GetBoolean()).Select(r => r.GetProperty("kind").GetString()).Distinct());
            var traces = root.GetProperty("traces").EnumerateArray().ToList();
            Assert.Equal(4, traces.Count);
            Assert.Equal(88, traces.Sum(t => t.GetProperty("inputGateTraces").GetInt32() + t.GetProperty("cellTraces").GetInt32()));
            Assert.Equal(-3.0, root.GetProperty("blocks")[0].GetProperty("inputGate").GetProperty("bias").GetDouble());
            Assert.Equal("random", root.GetProperty("blocks")[0].GetProperty("outputGate").GetProperty("bias").GetString());

            // The fields of the compiled class (its description's state): weights + pending updates + traces + activations
            // (y^u(t-1) and y^u(t) over the I + H + 1 source units, s_c, y_k) + the step's values, 8 bytes each: 341 values.
            var bytes = root.GetProperty("stateBytes");
            Assert.Equal(8, bytes.GetProperty("bytesPerValue").GetInt32());
            Assert.Equal(744, bytes.GetProperty("weights").GetInt32());
            Assert.Equal(704, bytes.GetProperty("traces").GetInt32());
            Assert.Equal(8 * ((2 * (2 + 8 + 1)) + 4 + 1), bytes.GetProperty("activations").GetInt32());
            Assert.Equal(8 * 341, bytes.GetProperty("total").GetInt32());
            Assert.Equal(341, root.GetProperty("stateValues").GetInt32());
            var state = root.GetProperty("state").EnumerateArray().ToList();
            Assert.Equal(341, state.Sum(p => p.GetProperty("values").GetInt32()));
            Assert.Equal(8, state.Single(p => p.GetProperty("field").GetString() == "_sigmaNet").GetProperty("values").GetInt32());
        }

        [Fact]
        public void Explain_shows_a_block_without_output_gate_and_layered_connectivity()
        {
            var result = CliRunner.Run("explain", "Exp2LongLag", "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var root = document.RootElement;
            Assert.Equal(JsonValueKind.Null, root.GetProperty("blocks")[0].GetProperty("outputGate").ValueKind);
            Assert.Equal("B", root.GetProperty("connectivity").GetProperty("kind").GetString());
            Assert.Equal(new[] { "input", "cells" }, root.GetProperty("connectivity").GetProperty("outputs").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(10504, root.GetProperty("weightCount").GetInt32());
        }

        [Fact]
        public void Explain_runs_for_every_compiled_network()
        {
            foreach (var entry in PaperNetworks.All)
            {
                var result = CliRunner.Run("explain", entry.Name);
                Assert.Equal(ExitCodes.Ok, result.ExitCode);
                Assert.Contains("W = " + entry.Create().WeightCount.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Out);
            }
        }
    }
}
