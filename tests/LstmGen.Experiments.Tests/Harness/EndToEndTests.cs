using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>A short training run, seconds long, that really learns: the harness and the generated learning rule together.</summary>
    public sealed class EndToEndTests
    {
        [Fact]
        public void Temporal_order_6a_is_learned_with_the_papers_settings()
        {
            // Trial 3 of row 6a reaches ST3(0.1) after about 26,000 sequences (about 3 s); the cap leaves room.
            var row = PaperRows.Find("6a")!;
            var result = row.RunTrial(3, TrialSeeds.For("6a", 3), new RunOptions { MaxSequences = 80_000, TestSetSize = 500 }, new TrialProgress("6a", 3), CancellationToken.None);

            Assert.True(result.Success, "6a trial 3 did not reach ST3(0.1) within 80,000 sequences");
            Assert.InRange(result.TestWrong, 0, 5);
            Assert.True(result.TestMse < 0.05);
        }
    }
}
