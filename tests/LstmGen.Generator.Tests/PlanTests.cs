using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// What the plan holds: the class's state (one source for its fields) and every speed decision, as data a printer
    /// reads. The emitted text itself is pinned by the snapshots and <see cref="EmittedCode.EmittedCodeDigestTests"/>.
    /// </summary>
    public sealed class PlanTests
    {
        public static TheoryData<string> PaperNetworkNames
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var network in PaperNetworks.All)
                {
                    data.Add(network.Name);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(PaperNetworkNames))]
        public void The_state_arrays_are_the_fields_of_the_compiled_class(string name)
        {
            var network = PaperNetworks.Find(name)!.Create();
            var plan = NetworkPlanner.Plan(SpecParser.Parse(network.SpecFileName, network.SpecText).Spec!);
            var arrays = plan.State.SelectMany(g => g.Arrays).ToList();
            var fields = network.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(f => !f.Name.Contains('<', StringComparison.Ordinal))   // auto-properties' backing fields
                .ToDictionary(f => f.Name, f => f);

            Assert.Equal(arrays.Select(a => "_" + a.Name).OrderBy(n => n, StringComparer.Ordinal), fields.Keys.OrderBy(n => n, StringComparer.Ordinal));
            foreach (var array in arrays)
            {
                var value = fields["_" + array.Name].GetValue(network)!;
                if (array.IsScalar)
                {
                    Assert.IsType<int>(value);
                    continue;
                }

                var elements = (Array)value;
                Assert.Equal(array.Length.Value, elements.Length);
                var expected = array.Element == StateElement.Bool ? typeof(bool) : array.Element == StateElement.Int ? typeof(int) : plan.IsFloat ? typeof(float) : typeof(double);
                Assert.Equal(expected, elements.GetType().GetElementType());
            }
        }

        [Fact]
        public void Four_fan_ins_at_once_and_the_one_hot_decisions_are_in_the_plan()
        {
            // Exp 1 (7 one-hot inputs): every gate and cell of its three blocks is summed four at a time; too few inputs for
            // the vector scan or the touched set.
            var reber = Plan("exp1-reber-3x2");
            Assert.Equal(new[] { 0, 4, 8 }, reber.Forward.NetInputSigma.Groups.OfType<SigmaOfFourFanIns>().Select(g => g.Offset));
            Assert.All(reber.Forward.NetInputs.SelectMany(b => b.Statements), s => Assert.True(((ComputeNetInput)s).NetInput.InFourFanInGroup));
            Assert.Equal(new ActiveInputsPlan(OneHot: true, VectorScan: false, KeepsTouchedSet: false), reber.ActiveInputs);

            // Exp 2c, p = 1000 (1,004 one-hot inputs): the scan and the touched set, and no four-at-once (6-7 hidden terms);
            // its outputs read the cells only and it has no forget gates, so its lane classes keep rows by input.
            var longLag = Plan("exp2c-p1000");
            Assert.Equal(new ActiveInputsPlan(OneHot: true, VectorScan: true, KeepsTouchedSet: true) { LaneInputRows = true }, longLag.ActiveInputs);
            Assert.Empty(longLag.Forward.NetInputSigma.Groups.OfType<SigmaOfFourFanIns>());
            Assert.Single(longLag.Learning.TouchedInputChanges);

            // Exp 4 (dense): its fan-ins start at the inputs, so they are written out one by one and squashed from registers.
            var adding = Plan("exp4-adding");
            Assert.Null(adding.ActiveInputs);
            Assert.All(adding.Forward.NetInputSigma.Groups, g => Assert.IsType<SigmaOfValues>(g));
        }

        [Fact]
        public void Rows_by_input_and_lanes_by_default_follow_the_touched_set_the_outputs_and_the_forget_gates()
        {
            // LaneInputRows: a touched set, outputs that do not read the inputs, no forget gates (Exp 2c). Lanes by default
            // everywhere but where a touched set has no rows while the outputs do not read the inputs (forget gates).
            Assert.True(SpeedDecisions.LaneInputRows(keepsTouchedSet: true, outputsReadActiveInputs: false, hasForgetGates: false));
            Assert.False(SpeedDecisions.LaneInputRows(keepsTouchedSet: false, outputsReadActiveInputs: false, hasForgetGates: false));
            Assert.False(SpeedDecisions.LaneInputRows(keepsTouchedSet: true, outputsReadActiveInputs: true, hasForgetGates: false));
            Assert.False(SpeedDecisions.LaneInputRows(keepsTouchedSet: true, outputsReadActiveInputs: false, hasForgetGates: true));
            Assert.True(SpeedDecisions.LanesByDefault(keepsTouchedSet: true, outputsReadActiveInputs: false, hasForgetGates: false));
            Assert.False(SpeedDecisions.LanesByDefault(keepsTouchedSet: true, outputsReadActiveInputs: true, hasForgetGates: true));
            Assert.False(SpeedDecisions.LanesByDefault(keepsTouchedSet: true, outputsReadActiveInputs: true, hasForgetGates: false));
            Assert.True(SpeedDecisions.LanesByDefault(keepsTouchedSet: false, outputsReadActiveInputs: false, hasForgetGates: true));
            Assert.False(SpeedDecisions.LanesByDefault(keepsTouchedSet: true, outputsReadActiveInputs: false, hasForgetGates: true));
            Assert.False(Plan("exp2ab-long-lag").ActiveInputs!.LaneInputRows);
            Assert.True(Plan("exp2c-p50").ActiveInputs!.LaneInputRows);
        }

        [Fact]
        public void Run_forms_scaled_add_forms_and_output_loops_are_in_the_plan()
        {
            // 30 dense inputs: every gate and cell fan-in is one run of 30 + 12 + 1 terms (inputs, hidden units, bias), too long to write out; 20
            // output units: loops over k.
            var plan = NetworkPlanner.Plan(SpecParser.Parse("wide.lstm.yaml", "name: Wide\ninputs: 30\noutputs: 20\nblocks: { count: 3, cells: 2 }\nlearningRate: 0.1\n").Spec!);
            var sums = plan.Forward.NetInputs.SelectMany(b => b.Statements).Cast<ComputeNetInput>().Select(c => c.NetInput.Rest).ToList();
            Assert.All(sums, s => Assert.Equal(new SumRun(0, 0, 43, RunForm.DotKernel), Assert.Single(s.Runs)));
            Assert.False(plan.Learning.OutputErrors.InRegisters);
            Assert.Equal(ScaledAddForm.Kernel, plan.Learning.OutputErrors.LoopForm);
            Assert.IsType<SigmaOfArray>(Assert.Single(plan.Forward.Outputs.Sigma.Groups));

            // The output units read the 6 cells and the bias unit (two runs: the gates lie between them), both written out;
            // their weight changes: the kernel over the 6 cells' weights, the bias weight written out.
            Assert.Equal(new[] { new SumRun(0, 30, 6, RunForm.WrittenOut), new SumRun(6, 42, 1, RunForm.WrittenOut) }, plan.Forward.Outputs.NetInput.Runs);
            Assert.Equal(new[] { ScaledAddForm.Kernel, ScaledAddForm.WrittenOut }, plan.Learning.OutputWeightChanges.Changes.Cast<ScaledAdd>().Select(a => a.Form));

            // Eq. 26 over a block of two cells: one kernel call with two terms per weight.
            var inputGate = plan.Learning.BlockWeightChanges[0].Statements.OfType<ScaledAdd>().Single(a => a.DestinationBase.Offset == plan.Shape.Blocks[0].InputGate.Offset);
            Assert.Equal(ScaledAddForm.Kernel, inputGate.Form);
            Assert.Equal(2, inputGate.Terms.Count);
        }

        private static NetworkPlan Plan(string spec)
        {
            var (path, yaml) = Infrastructure.PaperSpecs.Read(spec);
            return NetworkPlanner.Plan(SpecParser.Parse(path, yaml).Spec!);
        }
    }
}
