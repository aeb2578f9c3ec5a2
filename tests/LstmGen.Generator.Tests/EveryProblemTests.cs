using System.Linq;
using LstmGen.Generator.Parsing;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The parser reports every problem of a spec, not only the first (docs/spec-language.md, "Diagnostics"): a wrong
    /// value must not hide a wrong value next to it. Each case has two independent mistakes, and both must be reported,
    /// in the order they appear in the file, at their own columns.
    /// </summary>
    public sealed class EveryProblemTests
    {
        private const string Head = "name: Net\ninputs: 2\noutputs: 1\nlearningRate: 0.5\n";

        [Fact]
        public void A_wrong_outputGate_does_not_hide_a_gate_bias_out_of_range_on_the_same_line()
        {
            var problems = Problems("blocks: { count: 2, outputGate: yes, inputGateBias: -45 }\n");

            Assert.Equal(
                new[]
                {
                    "5:33 LSTM0004 'blocks.outputGate' must be true or false, got 'yes': did you mean 'true'?",
                    "5:53 LSTM0007 'blocks.inputGateBias' is -45, outside the sane range [-30, 30]: a logistic gate with such a bias never opens or never closes",
                },
                problems);
        }

        [Fact]
        public void A_wrong_count_does_not_hide_a_wrong_bias_in_a_list()
        {
            var problems = Problems("blocks: { count: 0, outputGateBias: [-1, -50] }\n");

            Assert.Equal(new[] { "5:18 LSTM0005", "5:42 LSTM0007" }, problems.Select(IdOnly));
        }

        [Fact]
        public void A_bias_list_of_the_wrong_length_does_not_hide_a_wrong_value_in_it()
        {
            var problems = Problems("blocks: { count: 2, inputGateBias: [-1, -2, high] }\n");

            Assert.Equal(
                new[]
                {
                    "5:36 LSTM0006 'blocks.inputGateBias' lists 3 values but the network has 2 blocks: give one value per block, or a single value for all",
                    "5:45 LSTM0004 'blocks.inputGateBias[2]' must be a number or 'random', got 'high'",
                },
                problems);
        }

        [Fact]
        public void Every_wrong_source_of_a_connectivity_list_is_reported()
        {
            var problems = Problems(
                "blocks: { count: 1 }\n" +
                "connectivity:\n" +
                "  cellInputs: [input, cell, gate]\n" +
                "  inputGates: [input]\n" +
                "  outputGates: [input]\n" +
                "  outputs: [gates, cells, inputs]\n");

            Assert.Equal(
                new[]
                {
                    "7:23 LSTM0011 'connectivity.cellInputs' must be one of 'input', 'cells', 'inputGates', 'outputGates' and 'gates', got 'cell': did you mean 'cells'?",
                    "7:29 LSTM0011 'connectivity.cellInputs' must be one of 'input', 'cells', 'inputGates', 'outputGates' and 'gates', got 'gate': did you mean 'gates'?",
                    "10:13 LSTM0010 connectivity.outputs: gate activations never feed output units (§4, App. A.1); the outputs may see 'input' and 'cells' only",
                    "10:27 LSTM0011 'connectivity.outputs' must be one of 'input' and 'cells', got 'inputs': did you mean 'input'?",
                },
                problems);
        }

        [Fact]
        public void A_wrong_block_in_a_list_does_not_hide_the_next_one()
        {
            var problems = Problems("blocks:\n  - { cells: 0 }\n  - { cells: 1, outputGate: no }\n");

            Assert.Equal(new[] { "6:14 LSTM0005", "7:29 LSTM0004" }, problems.Select(IdOnly));
        }

        /// <summary>Every diagnostic as "line:column id message", 1-based, in the parser's order.</summary>
        private static string[] Problems(string blocksAndMore)
        {
            var result = SpecParser.Parse("net.lstm.yaml", Head + blocksAndMore);
            Assert.Null(result.Spec);
            return result.Diagnostics
                .Select(d => (d.Location.StartLine + 1) + ":" + (d.Location.StartColumn + 1) + " " + d.Id + " " + d.Message)
                .ToArray();
        }

        private static string IdOnly(string problem) => string.Join(" ", problem.Split(' ').Take(2));
    }
}
