using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LstmGen.Generator.Tests.Hostile
{
    /// <summary>
    /// The compiler runs inside every build of its users: whatever YAML it is given, it must answer with a located
    /// diagnostic, never crash (CS8785), hang or eat memory. Each file of <c>Hostile/Corpus</c> is run through the
    /// real generator. Its expectation is the header line <c># expect: LSTM0001</c> (or <c>valid</c>), or, for files
    /// that cannot start with a comment (empty, BOM first, UTF-16), a sidecar <c>.expect</c> file.
    /// </summary>
    public sealed class HostileCorpusTests
    {
        private static readonly string Folder = Path.Combine(RepoPaths.TestProject, "Hostile", "Corpus");

        private readonly ITestOutputHelper _output;

        static HostileCorpusTests()
        {
            // JIT the generator, YamlDotNet and Roslyn's driver once, so that the first file's time is its own.
            Run("warmup.lstm.yaml", System.Text.Encoding.UTF8.GetBytes("name: Warm\ninputs: 1\noutputs: 1\nblocks: { count: 1 }\nlearningRate: 0.1\n"));
        }

        public HostileCorpusTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> Files()
        {
            var data = new TheoryData<string>();
            foreach (var file in CorpusFiles())
            {
                data.Add(file);
            }

            return data;
        }

        [Fact]
        public void Corpus_has_at_least_60_specs_and_each_says_what_it_expects()
        {
            var files = CorpusFiles();
            Assert.True(files.Count >= 60, "only " + files.Count + " corpus files");
            foreach (var file in files)
            {
                Assert.Matches(@"^\d{3}-[a-z0-9-]+\.lstm\.yaml$", file);
                var expected = Expectation(file);
                Assert.True(expected == "valid" || (expected.StartsWith("LSTM", StringComparison.Ordinal) && expected.Length == 8), file + ": expectation '" + expected + "'");
            }

            Assert.Contains(files, f => Expectation(f) == "valid");
            var gitattributes = File.ReadAllText(Path.Combine(Folder, ".gitattributes"));
            Assert.Contains("* -text", gitattributes);
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void Generator_answers_with_the_expected_located_diagnostic(string file)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
            var expected = Expectation(file);

            var run = Run(file, bytes);

            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1:F1} ms, {2:F1} MB allocated, {3} bytes", file, run.Elapsed.TotalMilliseconds, run.AllocatedBytes / 1048576.0, bytes.Length));
            foreach (var d in run.Diagnostics)
            {
                _output.WriteLine(d.ToString());
            }

            GeneratorChecks.AssertWellBehaved(run, file, file);

            var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (expected == "valid")
            {
                Assert.True(run.Diagnostics.IsEmpty, "expected a valid spec, got:\n" + string.Join("\n", run.Diagnostics));
                Assert.Contains(run.Sources, s => s.HintName != "LstmGenNetworks.g.cs");
            }
            else if (expected.StartsWith("LSTM1", StringComparison.Ordinal))
            {
                Assert.Empty(errors);
                Assert.Contains(run.Diagnostics, d => d.Id == expected && d.Severity == DiagnosticSeverity.Warning);
                Assert.NotEmpty(run.Sources);
            }
            else
            {
                Assert.True(errors.Any(d => d.Id == expected), "expected an error " + expected + ", got:\n" + string.Join("\n", run.Diagnostics));
                Assert.Empty(run.Sources);
            }
        }

        [Fact]
        public void Valid_corpus_specs_compile_without_warnings()
        {
            // Unicode names, control characters in the description, a 500 KB description, CRLF, BOM, UTF-16: the
            // generated code must compile as cleanly as the paper's networks do.
            var valid = CorpusFiles().Where(f => Expectation(f) == "valid").ToList();
            var specs = valid.Select((f, i) =>
            {
                var text = new CorpusAdditionalText(f, File.ReadAllBytes(Path.Combine(Folder, f))).Text.ToString();
                // One compilation for all: give each its own type name.
                return (AdditionalText)new CorpusAdditionalText(f, System.Text.Encoding.UTF8.GetBytes(
                    text.Replace("name: Net", "name: Net" + i.ToString(CultureInfo.InvariantCulture))));
            });
            var driver = GeneratorHarness.CreateDriver(specs);
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var output, out _);
            var run = GeneratorHarness.ToRun(driver, output);

            Assert.Empty(run.Diagnostics);
            Assert.Equal(valid.Count + 1, run.Sources.Count);
            GeneratorHarness.AssertCompilesCleanly(run);
        }

        private static IReadOnlyList<string> CorpusFiles() =>
            Directory.GetFiles(Folder, "*.lstm.yaml")
                .Select(Path.GetFileName)
                .Select(f => f!)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

        /// <summary>"valid" or a diagnostic id: from the sidecar <c>.expect</c> file, else from the header comment.</summary>
        private static string Expectation(string file)
        {
            var sidecar = Path.Combine(Folder, file.Substring(0, file.Length - ".lstm.yaml".Length) + ".expect");
            IEnumerable<string> lines;
            if (File.Exists(sidecar))
            {
                lines = File.ReadAllLines(sidecar);
            }
            else
            {
                var text = new CorpusAdditionalText(file, File.ReadAllBytes(Path.Combine(Folder, file))).Text;
                lines = text.Lines.Take(3).Select(l => l.ToString()).Where(l => l.StartsWith("#", StringComparison.Ordinal)).Select(l => l.TrimStart('#', ' '));
            }

            var line = lines.FirstOrDefault(l => l.StartsWith("expect: ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException(file + " says nothing about what it expects ('# expect: LSTM0001' or a .expect file)");
            return line.Substring("expect: ".Length).Trim();
        }

        private static CheckedRun Run(string file, byte[] bytes) => GeneratorChecks.Run(new CorpusAdditionalText(file, bytes));
    }
}
