using LstmGen.Generator.Diagnostics;
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
            // Only the five required keys: every other field must come out as its documented default
            // (docs/spec-language.md, "Keys"), the file name without its folder, and the text unchanged.
            const string Text = "name: A\ninputs: 1\noutputs: 1\nblocks: { count: 1 }\nlearningRate: 0.1\n";

            var result = SpecParser.Parse("specs/a.lstm.yaml", Text);

            Assert.Empty(result.Diagnostics);
            var expected = new NetworkSpec(
                TypeName: "A",
                Namespace: "LstmGen.Networks",
                SpecFileName: "a.lstm.yaml",
                Description: string.Empty,
                InputCount: 1,
                OutputCount: 1,
                Blocks: new EquatableArray<BlockSpec>(new[] { new BlockSpec(1, GateBias.Random, GateBias.Random, HasOutputGate: true) }),
                Connectivity: Connectivity.Full,
                Bias: BiasPolicy.All,
                CellInput: CellInputSquash.G2,
                CellOutput: CellOutputSquash.H1,
                InitInterval: 0.1,
                LearningRate: 0.1,
                Update: UpdateTiming.PerSequence,
                Precision: Precision.Double,
                SpecText: Text);
            Assert.Equal(expected, result.Spec);
            Assert.Equal(InputEncoding.Dense, result.Spec!.InputEncoding);
            // 'name: A' starts at line 1, column 7 (zero-based 0 and 6): LSTM0008 is reported there.
            Assert.Equal(new SourceLocation("specs/a.lstm.yaml", 6, 1, 0, 6, 0, 7), result.NameLocation);
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
