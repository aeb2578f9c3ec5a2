using LstmGen.Generator.Parsing;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// A wrong value gets "did you mean" when it is a near spelling of an allowed value, or a word commonly written for
    /// one ('single' for 'float', 'yes' for 'true'); a word that means nothing here gets the list of values alone.
    /// The synonyms are hints only: the spec is still refused.
    /// </summary>
    public sealed class ValueSuggestionTests
    {
        private const string Valid = "name: Net\ninputs: 2\noutputs: 1\nlearningRate: 0.5\n";

        [Theory]
        [InlineData("precision: single", "'precision' must be one of 'double', 'float', got 'single': did you mean 'float'?")]
        [InlineData("precision: float32", "'precision' must be one of 'double', 'float', got 'float32': did you mean 'float'?")]
        [InlineData("precision: float64", "'precision' must be one of 'double', 'float', got 'float64': did you mean 'double'?")]
        [InlineData("precision: Float", "'precision' must be one of 'double', 'float', got 'Float': did you mean 'float'?")]
        [InlineData("precision: quad", "'precision' must be one of 'double', 'float', got 'quad'")]
        [InlineData("inputEncoding: local", "'inputEncoding' must be one of 'dense', 'one-hot', 'sparse', got 'local': did you mean 'one-hot'?")]
        [InlineData("update: step", "'update' must be one of 'per-sequence', 'per-step', got 'step': did you mean 'per-step'?")]
        [InlineData("bias: yes", "'bias' must be one of 'none', 'gates', 'hidden', 'all', 'ga', 'b1', got 'yes': did you mean 'all'?")]
        [InlineData("bias: false", "'bias' must be one of 'none', 'gates', 'hidden', 'all', 'ga', 'b1', got 'false': did you mean 'none'?")]
        [InlineData("squashing: { cellInput: sigmoid }", "'squashing.cellInput' must be one of 'g2', 'g1', 'logistic', 'identity', 'id', got 'sigmoid': did you mean 'logistic'?")]
        [InlineData("squashing: { cellOutput: linear }", "'squashing.cellOutput' must be one of 'h1', 'identity', 'id', got 'linear': did you mean 'identity'?")]
        [InlineData("squashing: { cellOutput: tanh }", "'squashing.cellOutput' must be one of 'h1', 'identity', 'id', got 'tanh'")]
        [InlineData("connectivity: fully-connected", "'connectivity' must be one of 'F', 'B' or a mapping of sources (cellInputs, inputGates, outputGates, outputs), got 'fully-connected': did you mean 'full'?")]
        public void An_enumeration_value_gets_the_closest_allowed_value(string line, string message)
        {
            Assert.Equal(message, SingleError(Valid + "blocks: { count: 1 }\n" + line + "\n"));
        }

        [Theory]
        [InlineData("yes", "got 'yes': did you mean 'true'?")]
        [InlineData("on", "got 'on': did you mean 'true'?")]
        [InlineData("No", "got 'No': did you mean 'false'?")]
        [InlineData("off", "got 'off': did you mean 'false'?")]
        [InlineData("flase", "got 'flase': did you mean 'false'?")]
        [InlineData("\"true\"", "got the quoted string 'true': write it without quotes")]
        [InlineData("2", "got '2'")]
        public void OutputGate_gets_true_or_false_suggested(string value, string got)
        {
            Assert.Equal("'blocks.outputGate' must be true or false, " + got, SingleError(Valid + "blocks: { count: 1, outputGate: " + value + " }\n"));
        }

        private static string SingleError(string yaml)
        {
            var result = SpecParser.Parse("net.lstm.yaml", yaml);
            Assert.Null(result.Spec);
            return Assert.Single(result.Diagnostics).Message;
        }
    }
}
