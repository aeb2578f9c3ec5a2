using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Sweeps;
using Xunit;

namespace LstmGen.Experiments.Tests.Sweeps
{
    /// <summary>A sweep's grid: every combination of its axes, the first slowest; values split outside brackets; a limit.</summary>
    public sealed class SweepGridTests
    {
        [Fact]
        public void The_grid_is_every_combination_with_the_first_axis_slowest()
        {
            var grid = new SweepGrid("6a", null,
            [
                new SweepAxis("learningRate", SweepTarget.Row, "learningRate", ["0.5", "1.0"]),
                new SweepAxis("blocks.inputGateBias", SweepTarget.Spec, "blocks.inputGateBias", ["[-2,-4]", "[-1,-2]", "0"]),
            ], 2, 1000, 1);

            var variants = grid.Variants();

            Assert.Equal(6, grid.Count);
            Assert.Equal(
                new[]
                {
                    "learningRate=0.5 blocks.inputGateBias=[-2,-4]", "learningRate=0.5 blocks.inputGateBias=[-1,-2]", "learningRate=0.5 blocks.inputGateBias=0",
                    "learningRate=1.0 blocks.inputGateBias=[-2,-4]", "learningRate=1.0 blocks.inputGateBias=[-1,-2]", "learningRate=1.0 blocks.inputGateBias=0",
                },
                variants.Select(v => string.Join(" ", v.Select(s => s.ToString()))));
        }

        [Fact]
        public void A_grid_larger_than_the_limit_is_refused()
        {
            var grid = new SweepGrid("6a", null, [new SweepAxis("cap", SweepTarget.Row, "cap", ["1", "2", "3"]), new SweepAxis("trials", SweepTarget.Row, "trials", ["1", "2"])], null, null, 1);

            var error = Assert.Throws<SweepException>(() => grid.Variants(maxVariants: 5));

            Assert.Contains("6 variants (3 cap x 2 trials), more than the limit of 5", error.Message, StringComparison.Ordinal);
            Assert.Equal(6, grid.Variants(maxVariants: 6).Count);
        }

        [Theory]
        [InlineData("learningRate=0.5,1.0", "learningRate", new[] { "0.5", "1.0" })]
        [InlineData("blocks.inputGateBias=[-2,-4],[-1, -2]", "blocks.inputGateBias", new[] { "[-2,-4]", "[-1, -2]" })]
        [InlineData("task={ name: adding, T: 100 },{ name: adding, T: 500 }", "task", new[] { "{ name: adding, T: 100 }", "{ name: adding, T: 500 }" })]
        [InlineData(" update = per-step ", "update", new[] { "per-step" })]
        public void Vary_splits_values_at_commas_outside_brackets(string text, string key, string[] values)
        {
            var (parsedKey, parsedValues) = SweepGrid.ParseVary(text);

            Assert.Equal(key, parsedKey);
            Assert.Equal(values, parsedValues);
        }

        [Theory]
        [InlineData("learningRate")]
        [InlineData("=0.5")]
        [InlineData("learningRate=0.5,,1.0")]
        public void A_malformed_vary_is_refused(string text)
        {
            Assert.Throws<SweepException>(() => SweepGrid.ParseVary(text));
        }

        [Fact]
        public void The_same_grid_has_the_same_folder_hash_and_a_changed_one_another()
        {
            SweepGrid Grid(string cap) => new("6a", null, [new SweepAxis("learningRate", SweepTarget.Row, "learningRate", ["0.5", cap])], 2, 1000, 1);

            Assert.Equal(Grid("1.0").Hash(), Grid("1.0").Hash());
            Assert.NotEqual(Grid("1.0").Hash(), Grid("2.0").Hash());
        }

        [Fact]
        public void Keys_resolve_to_the_row_first_and_to_the_spec_with_a_prefix()
        {
            IReadOnlyList<string> task = ["relevantSymbols", "positionBase"];
            IReadOnlyList<string> stop = ["beta", "window", "errorMeasure"];

            Assert.Equal((SweepTarget.Row, "learningRate"), SweepKeys.Resolve("learningRate", task, stop));
            Assert.Equal((SweepTarget.Spec, "learningRate"), SweepKeys.Resolve("spec.learningRate", task, stop));
            Assert.Equal((SweepTarget.Spec, "blocks.outputGateBias"), SweepKeys.Resolve("blocks.outputGateBias", task, stop));
            Assert.Equal((SweepTarget.Spec, "resetActivation"), SweepKeys.Resolve("resetActivation", task, stop));
            Assert.Equal((SweepTarget.Row, "stop.beta"), SweepKeys.Resolve("stop.beta", task, stop));
            Assert.Equal((SweepTarget.Row, "task.positionBase"), SweepKeys.Resolve("row.task.positionBase", task, stop));
            var error = Assert.Throws<SweepException>(() => SweepKeys.Resolve("stop.betta", task, stop));
            Assert.Equal("unknown sweep key 'stop.betta': did you mean 'stop.beta'?", error.Message);
        }
    }
}
