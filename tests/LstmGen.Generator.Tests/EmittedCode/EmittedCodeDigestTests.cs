using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Generator.Tests.EmittedCode
{
    /// <summary>
    /// What the emitter writes for 300 random specs (<see cref="RandomSpecs"/>), pinned by the digest of each class's
    /// statements (<see cref="StatementDigest"/>: comments and layout do not count). The digests in
    /// <c>statement-digests.txt</c> were made by the emitter before it planned (0.4.0, one class over six files), so a
    /// refactoring of the planner or the printers that changes any emitted statement, any operand order or any
    /// parenthesis fails here, on far more shapes than the snapshots show. A deliberate change of the emitted code is
    /// accepted with LSTMGEN_ACCEPT_DIGESTS=1 (and reviewed in the diff of the digest file, with the snapshots).
    /// </summary>
    public sealed class EmittedCodeDigestTests
    {
        public const string AcceptVariable = "LSTMGEN_ACCEPT_DIGESTS";

        /// <summary>How many random specs are pinned.</summary>
        public const int Count = 300;

        private static readonly Lazy<IReadOnlyList<(string FileName, string Code)>> Emitted = new(() =>
            RandomSpecs.Draw(Count).Select(s => (s.FileName, NetworkEmitter.Emit(SpecParser.Parse(s.FileName, s.Yaml).Spec!, "0.0.0"))).ToList());

        private static string DigestFile => Path.Combine(RepoPaths.TestProject, "EmittedCode", "statement-digests.txt");

        [Fact]
        public void The_random_specs_are_valid()
        {
            foreach (var (fileName, yaml) in RandomSpecs.Draw(Count))
            {
                var parsed = SpecParser.Parse(fileName, yaml);
                Assert.True(parsed.Spec != null && !parsed.Diagnostics.Any(d => d.IsError), fileName + ":\n" + yaml + string.Join("\n", parsed.Diagnostics));
            }
        }

        [Theory]
        [InlineData("global::LstmGen.Runtime.Kernels.Dot4(", "fan-ins summed four at a time")]
        [InlineData("global::LstmGen.Runtime.Kernels.Dot(", "runs longer than the unroll limit")]
        [InlineData("cellError.Clear();", "cell errors in a loop over many output units")]
        [InlineData("Squash.Logistic(yOutput, yOutput);", "output sigma over the array")]
        [InlineData("for (var m = ", "input gate changes of blocks of three or more cells")]
        [InlineData("touchedInputs[touchedCount++] = i;", "the touched set")]
        [InlineData("IsHardwareAccelerated", "the vector scan of the inputs")]
        [InlineData("ThrowNotOneHot", "one-hot inputs")]
        [InlineData("Vector256.Create(netIn", "four fan-ins with active inputs' parts")]
        [InlineData("the active inputs' terms above and nothing else", "fan-ins that read only inputs")]
        [InlineData("Squash.Identity(netC", "identity g over active inputs")]
        [InlineData("private readonly float[] _w", "single precision")]
        [InlineData("has no output gate", "blocks without output gates")]
        [InlineData("Kernels.AddScaled(cellError, e, wk);", "the cell errors' kernel")]
        public void The_random_specs_cover_the_emitter(string text, string what)
        {
            Assert.True(Emitted.Value.Count(e => e.Code.Contains(text, StringComparison.Ordinal)) >= 3, "fewer than 3 random specs emit " + what + " (" + text + ")");
        }

        [Fact]
        public void Emitted_statements_are_unchanged()
        {
            var actual = Emitted.Value.Select(e => e.FileName + " " + StatementDigest.Of(e.Code)).ToList();
            if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
            {
                File.WriteAllText(DigestFile, string.Join("\n", actual) + "\n", new UTF8Encoding(false));
                return;
            }

            var expected = File.ReadAllLines(DigestFile).Where(l => l.Length > 0).ToList();
            var changed = actual.Zip(expected, (a, e) => (Actual: a, Expected: e)).Where(p => p.Actual != p.Expected).Select(p => p.Actual.Split(' ')[0]).ToList();
            Assert.True(
                expected.Count == actual.Count && changed.Count == 0,
                string.Format(CultureInfo.InvariantCulture, "{0} of {1} emitted classes changed (expected {2} digests): {3}. Accept a deliberate change with {4}=1.",
                    changed.Count, actual.Count, expected.Count, string.Join(", ", changed.Take(20)), AcceptVariable));
        }
    }
}
