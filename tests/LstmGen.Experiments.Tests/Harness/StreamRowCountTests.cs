using System;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>What a stream row reports as "success after" (Table 2: 2a's 5,040 is fewer than its 10,000-sequence test).</summary>
    public sealed class StreamRowCountTests
    {
        /// <summary>One step without a target: every sequence is correct, whatever the network outputs.</summary>
        private sealed class AlwaysCorrectTask : ISequenceTask
        {
            public string Name => "always-correct";

            public int InputSize => 101;

            public int OutputSize => 101;

            public Sequence Next(SeededRandom random) =>
                new(InputSize, OutputSize, new double[InputSize], new double[OutputSize], [false]);

            public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs) =>
                SequenceJudgement.AbsBelow(sequence, outputs, 0.25, everyStep: true);

            public string Describe(Sequence sequence) => string.Empty;
        }

        private static TrialResult Run(Func<RunOptions, IStreamStoppingRule> rule)
        {
            var row = new StreamRow(new RowSettings("count", "success counting", "Exp2LongLag", 1.0, 1, 1_000, PaperFigures.None, 1),
                () => new AlwaysCorrectTask(), rule, 0);
            return row.RunTrial(0, 1, new RunOptions(), new TrialProgress("count", 0), CancellationToken.None);
        }

        [Fact]
        public void Success_after_excludes_the_run_of_successive_correct_sequences()
        {
            var result = Run(_ => new SuccessiveCorrectRule(50));
            Assert.True(result.Success);
            Assert.Equal(0, result.Sequences);
            Assert.Equal(50, result.Extra["sequencesIncludingTest"]);
        }

        [Fact]
        public void Success_after_of_a_training_stopping_rule_is_the_whole_count()
        {
            var result = Run(_ => new FewWrongRule(1, window: 30));
            Assert.True(result.Success);
            Assert.Equal(30, result.Sequences);
            Assert.False(result.Extra.ContainsKey("sequencesIncludingTest"));
        }
    }
}
