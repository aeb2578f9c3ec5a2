using System;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Harness;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary><c>lstmgen rows FILE</c> and <c>lstmgen run FILE [ID]</c>: a user's row file, with errors as a spec's.</summary>
    public sealed class RowFileCommandTests : IDisposable
    {
        private const string TwoRows = """
            defaults:
              network: Exp6aTemporalOrder
              task: { name: temporal-order, relevantSymbols: 2 }
              stop: { rule: st3, beta: 0.1 }
              testSetSize: 20
              trials: 1
              cap: 30
            rows:
              - id: 6a-fast
                title: Exp 6a at learning rate 1.0
                learningRate: 1.0
              - id: 6a-abs
                title: Exp 6a, ST3 on absolute errors
                stop: { errorMeasure: absolute }
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "lstmgen-rows-" + Guid.NewGuid().ToString("N"));

        public RowFileCommandTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void Rows_lists_a_row_file_s_rows()
        {
            var result = CliRunner.Run("rows", Write("mine.rows.yaml", TwoRows), "--verbose");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("6a-fast  not in the paper  Exp6aTemporalOrder  1 ", result.Out, StringComparison.Ordinal);
            Assert.Contains("6a-abs   not in the paper  Exp6aTemporalOrder  0.5", result.Out, StringComparison.Ordinal);
            Assert.Contains("6a-abs: ST3(0.1): mean absolute error", result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Run_trains_the_named_row_of_a_row_file()
        {
            var results = Path.Combine(_folder, "fast.jsonl");
            var result = CliRunner.Run("run", Write("mine.rows.yaml", TwoRows), "6a-fast", "--results", results, "--threads", "1");

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("6a-fast: Exp 6a at learning rate 1.0 (not in the paper)", result.Out, StringComparison.Ordinal);
            var trial = Assert.Single(ResultsFile.Read(results));
            Assert.Equal(("6a-fast", 30L, 20), (trial.Row, trial.Sequences, trial.TestSize));
        }

        [Fact]
        public void Run_of_a_file_with_several_rows_asks_which()
        {
            var path = Write("mine.rows.yaml", TwoRows);
            var result = CliRunner.Run("run", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("lstmgen: error: '" + path + "' has 2 rows (6a-fast, 6a-abs): name one, e.g. 'lstmgen run " + path + " 6a-fast'", Assert.Single(result.ErrorLines));
        }

        [Fact]
        public void A_row_file_with_errors_fails_with_one_line_per_problem_and_exit_code_3()
        {
            var path = Write("bad.rows.yaml", TwoRows.Replace("relevantSymbols: 2", "relevantSymbol: 2").Replace("trials: 1", "trials: one"));
            var result = CliRunner.Run("run", path, "6a-fast");

            Assert.Equal(3, result.ExitCode);
            Assert.Equal(
                [
                    path + "(3,33): error LSTM0002: Unknown key 'relevantSymbol' in 'task' of 'defaults': did you mean 'relevantSymbols'?",
                    path + "(6,11): error LSTM0004: 'trials' must be a positive integer, got 'one'",
                ],
                result.ErrorLines);
            Assert.Empty(result.Out);
        }

        [Fact]
        public void A_row_id_with_an_id_argument_is_a_usage_error()
        {
            var result = CliRunner.Run("run", "6a", "6b");

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("lstmgen: error: '6a' is a row id, not a row file (*.yaml); '6b' is one argument too many", Assert.Single(result.ErrorLines));
        }

        [Fact]
        public void A_missing_row_file_is_an_io_error()
        {
            var result = CliRunner.Run("run", Path.Combine(_folder, "none.rows.yaml"));

            Assert.Equal(4, result.ExitCode);
            Assert.Single(result.ErrorLines);
        }
    }
}
