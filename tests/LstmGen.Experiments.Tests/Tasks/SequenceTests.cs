using System;
using LstmGen.Experiments.Tasks;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class SequenceTests
    {
        private static Sequence ThreeSteps() => new(
            inputSize: 2,
            outputSize: 2,
            inputs: [1, 2, 3, 4, 5, 6],
            targets: [0.5, 0.5, 0, 0, 1, 0],
            hasTarget: [true, false, true]);

        [Fact]
        public void Spans_slice_the_flat_arrays_and_steps_without_target_give_an_empty_target()
        {
            var s = ThreeSteps();
            Assert.Equal(3, s.Length);
            Assert.Equal(new double[] { 3, 4 }, s.Input(1).ToArray());
            Assert.Equal(new double[] { 1, 0 }, s.Target(2).ToArray());
            Assert.True(s.Target(1).IsEmpty);
            Assert.Equal(2, s.LastTargetStep);
            Assert.Equal(new double[] { 1, 0 }, s.CleanTarget(2).ToArray());
            Assert.Equal(6, s.NewOutputBuffer().Length);
        }

        [Fact]
        public void Constructor_rejects_arrays_of_the_wrong_size()
        {
            Assert.Throws<ArgumentException>(() => new Sequence(2, 2, new double[5], new double[6], new bool[3]));
            Assert.Throws<ArgumentException>(() => new Sequence(2, 2, new double[6], new double[4], new bool[3]));
        }

        [Fact]
        public void Measure_sums_squared_errors_over_target_steps_only()
        {
            var s = ThreeSteps();
            // step 0: errors 0.5-0.4 = 0.1, 0.5-0.8 = -0.3; step 1 ignored (no target); step 2: 1-0.9 = 0.1, 0-0.2 = -0.2.
            double[] y = [0.4, 0.8, 9, 9, 0.9, 0.2];
            var j = SequenceJudgement.Measure(s, y, correct: true, wrongSteps: 0);
            Assert.Equal(0.01 + 0.09 + 0.01 + 0.04, j.SquaredError, 12);
            Assert.Equal(0.3, j.MaxAbsError, 12);
            Assert.Equal(0.2, j.EndAbsError, 12);
            Assert.Equal(0.2, j.EndCleanAbsError, 12);
        }

        [Fact]
        public void AbsBelow_counts_failing_steps()
        {
            var s = ThreeSteps();
            double[] y = [0.4, 0.8, 9, 9, 0.9, 0.2];
            var everyStep = SequenceJudgement.AbsBelow(s, y, 0.25, everyStep: true);
            Assert.False(everyStep.Correct);
            Assert.Equal(1, everyStep.WrongSteps);
            var atEnd = SequenceJudgement.AbsBelow(s, y, 0.25, everyStep: false);
            Assert.True(atEnd.Correct);
            Assert.Equal(0, atEnd.WrongSteps);
            Assert.False(SequenceJudgement.AbsBelow(s, y, 0.2, everyStep: false).Correct); // "below": 0.2 is not below 0.2
        }

        [Fact]
        public void Judging_rejects_an_output_buffer_of_the_wrong_size()
        {
            var s = ThreeSteps();
            Assert.Throws<ArgumentException>(() => SequenceJudgement.AbsBelow(s, new double[2], 0.25, everyStep: false));
        }
    }
}
