using System.Globalization;
using System.Linq;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// One test per diagnostic id of <see cref="DiagnosticCatalog"/>: a small bad spec, the id, the 1-based line and
    /// column the compiler prints (Roslyn's <c>GetLineSpan()</c> plus one), the severity, the key part of the message,
    /// and that a spec with an error yields no source at all (neither its class nor a registry entry).
    /// </summary>
    public sealed class DiagnosticTests
    {
        private const string File = "bad.lstm.yaml";

        // Line numbers in the comments are the 1-based ones the assertions use.
        private const string Valid =
            "name: Bad\n" +             // 1
            "inputs: 2\n" +             // 2
            "outputs: 1\n" +            // 3
            "blocks:\n" +               // 4
            "  count: 1\n" +            // 5
            "  cells: 2\n" +            // 6
            "learningRate: 0.1\n";      // 7

        [Fact]
        public void Valid_base_spec_has_no_diagnostic_and_emits_its_class()
        {
            var run = GeneratorHarness.Run((File, Valid));

            Assert.Empty(run.Diagnostics);
            Assert.Equal(new[] { "Bad.g.cs", "LstmGenNetworks.g.cs" }, run.Sources.Select(s => s.HintName));
        }

        [Fact]
        public void LSTM0001_malformed_yaml()
        {
            var run = RunBad("name: Bad\ninputs: 2\n  outputs: 1\n");

            var d = AssertSingle(run, "LSTM0001", DiagnosticSeverity.Error, 3, 10);
            Assert.Contains("Check the indentation", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0002_unknown_key_suggests_the_closest_key()
        {
            var run = RunBad(Valid + "initIntervall: 0.1\n");

            var d = AssertSingle(run, "LSTM0002", DiagnosticSeverity.Error, 8, 1);
            Assert.Equal("Unknown key 'initIntervall' in the spec: did you mean 'initInterval'?", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0002_unknown_key_without_a_close_match_lists_the_valid_keys()
        {
            var run = RunBad(Valid.Replace("  cells: 2\n", "  cells: 2\n  colour: red\n"));

            var d = AssertSingle(run, "LSTM0002", DiagnosticSeverity.Error, 7, 3);
            Assert.Equal("Unknown key 'colour' in blocks (valid keys: count, cells, inputGateBias, outputGateBias, outputGate, forgetGate, forgetGateBias, peepholes)", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0003_missing_required_key()
        {
            var run = RunBad(Valid.Replace("learningRate: 0.1\n", string.Empty));

            // Reported on the spec's root mapping, which starts at the first key.
            var d = AssertSingle(run, "LSTM0003", DiagnosticSeverity.Error, 1, 1);
            Assert.StartsWith("Missing required key 'learningRate' in the spec", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0004_wrong_type()
        {
            var run = RunBad(Valid.Replace("inputs: 2", "inputs: two"));

            var d = AssertSingle(run, "LSTM0004", DiagnosticSeverity.Error, 2, 9);
            Assert.Equal("'inputs' must be a positive integer, got 'two'", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0005_size_not_positive()
        {
            var run = RunBad(Valid.Replace("cells: 2", "cells: 0"));

            var d = AssertSingle(run, "LSTM0005", DiagnosticSeverity.Error, 6, 10);
            Assert.Equal("'blocks.cells' must be a positive integer, got 0", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0005_an_empty_block_list()
        {
            var run = RunBad(Valid.Replace("blocks:\n  count: 1\n  cells: 2\n", "blocks: []\n"));

            var d = AssertSingle(run, "LSTM0005", DiagnosticSeverity.Error, 4, 9);
            Assert.Equal("'blocks' must be at least one block, got an empty list", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0006_bias_list_does_not_match_the_blocks()
        {
            var run = RunBad(Valid.Replace("  cells: 2\n", "  cells: 2\n  inputGateBias: [-1, -2]\n"));

            var d = AssertSingle(run, "LSTM0006", DiagnosticSeverity.Error, 7, 18);
            Assert.StartsWith("'blocks.inputGateBias' lists 2 values but the network has 1 blocks", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0007_gate_bias_out_of_range()
        {
            var run = RunBad(Valid.Replace("  cells: 2\n", "  cells: 2\n  outputGateBias: -31\n"));

            var d = AssertSingle(run, "LSTM0007", DiagnosticSeverity.Error, 7, 19);
            Assert.StartsWith("'blocks.outputGateBias' is -31, outside the sane range [-30, 30]", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0008_duplicate_type_name_across_two_specs()
        {
            var run = GeneratorHarness.Run(("a.lstm.yaml", Valid), ("b.lstm.yaml", Valid.Replace("inputs: 2", "inputs: 3")));

            Assert.Equal(2, run.Diagnostics.Length);
            Assert.All(run.Diagnostics, d => Assert.Equal("LSTM0008", d.Id));
            var onA = run.Diagnostics.Single(d => d.Location.GetLineSpan().Path == "a.lstm.yaml");
            var onB = run.Diagnostics.Single(d => d.Location.GetLineSpan().Path == "b.lstm.yaml");
            AssertLocation(onA, DiagnosticSeverity.Error, 1, 7);
            AssertLocation(onB, DiagnosticSeverity.Error, 1, 7);
            Assert.StartsWith("The network name 'Bad' is also declared by 'b.lstm.yaml'", onA.GetMessage(CultureInfo.InvariantCulture));
            Assert.StartsWith("The network name 'Bad' is also declared by 'a.lstm.yaml'", onB.GetMessage(CultureInfo.InvariantCulture));
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void LSTM0008_names_that_differ_only_in_case_collide_too()
        {
            // The compiler compares generated file names without case (Bad.g.cs, BAD.g.cs): CS8785 otherwise.
            var run = GeneratorHarness.Run(("a.lstm.yaml", Valid), ("b.lstm.yaml", Valid.Replace("name: Bad", "name: BAD")));

            Assert.Equal(new[] { "LSTM0008", "LSTM0008" }, run.Diagnostics.Select(d => d.Id));
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void LSTM0008_a_third_spec_with_its_own_name_is_still_emitted()
        {
            var run = GeneratorHarness.Run(
                ("a.lstm.yaml", Valid),
                ("b.lstm.yaml", Valid),
                ("c.lstm.yaml", Valid.Replace("name: Bad", "name: Good")));

            Assert.Equal(new[] { "LSTM0008", "LSTM0008" }, run.Diagnostics.Select(d => d.Id));
            Assert.Equal(new[] { "Good.g.cs", "LstmGenNetworks.g.cs" }, run.Sources.Select(s => s.HintName));
            Assert.DoesNotContain("Bad", run.Source("LstmGenNetworks.g.cs").Text);
        }

        [Fact]
        public void LSTM0009_invalid_identifier()
        {
            var run = RunBad(Valid.Replace("name: Bad", "name: class"));

            var d = AssertSingle(run, "LSTM0009", DiagnosticSeverity.Error, 1, 7);
            Assert.Equal("'name' must be a valid C# type name, got 'class': it is a C# keyword", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0010_contradictory_settings()
        {
            var run = RunBad(Valid.Replace("  cells: 2\n", "  cells: 2\n  outputGate: false\n  outputGateBias: -1\n"));

            var d = AssertSingle(run, "LSTM0010", DiagnosticSeverity.Error, 8, 19);
            Assert.StartsWith("blocks: 'outputGateBias' is set but 'outputGate' is false", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0011_invalid_value_suggests_the_closest_value()
        {
            var run = RunBad(Valid + "update: per-sequense\n");

            var d = AssertSingle(run, "LSTM0011", DiagnosticSeverity.Error, 8, 9);
            Assert.Equal("'update' must be one of 'per-sequence', 'per-step', got 'per-sequense': did you mean 'per-sequence'?", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0011_unknown_input_encoding_lists_the_allowed_values()
        {
            var run = RunBad(Valid + "inputEncoding: onehot\n");

            var d = AssertSingle(run, "LSTM0011", DiagnosticSeverity.Error, 8, 16);
            Assert.Equal("'inputEncoding' must be one of 'dense', 'one-hot', 'sparse', got 'onehot': did you mean 'one-hot'?", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0004_input_encoding_of_the_wrong_type()
        {
            var run = RunBad(Valid + "inputEncoding:\n  - one-hot\n");

            var d = AssertSingle(run, "LSTM0004", DiagnosticSeverity.Error, 9, 3);
            Assert.StartsWith("'inputEncoding' must be one of 'dense', 'one-hot', 'sparse', got a list", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0012_size_limit_exceeded()
        {
            var run = RunBad(Valid.Replace("inputs: 2", "inputs: 100001"));

            var d = AssertSingle(run, "LSTM0012", DiagnosticSeverity.Error, 2, 9);
            Assert.StartsWith("'inputs' is 100001, above LstmGen's limit of 100000", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0013_duplicate_key()
        {
            var run = RunBad(Valid + "inputs: 3\n");

            // Reported on the second occurrence.
            var d = AssertSingle(run, "LSTM0013", DiagnosticSeverity.Error, 8, 1);
            Assert.Equal("Key 'inputs' appears twice in this mapping: keep one", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0014_number_out_of_range()
        {
            var run = RunBad(Valid.Replace("learningRate: 0.1", "learningRate: -0.5"));

            var d = AssertSingle(run, "LSTM0014", DiagnosticSeverity.Error, 7, 15);
            Assert.Equal("'learningRate' must be a positive number, got -0.5", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM0015_unsupported_yaml_feature()
        {
            var run = RunBad(Valid.Replace("inputs: 2", "inputs: &n 2"));

            var d = AssertSingle(run, "LSTM0015", DiagnosticSeverity.Error, 2, 9);
            Assert.StartsWith("YAML anchors ('&name') are not supported in specs", d.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void LSTM1001_unsafe_setting_is_a_warning_and_the_network_is_still_emitted()
        {
            var run = GeneratorHarness.Run((File, Valid.Replace("learningRate: 0.1", "learningRate: 1000")));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM1001", d.Id);
            AssertLocation(d, DiagnosticSeverity.Warning, 7, 15);
            Assert.StartsWith("'learningRate' is 1000, outside the usual range [1e-7, 100]", d.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(new[] { "Bad.g.cs", "LstmGenNetworks.g.cs" }, run.Sources.Select(s => s.HintName));
            GeneratorHarness.AssertCompilesCleanly(run);
        }

        [Fact]
        public void LSTM1002_a_project_without_any_spec_gets_a_warning_that_says_how_to_add_one()
        {
            var run = GeneratorHarness.Run();

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM1002", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(Location.None, d.Location);
            var message = d.GetMessage(CultureInfo.InvariantCulture);
            Assert.StartsWith("The LstmGen generator runs in this project but was given no spec, so it generates no network: ", message);
            Assert.Contains("<AdditionalFiles Include=\"**/*.lstm.yaml\" />", message);
            Assert.Contains("import LstmGen.Generator.props", message);
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void LSTM1002_is_not_reported_for_other_additional_files_next_to_a_spec()
        {
            var run = GeneratorHarness.Run(("notes.txt", "not a spec"), ("ci.yml", "jobs:\n  build: dotnet build\n"), (File, Valid));

            Assert.Empty(run.Diagnostics);
            Assert.Equal(new[] { "Bad.g.cs", "LstmGenNetworks.g.cs" }, run.Sources.Select(s => s.HintName));
        }

        [Fact]
        public void LSTM1003_a_spec_named_yaml_is_pointed_at_with_its_new_name()
        {
            var run = GeneratorHarness.Run(("samples/hello.yaml", Valid), ("ci.yml", "jobs:\n  build: dotnet build\n"));

            // The misnamed spec is not compiled, so the project has no spec either.
            Assert.Equal(new[] { "LSTM1002", "LSTM1003" }, run.Diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
            var d = run.Diagnostics.Single(x => x.Id == "LSTM1003");
            Assert.Equal("samples/hello.yaml", d.Location.GetLineSpan().Path);
            AssertLocation(d, DiagnosticSeverity.Warning, 1, 1);
            Assert.Equal(
                "'hello.yaml' looks like an LstmGen spec (it has 'blocks' and 'learningRate') but is not read: only files named '*.lstm.yaml' are specs; rename it to 'hello.lstm.yaml'",
                d.GetMessage(CultureInfo.InvariantCulture));
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void LSTM1003_also_beside_a_real_spec()
        {
            var run = GeneratorHarness.Run((File, Valid), ("other.yml", Valid.Replace("name: Bad", "name: Other")));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM1003", d.Id);
            Assert.EndsWith("rename it to 'other.lstm.yaml'", d.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(new[] { "Bad.g.cs", "LstmGenNetworks.g.cs" }, run.Sources.Select(s => s.HintName));
        }

        [Fact]
        public void Every_catalog_id_has_a_test_here()
        {
            var tested = typeof(DiagnosticTests).GetMethods()
                .Where(m => m.Name.StartsWith("LSTM", System.StringComparison.Ordinal))
                .Select(m => m.Name.Substring(0, 8))
                .Distinct()
                .OrderBy(id => id, System.StringComparer.Ordinal);
            Assert.Equal(DiagnosticCatalog.All.Select(k => k.Id), tested);
        }

        private static GeneratorRun RunBad(string yaml) => GeneratorHarness.Run((File, yaml));

        /// <summary>Exactly one diagnostic, of <paramref name="id"/>, at the given 1-based position; no source emitted.</summary>
        private static Diagnostic AssertSingle(GeneratorRun run, string id, DiagnosticSeverity severity, int line, int column)
        {
            var d = Assert.Single(run.Diagnostics);
            Assert.Equal(id, d.Id);
            Assert.Equal(File, d.Location.GetLineSpan().Path);
            AssertLocation(d, severity, line, column);
            if (severity == DiagnosticSeverity.Error)
            {
                Assert.Empty(run.Sources);
            }

            return d;
        }

        private static void AssertLocation(Diagnostic d, DiagnosticSeverity severity, int line, int column)
        {
            var span = d.Location.GetLineSpan();
            Assert.Equal(severity, d.Severity);
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        }
    }
}
