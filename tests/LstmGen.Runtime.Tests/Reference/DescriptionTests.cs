using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LstmGen.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>
    /// The description a compiled class carries (emitted from the generator's plan) is the one the reference interpreter
    /// reads off the layout of the same spec, member by member; and its state is what the class really allocates.
    /// </summary>
    public sealed class DescriptionTests
    {
        public static IEnumerable<object[]> PaperNames() => PaperNetworks.All.Select(n => new object[] { n.Name });

        /// <summary>Every random topology: the 1997 ones, those with forget gates (Gers 2000) and those with peepholes (Gers 2002).</summary>
        public static IEnumerable<object[]> RandomIndices() =>
            Enumerable.Range(0, RandomTopologies.PeepholeWideIndex + 1).Select(i => new object[] { i });

        /// <summary>This project's test specs with forget gates (Specs/forget-*.lstm.yaml) and peepholes (Specs/peephole-*.lstm.yaml).</summary>
        public static IEnumerable<object[]> ForgetGateNames() =>
            new[] { nameof(Networks.ForgetFull), nameof(Networks.ForgetSelfLoop), nameof(Networks.PeepholeFull), nameof(Networks.PeepholeSelfLoop) }.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(PaperNames))]
        public void Paper_network_describes_itself_as_the_reference_does(string name)
        {
            var generated = PaperNetworks.Find(name)!.Create();
            var reference = ReferenceNetwork.FromYaml(generated.SpecFileName, generated.SpecText);

            Assert.Equal(Lines(reference.Description), Lines(generated.Description));
            AssertNamesEveryWeightAsTheLayout(reference, generated.Description);
        }

        [Theory]
        [MemberData(nameof(ForgetGateNames))]
        public void Forget_gate_network_describes_itself_as_the_reference_does(string name)
        {
            var generated = Proofs.ProofSupport.Create(name);
            var reference = ReferenceNetwork.FromYaml(generated.SpecFileName, generated.SpecText);

            Assert.True(generated.Description.HasForgetGates);
            Assert.Equal(Lines(reference.Description), Lines(generated.Description));
            AssertNamesEveryWeightAsTheLayout(reference, generated.Description);
            AssertForgetGatesAsTheLayout(reference, generated.Description);
            AssertStateIsTheFields(generated);
        }

        [Theory]
        [MemberData(nameof(RandomIndices))]
        public void Random_topology_describes_itself_as_the_reference_does(int index)
        {
            var generated = RandomTopologies.Create(index);
            var reference = ReferenceNetwork.FromSpec(RandomTopologies.Specs[index]);

            Assert.Equal(Lines(reference.Description), Lines(generated.Description));
            AssertNamesEveryWeightAsTheLayout(reference, generated.Description);
            AssertForgetGatesAsTheLayout(reference, generated.Description);
        }

        [Theory]
        [MemberData(nameof(PaperNames))]
        public void Described_state_is_every_field_the_class_allocates(string name)
        {
            var generated = PaperNetworks.Find(name)!.Create();
            AssertStateIsTheFields(generated);
        }

        [Theory]
        [MemberData(nameof(RandomIndices))]
        public void Described_state_of_a_random_topology_is_every_field_it_allocates(int index)
        {
            AssertStateIsTheFields(RandomTopologies.Create(index));
        }

        [Fact]
        public void Description_agrees_with_the_network_it_describes()
        {
            foreach (var entry in PaperNetworks.All)
            {
                var network = entry.Create();
                var description = network.Description;
                Assert.Same(description, entry.Create().Description);
                Assert.Equal(network.Name, description.Name);
                Assert.Equal(entry.FullTypeName, description.FullTypeName);
                Assert.Equal(network.SpecFileName, description.SpecFileName);
                Assert.Equal(network.InputCount, description.InputCount);
                Assert.Equal(network.OutputCount, description.OutputCount);
                Assert.Equal(network.WeightCount, description.WeightCount);
                Assert.Equal(network.LearningRate, description.LearningRate);
                Assert.Equal(network.Update, description.Update);
                Assert.Equal(description.HiddenCount, description.HiddenUnitNames.Count);
                Assert.Equal(description.CellCount, description.CellTraces.Count);
            }
        }

        /// <summary>The description names each weight as the layout does (the two are written apart: runtime and core).</summary>
        private static void AssertNamesEveryWeightAsTheLayout(ReferenceNetwork reference, NetworkDescription description)
        {
            for (var w = 0; w < description.WeightCount; w++)
            {
                Assert.Equal(reference.Layout.DescribeWeight(w), description.DescribeWeight(w));
            }
        }

        /// <summary>
        /// Which blocks have a forget gate, its fan-in and each cell's forget gate traces are the layout's (the layout
        /// is the core's, the description the runtime's: a description that dropped forget gates fails here even when the
        /// reference's and the class's agree).
        /// </summary>
        private static void AssertForgetGatesAsTheLayout(ReferenceNetwork reference, NetworkDescription description)
        {
            var layout = reference.Layout;
            Assert.Equal(layout.Spec.HasForgetGates, description.HasForgetGates);
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var forgetGate = layout.ForgetGateFanIn(j);
                Assert.Equal(forgetGate != null, description.Blocks[j].HasForgetGate);
                Assert.Equal(forgetGate?.Offset, description.ForgetGateFanIn(j)?.Offset);
                Assert.Equal(forgetGate?.Length, description.ForgetGateFanIn(j)?.Length);
                Assert.True(description.ForgetGateFanIn(j)?.IsTraced ?? true);
                for (var v = 0; v < layout.BlockSize(j); v++)
                {
                    var c = layout.CellIndex(j, v);
                    Assert.Equal(layout.ForgetGateTraceOffset(c), description.CellTraces[c].ForgetGateOffset);
                    Assert.Equal(forgetGate?.Length ?? 0, description.CellTraces[c].ForgetGateCount);
                }
            }
        }

        /// <summary>
        /// Every field of the class that holds state is a described part, with its length and element size, and nothing
        /// else is: the described size is the class's own, not a formula beside it.
        /// </summary>
        private static void AssertStateIsTheFields(ILstmNetwork network)
        {
            var fields = network.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(f => f.Name.StartsWith('_') && (f.FieldType.IsArray || f.FieldType == typeof(int)))
                .ToDictionary(f => f.Name.Substring(1), f => f.GetValue(network)!);
            var parts = network.Description.State;
            Assert.Equal(fields.Keys.OrderBy(k => k, StringComparer.Ordinal), parts.Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal));
            foreach (var part in parts)
            {
                var value = fields[part.Name];
                if (value is Array array)
                {
                    Assert.Equal(array.Length, part.Count);
                    Assert.Equal(Buffer.ByteLength(array), part.Bytes);
                }
                else
                {
                    Assert.Equal(1, part.Count);
                    Assert.Equal(sizeof(int), part.BytesPerElement);
                }
            }
        }

        /// <summary>Every member of a description, one line each, in order (a mismatch shows the first line that differs).</summary>
        private static List<string> Lines(NetworkDescription d)
        {
            var lines = new List<string>
            {
                "name " + d.Name,
                "type " + d.FullTypeName,
                "file " + d.SpecFileName,
                "summary " + d.Summary,
                "units " + I(d.InputCount) + " " + I(d.OutputCount) + " " + I(d.BlockCount) + " " + I(d.CellCount) + " " + I(d.OutputGateCount) + " " + I(d.HiddenCount),
                "connectivity " + d.Connectivity,
                "settings " + d.Bias + " " + d.CellInput + " " + d.CellOutput + " " + R(d.InitInterval) + " " + R(d.LearningRate) + " " + d.Update + " " + d.Precision + " " + d.InputEncoding,
                "counts " + I(d.WeightCount) + " " + I(d.OutputOffset) + " " + I(d.TraceCount) + " " + d.StateValues.ToString(CultureInfo.InvariantCulture) + " " + d.StateBytes.ToString(CultureInfo.InvariantCulture),
            };
            lines.AddRange(d.Blocks.Select(b => "block " + b));
            lines.AddRange(Enumerable.Range(0, d.BlockCount).Select(j => "forgetGate " + I(j) + " " + (d.ForgetGateFanIn(j)?.UnitName ?? "none")));
            lines.AddRange(d.HiddenUnitNames.Select(n => "hidden " + n));
            lines.AddRange(d.FanIns.Select(f => "fanIn " + f.Kind + " " + I(f.Block) + " " + I(f.Cell) + " " + I(f.Output) + " " + I(f.Offset) + " " + I(f.Length) + " " + f.HasBias + " " + f.UnitName + " " + string.Join(" ", f.Sources)));
            lines.AddRange(d.CellTraces.Select(t => "traces " + t));
            lines.AddRange(d.State.Select(p => "state " + p));
            lines.Add("cellToOutput " + string.Join(",", d.CellToOutputWeights()));
            lines.AddRange(Enumerable.Range(0, d.WeightCount).Select(w => "weight " + I(w) + " " + d.DescribeWeight(w)));
            return lines;
        }

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
