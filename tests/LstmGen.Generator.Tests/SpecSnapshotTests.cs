using System.Linq;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The emitted code of every paper spec, checked in under Snapshots/ and reviewed like code. A change to the
    /// emitter shows up here as a readable diff; accept it with LSTMGEN_ACCEPT_SNAPSHOTS=1.
    /// </summary>
    public sealed class SpecSnapshotTests
    {
        private const string CompileCheckNamespace = "LstmGen.GeneratorTests.Compiled";

        public static TheoryData<string> Specs
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var name in PaperSpecs.Names)
                {
                    data.Add(name);
                }

                return data;
            }
        }

        [Fact]
        public void Every_paper_spec_is_covered()
        {
            // The twelve networks of Table 10 that the runtime compiles in; a new spec needs its snapshot.
            Assert.Equal(12, PaperSpecs.Names.Count);
        }

        [Theory]
        [MemberData(nameof(Specs))]
        public void Paper_spec(string spec)
        {
            var run = GeneratorHarness.Run(PaperSpecs.Read(spec));

            Assert.Empty(run.Diagnostics);
            Assert.Equal(2, run.Sources.Count);
            Assert.Contains(run.Sources, s => s.HintName == RegistryEmitter.HintName);
            Snapshot.VerifyGenerated(run.Sources, "spec=" + spec);

            var compiled = GeneratorHarness.Run(PaperSpecs.ReadInNamespace(spec, CompileCheckNamespace));
            Assert.Empty(compiled.Diagnostics);
            GeneratorHarness.AssertCompilesCleanly(compiled);
        }

        /// <summary>
        /// The lane classes (LaneClassPrinter) of two small paper networks at 512 bits, reviewed like the scalar classes:
        /// a dense one with per-sequence updates and a one-hot one with per-step updates. Every width of every paper and
        /// test spec is checked bit for bit against the scalar class in LstmGen.Runtime.Tests (LaneBitIdentityTests).
        /// </summary>
        [Theory]
        [InlineData("exp4-adding")]
        [InlineData("exp6a-temporal-order")]
        public void Paper_spec_lanes(string spec)
        {
            var run = GeneratorHarness.Run(PaperSpecs.Read(spec));

            Assert.Empty(run.Diagnostics);
            Assert.Equal(3, run.LaneSources.Count);
            Snapshot.VerifyGenerated(run.LaneSources.Where(s => s.HintName.EndsWith(".Lanes512.g.cs", System.StringComparison.Ordinal)).ToList(), "spec=" + spec);
        }

        [Fact]
        public void All_paper_specs_together()
        {
            var run = GeneratorHarness.Run(PaperSpecs.Names.Select(PaperSpecs.Read).ToArray());

            Assert.Empty(run.Diagnostics);
            Assert.Equal(PaperSpecs.Names.Count + 1, run.Sources.Count);
            // The network classes are snapshotted one by one above; here the registry listing all twelve.
            Snapshot.VerifyGenerated(run.Sources.Where(s => s.HintName == RegistryEmitter.HintName).ToList());

            var compiled = GeneratorHarness.Run(PaperSpecs.Names.Select(n => PaperSpecs.ReadInNamespace(n, CompileCheckNamespace)).ToArray());
            GeneratorHarness.AssertCompilesCleanly(compiled);
        }
    }
}
