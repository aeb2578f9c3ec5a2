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
