using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Planning;
using LstmGen.Lanes.Testing;
using LstmGen.Runtime;
using LstmGen.Runtime.Tests.Reference;
using Xunit;

namespace LstmGen.Runtime.Tests.LaneNetworks
{
    /// <summary>
    /// The lane classes of networks with forget gates (Gers, Schmidhuber &amp; Cummins 2000) and peepholes (Gers, Schraudolph &amp; Schmidhuber 2002): the random forget gate
    /// topologies of the proofs (<see cref="RandomTopologies"/>: blocks with and without forget gates, fixed and random
    /// forget gate biases, every connectivity and input encoding, float), printed at every width and compiled at test time,
    /// against K scalar runs of the same spec, bit for bit (<see cref="LaneEquivalence"/>), under both update timings.
    /// The trace decay dS/dw(t-1) y^phi(t) is the lane printer's <c>ScaleBy</c>. Likewise for peepholes.
    /// </summary>
    public sealed class CellFeatureLaneTests
    {
        [Fact]
        public void Forget_gate_lanes_equal_scalar_runs()
        {
            var specs = Enumerable.Range(RandomTopologies.FirstForgetIndex, RandomTopologies.ForgetCount + 2)
                .Select(i => RandomTopologies.Specs[i])
                .Where(NetworkEmitter.HasLanes)
                .ToList();
            Assert.True(specs.Count >= RandomTopologies.ForgetCount, "every random forget gate topology has lane classes");
            Assert.All(specs, s => Assert.True(s.HasForgetGates));
            Check(specs, "ForgetGates");
        }

        /// <summary>
        /// The random peephole topologies of the proofs (Gers 2002; half of them with forget gates too, the wide one with
        /// kernel sums beside the peephole terms): the output gates squashed after the state update, the peephole weights'
        /// traces and changes reading s_c.
        /// </summary>
        [Fact]
        public void Peephole_lanes_equal_scalar_runs()
        {
            var specs = Enumerable.Range(RandomTopologies.FirstPeepholeIndex, RandomTopologies.PeepholeCount + 1)
                .Select(i => RandomTopologies.Specs[i])
                .Where(NetworkEmitter.HasLanes)
                .ToList();
            Assert.True(specs.Count >= RandomTopologies.PeepholeCount, "every random peephole topology has lane classes");
            Assert.All(specs, s => Assert.True(s.HasPeepholes));
            Check(specs, "Peepholes");
        }

        /// <summary>
        /// The random topologies of the proofs with a reset activation other than zero (<c>resetActivation</c>, the 1997 JKU
        /// simulator's 0.5; <see cref="RandomTopologies.FirstResetIndex"/>): a lane's Reset (applied with the other lanes'
        /// at the next step, and at a new network's first) puts the value into its hidden units of y(t-1) and y(t) and its
        /// outputs, as the scalar class's Reset does.
        /// </summary>
        [Fact]
        public void Reset_activation_lanes_equal_scalar_runs()
        {
            var specs = Enumerable.Range(RandomTopologies.FirstResetIndex, RandomTopologies.ResetCount)
                .Select(i => RandomTopologies.Specs[i])
                .Where(NetworkEmitter.HasLanes)
                .ToList();
            Assert.Equal(RandomTopologies.ResetCount, specs.Count);
            Assert.All(specs, s => Assert.NotEqual(0.0, s.ResetActivation));
            Check(specs, "ResetActivation");
        }

        private static void Check(IReadOnlyList<LstmGen.Generator.Model.NetworkSpec> specs, string name)
        {

            var sources = new List<string>();
            foreach (var spec in specs)
            {
                var plan = NetworkPlanner.Plan(spec);
                sources.Add(NetworkEmitter.Emit(plan, "test"));
                sources.AddRange(NetworkEmitter.EmitLanes(plan, "test").Select(lane => lane.Source));
            }

            var assembly = InMemoryCompiler.Compile("LstmGen.Runtime.Tests.Lanes." + name, sources);
            var failures = new List<string>();
            var checkedCount = 0;
            foreach (var spec in specs)
            {
                var scalarType = assembly.GetType(spec.FullTypeName, throwOnError: true)!;
                foreach (var width in new[] { 128, 256, 512 })
                {
                    var laneType = assembly.GetType(NetworkEmitter.LanesFullTypeName(spec, width), throwOnError: true)!;
                    foreach (var update in new[] { UpdateTiming.PerStep, UpdateTiming.PerSequence })
                    {
                        var lanes = (ILaneNetwork)Activator.CreateInstance(laneType)!;
                        var difference = LaneEquivalence.Check(() => (ILstmNetwork)Activator.CreateInstance(scalarType)!, lanes, update, seed: 5, steps: 60);
                        checkedCount++;
                        if (difference != null)
                        {
                            failures.Add(laneType.Name + ", " + update + ": " + difference);
                        }
                    }
                }
            }

            Assert.Equal(specs.Count * 3 * 2, checkedCount);
            Assert.True(failures.Count == 0, failures.Count + " lane classes differ from their scalar runs:\n" + string.Join("\n", failures.Take(20)));
        }
    }
}
