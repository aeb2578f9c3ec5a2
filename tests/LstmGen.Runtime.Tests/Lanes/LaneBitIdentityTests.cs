using System;
using System.Linq;
using LstmGen.Lanes.Testing;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests.LaneNetworks
{
    /// <summary>
    /// The generated lane classes (one per vector width) against K scalar networks of the same spec, bit for bit
    /// (<see cref="LaneEquivalence"/>): every paper network through the registry's CreateLanes, and every test spec of
    /// this project (float, one-hot and sparse inputs, blocks without output gates, 'B' and custom connectivity), under
    /// both update timings. Random topologies: LstmGen.Generator.Tests' LaneRandomSpecTests.
    /// </summary>
    /// <remarks>
    /// Can fail: regrouping the eight partial sums of a written-out fan-in run in LaneStatementPrinter.WrittenOutRun
    /// (((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7)) instead of ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), one
    /// swapped operand pair) fails 36 of these cases, every paper network with runs of 8 or more terms among them; so does
    /// reversing the terms of a three-term scaled add (MixedBlocks). Swapping the operands of one + or * cannot be seen:
    /// IEEE addition and multiplication are commutative.
    /// </remarks>
    /// </remarks>
    public sealed class LaneBitIdentityTests
    {
        private static readonly LaneWidth[] Widths = { LaneWidth.Vector512, LaneWidth.Vector256, LaneWidth.Vector128 };

        public static TheoryData<string, LaneWidth, UpdateTiming> PaperCases()
        {
            var data = new TheoryData<string, LaneWidth, UpdateTiming>();
            foreach (var network in PaperNetworks.All)
            {
                foreach (var width in Widths)
                {
                    data.Add(network.Name, width, UpdateTiming.PerStep);
                    data.Add(network.Name, width, UpdateTiming.PerSequence);
                }
            }

            return data;
        }

        public static TheoryData<string> TestSpecs()
        {
            var data = new TheoryData<string>();
            foreach (var type in LaneTypes())
            {
                data.Add(type.Name);
            }

            return data;
        }

        [Fact]
        public void Every_paper_network_has_lane_classes()
        {
            foreach (var network in PaperNetworks.All)
            {
                Assert.NotNull(network.CreateLanes);
                foreach (var width in Widths)
                {
                    var lanes = network.CreateLanes!(width);
                    Assert.Equal(width, lanes.Width);
                    Assert.Equal(global::LstmGen.Runtime.Lanes.Count<double>(width), lanes.LaneCount);
                    Assert.Equal(network.Name, lanes.Name);
                }

                Assert.Throws<ArgumentOutOfRangeException>(() => network.CreateLanes!(LaneWidth.Scalar));
            }
        }

        [Theory]
        [MemberData(nameof(PaperCases))]
        public void Paper_network_lanes_equal_scalar_runs(string name, LaneWidth width, UpdateTiming update)
        {
            var network = PaperNetworks.Find(name)!;
            var steps = network.Create().WeightCount > 2000 ? 60 : 160;
            var difference = LaneEquivalence.Check(network.Create, network.CreateLanes!(width), update, seed: 7, steps);
            Assert.True(difference == null, name + " at " + width + ", " + update + ": " + difference);
        }

        [Theory]
        [MemberData(nameof(TestSpecs))]
        public void Test_spec_lanes_equal_scalar_runs(string laneTypeName)
        {
            var laneType = LaneTypes().Single(t => t.Name == laneTypeName);
            var scalarName = laneType.FullName!.Substring(0, laneType.FullName.LastIndexOf("Lanes", StringComparison.Ordinal));
            var scalarType = laneType.Assembly.GetType(scalarName)!;
            foreach (var update in new[] { UpdateTiming.PerStep, UpdateTiming.PerSequence })
            {
                var difference = LaneEquivalence.Check(() => (ILstmNetwork)Activator.CreateInstance(scalarType)!, (ILaneNetwork)Activator.CreateInstance(laneType)!, update, seed: 11);
                Assert.True(difference == null, laneTypeName + ", " + update + ": " + difference);
            }
        }

        // The generated lane classes of the test specs (not the contract checker's hand-written lane networks).
        private static Type[] LaneTypes() =>
            typeof(LaneBitIdentityTests).Assembly.GetTypes().Where(t => typeof(ILaneNetwork).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false)).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
    }
}
