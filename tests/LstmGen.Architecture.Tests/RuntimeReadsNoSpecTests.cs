using System.Linq;
using LstmGen.Architecture.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Architecture.Tests
{
    /// <summary>
    /// The runtime does not ship the compiler (issue #15): src/Runtime references neither the generator's core (the spec
    /// model, parser and emitter) nor YamlDotNet, in its project file, its built assembly or its restore graph.
    /// Stated on its own, apart from the rules table, so that loosening the table cannot lift it. The NuGet package is
    /// checked by tests/LstmGen.Packaging.Tests (Runtime_package_holds_the_runtime_alone_and_depends_on_nothing).
    /// </summary>
    public sealed class RuntimeReadsNoSpecTests
    {
        private static readonly string[] Forbidden = { Layering.Core, Layering.YamlDotNet };

        [Fact]
        public void Runtime_project_file_references_neither_the_core_nor_YamlDotNet()
        {
            var project = ProjectFile.Read(RepoPaths.Full(Layering.Named(Layering.Runtime).Project));

            Assert.DoesNotContain(project.ProjectReferences, r => r.Project == RepoPaths.Full(Layering.Named(Layering.Core).Project));
            Assert.DoesNotContain(Layering.YamlDotNet, project.PackageReferences);
            // The generator runs as an analyzer only: its assembly (and the core behind it) never becomes a reference.
            Assert.All(
                project.ProjectReferences.Where(r => r.Project == RepoPaths.Full(Layering.Named(Layering.Generator).Project)),
                r => Assert.True(r.IsAnalyzer));
        }

        [Fact]
        public void Runtime_assembly_references_neither_the_core_nor_YamlDotNet()
        {
            var references = BuiltAssembly.References(BuiltAssembly.PathOf(Layering.Runtime));

            Assert.Empty(references.Intersect(Forbidden.Append(Layering.Generator)));
        }

        [Fact]
        public void Runtime_restores_no_dependency_but_the_SDK_s_own()
        {
            var graph = RestoreGraph.Of(RepoPaths.Full(Layering.Named(Layering.Runtime).Project));

            Assert.Empty(graph.NotAccountedFor(_ => false));
            Assert.Empty(graph.Closure(graph.Direct.Select(d => d.Name)).Intersect(Forbidden));
        }
    }
}
