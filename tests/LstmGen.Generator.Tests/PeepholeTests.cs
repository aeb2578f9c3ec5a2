using System.IO;
using System.Linq;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// Peepholes (Gers &amp; Schmidhuber 2000; Gers, Schraudolph &amp; Schmidhuber 2002) in the spec language, the layout
    /// and the plan: one weight per cell of the block into each of its gates, the output gates squashed after the state
    /// update, and the emitted class of the sample spec (a snapshot, reviewed like code).
    /// </summary>
    public sealed class PeepholeTests
    {
        private const string File = "peepholes.lstm.yaml";

        private const string SampleFile = "reber-peepholes.lstm.yaml";

        // Line numbers in the comments are the 1-based ones the assertions use.
        private const string Valid =
            "name: Peepholes\n" +       // 1
            "inputs: 2\n" +             // 2
            "outputs: 1\n" +            // 3
            "blocks:\n" +               // 4
            "  count: 2\n" +            // 5
            "  cells: 2\n" +            // 6
            "learningRate: 0.1\n";      // 7

        private static (string Path, string Yaml) Sample() =>
            (SampleFile, System.IO.File.ReadAllText(Path.Combine(RepoPaths.Specs, "family", SampleFile)).Replace("\r\n", "\n"));

        [Fact]
        public void Peepholes_build_and_add_one_weight_per_cell_to_each_gate_row()
        {
            var yaml = Valid.Replace("  cells: 2\n", "  cells: 2\n  peepholes: true\n");
            var run = GeneratorHarness.Run((File, yaml));
            Assert.Empty(run.Diagnostics);
            Assert.Contains(run.Sources, s => s.HintName == "Peepholes.g.cs");
            GeneratorHarness.AssertCompilesCleanly(run);

            var spec = SpecParser.Parse(File, yaml).Spec!;
            Assert.All(spec.Blocks, b => Assert.True(b.HasPeepholes));

            // F connectivity, bias all: the 1997 count is 93 (see the forget gate tests); each block's input and output gate
            // rows grow by its 2 cells: 93 + 2 blocks · 2 gates · 2 cells.
            var layout = NetworkLayout.Create(spec);
            Assert.Equal(93 + 8, layout.WeightCount);
            var inputGate = layout.InputGateFanIn(1);
            Assert.Equal(13, inputGate.Length);
            var peepholes = inputGate.Peepholes!;
            Assert.Equal((SourceRegion.CellState, 2, 2), (peepholes.Region, peepholes.SourceStart, peepholes.Count));
            Assert.Equal(inputGate.BiasOffset - 2, peepholes.WeightOffset);
            Assert.Equal(("block[1].input_gate", "block[1].cell[0].state"), layout.DescribeWeight(peepholes.WeightOffset));
            Assert.Equal(("block[1].output_gate", "block[1].cell[1].state"), layout.DescribeWeight(layout.OutputGateFanIn(1)!.BiasOffset - 1));

            // Traces per cell: the input gate row (now 13) and the cell row (11).
            Assert.Equal(4 * (13 + 11), layout.TraceCount);
        }

        [Fact]
        public void Peepholes_per_block_feed_the_gates_the_block_has()
        {
            var yaml = Valid.Replace("  count: 2\n  cells: 2\n",
                "  - { cells: 2, peepholes: true, forgetGate: true }\n  - { cells: 3, peepholes: true, outputGate: false }\n  - { cells: 1 }\n");
            var result = SpecParser.Parse(File, yaml);
            Assert.False(result.HasErrors);
            var layout = NetworkLayout.Create(result.Spec!);
            Assert.Equal(2, layout.InputGateFanIn(0).Peepholes!.Count);
            Assert.Equal(2, layout.ForgetGateFanIn(0)!.Peepholes!.Count);
            Assert.Equal(2, layout.OutputGateFanIn(0)!.Peepholes!.Count);
            Assert.Equal(3, layout.InputGateFanIn(1).Peepholes!.Count);
            Assert.Null(layout.OutputGateFanIn(1));
            Assert.Null(layout.InputGateFanIn(2).Peepholes);
            Assert.Null(layout.OutputGateFanIn(2)!.Peepholes);
            Assert.All(layout.FanIns.Where(f => f.Kind == UnitKind.CellInput || f.Kind == UnitKind.Output), f => Assert.Null(f.Peepholes));
        }

        [Fact]
        public void Peepholes_must_be_a_boolean()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("  cells: 2\n", "  cells: 2\n  peepholes: sometimes\n")));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM0004", d.Id);
            var span = d.Location.GetLineSpan();
            Assert.Equal((7, 14), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void Peepholes_at_the_top_level_are_an_unknown_key()
        {
            var run = GeneratorHarness.Run((File, Valid + "peepholes: true\n"));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM0002", d.Id);
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void Peepholes_false_is_the_1997_cell()
        {
            var yaml = Valid.Replace("  cells: 2\n", "  cells: 2\n  peepholes: false\n");
            var result = SpecParser.Parse(File, yaml);
            Assert.False(result.HasErrors);
            Assert.Equal(SpecParser.Parse(File, Valid).Spec! with { SpecText = yaml }, result.Spec);
        }

        [Fact]
        public void Output_gates_with_peepholes_are_squashed_after_the_state_update_and_the_traces_read_the_previous_states()
        {
            var spec = SpecParser.Parse(SampleFile, Sample().Yaml).Spec!;
            var plan = NetworkPlanner.Plan(spec);

            // The first batched sigma leaves out the output gates; they come after the cell states, in the last slots.
            var outputGateSlots = 4;
            var slots = plan.State.SelectMany(g => g.Arrays).Single(a => a.Name == "sigmaNet").Length.Value;
            var late = plan.Forward.PeepholeOutputGates;
            var lateSigma = Assert.Single(late.OfType<Sigma>());
            Assert.Equal(slots - outputGateSlots, ((SigmaOfValues)lateSigma.Groups[0]).Offset);
            Assert.Equal(outputGateSlots, lateSigma.Groups.Cast<SigmaOfValues>().Sum(g => g.Values.Count));
            Assert.Equal(outputGateSlots, late.OfType<AddTo>().Count());
            Assert.DoesNotContain(plan.Forward.Activations.SelectMany(b => b.Statements).OfType<ApplySquash>(), s => s.Derivative.Array == "fPrimeOut");

            // The input and forget gates add their peephole terms to their net inputs before the sigma.
            Assert.Equal(8, plan.Forward.NetInputs.SelectMany(b => b.Statements).OfType<AddTo>().Count());

            // Each cell's input gate and forget gate traces read s_c(t-1) for the peephole weights.
            Assert.All(plan.Traces.Cells, cell => Assert.Equal(2, cell.Statements.OfType<ScaledAdd>().Count(a => a.Terms.Any(t => t.Source == "sPrev"))));

            // The output gates' peephole weights change with s_c(t).
            Assert.Equal(4, plan.Learning.BlockWeightChanges.SelectMany(b => b.Statements).OfType<ScaledAdd>().Count(a => a.Terms.Any(t => t.Source == "s")));

            // The lane printer prints the same plan (CellFeatureLaneTests proves its lanes bit for bit).
            Assert.True(NetworkEmitter.HasLanes(spec));
        }

        [Fact]
        public void Sample_spec_with_peepholes()
        {
            var run = GeneratorHarness.Run(Sample());

            Assert.Empty(run.Diagnostics);
            Snapshot.VerifyGenerated(run.Sources.Where(s => s.HintName != RegistryEmitter.HintName).ToList());
            GeneratorHarness.AssertCompilesCleanly(run);
        }
    }
}
