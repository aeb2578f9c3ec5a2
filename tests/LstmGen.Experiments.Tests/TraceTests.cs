using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Tracing;
using LstmGen.Reference;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary>
    /// The trace document is complete and exact: replaying its steps reproduces its trained weights, and its
    /// outputs can be recomputed from its named weights with the paper's equations and nothing else.
    /// </summary>
    public sealed class TraceTests
    {
        private static readonly Lazy<string> Exp4Trace = new Lazy<string>(() =>
        {
            var result = CliRunner.Run("trace", "Exp4Adding", "--seed", "3", "--length", "12");
            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Equal(string.Empty, result.Error);
            return result.Out;
        });

        [Fact]
        public void Trace_of_Exp4Adding_has_93_named_weights_and_12_steps()
        {
            using var document = JsonDocument.Parse(Exp4Trace.Value);
            var root = document.RootElement;

            Assert.Equal("Exp4Adding", root.GetProperty("network").GetString());
            Assert.Equal("exp4-adding.lstm.yaml", root.GetProperty("specFile").GetString());
            Assert.Equal(0.5, root.GetProperty("learningRate").GetDouble());
            Assert.Equal("per-sequence", root.GetProperty("update").GetString());
            Assert.Equal("g2", root.GetProperty("activations").GetProperty("cellInput").GetString());
            Assert.Equal("h1", root.GetProperty("activations").GetProperty("cellOutput").GetString());
            Assert.Equal("logistic", root.GetProperty("activations").GetProperty("gate").GetString());
            Assert.Equal("logistic", root.GetProperty("activations").GetProperty("output").GetString());
            Assert.Equal("F", root.GetProperty("connectivity").GetProperty("kind").GetString());
            Assert.Contains("Eq. 19 without the factor 2", root.GetProperty("conventions").GetString());

            var weights = root.GetProperty("weights").EnumerateArray().ToList();
            Assert.Equal(93, weights.Count);
            Assert.Equal(Enumerable.Range(0, 93), weights.Select(w => w.GetProperty("index").GetInt32()));
            Assert.Equal(("block[0].input_gate", "input[0]"), Names(weights[0]));
            Assert.Equal(("block[0].input_gate", "block[0].cell[0]"), Names(weights[2]));
            Assert.Equal(("block[0].input_gate", "bias"), Names(weights[10]));
            Assert.Equal(("block[1].cell[1]", "block[1].output_gate"), Names(weights[86]));
            Assert.Equal(("output[0]", "block[1].cell[1]"), Names(weights[91]));
            Assert.Equal(("output[0]", "bias"), Names(weights[92]));

            // The fixed input gate biases of the spec, and learning moved weights away from their initial values.
            Assert.Equal(-3.0, weights[10].GetProperty("initial").GetDouble());
            Assert.Equal(-6.0, weights[54].GetProperty("initial").GetDouble());
            Assert.Contains(weights, w => w.GetProperty("initial").GetDouble() != w.GetProperty("trained").GetDouble());

            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(12, steps.Count);
            Assert.All(steps, s => Assert.Equal(2, s.GetProperty("input").GetArrayLength()));
            Assert.Equal(JsonValueKind.Array, steps[^1].GetProperty("target").ValueKind);
            Assert.Contains(steps, s => s.GetProperty("target").ValueKind == JsonValueKind.Null);
            Assert.All(steps.SelectMany(s => s.GetProperty("input").EnumerateArray()), x => Assert.InRange(x.GetDouble(), -1.0, 1.0));
        }

        [Fact]
        public void Initial_weights_round_trip_bit_for_bit()
        {
            var trace = Parse(Exp4Trace.Value);
            var network = PaperNetworks.Find("Exp4Adding")!.Create();
            network.InitializeWeights(3);
            var expected = new double[network.WeightCount];
            network.CopyWeightsTo(expected);

            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), trace.Initial.Select(BitConverter.DoubleToInt64Bits));
        }

        [Fact]
        public void Replaying_the_steps_on_the_generated_network_gives_the_trained_weights_exactly()
        {
            var trace = Parse(Exp4Trace.Value);
            var network = PaperNetworks.Find("Exp4Adding")!.Create();

            var (outputs, trained) = Replay(network, trace);

            Assert.Equal(trace.Trained.Select(BitConverter.DoubleToInt64Bits), trained.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(trace.Outputs.SelectMany(o => o).Select(BitConverter.DoubleToInt64Bits), outputs.SelectMany(o => o).Select(BitConverter.DoubleToInt64Bits));
        }

        [Fact]
        [Trait("needs", "reference")]
        public void Replaying_the_steps_on_the_reference_interpreter_gives_the_same_trained_weights()
        {
            var trace = Parse(Exp4Trace.Value);
            var compiled = PaperNetworks.Find("Exp4Adding")!.Create();
            var reference = ReferenceNetwork.FromYaml(compiled.SpecFileName, compiled.SpecText);

            var (outputs, trained) = Replay(reference, trace);

            AssertClose(trace.Trained, trained, 1e-12);
            AssertClose(trace.Outputs.SelectMany(o => o).ToArray(), outputs.SelectMany(o => o).ToArray(), 1e-12);
        }

        [Fact]
        public void Trace_of_a_spec_file_is_compiled_at_run_time_and_equals_the_compiled_network_bit_for_bit()
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", "exp4-adding.lstm.yaml");

            var result = CliRunner.Run("trace", "--spec", path, "--seed", "3", "--length", "12");
            var positional = CliRunner.Run("trace", path, "--seed", "3", "--length", "12");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Contains("compiled '" + path + "' at run time", result.Error, StringComparison.Ordinal);
            Assert.Equal(Exp4Trace.Value, result.Out);
            Assert.Equal(Exp4Trace.Value, positional.Out);
        }

        [Fact]
        public void Explain_of_a_spec_with_peepholes_counts_and_places_the_peephole_weights()
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", "family", "reber-peepholes.lstm.yaml");

            var result = CliRunner.Run("explain", path, "--json");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var root = document.RootElement;

            // 8 cells, each feeding its block's input, forget and output gates.
            Assert.Equal(8 * 3, root.GetProperty("peepholeWeights").GetInt32());
            var rows = root.GetProperty("rows").EnumerateArray().ToList();
            var outputGate = rows.Single(r => r.GetProperty("unit").GetString() == "block[1].output_gate");
            var states = outputGate.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("region").GetString() == "cellState");
            Assert.Equal(("t", "block[1].cell[0].state", "block[1].cell[1].state"), (states.GetProperty("time").GetString(), states.GetProperty("first").GetString(), states.GetProperty("last").GetString()));
            var inputGate = rows.Single(r => r.GetProperty("unit").GetString() == "block[1].input_gate");
            Assert.Equal("t-1", inputGate.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("region").GetString() == "cellState").GetProperty("time").GetString());
        }

        [Fact]
        [Trait("needs", "reference")]
        public void Trace_of_a_spec_with_peepholes_names_the_states_and_its_outputs_can_be_recomputed_from_the_document_alone()
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", "family", "reber-peepholes.lstm.yaml");

            var result = CliRunner.Run("trace", "--spec", path, "--seed", "2", "--length", "6", "--update", "per-sequence");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var root = document.RootElement;
            Assert.Equal(new[] { true, true, true, true }, root.GetProperty("peepholes").EnumerateArray().Select(e => e.GetBoolean()));
            Assert.Equal(new[] { true, true, true, true }, root.GetProperty("forgetGates").EnumerateArray().Select(e => e.GetBoolean()));
            Assert.Contains("s_c(t-1)", root.GetProperty("peepholeConventions").GetString(), StringComparison.Ordinal);
            var weights = root.GetProperty("weights").EnumerateArray().ToList();

            // Each of the 8 cells feeds its block's three gates.
            Assert.Equal(8 * 3, weights.Count(w => w.GetProperty("from").GetString()!.EndsWith(".state", StringComparison.Ordinal)));
            Assert.Contains(weights, w => w.GetProperty("to").GetString() == "block[2].output_gate" && w.GetProperty("from").GetString() == "block[2].cell[1].state");
            Assert.DoesNotContain(weights, w => w.GetProperty("to").GetString() == "block[2].output_gate" && w.GetProperty("from").GetString() == "block[1].cell[1].state");

            // The recomputation reads the peephole weights by their names; without them the outputs would differ.
            var recomputed = IndependentForwardPass.Run(root, steps: 6);
            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            for (var t = 0; t < 6; t++)
            {
                var expected = steps[t].GetProperty("output").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                for (var k = 0; k < expected.Length; k++)
                {
                    Assert.Equal(expected[k], recomputed[t][k], 1e-14);
                }
            }
        }

        [Fact]
        [Trait("needs", "reference")]
        public void Trace_of_a_spec_with_forget_gates_names_them_and_its_outputs_can_be_recomputed_from_the_document_alone()
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", "family", "reber-forget-gates.lstm.yaml");

            var result = CliRunner.Run("trace", "--spec", path, "--seed", "2", "--length", "6", "--update", "per-sequence");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            using var document = JsonDocument.Parse(result.Out);
            var root = document.RootElement;
            Assert.Equal(new[] { true, true, true, true }, root.GetProperty("forgetGates").EnumerateArray().Select(e => e.GetBoolean()));
            Assert.Contains("y_phi", root.GetProperty("forgetGateConventions").GetString(), StringComparison.Ordinal);
            var weights = root.GetProperty("weights").EnumerateArray().ToList();
            Assert.Equal(4 * (7 + 8 + 4 + 4 + 1), weights.Count(w => w.GetProperty("to").GetString()!.EndsWith(".forget_gate", StringComparison.Ordinal)));
            Assert.Contains(weights, w => w.GetProperty("to").GetString() == "block[3].forget_gate" && w.GetProperty("from").GetString() == "bias" && w.GetProperty("initial").GetDouble() == 2.0);

            // With y_phi = 1 in the recomputation (the 1997 cell), the outputs would differ; with the forget gates they agree.
            var recomputed = IndependentForwardPass.Run(root, steps: 6);
            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            for (var t = 0; t < 6; t++)
            {
                var expected = steps[t].GetProperty("output").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                for (var k = 0; k < expected.Length; k++)
                {
                    Assert.Equal(expected[k], recomputed[t][k], 1e-14);
                }
            }
        }

        [Fact]
        public void Trace_of_a_spec_with_a_reset_activation_says_so_and_its_outputs_can_be_recomputed_from_the_document_alone()
        {
            var folder = Path.Combine(Path.GetTempPath(), "lstmgen-trace-reset-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var path = Path.Combine(folder, "reset-half.lstm.yaml");
                File.WriteAllText(path, "name: ResetHalf\ninputs: 3\noutputs: 2\nblocks:\n  - { cells: 2, inputGateBias: -1 }\n  - { cells: 1, outputGate: false }\n" +
                    "connectivity: F\nbias: all\ninitInterval: 0.5\nlearningRate: 0.5\nresetActivation: 0.5\n");

                var result = CliRunner.Run("trace", "--spec", path, "--seed", "2", "--length", "6", "--update", "per-sequence");

                Assert.Equal(ExitCodes.Ok, result.ExitCode);
                using var document = JsonDocument.Parse(result.Out);
                var root = document.RootElement;
                Assert.Equal(0.5, root.GetProperty("resetActivation").GetDouble());
                Assert.Contains("reset_net", root.GetProperty("resetConventions").GetString(), StringComparison.Ordinal);

                // The recomputation starts y(0) at the document's 0.5; from zero (the conventions' reset) the outputs would differ.
                var recomputed = IndependentForwardPass.Run(root, steps: 6);
                var steps = root.GetProperty("steps").EnumerateArray().ToList();
                for (var t = 0; t < 6; t++)
                {
                    var expected = steps[t].GetProperty("output").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                    for (var k = 0; k < expected.Length; k++)
                    {
                        Assert.Equal(expected[k], recomputed[t][k], 1e-14);
                    }
                }

                var first = steps[0].GetProperty("output").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                using var withoutReset = JsonDocument.Parse(result.Out.Replace("\"resetActivation\"", "\"resetActivationIgnored\"", StringComparison.Ordinal));
                var fromZero = IndependentForwardPass.Run(withoutReset.RootElement, steps: 1)[0];
                Assert.True(first.Zip(fromZero).Any(p => Math.Abs(p.First - p.Second) > 1e-6), "the reset activation does not change the first outputs");

                // A spec that resets to zero keeps its document as it was: no reset fields.
                using var exp4 = JsonDocument.Parse(Exp4Trace.Value);
                Assert.False(exp4.RootElement.TryGetProperty("resetActivation", out _));
                Assert.False(exp4.RootElement.TryGetProperty("resetConventions", out _));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void The_first_outputs_can_be_recomputed_from_the_document_alone()
        {
            using var document = JsonDocument.Parse(Exp4Trace.Value);
            var root = document.RootElement;

            // Per-sequence updates: every step runs with the initial weights, so a forward pass suffices.
            Assert.Equal("per-sequence", root.GetProperty("update").GetString());
            var recomputed = IndependentForwardPass.Run(root, steps: 3);

            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            for (var t = 0; t < 3; t++)
            {
                var expected = steps[t].GetProperty("output").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.Equal(expected.Length, recomputed[t].Length);
                for (var k = 0; k < expected.Length; k++)
                {
                    Assert.Equal(expected[k], recomputed[t][k], 1e-14);
                }
            }

            // The outputs move: the recomputation is not trivially satisfied by a constant.
            Assert.NotEqual(recomputed[0][0], recomputed[2][0]);
        }

        [Fact]
        public void The_same_command_line_gives_the_same_document_and_a_different_seed_does_not()
        {
            var again = CliRunner.Run("trace", "Exp4Adding", "--seed", "3", "--length", "12");
            var other = CliRunner.Run("trace", "Exp4Adding", "--seed", "4", "--length", "12");

            Assert.Equal(Exp4Trace.Value, again.Out);
            Assert.NotEqual(Exp4Trace.Value, other.Out);
        }

        [Fact]
        public void Update_option_overrides_the_networks_timing()
        {
            var result = CliRunner.Run("trace", "Exp4Adding", "--seed", "3", "--length", "12", "--update", "per-step");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            var perStep = Parse(result.Out);
            Assert.Equal("per-step", perStep.Update);
            var perSequence = Parse(Exp4Trace.Value);
            Assert.Equal(perSequence.Initial, perStep.Initial);
            Assert.NotEqual(perSequence.Trained, perStep.Trained);

            // And the per-step document replays exactly too.
            var (_, trained) = Replay(PaperNetworks.Find("Exp4Adding")!.Create(), perStep);
            Assert.Equal(perStep.Trained, trained);
        }

        [Fact]
        public void Output_option_writes_the_document_to_a_file()
        {
            var path = Path.Combine(Path.GetTempPath(), "lstmgen-trace-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var result = CliRunner.Run("trace", "Exp4Adding", "--seed", "3", "--length", "12", "--output", path);

                Assert.Equal(ExitCodes.Ok, result.ExitCode);
                Assert.Equal(string.Empty, result.Out);
                Assert.Contains(path, result.Error);
                Assert.Equal(Exp4Trace.Value, File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Targets_appear_at_the_last_step_and_about_half_of_the_others()
        {
            var data = SequenceTrace.MakeData(SequenceTrace.DataSeedFor(1), 2001, 3, 2);

            Assert.NotNull(data[^1].Target);
            var withTarget = data.Take(2000).Count(d => d.Target is not null);
            Assert.InRange(withTarget, 900, 1100);
            Assert.All(data.Where(d => d.Target is not null).SelectMany(d => d.Target!), v => Assert.InRange(v, 0.0, 1.0));
        }

        private static (string To, string From) Names(JsonElement weight) =>
            (weight.GetProperty("to").GetString()!, weight.GetProperty("from").GetString()!);

        private static ParsedTrace Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var weights = root.GetProperty("weights").EnumerateArray().ToList();
            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            return new ParsedTrace(
                root.GetProperty("update").GetString()!,
                root.GetProperty("learningRate").GetDouble(),
                weights.Select(w => w.GetProperty("initial").GetDouble()).ToArray(),
                weights.Select(w => w.GetProperty("trained").GetDouble()).ToArray(),
                steps.Select(s => Doubles(s.GetProperty("input"))).ToList(),
                steps.Select(s => s.GetProperty("target").ValueKind == JsonValueKind.Null ? null : Doubles(s.GetProperty("target"))).ToList(),
                steps.Select(s => Doubles(s.GetProperty("output"))).ToList());
        }

        private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

        private static (List<double[]> Outputs, double[] Trained) Replay(ILstmNetwork network, ParsedTrace trace)
        {
            network.SetWeights(trace.Initial);
            network.LearningRate = trace.LearningRate;
            network.Update = trace.Update == "per-step" ? UpdateTiming.PerStep : UpdateTiming.PerSequence;
            var steps = SequenceTrace.Train(network, trace.Inputs.Zip(trace.Targets, (x, y) => (x, y)).ToList());
            var trained = new double[network.WeightCount];
            network.CopyWeightsTo(trained);
            return (steps.Select(s => s.Output).ToList(), trained);
        }

        private static void AssertClose(double[] expected, double[] actual, double relative)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                var scale = Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i]));
                Assert.True(Math.Abs(expected[i] - actual[i]) <= (relative * scale) + 1e-300, "value " + i + ": expected " + expected[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", got " + actual[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        private sealed record ParsedTrace(string Update, double LearningRate, double[] Initial, double[] Trained, List<double[]> Inputs, List<double[]?> Targets, List<double[]> Outputs);
    }
}
