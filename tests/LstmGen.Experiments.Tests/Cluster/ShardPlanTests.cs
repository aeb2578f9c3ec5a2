using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Sharding;
using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>The split of a run into shards: deterministic, disjoint, complete, and balanced by expected cost.</summary>
    public sealed class ShardPlanTests
    {
        [Theory]
        [InlineData("0/1", 0, 1)]
        [InlineData("3/4", 3, 4)]
        [InlineData("99999/100000", 99999, 100000)]
        public void Valid_shards_parse(string text, int index, int count)
        {
            Assert.Equal(new ShardSpec(index, count), ShardSpec.TryParse(text, out _));
            Assert.Equal(text, new ShardSpec(index, count).ToString());
        }

        [Theory]
        [InlineData("4/4")]
        [InlineData("1/0")]
        [InlineData("-1/4")]
        [InlineData("1")]
        [InlineData("/4")]
        [InlineData("1/4/5")]
        [InlineData(" 1/4")]
        [InlineData("0/100001")]
        public void Invalid_shards_are_refused_with_the_syntax(string text)
        {
            Assert.Null(ShardSpec.TryParse(text, out var error));
            Assert.Contains("I/N with 0 <= I < N", error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(64)]
        [InlineData(600)]
        public void Every_trial_of_the_full_reproduction_is_in_exactly_one_shard(int shards)
        {
            var planned = ShardedRuns.Reproduction(PaperRows.All, quick: false);
            var plan = ShardPlan.Create(planned, shards, CostModel.Measured);

            var all = Enumerable.Range(0, shards).SelectMany(s => plan.ItemsOf(s).Select(i => (i.Row, i.Trial))).ToList();
            var expected = planned.SelectMany(r => Enumerable.Range(0, r.Trials).Select(t => (r.Row.Id, t))).ToList();
            Assert.Equal(expected.Count, all.Count);
            Assert.Equal(expected.OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.t), all.OrderBy(e => e.Row, StringComparer.Ordinal).ThenBy(e => e.Trial));
            for (var shard = 0; shard < shards; shard++)
            {
                Assert.All(plan.ItemsOf(shard), i => Assert.Equal(shard, plan.ShardOf(i.Row, i.Trial)));
            }

            Assert.Equal(-1, plan.ShardOf("6a", 20));
        }

        [Fact]
        public void The_split_depends_on_nothing_but_the_run_and_the_row_order_given_does_not_matter()
        {
            var rows = new[] { "6a", "2c-5", "4-100", "1-5", "3b-1000-1" }.Select(id => PaperRows.Find(id)!).ToList();
            var a = ShardedRuns.ReproductionPlan(rows, quick: false, 8);
            var b = ShardedRuns.ReproductionPlan(Enumerable.Reverse(rows), quick: false, 8);

            for (var shard = 0; shard < 8; shard++)
            {
                Assert.Equal(a.ItemsOf(shard), b.ItemsOf(shard));
            }

            Assert.Equal(new[] { "1-5", "2c-5", "3b-1000-1", "4-100", "6a" }, a.Rows.Select(r => r.Row.Id));   // catalogue order
        }

        [Fact]
        public void Shards_are_balanced_by_expected_cost_not_by_count()
        {
            // 20 trials of 2c-5 (each runs to the 5,000,000 cap) and 20 of 6a (each stops after about 26,000 sequences).
            var rows = new[] { PaperRows.Find("2c-5")!, PaperRows.Find("6a")! };
            var plan = ShardedRuns.ReproductionPlan(rows, quick: false, 4);
            var costly = CostModel.Measured.ExpectedTrialSeconds(rows[0], rows[0].DefaultMaxSequences);
            var cheap = CostModel.Measured.ExpectedTrialSeconds(rows[1], rows[1].DefaultMaxSequences);

            Assert.True(costly > 100 * cheap, $"a 2c-5 trial ({costly:F0} s) should cost over a hundred 6a trials ({cheap:F1} s)");
            for (var shard = 0; shard < 4; shard++)
            {
                Assert.Equal(5, plan.TrialsOf(shard, "2c-5").Count);   // the 2c-5 trials are spread evenly
                Assert.Equal(5, plan.TrialsOf(shard, "6a").Count);
            }

            // Longest-processing-time bound: no shard exceeds the mean by more than the costliest trial.
            var full = ShardedRuns.ReproductionPlan(PaperRows.All, quick: false, 16);
            var loads = Enumerable.Range(0, 16).Select(full.ExpectedSecondsOf).ToList();
            var largest = full.AllItems.Max(i => i.ExpectedSeconds);
            Assert.True(loads.Max() <= loads.Average() + largest, $"busiest shard {loads.Max():F0} s, mean {loads.Average():F0} s, costliest trial {largest:F0} s");
        }

        [Fact]
        public void A_longest_first_schedule_ends_with_the_longest_trial_or_the_mean_load()
        {
            Assert.Equal(10, ScheduleSimulation.LongestFirst(new double[] { 10, 1, 1, 1 }, 4));
            Assert.Equal(7, ScheduleSimulation.LongestFirst(new double[] { 3, 3, 2, 2, 2 }, 2));   // 3+2+2 | 3+2: the best, 3+3 | 2+2+2, is 6
            Assert.Equal(19, ScheduleSimulation.LongestFirst(new double[] { 10, 5, 4 }, 1));
            // Rows one after another: a row's trials cannot fill the slots an earlier row leaves idle.
            Assert.Equal(10 + 3, ScheduleSimulation.RowByRow([(new double[] { 10, 1, 1, 1 }, 4), (new double[] { 3, 3, 3 }, 4)]));
            Assert.Equal(10 + 6, ScheduleSimulation.RowByRow([(new double[] { 10, 1 }, 2), (new double[] { 3, 3, 3 }, 2)]));
            Assert.Equal(10 + 9, ScheduleSimulation.RowByRow([(new double[] { 10, 1 }, 2), (new double[] { 3, 3, 3 }, 1)]));
        }

        [Fact]
        public void A_lane_projection_on_one_core_with_one_lane_takes_the_whole_CPU_time()
        {
            var result = CliRunner.Run("shards", "--rows", "6a,4-100,2c-5", "--cores", "1,2", "--lanes", "1");
            Assert.Equal(0, result.ExitCode);
            var cpu = System.Text.RegularExpressions.Regex.Match(result.Out, "CPU time ([0-9.,]+ (?:h|min|s));").Groups[1].Value;
            var oneCore = System.Text.RegularExpressions.Regex.Match(result.Out, @"(?m)^ *1 {2,}(\S.*?) {2,}").Groups[1].Value;
            Assert.NotEmpty(cpu);
            Assert.Equal(cpu, oneCore);
        }

        [Fact]
        public void On_lanes_a_row_is_simulated_as_the_runner_schedules_it_with_the_measured_costs()
        {
            // 3a-100-3: 10 trials on 2 cores of 8 lanes: each trial's figures alone and on lanes from the cost table, the
            // hand-over below the table's lane step in scalar steps (as TrialRunner sets it).
            var row = PaperRows.Find("3a-100-3")!;
            var model = CostModel.Measured;
            double Trial(int i, bool onLanes) => model.TrialSeconds(row, i, row.DefaultMaxSequences, TrialSeeds.DefaultBaseSeed, onLanes);
            var trials = Enumerable.Range(0, 10).Select(i => (Trial(i, false), Trial(i, true))).ToArray();
            var expected = LaneSimulation.Row(trials, cores: 2, lanes: 8, below: model.LaneStepInScalarSteps(row)!.Value);
            var keptInLanes = 8 * trials.Max(t => t.Item2);
            Assert.True(expected < keptInLanes, $"the hand-over shortens the row: {expected} s against {keptInLanes} s with every trial kept in its lane");
            var cpu = trials.Sum(t => t.Item2);
            var result = CliRunner.Run("shards", "--rows", "3a-100-3", "--cores", "2", "--lanes", "8");
            Assert.Equal(0, result.ExitCode);
            // Printed to 0.1 s (or 0.1 min, 0.01 h).
            Assert.InRange(Seconds(System.Text.RegularExpressions.Regex.Match(result.Out, @"(?m)^ *2 {2,}(\S.*?) {2,}").Groups[1].Value), expected - 0.06, expected + 0.06);
            Assert.InRange(Seconds(System.Text.RegularExpressions.Regex.Match(result.Out, "CPU time ([0-9.,]+ (?:h|min|s));").Groups[1].Value), cpu - 0.06, cpu + 0.06);
        }

        private static double Seconds(string duration)
        {
            var parts = duration.Split(' ');
            var value = double.Parse(parts[0], System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
            return parts[1] switch { "h" => value * 3600, "min" => value * 60, _ => value };
        }

        [Fact]
        public void A_cost_table_of_ones_own_projects_and_a_damaged_one_is_one_line()
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lstmgen-costs-" + System.IO.Path.GetRandomFileName() + ".csv");
            try
            {
                // 6a's 20 trials at 1 ms per sequence and 1000 sequences each: 20 s of CPU, 10 s on 2 cores.
                System.IO.File.WriteAllText(path, "row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.001,1000,0.0005\n");
                var own = CliRunner.Run("shards", "--rows", "6a", "--cores", "2", "--lanes", "1", "--costs-from", path);
                Assert.Equal(0, own.ExitCode);
                Assert.Contains("CPU time 20.0 s;", own.Out, StringComparison.Ordinal);
                Assert.Matches(@"(?m)^ *2 {2,}10\.0 s {2,}10\.0 s ", own.Out);

                System.IO.File.WriteAllText(path, "row,seconds\n");
                var damaged = CliRunner.Run("shards", "--cores", "2", "--costs-from", path);
                Assert.Equal(2, damaged.ExitCode);
                Assert.Single(damaged.ErrorLines);
                Assert.Contains("row-costs.sh", damaged.Error, StringComparison.Ordinal);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Fact]
        public void Lanes_other_than_the_cost_tables_are_refused_with_how_to_measure_them()
        {
            // The committed table's lane figures are for 8 lanes: a projection at 4 would cost K = 4 trials at K = 8's price.
            var four = CliRunner.Run("shards", "--rows", "6a", "--cores", "2", "--lanes", "4");
            Assert.Equal(2, four.ExitCode);
            Assert.Single(four.ErrorLines);
            Assert.Empty(four.Out); // refused before anything is printed
            Assert.Contains("--lanes 4: the cost table's lane figures were measured on lane networks of 8 trials", four.Error, StringComparison.Ordinal);
            Assert.Contains("LANES=4 deploy/costs/row-costs.sh", four.Error, StringComparison.Ordinal);

            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lstmgen-costs-" + System.IO.Path.GetRandomFileName() + ".csv");
            try
            {
                System.IO.File.WriteAllText(path, "# laneSecondsPerSequence: CPU seconds per training sequence of one of 4 trials sharing a lane network on one thread\n"
                    + "row,secondsPerSequence,outcomes,laneSecondsPerSequence\n6a,0.001,1000,0.0005\n");
                var measuredAtFour = CliRunner.Run("shards", "--rows", "6a", "--cores", "2", "--lanes", "4", "--costs-from", path);
                Assert.Equal(0, measuredAtFour.ExitCode);
                Assert.Contains("lane networks of 4 trials per core", measuredAtFour.Out, StringComparison.Ordinal);

                // No lane figure in use, no refusal: a table without the lane column, or a row that runs scalar (2a).
                System.IO.File.WriteAllText(path, "row,secondsPerSequence,outcomes\n6a,0.001,1000\n");
                Assert.Equal(0, CliRunner.Run("shards", "--rows", "6a", "--cores", "2", "--lanes", "4", "--costs-from", path).ExitCode);
                Assert.Equal(0, CliRunner.Run("shards", "--rows", "2a", "--cores", "2", "--lanes", "4").ExitCode);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Fact]
        public void Lanes_go_with_cores_and_the_cost_model()
        {
            var alone = CliRunner.Run("shards", "--lanes", "8");
            var measured = CliRunner.Run("shards", "--cores", "2", "--lanes", "8", "--durations-from", "results");
            Assert.All(new[] { alone, measured }, r =>
            {
                Assert.Equal(2, r.ExitCode);
                Assert.Single(r.ErrorLines);
                Assert.Contains("--lanes goes with --cores", r.Error, StringComparison.Ordinal);
            });
        }
    }
}
