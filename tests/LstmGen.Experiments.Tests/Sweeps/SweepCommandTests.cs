using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LstmGen.Experiments.Cli;
using Xunit;

namespace LstmGen.Experiments.Tests.Sweeps
{
    /// <summary>
    /// <c>lstmgen sweep</c> end to end: bad input is one line before anything is written; the variants' files stand alone;
    /// a variant equal to the row trains its trials bit for bit like <c>run</c> (a spec compiled at run time included);
    /// a rerun resumes; <c>report --sweep</c> writes the table and the plot.
    /// </summary>
    public sealed class SweepCommandTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "lstmgen-sweep-tests-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        [Theory]
        [InlineData("blocks.inputGateBiass=-1", "unknown sweep key 'blocks.inputGateBiass': did you mean 'blocks.inputGateBias'?")]
        [InlineData("learningRate=0.5,fast", "learningRate=fast: ")]
        [InlineData("blocks.inputGateBias=[-1,-2],closed", "blocks.inputGateBias=closed: ")]
        [InlineData("task.relevantSymbols=2,many", "task.relevantSymbols=many: ")]
        [InlineData("resetActivation=0.5,2", "resetActivation=2: ")]
        public void Bad_input_is_one_line_before_anything_is_written(string vary, string expected)
        {
            var result = CliRunner.Run("sweep", "6a", "--vary", vary, "--folder", _folder);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            var line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("lstmgen: error: ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_folder));
        }

        [Fact]
        public void A_grid_over_the_limit_is_one_line_before_anything_is_written()
        {
            var result = CliRunner.Run("sweep", "6a", "--vary", "learningRate=0.5,1.0", "--vary", "cap=10,20", "--max-variants", "3", "--folder", _folder);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("the grid has 4 variants (2 learningRate x 2 cap), more than the limit of 3", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
            Assert.False(Directory.Exists(_folder));
        }

        [Fact]
        public void Each_variant_is_a_spec_and_a_row_file_that_stand_alone()
        {
            var result = CliRunner.Run("sweep", "6a", "--vary", "blocks.inputGateBias=[-1,-2]", "--vary", "learningRate=0.25", "--trials", "3", "--max-sequences", "100", "--folder", _folder, "--dry-run");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            var v01 = Path.Combine(_folder, "v01");
            Assert.Contains("inputGateBias: [-1, -2]", File.ReadAllText(Path.Combine(v01, "exp6a-temporal-order.lstm.yaml")), StringComparison.Ordinal);
            var rows = CliRunner.Run("rows", Path.Combine(v01, "6a.rows.yaml"), "--verbose");
            Assert.Equal(ExitCodes.Ok, rows.ExitCode);
            var rowFile = File.ReadAllText(Path.Combine(v01, "6a.rows.yaml"));
            Assert.Contains("learningRate: 0.25", rowFile, StringComparison.Ordinal);
            Assert.Contains("trials: 3", rowFile, StringComparison.Ordinal);
            Assert.Contains("cap: 100", rowFile, StringComparison.Ordinal);
            Assert.Contains("rule: st3", rowFile, StringComparison.Ordinal);
            Assert.Contains("meanSequences: 31390", rowFile, StringComparison.Ordinal);
            Assert.Contains("blocks.inputGateBias: [[-1, -2]]", File.ReadAllText(Path.Combine(_folder, "sweep.yaml")), StringComparison.Ordinal);
        }

        [Fact]
        public void A_variant_equal_to_the_row_trains_its_trials_bit_for_bit_and_a_rerun_resumes()
        {
            // v01 sets the row's own learning rate; v02 rewrites the spec with its own input gate biases, so it is compiled
            // at run time: both must give the trials of 'run 6a', bit for bit.
            var args = new[] { "sweep", "6a", "--vary", "blocks.inputGateBias=[-2,-4]", "--vary", "learningRate=0.5,2.0", "--trials", "2", "--max-sequences", "60", "--threads", "2", "--folder", _folder };
            var sweep = CliRunner.Run(args);
            var run = CliRunner.Run("run", "6a", "--trials", "2", "--max-sequences", "60", "--threads", "1", "--results", Path.Combine(_folder, "row.jsonl"));

            Assert.Equal(ExitCodes.Ok, sweep.ExitCode);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("compiled '" + Path.Combine(_folder, "v01", "exp6a-temporal-order.lstm.yaml") + "' at run time", sweep.Error, StringComparison.Ordinal);
            Assert.Equal(Trials(Path.Combine(_folder, "row.jsonl")), Trials(Path.Combine(_folder, "v01", "results.jsonl")));
            Assert.NotEqual(Trials(Path.Combine(_folder, "row.jsonl")), Trials(Path.Combine(_folder, "v02", "results.jsonl")));

            var again = CliRunner.Run(args);
            Assert.Equal(ExitCodes.Ok, again.ExitCode);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(_folder, "v02", "results.jsonl")).Length);
            // The rerun says so, and a variant whose trials are all done is neither compiled nor run again.
            Assert.Contains("lstmgen: v02 (blocks.inputGateBias=[-2, -4], learningRate=2.0): 2 of 2 trials done earlier, resuming", again.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("at run time", again.Error, StringComparison.Ordinal);

            File.Delete(Path.Combine(_folder, "report.md"));
            var report = CliRunner.Run("report", "--sweep", _folder);
            Assert.Equal(ExitCodes.Ok, report.ExitCode);
            var markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
            Assert.Contains("| variant | `blocks.inputGateBias` | `learningRate` | trials | success % | mean sequences | median sequences | test errors | wall time | paper |", markdown, StringComparison.Ordinal);
            Assert.Contains("| v02 | `[-2, -4]` | `2.0` | 2 of 2 |", markdown, StringComparison.Ordinal);
            Assert.Contains("31,390 seq., 1 out of 2560 wrong (Table 9, 20 trials) |", markdown, StringComparison.Ordinal);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(_folder, "report.svg")), StringComparison.Ordinal);
        }

        /// <summary>
        /// The reset activation (the 1997 JKU simulator's 0.5 against the paper's 0) is a spec key a sweep varies: each variant
        /// is compiled at run time (generated code, full speed); 0 gives the trials of 'run 6a' bit for bit, 0.5 others.
        /// </summary>
        [Fact]
        public void The_reset_activation_is_swept_as_a_spec_key_compiled_at_run_time()
        {
            var sweep = CliRunner.Run("sweep", "6a", "--vary", "resetActivation=0,0.5", "--trials", "2", "--max-sequences", "60", "--threads", "1", "--folder", _folder);
            var run = CliRunner.Run("run", "6a", "--trials", "2", "--max-sequences", "60", "--threads", "1", "--results", Path.Combine(_folder, "row.jsonl"));

            Assert.Equal(ExitCodes.Ok, sweep.ExitCode);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("resetActivation: 0.5", File.ReadAllText(Path.Combine(_folder, "v02", "exp6a-temporal-order.lstm.yaml")), StringComparison.Ordinal);
            Assert.Contains("compiled '" + Path.Combine(_folder, "v02", "exp6a-temporal-order.lstm.yaml") + "' at run time", sweep.Error, StringComparison.Ordinal);
            Assert.Equal(Trials(Path.Combine(_folder, "row.jsonl")), Trials(Path.Combine(_folder, "v01", "results.jsonl")));
            Assert.NotEqual(Trials(Path.Combine(_folder, "row.jsonl")), Trials(Path.Combine(_folder, "v02", "results.jsonl")));
        }

        [Fact]
        public void Shards_split_the_trials_of_every_variant_and_the_report_reads_them_all()
        {
            string[] Args(string shard) => ["sweep", "6a", "--vary", "learningRate=0.5,1.0", "--trials", "3", "--max-sequences", "30", "--threads", "1", "--folder", _folder, "--shard", shard];

            var first = CliRunner.Run(Args("0/2"));
            var second = CliRunner.Run(Args("1/2"));

            Assert.Equal(ExitCodes.Ok, first.ExitCode);
            Assert.Equal(ExitCodes.Ok, second.ExitCode);
            // Trial j of variant v is in shard (v * 3 + j) mod 2.
            Assert.Equal(2, File.ReadAllLines(Path.Combine(_folder, "v01", "results-shard-0-of-2.jsonl")).Length);
            Assert.Single(File.ReadAllLines(Path.Combine(_folder, "v01", "results-shard-1-of-2.jsonl")));
            Assert.Single(File.ReadAllLines(Path.Combine(_folder, "v02", "results-shard-0-of-2.jsonl")));
            Assert.Equal(2, File.ReadAllLines(Path.Combine(_folder, "v02", "results-shard-1-of-2.jsonl")).Length);
            var report = CliRunner.Run("report", "--sweep", _folder);
            Assert.Equal(ExitCodes.Ok, report.ExitCode);
            Assert.Contains("| v01 | `0.5` | 3 of 3 |", report.Out, StringComparison.Ordinal);
            Assert.Contains("| v02 | `1.0` | 3 of 3 |", report.Out, StringComparison.Ordinal);
        }

        /// <summary>The trials of a results file without their wall times, in trial order.</summary>
        private static string[] Trials(string path) => File.ReadAllLines(path)
            .Select(line => Regex.Replace(line, "\"wallSeconds\":[^,]*,", string.Empty))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
