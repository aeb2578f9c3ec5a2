using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LstmGen.Architecture.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Architecture.Tests
{
    /// <summary>
    /// Every layer (<see cref="Layering.Layers"/>) references only what the rules allow, in each of three views: its
    /// project file (what a developer declared), its built assembly (what the code uses) and the dependency graph NuGet
    /// resolved for it (what flows in transitively, is copied beside it and becomes a package dependency).
    /// </summary>
    public sealed class LayeringTests
    {
        public static TheoryData<string> AllLayers => Data(Layering.Layers);

        public static TheoryData<string> RestrictedLayers => Data(Layering.Layers.Where(l => !l.IsUnrestricted));

        [Fact]
        public void Every_project_under_src_is_a_layer()
        {
            var projects = ProjectFile.Under(RepoPaths.Full("src")).Select(RepoPaths.Relative).OrderBy(p => p, StringComparer.Ordinal).ToList();

            Assert.Equal(Layering.Layers.Select(l => l.Project).OrderBy(p => p, StringComparer.Ordinal), projects);
        }

        [Theory]
        [MemberData(nameof(AllLayers))]
        public void Project_file_references_only_what_the_layer_may(string assembly)
        {
            var layer = Layering.Named(assembly);
            var project = ProjectFile.Read(RepoPaths.Full(layer.Project));

            var violations = new List<string>();
            foreach (var reference in project.ProjectReferences)
            {
                var target = Layering.Layers.SingleOrDefault(l => RepoPaths.Full(l.Project) == reference.Project);
                if (target is null)
                {
                    violations.Add("a project reference to " + RepoPaths.Relative(reference.Project) + ", which is not a layer");
                }
                else if (reference.IsAnalyzer ? !layer.AnalyzersAllowed.Contains(target.Assembly) : !layer.Ours.Contains(target.Assembly))
                {
                    violations.Add((reference.IsAnalyzer ? "an analyzer reference to " : "a project reference to ") + target.Assembly);
                }
            }

            foreach (var package in project.PackageReferences.Where(p => !layer.ThirdParty.Contains(p)))
            {
                violations.Add("a package reference to " + package);
            }

            Assert.True(violations.Count == 0, Explain(layer, layer.Project, violations));
        }

        [Theory]
        [MemberData(nameof(RestrictedLayers))]
        public void Built_assembly_references_only_what_the_layer_may(string assembly)
        {
            var layer = Layering.Named(assembly);
            var path = BuiltAssembly.PathOf(layer.Assembly);
            Assert.True(File.Exists(path), path + " is missing: reference " + layer.Project + " from LstmGen.Architecture.Tests.csproj");

            var violations = BuiltAssembly.References(path)
                .Where(name => !BuiltAssembly.IsFramework(name))
                .Where(name => Layering.IsOurs(name) ? !layer.Ours.Contains(name) : !layer.ThirdParty.Contains(name))
                .Select(name => "a reference to the assembly " + name)
                .ToList();

            Assert.True(violations.Count == 0, Explain(layer, layer.Assembly + ".dll", violations));
        }

        [Theory]
        [MemberData(nameof(RestrictedLayers))]
        public void Restore_graph_holds_only_what_the_layer_may(string assembly)
        {
            var layer = Layering.Named(assembly);
            var graph = RestoreGraph.Of(RepoPaths.Full(layer.Project));

            var violations = graph.NotAccountedFor(d => d.IsProject ? layer.Ours.Contains(d.Name) : layer.ThirdParty.Contains(d.Name))
                .Select(name => "a dependency on " + name)
                .ToList();

            Assert.True(violations.Count == 0, Explain(layer, "the restore graph (obj/project.assets.json)", violations));
        }

        private static string Explain(Layer layer, string where, IReadOnlyList<string> violations) =>
            where + " has " + string.Join("; ", violations) + ". " + layer.Assembly + " may reference of ours: " + layer.Ours
            + "; third-party: " + layer.ThirdParty + "; as analyzers: " + layer.AnalyzersAllowed + " (tests/LstmGen.Architecture.Tests/Layering.cs).";

        private static TheoryData<string> Data(IEnumerable<Layer> layers)
        {
            var data = new TheoryData<string>();
            foreach (var layer in layers)
            {
                data.Add(layer.Assembly);
            }

            return data;
        }
    }
}
