using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>The paper's stopping rules (Table 11) on synthetic streams of sequence outcomes.</summary>
    public sealed class StoppingRuleTests
    {
        private static SequenceJudgement Outcome(bool correct, double squared = 0.0, double endAbs = 0.0) =>
            new(correct, correct ? 0 : 1, endAbs, endAbs, endAbs, squared, endAbs);

        [Fact]
        public void Successive_rule_needs_an_unbroken_run()
        {
            var rule = new SuccessiveCorrectRule(5);
            for (var i = 0; i < 4; i++)
            {
                Assert.False(rule.Observe(Outcome(true)));
            }

            Assert.False(rule.Observe(Outcome(false)));
            Assert.Equal(0, rule.Run);
            for (var i = 0; i < 4; i++)
            {
                Assert.False(rule.Observe(Outcome(true)));
            }

            Assert.True(rule.Observe(Outcome(true)));
        }

        [Fact]
        public void Successive_rule_runs_the_error_of_the_judged_steps()
        {
            // 2b has a target at every step, but only its end is judged: a sequence right at the end (error 0.1) and
            // wrong in the unpredictable middle (0.99) must move the running error towards 0.1, not 0.99.
            var rule = new SuccessiveCorrectRule(5);
            rule.Observe(new SequenceJudgement(true, 0, 0.99, 0.1, 0.1, 1.0, 0.1));
            Assert.Equal(0.001 * 0.1, rule.CurrentError, 15);
        }

        [Fact]
        public void Successive_rule_counts_its_run_as_the_test_after_training()
        {
            // Table 2: LSTM solves 2a after a mean of 5,040 sequences, fewer than the 10,000 of the criterion, so the
            // run of correct sequences is not part of "success after"; the rules that stop training take nothing off.
            Assert.Equal(10_000, new SuccessiveCorrectRule(10_000).SequencesAfterTraining);
            Assert.Equal(0, new St3Rule(0.01).SequencesAfterTraining);
            Assert.Equal(0, new FewWrongRule(140).SequencesAfterTraining);
        }

        [Fact]
        public void St3_waits_for_a_full_window_of_correct_sequences_with_low_mean_error()
        {
            var rule = new St3Rule(0.01, TrainingErrorMeasure.Squared, window: 10);
            for (var i = 0; i < 9; i++)
            {
                Assert.False(rule.Observe(Outcome(true, squared: 0.001)));
            }

            Assert.True(rule.Observe(Outcome(true, squared: 0.001)));
        }

        [Fact]
        public void St3_is_not_met_while_a_wrong_sequence_is_in_the_window()
        {
            var rule = new St3Rule(0.01, TrainingErrorMeasure.Squared, window: 10);
            Assert.False(rule.Observe(Outcome(false, squared: 0.001)));
            for (var i = 0; i < 9; i++)
            {
                Assert.False(rule.Observe(Outcome(true, squared: 0.001)));
            }

            // The wrong sequence leaves the window with the next one.
            Assert.True(rule.Observe(Outcome(true, squared: 0.001)));
            Assert.Equal(0, rule.RecentWrong);
        }

        [Fact]
        public void St3_is_not_met_while_the_mean_error_is_at_or_above_beta()
        {
            var rule = new St3Rule(0.01, TrainingErrorMeasure.Squared, window: 4);
            foreach (var e in new[] { 0.02, 0.01, 0.01, 0.0 })
            {
                Assert.False(rule.Observe(Outcome(true, squared: e)));
            }

            // Mean of (0.01, 0.01, 0.0, 0.0) = 0.005 < 0.01.
            Assert.True(rule.Observe(Outcome(true, squared: 0.0)));
        }

        [Fact]
        public void St3_can_average_the_absolute_error_instead()
        {
            var rule = new St3Rule(0.1, TrainingErrorMeasure.Absolute, window: 2);
            Assert.False(rule.Observe(Outcome(true, squared: 0.0, endAbs: 0.25)));
            Assert.False(rule.Observe(Outcome(true, squared: 0.0, endAbs: 0.05)));
            Assert.True(rule.Observe(Outcome(true, squared: 5.0, endAbs: 0.05)));
        }

        [Fact]
        public void Few_wrong_rule_counts_the_wrong_sequences_of_the_window()
        {
            var rule = new FewWrongRule(3, window: 10);
            for (var i = 0; i < 7; i++)
            {
                Assert.False(rule.Observe(Outcome(true)));
            }

            Assert.False(rule.Observe(Outcome(false)));
            Assert.False(rule.Observe(Outcome(false)));

            // Window full with 2 wrong: fewer than 3.
            Assert.True(rule.Observe(Outcome(true)));

            rule.Reset();
            for (var i = 0; i < 7; i++)
            {
                Assert.False(rule.Observe(Outcome(true)));
            }

            for (var i = 0; i < 3; i++)
            {
                Assert.False(rule.Observe(Outcome(false)));
            }
        }

        [Fact]
        public void Recent_window_keeps_exact_counts_over_many_wraps()
        {
            var window = new RecentWindow(7);
            for (var i = 0; i < 1000; i++)
            {
                window.Add(i % 3 != 0, i % 5);
            }

            // The last 7 of i = 993..999: wrong where i % 3 == 0 (993, 996, 999).
            Assert.Equal(3, window.WrongCount);
            Assert.Equal((3 + 4 + 0 + 1 + 2 + 3 + 4) / 7.0, window.MeanError, 12);
        }
    }
}
