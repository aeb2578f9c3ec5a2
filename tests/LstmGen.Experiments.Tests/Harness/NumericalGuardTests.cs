using System;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>A training step that produces NaN or infinity stops the run with an error that names where (never continues silently).</summary>
    public sealed class NumericalGuardTests
    {
        [Fact]
        public void A_run_that_produces_NaN_stops_naming_the_sequence_the_step_and_the_weight_group()
        {
            // Weight 22 (block 0, cell 0, from input 0) overflowed to infinity: inf * 0 is NaN, and the updates spread it.
            var row = PaperRows.Find("4-100")!;
            var options = new RunOptions { MaxSequences = 1000, Network = new CompiledNetwork("Exp4Adding", "Exp4Adding", string.Empty, () => new OverflowedWeight(PaperNetworks.Find("Exp4Adding")!.Create(), 22)) };

            var error = Assert.Throws<NumericalException>(() =>
                row.RunTrial(0, TrialSeeds.For(row.Id, 0), options, new TrialProgress(row.Id, 0), CancellationToken.None));

            Assert.Matches(@"^Exp4Adding: training sequence \d+, step \d+: an output became NaN or infinite; non-finite weights: the weights into (block\[\d\]\.(input_gate|output_gate|cell\[\d\])|output\[0\]) \(first: weight \d+, from [a-z_\[\]\.0-9]+, is ", error.Message);
        }

        [Fact]
        public void A_sane_run_is_not_stopped()
        {
            var row = PaperRows.Find("4-100")!;
            var result = row.RunTrial(0, TrialSeeds.For(row.Id, 0), new RunOptions { MaxSequences = 200 }, new TrialProgress(row.Id, 0), CancellationToken.None);
            Assert.Equal(200, result.Sequences);
        }

        /// <summary>A network one of whose weights is infinite after initialisation, as after an overflow.</summary>
        private sealed class OverflowedWeight(ILstmNetwork inner, int index) : ForwardingNetwork(inner)
        {
            public override void InitializeWeights(ulong seed)
            {
                Inner.InitializeWeights(seed);
                var weights = new double[Inner.WeightCount];
                Inner.CopyWeightsTo(weights);
                weights[index] = double.PositiveInfinity;
                Inner.SetWeights(weights);
            }
        }
    }
}
