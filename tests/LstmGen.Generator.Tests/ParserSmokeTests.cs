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
    }
}
