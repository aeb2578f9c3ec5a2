using System.Globalization;
using System.Linq;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests.Hostile
{
    /// <summary>
    /// LSTM1001 on gate biases: a fixed bias beyond ±10 leaves a logistic gate at σ(±10), 4.5e-5 from shut or open, where
    /// its derivative is below 5e-5 and it barely learns. The paper's biases lie in [-6, 0] (Table 10). Beyond ±30 it
    /// stays an error (LSTM0007).
    /// </summary>
    public sealed class UnsafeSettingTests
    {
        private const string Spec =
            "name: Net\n" +                  // 1
            "inputs: 2\n" +                  // 2
            "outputs: 1\n" +                 // 3
            "blocks:\n" +                    // 4
            "  count: 2\n" +                 // 5
            "  inputGateBias: {0}\n" +       // 6
            "  outputGateBias: {1}\n" +      // 7
            "learningRate: 0.5\n";           // 8

        [Theory]
        [InlineData("-15", "random", 6, 18, "'blocks.inputGateBias' is -15, outside the usual range [-10, 10]: the gate starts almost shut")]
        [InlineData("random", "10.5", 7, 19, "'blocks.outputGateBias' is 10.5, outside the usual range [-10, 10]: the gate starts almost fully open")]
        [InlineData("[-1, -12]", "random", 6, 23, "'blocks.inputGateBias[1]' is -12, outside the usual range [-10, 10]")]
        public void A_gate_bias_beyond_10_warns_and_the_network_is_still_emitted(string inputBias, string outputBias, int line, int column, string message)
        {
            var run = GeneratorHarness.Run(("net.lstm.yaml", Format(inputBias, outputBias)));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM1001", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            var position = d.Location.GetLineSpan().StartLinePosition;
            Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
            Assert.StartsWith(message, d.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
            Assert.Contains("Net.g.cs", run.Sources.Select(s => s.HintName));
        }

        [Theory]
        [InlineData("-10", "10")]
        [InlineData("[-6, -1]", "[-3, 0]")]
        [InlineData("random", "random")]
        public void Gate_biases_within_10_do_not_warn(string inputBias, string outputBias)
        {
            Assert.Empty(SpecParser.Parse("net.lstm.yaml", Format(inputBias, outputBias)).Diagnostics);
        }

        [Fact]
        public void A_gate_bias_beyond_30_is_still_an_error_and_does_not_also_warn()
        {
            var d = Assert.Single(SpecParser.Parse("net.lstm.yaml", Format("-31", "random")).Diagnostics);
            Assert.Equal("LSTM0007", d.Id);
        }

        private static string Format(string inputBias, string outputBias) =>
            string.Format(CultureInfo.InvariantCulture, Spec, inputBias, outputBias);
    }
}
