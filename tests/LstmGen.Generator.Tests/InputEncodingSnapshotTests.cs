using System.Linq;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// The code emitted for <c>inputEncoding: one-hot</c> and <c>sparse</c>, checked in under Snapshots/ like the paper
    /// specs': the gathering of the active inputs, the one pass over them per net input, trace and weight change, the
    /// touched set, and the one-hot check. Two shapes between them cover every path of the emitter: inputs read by the
    /// outputs ('B') or not, rows with and without hidden sources, the vector scan of wide inputs, and single precision.
    /// </summary>
    public sealed class InputEncodingSnapshotTests
    {
        private const string CompileCheckNamespace = "LstmGen.GeneratorTests.Compiled";

        public static TheoryData<string, string> Specs => new TheoryData<string, string>
        {
            {
                "one-hot-full",
                "name: OneHotFull\n" +
                "inputs: 20\n" +
                "outputs: 3\n" +
                "blocks:\n" +
                "  - { cells: 2, inputGateBias: -1 }\n" +
                "  - { cells: 1, outputGate: false }\n" +
                "connectivity: F\n" +
                "bias: gates\n" +
                "learningRate: 0.5\n" +
                "update: per-step\n" +
                "inputEncoding: one-hot\n"
            },
            {
                "sparse-layered-float",
                "name: SparseLayeredFloat\n" +
                "inputs: 5\n" +
                "outputs: 2\n" +
                "blocks: { count: 2, cells: 3 }\n" +
                "connectivity: B\n" +
                "bias: all\n" +
                "learningRate: 0.1\n" +
                "precision: float\n" +
                "inputEncoding: sparse\n"
            },
        };

        [Theory]
        [MemberData(nameof(Specs))]
        public void Emitted(string spec, string yaml)
        {
            var run = GeneratorHarness.Run((spec + ".lstm.yaml", yaml));

            Assert.Empty(run.Diagnostics);
            Snapshot.VerifyGenerated(run.Sources.Where(s => s.HintName != RegistryEmitter.HintName).ToList(), "spec=" + spec);

            var compiled = GeneratorHarness.Run((spec + ".lstm.yaml", "namespace: " + CompileCheckNamespace + "\n" + yaml));
            Assert.Empty(compiled.Diagnostics);
            GeneratorHarness.AssertCompilesCleanly(compiled);
        }
    }
}
