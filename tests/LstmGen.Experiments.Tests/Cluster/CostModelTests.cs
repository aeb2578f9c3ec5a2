using System;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Sharding;
using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>The committed cost model: a trial's expected CPU time from measured per-row figures.</summary>
    public sealed class CostModelTests
    {
        [Fact]
        public void Every_row_has_measured_costs_and_outcomes()
        {
            foreach (var row in PaperRows.All)
            {
                var cost = CostModel.Measured.Find(row.Id);
                Assert.True(cost is not null, "row-costs.csv has no line for row " + row.Id + ": run deploy/costs/row-costs.sh");
                Assert.True(cost!.SecondsPerSequence is > 1e-7 and < 1e-2, row.Id + ": " + cost.SecondsPerSequence);
                Assert.NotEmpty(cost.Outcomes);
            }
        }

        [Fact]
        public void A_trial_is_expected_to_stop_when_the_measured_trials_stopped_or_at_the_cap()
        {
            var model = CostModel.Parse("# comment\nrow,secondsPerSequence,outcomes\n6a,0.001,1000 3000 >2000\n");
            var row = PaperRows.Find("6a")!;

            // Under a cap of 5,000: 1000, 3000 and (failed at a lower cap, so taken to fail) 5000: mean 3000 sequences.
            Assert.Equal(3.0, model.ExpectedTrialSeconds(row, 5_000), 12);
            // Under a cap of 2,000: 1000, 2000, 2000.
            Assert.Equal(5.0 / 3, model.ExpectedTrialSeconds(row, 2_000), 12);
            // Trial 1 of the default seed is the measured one; another seed's trial 1 is the expectation.
            Assert.Equal(3.0, model.TrialSeconds(row, 1, 5_000, TrialSeeds.DefaultBaseSeed), 12);
            Assert.Equal(3.0, model.TrialSeconds(row, 7, 5_000, TrialSeeds.DefaultBaseSeed), 12);
            Assert.Equal(1.0, model.TrialSeconds(row, 0, 5_000, TrialSeeds.DefaultBaseSeed), 12);
            Assert.Equal(3.0, model.TrialSeconds(row, 0, 5_000, 1), 12);
        }

        [Fact]
        public void A_row_without_figures_costs_its_cap_times_its_sequence_length()
        {
            var model = CostModel.Parse("row,secondsPerSequence,outcomes\n");
            var row = PaperRows.Find("4-1000")!;
            Assert.Equal(CostModel.FallbackSecondsPerStep * row.TypicalLength * 1_000, model.ExpectedTrialSeconds(row, 1_000), 9);
        }

        [Fact]
        public void A_trial_on_lanes_costs_its_rows_lane_figure_or_the_one_trial_figure_where_none_was_measured()
        {
            var model = CostModel.Parse("row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.001,1000 3000,0.0002\n6b,0.001,1000,\n");
            var sixA = PaperRows.Find("6a")!;
            var sixB = PaperRows.Find("6b")!;

            Assert.Equal(0.2, model.TrialSeconds(sixA, 0, 5_000, TrialSeeds.DefaultBaseSeed, onLanes: true), 12);
            Assert.Equal(1.0, model.TrialSeconds(sixA, 0, 5_000, TrialSeeds.DefaultBaseSeed), 12);
            // Not a measured trial: the row's expectation (mean 2000 sequences) at the lane figure.
            Assert.Equal(0.4, model.TrialSeconds(sixA, 9, 5_000, TrialSeeds.DefaultBaseSeed, onLanes: true), 12);
            Assert.Equal(0.0002, model.LaneSecondsPerSequence(sixA));
            Assert.Equal(0.001, model.LaneSecondsPerSequence(sixB));
            Assert.Null(model.Find("6b")!.LaneSecondsPerSequence);
        }

        [Fact]
        public void The_committed_table_has_a_lane_figure_for_every_row()
        {
            foreach (var row in PaperRows.All)
            {
                var lane = CostModel.Measured.Find(row.Id)?.LaneSecondsPerSequence;
                Assert.True(lane is > 1e-7 and < 1e-2, row.Id + ": " + lane);
            }
        }

        [Fact]
        public void The_table_says_how_many_lanes_its_lane_figures_were_measured_with()
        {
            const string Rows = "row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.001,1000,0.0005\n";
            var four = CostModel.Parse("# laneSecondsPerSequence: CPU seconds per training sequence of one of 4 trials sharing a lane network on one thread\n" + Rows);
            Assert.Equal(4, four.LaneCount);
            Assert.Equal(2.0, four.LaneStepInScalarSteps(PaperRows.Find("6a")!)!.Value, 12); // 4 x 0.0005 / 0.001
            var unstated = CostModel.Parse(Rows);
            Assert.Equal(CostModel.DefaultLaneCount, unstated.LaneCount);
            Assert.False(unstated.LaneCountStated);

            // The committed table says it, in row-costs.sh's words (a rewording that the parser no longer read would fail here).
            Assert.True(CostModel.Measured.LaneCountStated);
            Assert.Equal(8, CostModel.Measured.LaneCount);

            // A comment on the lane column that does not give a K from 1 to 64 is refused, not read as 8.
            Assert.Throws<FormatException>(() => CostModel.Parse("# laneSecondsPerSequence: ... of one of 0 trials sharing a lane network\n" + Rows));
            Assert.Throws<FormatException>(() => CostModel.Parse("# laneSecondsPerSequence: ... of one of 1000 trials sharing a lane network\n" + Rows));
            Assert.Throws<FormatException>(() => CostModel.Parse("# laneSecondsPerSequence: measured with eight lanes\n" + Rows));
        }

        [Theory]
        [InlineData("row,seconds,outcomes\n")]
        [InlineData("row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.1,100\n")]
        [InlineData("row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.1,100,0\n")]
        [InlineData("row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.1,100,fast\n")]
        [InlineData("row,secondsPerSequence,outcomes\n6a,0.1,100,0.01\n")]
        [InlineData("row,secondsPerSequence,outcomes\n6a,-1,100\n")]
        [InlineData("row,secondsPerSequence,outcomes\n6a,0.1,100 x\n")]
        [InlineData("row,secondsPerSequence,outcomes\n6a,0.1\n")]
        public void A_damaged_table_is_refused(string text)
        {
            Assert.Throws<FormatException>(() => CostModel.Parse(text));
        }

        [Fact]
        public void The_committed_table_reads_back_as_the_measured_trials()
        {
            var sixA = CostModel.Measured.Find("6a")!;
            Assert.Equal(20, sixA.Outcomes.Count);
            Assert.All(sixA.Outcomes, o => Assert.True(o.Success));
            Assert.All(CostModel.Measured.Find("2c-5")!.Outcomes, o => Assert.False(o.Success));
            Assert.True(PaperRows.All.All(r => CostModel.Measured.ExpectedTrialSeconds(r, r.DefaultMaxSequences) > 0));
        }
    }
}
