using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests
{
    /// <summary>The compiled paper networks have exactly the weight counts of Table 10.</summary>
    public sealed class WeightCountTests
    {
        [Theory]
        [InlineData("Exp1Reber4x1", 264)]
        [InlineData("Exp1Reber3x2", 276)]
        [InlineData("Exp2LongLag", 10504)]
        [InlineData("Exp2cP50", 364)]
        [InlineData("Exp2cP100", 664)]
        [InlineData("Exp2cP200", 1264)]
        [InlineData("Exp2cP500", 3064)]
        [InlineData("Exp2cP1000", 6064)]
        [InlineData("Exp3NoiseSignal", 102)]
        [InlineData("Exp4Adding", 93)]
        [InlineData("Exp6aTemporalOrder", 156)]
        [InlineData("Exp6bTemporalOrder", 308)]
        public void Weight_count_equals_the_papers(string name, int expected)
        {
            var entry = PaperNetworks.Find(name);
            Assert.NotNull(entry);
            Assert.Equal(expected, entry!.Create().WeightCount);
        }

        [Fact]
        public void Every_spec_is_compiled()
        {
            Assert.Equal(12, PaperNetworks.All.Count);
        }
    }
}
