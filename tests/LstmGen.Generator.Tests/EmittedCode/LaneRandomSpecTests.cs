using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using LstmGen.Generator.Tests.Infrastructure;
using LstmGen.Lanes.Testing;
using LstmGen.Runtime;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests.EmittedCode
{
    /// <summary>
    /// The lane classes of random topologies (<see cref="RandomSpecs"/>: one-hot and sparse inputs with and without the
    /// touched set, written-out and kernel sums, Dot4 groups, identity g and h, blocks without output gates, custom and 'B'
    /// connectivity, float), compiled at test time with Roslyn, against K scalar runs of the same spec, bit for bit
    /// (<see cref="LaneEquivalence"/>, the check LstmGen.Runtime.Tests runs on the paper specs), at every width and both
    /// update timings.
    /// </summary>
    public sealed class LaneRandomSpecTests
    {
        private const int SpecCount = 20;

        [Fact]
        public void Random_topologies_lanes_equal_scalar_runs()
        {
            var specs = RandomSpecs.Draw(SpecCount).ToList();
            var driver = GeneratorHarness.CreateDriver(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.FileName, s.Yaml)));
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var output, out _);
            var run = GeneratorHarness.ToRun(driver, output);
            Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Equal(3 * SpecCount, run.LaneSources.Count);
            using var image = new MemoryStream();
            var emit = output.Emit(image);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
            image.Position = 0;
            var context = new AssemblyLoadContext("lanes", isCollectible: true);
            try
            {
                var assembly = context.LoadFromStream(image);
                var failures = new System.Collections.Generic.List<string>();
                var checkedCount = 0;
                foreach (var laneType in assembly.GetTypes().Where(t => typeof(ILaneNetwork).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
                {
                    var scalarName = laneType.FullName!.Substring(0, laneType.FullName.LastIndexOf("Lanes", StringComparison.Ordinal));
                    var scalarType = assembly.GetType(scalarName)!;
                    foreach (var update in new[] { UpdateTiming.PerStep, UpdateTiming.PerSequence })
                    {
                        var lanes = (ILaneNetwork)Activator.CreateInstance(laneType)!;
                        var steps = lanes.WeightCount > 2000 ? 20 : 60;
                        var difference = LaneEquivalence.Check(() => (ILstmNetwork)Activator.CreateInstance(scalarType)!, lanes, update, seed: 3, steps);
                        checkedCount++;
                        if (difference != null)
                        {
                            failures.Add(laneType.Name + ", " + update + ": " + difference);
                        }
                    }
                }

                Assert.Equal(2 * 3 * SpecCount, checkedCount);
                Assert.True(failures.Count == 0, failures.Count + " lane classes differ from their scalar runs:\n" + string.Join("\n", failures.Take(20)));
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
