using System.IO;
using System.Linq;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The plan of a network with forget gates (Gers, Schmidhuber &amp; Cummins 2000): their place in the batched σ and the
    /// state, the decay of each cell's traces, and the emitted class (a snapshot, reviewed like code).
    /// </summary>
    public sealed class ForgetGatePlanTests
    {
        private const string SpecFile = "reber-forget-gates.lstm.yaml";

        private static (string Path, string Yaml) Sample() =>
            (SpecFile, File.ReadAllText(Path.Combine(RepoPaths.Specs, "family", SpecFile)).Replace("\r\n", "\n"));

        [Fact]
        public void Forget_gates_go_through_the_batched_sigma_after_their_input_gates_and_decay_every_trace_of_their_cells()
        {
            var spec = SpecParser.Parse(SpecFile, Sample().Yaml).Spec!;
            var plan = NetworkPlanner.Plan(spec);

            // Block by block: input gate, forget gate, output gate, two cells.
            var block0 = plan.Forward.NetInputs[0].Statements.Cast<ComputeNetInput>().Select(s => s.NetInput.Local).ToArray();
            Assert.Equal(new[] { "netIn0", "netPhi0", "netOut0", "netC0", "netC1" }, block0);

            // Per cell: one ScaleBy over its whole trace span (input gate, forget gate, cell rows) before any term is added.
            var shape = plan.Shape;
            foreach (var cell in plan.Traces.Cells)
            {
                var c = shape.Blocks[cell.Block].FirstCell + cell.Cell;
                var decay = Assert.IsType<ScaleBy>(cell.Statements[0]);
                Assert.Equal(shape.InputGateTraceOffsets[c], decay.First);
                Assert.Equal(shape.CellTraceOffsets[c] + shape.Blocks[cell.Block].CellInputs[cell.Cell].Length, decay.First + decay.Count);
                Assert.Single(cell.Statements.OfType<ScaleBy>());
            }

            Assert.Contains(plan.State.SelectMany(g => g.Arrays), a => a.Name == "sPrev");
            Assert.Equal(new[] { 0.5, 1.0, 1.5, 2.0 }, plan.FixedWeights.Where(w => w.Note.Contains("forget")).Select(w => w.Value));
        }

        [Fact]
        public void Without_forget_gates_the_plan_is_the_1997_plan()
        {
            var spec = SpecParser.Parse(SpecFile, Sample().Yaml).Spec!;
            var classic = spec with { Blocks = new EquatableArray<BlockSpec>(spec.Blocks.Select(b => b with { HasForgetGate = false, ForgetGateBias = GateBias.Random })) };
            var plan = NetworkPlanner.Plan(classic);

            Assert.Empty(plan.Traces.Cells.SelectMany(c => c.Statements).OfType<ScaleBy>());
            Assert.DoesNotContain(plan.State.SelectMany(g => g.Arrays), a => a.Name == "sPrev" || a.Name == "yForget");
            Assert.Empty(plan.Shape.ForgetGateTraceOffsets);
            Assert.All(plan.Shape.Blocks, b => Assert.Null(b.ForgetGate));
        }

        [Fact]
        public void Sample_spec_with_forget_gates()
        {
            var run = GeneratorHarness.Run(Sample());

            Assert.Empty(run.Diagnostics);
            Snapshot.VerifyGenerated(run.Sources.Where(s => s.HintName != RegistryEmitter.HintName).ToList());
            GeneratorHarness.AssertCompilesCleanly(run);
        }
    }
}
