using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using Xunit;

namespace LstmGen.Generator.Tests
{
    public sealed class ParserSmokeTests
    {
        [Fact]
        public void Minimal_spec_parses()
        {
            var result = SpecParser.Parse("a.lstm.yaml", "name: A\ninputs: 1\noutputs: 1\nblocks: { count: 1 }\nlearningRate: 0.1\n");
            Assert.False(result.HasErrors);
            Assert.NotNull(result.Spec);
        }

        [Theory]
        [InlineData("", InputEncoding.Dense)]
        [InlineData("inputEncoding: dense\n", InputEncoding.Dense)]
        [InlineData("inputEncoding: one-hot\n", InputEncoding.OneHot)]
        [InlineData("inputEncoding: \"one-hot\"\n", InputEncoding.OneHot)]
        [InlineData("inputEncoding: sparse\n", InputEncoding.Sparse)]
        public void Input_encoding_is_read_and_defaults_to_dense(string line, InputEncoding expected)
        {
            var result = SpecParser.Parse("a.lstm.yaml", "name: A\ninputs: 3\noutputs: 1\nblocks: { count: 1 }\nlearningRate: 0.1\n" + line);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(expected, result.Spec!.InputEncoding);
            Assert.Equal(expected != InputEncoding.Dense, result.Spec.SkipsInactiveInputs);
        }

        [Fact]
        public void Input_encoding_takes_part_in_the_spec_s_equality()
        {
            // The spec record is the generator's cache key: an edit of the key alone must re-emit the class.
            const string Text = "name: A\ninputs: 3\noutputs: 1\nblocks: { count: 1 }\nlearningRate: 0.1\n";
            var dense = SpecParser.Parse("a.lstm.yaml", Text).Spec!;
            var oneHot = dense with { InputEncoding = InputEncoding.OneHot };
            Assert.NotEqual(dense, oneHot);
            Assert.NotEqual(dense.GetHashCode(), oneHot.GetHashCode());
            Assert.Equal(oneHot, dense with { InputEncoding = InputEncoding.OneHot });
        }
    }
}
