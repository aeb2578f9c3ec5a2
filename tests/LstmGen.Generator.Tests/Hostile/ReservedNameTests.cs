using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LstmGen.Generator.Tests.Hostile
{
    /// <summary>
    /// A spec whose <c>name</c> equals a member of the class generated from it does not compile (CS0542), and one named
    /// like the registry crashed the generator (CS8785: two sources with the hint name LstmGenNetworks.g.cs). The
    /// parser refuses those names; this test keeps its list in step with whatever the emitter declares.
    /// </summary>
    public sealed class ReservedNameTests
    {
        /// <summary>CSharpNames.MaxIdentifierLength (internal to the core): docs/spec-language.md, "Limits".</summary>
        private const int MaxNameLength = 80;

        private const string Base = "inputs: 2\noutputs: 1\nblocks: { count: 2, cells: 2 }\nlearningRate: 0.5\n";

        [Fact]
        public void Every_member_the_emitter_declares_is_refused_as_a_network_name()
        {
            var members = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var shape in new[]
            {
                Base,
                Base + "precision: float\nupdate: per-step\n",
                "inputs: 3\noutputs: 2\nblocks:\n  - { cells: 1, outputGate: false }\n  - { cells: 3, inputGateBias: -1 }\nconnectivity: B\nbias: gates\nlearningRate: 0.1\n",
                Base + "inputEncoding: one-hot\n",
                "inputs: 20\noutputs: 2\nblocks: { count: 2, cells: 2 }\nconnectivity: B\ninputEncoding: sparse\nprecision: float\nlearningRate: 0.1\n",
            })
            {
                var run = GeneratorHarness.Run(("shape.lstm.yaml", "name: Shape\n" + shape));
                Assert.Empty(run.Diagnostics);
                var root = CSharpSyntaxTree.ParseText(run.Source("Shape.g.cs").Text).GetRoot();
                foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
                {
                    switch (member)
                    {
                        case MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null:
                            members.Add(m.Identifier.ValueText);
                            break;
                        case PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null:
                            members.Add(p.Identifier.ValueText);
                            break;
                        case FieldDeclarationSyntax f:
                            members.UnionWith(f.Declaration.Variables.Select(v => v.Identifier.ValueText));
                            break;
                        case BaseTypeDeclarationSyntax t when t.Identifier.ValueText != "Shape":
                            members.Add(t.Identifier.ValueText);
                            break;
                    }
                }
            }

            Assert.Contains("Step", members);
            Assert.Contains("Block1Cell0", members);
            var accepted = members.Where(name => Parse(name).All(d => d.Id != "LSTM0009")).ToList();
            Assert.True(accepted.Count == 0, "the parser accepts these generated member names as network names (add them to CSharpNames): " + string.Join(", ", accepted));
        }

        [Theory]
        [InlineData("LstmGenNetworks", "registry")]
        [InlineData("LSTMGENNETWORKS", "registry")]
        [InlineData("Block999Cell999", "member")]
        [InlineData("Block0InputGate", "member")]
        [InlineData("_yPrev", "member")]
        [InlineData("adding", "lower-case")]
        [InlineData("__arglist", "keyword")]
        public void Names_that_would_break_the_build_are_refused(string name, string why)
        {
            var d = Assert.Single(Parse(name));
            Assert.Equal("LSTM0009", d.Id);
            Assert.Contains(why, d.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Block")]
        [InlineData("BlockCell")]
        [InlineData("Block1Cell")]
        [InlineData("Steps")]
        [InlineData("_model")]
        [InlineData("Adding2")]
        [InlineData("Ωmega")]
        public void Names_close_to_reserved_ones_are_accepted(string name)
        {
            Assert.Empty(Parse(name));
        }

        [Fact]
        public void Name_length_is_limited_so_that_the_generated_file_name_fits_a_file_system()
        {
            var longest = new string('Ω', MaxNameLength);
            Assert.Empty(Parse(longest));
            // Ω is 2 bytes in UTF-8; the longest name of 3-byte characters still leaves room for ".g.cs" in 255 bytes.
            Assert.True((MaxNameLength * 3) + ".g.cs".Length <= 255);

            var d = Assert.Single(Parse(longest + "a"));
            Assert.Equal("LSTM0009", d.Id);
            Assert.Contains("81 characters long, above the limit of 80", d.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_class_named_after_LstmGen_s_own_namespaces_is_refused()
        {
            var result = SpecParser.Parse("net.lstm.yaml", "name: Runtime\nnamespace: LstmGen\n" + Base);
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal("LSTM0009", d.Id);
            Assert.Equal((0, 6), (d.Location.StartLine, d.Location.StartColumn));
            Assert.Empty(SpecParser.Parse("net.lstm.yaml", "name: Runtime\nnamespace: My.LstmGen\n" + Base).Diagnostics);
        }

        private static IReadOnlyList<LstmGen.Generator.Diagnostics.SpecDiagnostic> Parse(string name) =>
            SpecParser.Parse("net.lstm.yaml", "name: " + name + "\n" + Base).Diagnostics.ToList();
    }
}
