using System.Collections.Generic;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>Every compiled paper network (Table 10) computes what the reference interpreter computes.</summary>
    public sealed class PaperNetworkReferenceTests
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (var entry in PaperNetworks.All)
            {
                yield return new object[] { entry.Name, UpdateTiming.PerSequence };
                yield return new object[] { entry.Name, UpdateTiming.PerStep };
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Generated_network_trains_like_the_reference(string name, UpdateTiming timing)
        {
            var entry = PaperNetworks.Find(name);
            Assert.NotNull(entry);
            var generated = entry!.Create();
            var reference = ReferenceNetwork.FromYaml(generated.SpecFileName, generated.SpecText);
            Assert.Equal(generated.Name, reference.Name);
            Assert.Equal(generated.LearningRate, reference.LearningRate);
            Assert.Equal(generated.Update, reference.Update);

            // The 10,504- and 6,064-weight networks get short sequences so that the suite stays fast.
            var large = generated.WeightCount > 5000;
            NetworkComparison.AssertTrainsLikeReference(
                generated,
                reference,
                seed: 1997,
                timing,
                sequences: large ? 2 : 4,
                minLength: 5,
                maxLength: large ? 7 : 30,
                tolerance: 1e-12);
        }

        [Fact]
        public void Spec_metadata_is_the_specs()
        {
            foreach (var entry in PaperNetworks.All)
            {
                var generated = entry.Create();
                var reference = ReferenceNetwork.FromYaml(generated.SpecFileName, generated.SpecText);
                Assert.Equal(generated.SpecText, reference.SpecText);
                Assert.Equal(generated.SpecFileName, reference.SpecFileName);
                Assert.Equal(generated.WeightCount, reference.Weights.Length);
            }
        }
    }
}
