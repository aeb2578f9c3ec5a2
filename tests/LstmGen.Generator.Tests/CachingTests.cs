using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The incremental pipeline's caching (toolchain.md, "Testing a generator"): an unrelated C# edit re-runs
    /// nothing and re-emits nothing; a YAML edit re-runs only the edited spec's steps.
    /// </summary>
    public sealed class CachingTests
    {
        private const int LaneClassesPerNetwork = 3; // one per vector width (LaneClassPrinter.Widths)

        private static readonly string[] PerSpecSteps = { TrackingNames.Parse, TrackingNames.Model, TrackingNames.Emit, TrackingNames.Plan };

        private static readonly GeneratorDriverOptions Tracking =
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);

        [Fact]
        public void First_run_sees_every_spec_as_new()
        {
            var (driver, _, compilation) = Start();

            driver = driver.RunGenerators(compilation);

            var result = driver.GetRunResult().Results.Single();
            foreach (var step in PerSpecSteps)
            {
                Assert.Equal(new[] { IncrementalStepRunReason.New, IncrementalStepRunReason.New, IncrementalStepRunReason.New }, Reasons(result, step));
            }

            // Three networks, each with its lane classes (one per width), and the registry.
            Assert.Equal(3 * (1 + LaneClassesPerNetwork) + 1, result.GeneratedSources.Length);
        }

        [Fact]
        public void Unrelated_csharp_edit_is_served_from_the_cache()
        {
            var (driver, _, compilation) = Start();
            driver = driver.RunGenerators(compilation);

            var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                "namespace User { public static class Unrelated { public static int Answer => 42; } }", GeneratorHarness.ParseOptions));
            driver = driver.RunGenerators(edited);

            var result = driver.GetRunResult().Results.Single();
            foreach (var step in PerSpecSteps.Concat(new[] { TrackingNames.Names, TrackingNames.Registry }))
            {
                var reasons = Reasons(result, step);
                Assert.NotEmpty(reasons);
                Assert.All(reasons, r => Assert.True(
                    r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged,
                    step + " re-ran (" + r + ") after an unrelated C# edit"));
            }

            // The source outputs were not re-run: nothing was emitted again.
            var outputs = result.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, r => Assert.True(r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, "a source output re-ran: " + r));
            // Three networks, each with its lane classes (one per width), and the registry.
            Assert.Equal(3 * (1 + LaneClassesPerNetwork) + 1, result.GeneratedSources.Length);
        }

        [Fact]
        public void Yaml_edit_reruns_only_the_edited_spec()
        {
            var (driver, specs, compilation) = Start();
            driver = driver.RunGenerators(compilation);

            var edited = new InMemoryAdditionalText(specs[1].Path, specs[1].GetText()!.ToString().Replace("learningRate: 0.5", "learningRate: 0.25"));
            driver = driver.ReplaceAdditionalText(specs[1], edited).RunGenerators(compilation);

            var result = driver.GetRunResult().Results.Single();
            foreach (var step in PerSpecSteps)
            {
                var bySpec = ReasonsBySpec(result, step);
                Assert.Equal(3, bySpec.Count);
                Assert.Equal(IncrementalStepRunReason.Modified, bySpec["B"]);
                Assert.True(IsReused(bySpec["A"]), step + " re-ran A: " + bySpec["A"]);
                Assert.True(IsReused(bySpec["C"]), step + " re-ran C: " + bySpec["C"]);
            }

            // The new learning rate reached the emitted class; the type names did not change, so neither did the
            // duplicate-name check.
            Assert.Contains("DefaultLearningRate = 0.25;", result.GeneratedSources.Single(s => s.HintName == "B.g.cs").SourceText.ToString());
            Assert.All(Reasons(result, TrackingNames.Names), r => Assert.True(IsReused(r) || r == IncrementalStepRunReason.Unchanged, "Names: " + r));
        }

        private static bool IsReused(IncrementalStepRunReason reason) =>
            reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged;

        private static (GeneratorDriver Driver, IReadOnlyList<AdditionalText> Specs, Compilation Compilation) Start()
        {
            var specs = new[] { "A", "B", "C" }
                .Select(name => (AdditionalText)new InMemoryAdditionalText(
                    name.ToLowerInvariant() + ".lstm.yaml",
                    "name: " + name + "\ninputs: 2\noutputs: 1\nblocks: { count: 1, cells: 2 }\nlearningRate: 0.5\n"))
                .ToList();
            var compilation = GeneratorHarness.CreateCompilation("namespace User { public sealed class Program { } }");
            return (GeneratorHarness.CreateDriver(specs, Tracking), specs, compilation);
        }

        private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
            result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

        /// <summary>Each per-spec step's reason, keyed by the network's type name read from the step's output value.</summary>
        private static Dictionary<string, IncrementalStepRunReason> ReasonsBySpec(GeneratorRunResult result, string step)
        {
            var map = new Dictionary<string, IncrementalStepRunReason>();
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                var name = output.Value switch
                {
                    Parsing.ParseResult parsed => parsed.Spec!.TypeName,
                    Model.NetworkSpec spec => spec.TypeName,
                    Plan.NetworkPlan plan => plan.Spec.TypeName,
                    _ => throw new Xunit.Sdk.XunitException(step + " has an unexpected output " + output.Value.GetType()),
                };
                map.Add(name, output.Reason);
            }

            return map;
        }
    }
}
