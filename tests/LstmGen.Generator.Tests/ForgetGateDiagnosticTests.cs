using System.Globalization;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The forget gate keys (Gers, Schmidhuber &amp; Cummins 2000): what they declare, and a diagnostic at the offending
    /// line and column for every misuse, with no source emitted.
    /// </summary>
    public sealed class ForgetGateDiagnosticTests
    {
        private const string File = "forget.lstm.yaml";

        // Line numbers in the comments are the 1-based ones the assertions use.
        private const string Valid =
            "name: Forget\n" +          // 1
            "inputs: 2\n" +             // 2
            "outputs: 1\n" +            // 3
            "blocks:\n" +               // 4
            "  count: 2\n" +            // 5
            "  cells: 2\n" +            // 6
            "learningRate: 0.1\n";      // 7

        [Fact]
        public void Forget_gates_with_their_biases_build_and_add_one_gate_row_per_block()
        {
            var yaml = Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: true\n  forgetGateBias: [1, 2.5]\n");
            var run = GeneratorHarness.Run((File, yaml));
            Assert.Empty(run.Diagnostics);
            Assert.Contains(run.Sources, s => s.HintName == "Forget.g.cs");

            var spec = SpecParser.Parse(File, yaml).Spec!;
            Assert.All(spec.Blocks, b => Assert.True(b.HasForgetGate));
            Assert.Equal(new[] { 1.0, 2.5 }, spec.Blocks.Select(b => b.ForgetGateBias.Value));

            // F connectivity, bias all: every gate and cell row has 2 inputs + 4 cells + 2 input gates + 2 output gates + 1 = 11
            // weights; the forget gates read the input gates' sources (forget gates feed no unit), so the 1997 count of
            // 2·11 + 2·11 + 4·11 + 5 = 93 grows by 2·11.
            var layout = NetworkLayout.Create(spec);
            Assert.Equal(93 + 22, layout.WeightCount);
            Assert.Equal("block[1].forget_gate", layout.ForgetGateFanIn(1)!.UnitName);
            Assert.Equal(("block[0].forget_gate", "bias"), layout.DescribeWeight(layout.ForgetGateFanIn(0)!.BiasOffset));

            // Traces per cell: input gate row, forget gate row, cell row, one span.
            Assert.Equal(4 * (11 + 11 + 11), layout.TraceCount);
            Assert.Equal(layout.InputGateTraceOffset(1) + 11, layout.ForgetGateTraceOffset(1));
            Assert.Equal(layout.ForgetGateTraceOffset(1) + 11, layout.CellTraceOffset(1));
        }

        [Fact]
        public void Forget_gates_per_block_in_the_list_form()
        {
            var yaml = Valid.Replace("  count: 2\n  cells: 2\n", "  - { cells: 2, forgetGate: true, forgetGateBias: 2 }\n  - { cells: 1 }\n");
            var result = SpecParser.Parse(File, yaml);
            Assert.False(result.HasErrors);
            Assert.True(result.Spec!.Blocks[0].HasForgetGate);
            Assert.False(result.Spec.Blocks[1].HasForgetGate);
            Assert.Null(NetworkLayout.Create(result.Spec).ForgetGateFanIn(1));
        }

        [Fact]
        public void Forget_gate_bias_without_a_forget_gate_is_a_contradiction()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGateBias: 1\n")));

            var d = AssertSingle(run, "LSTM0010", 7, 19);
            Assert.StartsWith("blocks: 'forgetGateBias' is set but 'forgetGate' is false", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Forget_gate_bias_without_a_forget_gate_in_a_listed_block_is_a_contradiction()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  count: 2\n  cells: 2\n", "  - { cells: 2, forgetGate: true }\n  - { cells: 1, forgetGateBias: 1 }\n")));

            var d = AssertSingle(run, "LSTM0010", 6, 33);
            Assert.StartsWith("blocks[1]: 'forgetGateBias' is set but 'forgetGate' is false", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Forget_gate_bias_with_bias_none_is_a_contradiction()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: true\n  forgetGateBias: 1\n") + "bias: none\n"));

            var d = AssertSingle(run, "LSTM0010", 8, 19);
            Assert.StartsWith("blocks: 'forgetGateBias' sets a gate bias but 'bias: none' gives the gates no bias weight", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Forget_gate_bias_list_of_the_wrong_length()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: true\n  forgetGateBias: [1, 2, 3]\n")));

            AssertSingle(run, "LSTM0006", 8, 19);
        }

        [Fact]
        public void Forget_gate_bias_out_of_range()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: true\n  forgetGateBias: 40\n")));

            AssertSingle(run, "LSTM0007", 8, 19);
        }

        [Fact]
        public void Forget_gate_must_be_a_boolean()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: sometimes\n")));

            AssertSingle(run, "LSTM0004", 7, 15);
        }

        [Theory]
        [InlineData("one-hot")]
        [InlineData("sparse")]
        public void Forget_gates_need_dense_inputs(string encoding)
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: true\n") + "inputEncoding: " + encoding + "\n"));

            var d = AssertSingle(run, "LSTM0010", 9, 16);
            Assert.StartsWith("'inputEncoding: " + encoding + "' is not supported with forget gates", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Forget_gate_false_with_a_random_bias_is_the_1997_cell()
        {
            var yaml = Valid.Replace("  cells: 2\n", "  cells: 2\n  forgetGate: false\n  forgetGateBias: random\n");
            var result = SpecParser.Parse(File, yaml);
            Assert.False(result.HasErrors);
            Assert.Equal(SpecParser.Parse(File, Valid).Spec! with { SpecText = yaml }, result.Spec);
        }

        /// <summary>Exactly one diagnostic, of <paramref name="id"/>, at the given 1-based position; no source emitted.</summary>
        private static Diagnostic AssertSingle(GeneratorRun run, string id, int line, int column)
        {
            var d = Assert.Single(run.Diagnostics);
            Assert.Equal(id, d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            var span = d.Location.GetLineSpan();
            Assert.Equal(File, span.Path);
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Empty(run.Sources);
            return d;
        }
    }
}
