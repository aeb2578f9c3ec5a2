using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LstmGen.Experiments.Cli;
using LstmGen.Generator;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Parsing;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary><c>emit</c> prints exactly the generator's output; every failure is one line and a documented exit code.</summary>
    public sealed class EmitAndErrorTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "lstmgen-cli-tests-" + Guid.NewGuid().ToString("N"));

        public EmitAndErrorTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public static TheoryData<string> SpecFiles()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "specs"), "*.lstm.yaml").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }

        [Fact]
        public void There_are_twelve_specs()
        {
            Assert.Equal(12, Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "specs"), "*.lstm.yaml").Length);
        }

        [Theory]
        [MemberData(nameof(SpecFiles))]
        public void Emit_prints_exactly_what_the_emitter_gives(string fileName)
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", fileName);
            var parsed = SpecParser.Parse(path, File.ReadAllText(path));
            Assert.NotNull(parsed.Spec);

            var result = CliRunner.Run("emit", path);

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Equal(NetworkEmitter.Emit(parsed.Spec!, LstmGenVersion.Value), result.Out);
            Assert.Contains("public sealed partial class " + parsed.Spec!.TypeName, result.Out);
        }

        [Fact]
        public void Emit_of_a_broken_spec_prints_compiler_style_diagnostics_and_exits_3()
        {
            var path = Path.Combine(_folder, "broken.lstm.yaml");
            File.WriteAllText(path, "name: Broken\ninputs: -2\noutputs: 1\nblocks: { count: 1, cells: 1 }\nlearningRate: 0.1\n");

            var result = CliRunner.Run("emit", path);

            Assert.Equal(ExitCodes.SpecError, result.ExitCode);
            Assert.Equal(string.Empty, result.Out);
            var line = Assert.Single(result.ErrorLines);
            Assert.Matches(new Regex("^" + Regex.Escape(path) + @"\(2,9\): error LSTM0005: "), line);
        }

        [Fact]
        public void Emit_of_a_missing_file_exits_4_with_one_line()
        {
            var result = CliRunner.Run("emit", Path.Combine(_folder, "missing.lstm.yaml"));

            Assert.Equal(ExitCodes.IoError, result.ExitCode);
            var line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("lstmgen: error: cannot read '", line);
            Assert.EndsWith("missing.lstm.yaml': no such file", line);
        }

        [Theory]
        [InlineData("explain", "NoSuchNetwork")]
        [InlineData("trace", "NoSuchNetwork")]
        [InlineData("bench", "--networks", "Exp4Adding,NoSuchNetwork")]
        [InlineData("explain")]
        [InlineData("frobnicate")]
        [InlineData()]
        [InlineData("trace", "Exp4Adding", "--seed", "minus-one")]
        [InlineData("trace", "Exp4Adding", "--length", "0")]
        [InlineData("trace", "Exp4Adding", "--update", "sometimes")]
        [InlineData("trace")]
        [InlineData("trace", "Exp4Adding", "--spec", "x.lstm.yaml")]
        [InlineData("specs", "--colour")]
        [InlineData("bench", "--steps", "-5")]
        [InlineData("bench", "--all", "--networks", "Exp4Adding")]
        [InlineData("run")]
        [InlineData("run", "no-such-row")]
        [InlineData("run", "6a", "--trials", "0")]
        [InlineData("run", "6a", "--max-sequences", "-3")]
        [InlineData("run", "6a", "--update", "hourly")]
        [InlineData("run", "6a", "--error-measure", "cubic")]
        [InlineData("run", "6a", "--learning-rate", "-0.5")]
        [InlineData("run", "6a", "--threads", "0")]
        [InlineData("reproduce", "--rows", "6a,no-such-row")]
        [InlineData("reproduce", "--threads", "0")]
        [InlineData("rows", "--fancy")]
        [InlineData("recall", "6a")]
        [InlineData("recall", "no-such-row")]
        [InlineData("recall", "1-5", "--trials", "0")]
        [InlineData("recall", "1-5", "--max-sequences", "0")]
        [InlineData("recall", "1-5", "--learning-rate", "-1")]
        [InlineData("recall", "1-5", "--update", "hourly")]
        [InlineData("recall", "1-5", "--check-every", "0")]
        public void Usage_errors_exit_2_with_one_line_and_no_stack_trace(params string[] args)
        {
            var result = CliRunner.Run(args);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Equal(string.Empty, result.Out);
            var line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("lstmgen: error: ", line);
            Assert.DoesNotContain("Exception", result.Error);
            Assert.DoesNotContain('\t', line);
            Assert.DoesNotContain("  ", line);
        }

        [Fact]
        public void An_unknown_network_is_named_with_the_known_ones()
        {
            var result = CliRunner.Run("explain", "Exp9");

            Assert.Equal("lstmgen: error: unknown network 'Exp9'; compiled networks: Exp1Reber3x2, Exp1Reber4x1, Exp2LongLag, Exp2cP100, Exp2cP1000, "
                + "Exp2cP200, Exp2cP50, Exp2cP500, Exp3NoiseSignal, Exp4Adding, Exp6aTemporalOrder, Exp6bTemporalOrder", result.ErrorLines.Single());
        }

        [Fact]
        public void A_broken_spec_given_to_trace_exits_3()
        {
            var path = Path.Combine(_folder, "broken-trace.lstm.yaml");
            File.WriteAllText(path, "name: Broken\ninputs: 2\noutputs: 1\nblocks: { count: 1, cells: 1 }\nlearningRate: fast\n");

            var result = CliRunner.Run("trace", "--spec", path);

            Assert.Equal(ExitCodes.SpecError, result.ExitCode);
            Assert.Matches(new Regex(@"\(5,15\): error LSTM\d{4}: "), result.ErrorLines.Single());
        }

        [Theory]
        [InlineData("specs")]
        [InlineData("explain")]
        [InlineData("emit")]
        [InlineData("trace")]
        [InlineData("bench")]
        [InlineData("rows")]
        [InlineData("run")]
        [InlineData("drift")]
        [InlineData("recall")]
        [InlineData("profile")]
        [InlineData("reproduce")]
        [InlineData("report")]
        public void Every_command_has_a_description_and_help_with_an_example(string command)
        {
            var result = CliRunner.Run(command, "--help");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Equal(string.Empty, result.Error);
            Assert.Contains("Description:", result.Out);
            Assert.Contains("Examples:\n  lstmgen " + command, result.Out);
        }

        [Fact]
        public void Root_help_lists_every_command()
        {
            var result = CliRunner.Run("--help");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            foreach (var command in new[] { "specs", "explain", "emit", "trace", "bench", "rows", "run", "drift", "recall", "profile", "reproduce", "report" })
            {
                Assert.Contains("  " + command + " ", result.Out);
            }
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
