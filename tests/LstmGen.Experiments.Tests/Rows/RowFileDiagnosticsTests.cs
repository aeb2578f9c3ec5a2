using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Generator.Diagnostics;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>A row file's mistakes are diagnostics like a spec's: id, file, line, column, and what to write instead.</summary>
    public sealed class RowFileDiagnosticsTests
    {
        private const string Valid = """
            rows:
              - id: mine
                title: Exp 4 at a higher learning rate
                network: Exp4Adding
                learningRate: 1.0
                task: { name: adding, T: 100 }
                stop: { rule: st3, beta: 0.01 }
                trials: 2
                cap: 1000
            """;

        private static SpecDiagnostic Single(string text)
        {
            var file = RowFileReader.Read("my.rows.yaml", text);
            Assert.Empty(file.Definitions);
            return Assert.Single(file.Diagnostics);
        }

        private static void AssertAt(SpecDiagnostic diagnostic, string id, int line, int column, string message)
        {
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal("my.rows.yaml", diagnostic.Location.FilePath);
            Assert.Equal((line, column), (diagnostic.Location.StartLine + 1, diagnostic.Location.StartColumn + 1));
            Assert.Equal(message, diagnostic.Message);
        }

        [Fact]
        public void A_valid_row_file_gives_its_row_and_no_diagnostic()
        {
            var file = RowFileReader.Read("my.rows.yaml", Valid);

            Assert.Empty(file.Diagnostics);
            var row = Assert.IsType<StreamRow>(RowFactory.Create(Assert.Single(file.Definitions)));
            Assert.Equal(("mine", 1.0, 2, 1000L), (row.Id, row.LearningRate, row.Trials, row.DefaultMaxSequences));
            Assert.False(row.Paper.InPaper);
        }

        [Fact]
        public void An_unknown_key_names_the_closest_valid_one()
        {
            var diagnostic = Single(Valid.Replace("    network: Exp4Adding", "    netwrk: Exp4Adding"));

            // One problem, one message: the misspelt key, not also a "missing key 'network'".
            AssertAt(diagnostic, "LSTM0002", 4, 5, "Unknown key 'netwrk' in row 'mine': did you mean 'network'?");
        }

        [Fact]
        public void An_unknown_task_parameter_names_the_closest_one()
        {
            var diagnostic = Single(Valid.Replace("{ name: adding, T: 100 }", "{ name: adding, t: 100 }"));

            // Two problems at one place would be noise: the misspelt key is reported, and T counts as not given.
            Assert.Equal("LSTM0002", diagnostic.Id);
            Assert.Equal("Unknown key 't' in 'task' of row 'mine': did you mean 'T'?", diagnostic.Message);
        }

        [Fact]
        public void A_value_of_the_wrong_type_names_its_dotted_path()
        {
            var diagnostic = Single(Valid.Replace("beta: 0.01", "beta: small"));

            AssertAt(diagnostic, "LSTM0004", 7, 30, "'stop.beta' must be a positive number, got 'small'");
        }

        [Fact]
        public void An_unknown_task_names_the_closest_one()
        {
            var diagnostic = Single(Valid.Replace("name: adding", "name: addng"));

            AssertAt(diagnostic, "LSTM0011", 6, 19,
                "'task.name' must be one of 'embedded-reber', 'continual-embedded-reber', 'long-lag', 'very-long-lag', 'noise-signal', 'adding', 'multiplication', 'temporal-order', got 'addng': did you mean 'adding'?");
        }

        [Fact]
        public void A_row_without_a_network_says_what_to_give()
        {
            var diagnostic = Single(Valid.Replace("    network: Exp4Adding\n", string.Empty));

            AssertAt(diagnostic, "LSTM0003", 2, 5,
                "Missing required key 'network' in row 'mine': name the compiled network the row trains, e.g. 'network: Exp6aTemporalOrder' ('lstmgen specs' lists them)");
        }

        [Fact]
        public void A_network_that_is_not_compiled_in_names_the_closest_one()
        {
            var diagnostic = Single(Valid.Replace("network: Exp4Adding", "network: Exp4Addng"));

            Assert.Equal("LSTM0011", diagnostic.Id);
            Assert.Equal((4, 14), (diagnostic.Location.StartLine + 1, diagnostic.Location.StartColumn + 1));
            Assert.EndsWith("got 'Exp4Addng': did you mean 'Exp4Adding'?", diagnostic.Message);
        }

        [Fact]
        public void A_missing_task_parameter_says_what_it_is()
        {
            var diagnostic = Single(Valid.Replace("{ name: adding, T: 100 }", "{ name: adding }"));

            AssertAt(diagnostic, "LSTM0003", 6, 11, "Missing required key 'T' in 'task' of row 'mine': task 'adding' needs T, T, the minimal sequence length (Table 7)");
        }

        [Fact]
        public void A_parameter_value_the_task_cannot_take_is_the_task_s_own_message()
        {
            var diagnostic = Single(Valid.Replace("T: 100", "T: 10"));

            AssertAt(diagnostic, "LSTM0010", 6, 11,
                "Task 'adding' cannot take these parameters: T must be at least 22 so that the first T/2 − 1 pairs contain the first ten");
        }

        [Fact]
        public void A_task_that_does_not_fit_the_network_says_both_sizes()
        {
            var diagnostic = Single(Valid.Replace("{ name: adding, T: 100 }", "{ name: temporal-order, relevantSymbols: 2 }"));

            AssertAt(diagnostic, "LSTM0010", 6, 11,
                "Task 'temporal-order' with these parameters has 8 inputs and 4 outputs, but network 'Exp4Adding' has 2 and 1: choose the network of the task's size (Table 10 'in', 'out')");
        }

        [Fact]
        public void A_stopping_rule_of_another_task_is_refused()
        {
            var diagnostic = Single(Valid.Replace("{ rule: st3, beta: 0.01 }", "{ rule: st1-st2, st1MaxWrong: 0, st2MeanError: 0.01 }"));

            AssertAt(diagnostic, "LSTM0010", 7, 19, "Stopping rule 'st1-st2' judges only task 'noise-signal' (Exp 3, §5.3: noise and signal on the same channel); this row's task is 'adding'");
        }

        [Fact]
        public void Two_rows_with_one_id_are_refused_at_the_second()
        {
            var second = Valid[Valid.IndexOf("  - id", System.StringComparison.Ordinal)..];
            var diagnostic = Single(Valid + "\n" + second);

            AssertAt(diagnostic, "LSTM0010", 10, 9,
                "Row id 'mine' is declared twice (first at line 2): give each row its own id, which names its results file and seeds its trials");
        }

        [Fact]
        public void A_mistake_in_the_defaults_is_reported_once_however_many_rows_take_it()
        {
            var text = """
                defaults:
                  network: Exp4Adding
                  task: { name: adding, T: 100 }
                  stop: { rule: st3, beta: 0.01 }
                  trials: two
                  cap: 1000
                rows:
                  - { id: a, title: first }
                  - { id: b, title: second }
                  - { id: c, title: third }
                """;

            AssertAt(Single(text), "LSTM0004", 5, 11, "'trials' must be a positive integer, got 'two'");
        }

        [Fact]
        public void A_row_takes_the_defaults_it_does_not_override_key_by_key()
        {
            var text = """
                defaults:
                  network: Exp4Adding
                  task: { name: adding, T: 100 }
                  stop: { rule: st3, beta: 0.01, errorMeasure: absolute }
                  trials: 2
                  cap: 1000
                rows:
                  - { id: a, title: first, task: { T: 500 }, stop: { beta: 0.02 } }
                """;

            var file = RowFileReader.Read("my.rows.yaml", text);

            Assert.Empty(file.Diagnostics);
            var row = Assert.Single(file.Definitions);
            Assert.Equal(("adding", 500), (row.Task.Name, row.TaskParameters.Integer("T")));
            Assert.Equal((0.02, "absolute"), (row.StopParameters.Number("beta"), row.StopParameters.Choice("errorMeasure")));
            Assert.Equal("ST3(0.02): mean absolute error of the 2000 most recent sequences below 0.02, all of them correct", RowFactory.Create(row).StoppingRule);
        }

        [Fact]
        public void Malformed_yaml_is_the_spec_reader_s_diagnostic()
        {
            var diagnostic = Single("rows:\n  - id: a\n   title: b\n");

            Assert.Equal("LSTM0001", diagnostic.Id);
            Assert.Equal(3, diagnostic.Location.StartLine + 1);
        }

        [Fact]
        public void An_empty_file_says_what_a_row_file_is()
        {
            AssertAt(Single(string.Empty), "LSTM0004", 1, 1, "'the row file' must be a mapping with a list of 'rows', got an empty file");
        }

        [Fact]
        public void Many_mistakes_are_reported_together()
        {
            var file = RowFileReader.Read("my.rows.yaml", Valid.Replace("name: adding", "name: addng").Replace("trials: 2", "trials: 0").Replace("cap: 1000", "cap: lots"));

            Assert.Equal(["LSTM0011", "LSTM0005", "LSTM0004"], file.Diagnostics.Select(d => d.Id));
        }
    }
}
