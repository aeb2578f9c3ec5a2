using System;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
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
        public void One_hot_sequences_hand_out_the_code_of_each_steps_symbol_and_ignore_a_trailing_target_symbol()
        {
            var s = new Sequence(inputSize: 4, outputSize: 1, symbols: [2, 0, 3, 1], targets: [0, 0, 1], hasTarget: [false, false, true]);
            Assert.Equal(3, s.Length);
            Assert.Equal(new double[] { 0, 0, 1, 0 }, s.Input(0).ToArray());
            Assert.Equal(new double[] { 1, 0, 0, 0 }, s.Input(1).ToArray());
            Assert.Equal(new double[] { 0, 0, 0, 1 }, s.Input(2).ToArray());
            Assert.Equal(new double[] { 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, s.CopyInputs());
        }

        [Fact]
        public void One_hot_sequences_share_one_read_only_table_instead_of_storing_their_inputs()
        {
            var a = new Sequence(1004, 2, new int[1000], new double[2000], new bool[1000]);
            var b = new Sequence(1004, 2, new int[1000], new double[2000], new bool[1000]);
            Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a.Input(5)),
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b.Input(999))));
        }

        [Fact]
        public void One_hot_targets_give_the_values_of_dense_targets_and_no_target_where_the_symbol_is_minus_one()
        {
            int[] symbols = [2, 0, 3, 1];
            var symbolic = new Sequence(inputSize: 4, outputSize: 3, symbols, targetSymbols: [1, -1, 2]);
            var dense = new Sequence(inputSize: 4, outputSize: 3, symbols, targets: [0, 1, 0, 0, 0, 0, 0, 0, 1], hasTarget: [true, false, true]);
            Assert.Equal(dense.HasTarget, symbolic.HasTarget);
            Assert.Equal(2, symbolic.LastTargetStep);
            for (var t = 0; t < 3; t++)
            {
                Assert.Equal(dense.Input(t).ToArray(), symbolic.Input(t).ToArray());
                Assert.Equal(dense.Target(t).ToArray(), symbolic.Target(t).ToArray());
                Assert.Equal(dense.CleanTarget(t).ToArray(), symbolic.CleanTarget(t).ToArray());
            }

            Assert.True(symbolic.Target(1).IsEmpty);
            Assert.Equal(dense.Targets, symbolic.Targets);
            Assert.Same(symbolic.Targets, symbolic.Targets);
        }

        [Fact]
        public void One_hot_targets_share_the_identity_table_instead_of_storing_target_vectors()
        {
            var a = new Sequence(101, 101, new int[101], targetSymbols: new int[100]);
            var b = new Sequence(101, 101, new int[101], targetSymbols: new int[100]);
            Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a.Target(3)),
                ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b.Target(99))));
        }

        [Fact]
        public void One_hot_targets_outside_the_outputs_are_refused()
        {
            var outside = Assert.Throws<ArgumentOutOfRangeException>(() => new Sequence(3, 2, [0, 1], targetSymbols: [0, 2]));
            Assert.Contains("target symbol 2 at step 1", outside.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sequence(3, 2, [0, 1], targetSymbols: [-2, 0]));
            Assert.Throws<ArgumentException>(() => new Sequence(3, 2, [0], targetSymbols: [0, 1]));
            Assert.Throws<ArgumentNullException>(() => new Sequence(3, 2, [0, 1], targetSymbols: null!));
        }

        /// <summary>The judge as it was written first: one chain of Math.Max and one sum over t, then k.</summary>
        private static (int Wrong, double MaxAbs, double EndAbs, double Squared) ScalarJudge(Sequence s, double[] outputs, double beta)
        {
            var wrong = 0;
            var maxAbs = 0.0;
            var squared = 0.0;
            var endAbs = 0.0;
            for (var t = 0; t < s.Length; t++)
            {
                var target = s.Target(t);
                var stepMax = 0.0;
                for (var k = 0; k < target.Length; k++)
                {
                    var e = target[k] - outputs[(t * s.OutputSize) + k];
                    maxAbs = Math.Max(maxAbs, Math.Abs(e));
                    stepMax = Math.Max(stepMax, Math.Abs(e));
                    squared += e * e;
                }

                if (!target.IsEmpty && !(stepMax < beta))
                {
                    wrong++;
                }

                if (t == s.LastTargetStep)
                {
                    endAbs = stepMax;
                }
            }

            return (wrong, maxAbs, endAbs, squared);
        }

        [Theory]
        [InlineData(1, 5)]
        [InlineData(3, 8)]
        [InlineData(100, 101)]
        [InlineData(7, 13)]
        public void The_judges_one_pass_gives_the_bits_of_the_scalar_chains_NaN_included(int length, int outputSize)
        {
            var random = new Random((length * 1000) + outputSize);
            for (var round = 0; round < 50; round++)
            {
                var targets = new double[length * outputSize];
                var outputs = new double[length * outputSize];
                var hasTarget = new bool[length];
                for (var t = 0; t < length; t++)
                {
                    hasTarget[t] = t == length - 1 || random.Next(3) > 0;
                }

                for (var i = 0; i < targets.Length; i++)
                {
                    targets[i] = hasTarget[i / outputSize] ? random.NextDouble() : 0.0;
                    outputs[i] = (random.NextDouble() * 2) - 0.5;
                }

                if (round % 5 == 4)
                {
                    outputs[random.Next(outputs.Length)] = double.NaN; // anywhere: in a vector, in the scalar tail, at a step without target
                }

                var s = new Sequence(1, outputSize, new double[length], targets, hasTarget);
                var (wrong, maxAbs, endAbs, squared) = ScalarJudge(s, outputs, 0.25);
                var judged = SequenceJudgement.AbsBelow(s, outputs, 0.25, everyStep: true);
                Assert.Equal(wrong, judged.WrongSteps);
                Assert.Equal(wrong == 0, judged.Correct);
                Assert.Equal(BitConverter.DoubleToInt64Bits(maxAbs), BitConverter.DoubleToInt64Bits(judged.MaxAbsError));
                Assert.Equal(BitConverter.DoubleToInt64Bits(endAbs), BitConverter.DoubleToInt64Bits(judged.EndAbsError));
                Assert.Equal(BitConverter.DoubleToInt64Bits(squared), BitConverter.DoubleToInt64Bits(judged.SquaredError));
                var measured = SequenceJudgement.Measure(s, outputs, correct: true, wrongSteps: 7);
                Assert.Equal(7, measured.WrongSteps);
                Assert.Equal(BitConverter.DoubleToInt64Bits(maxAbs), BitConverter.DoubleToInt64Bits(measured.MaxAbsError));
            }
        }

        [Fact]
        public void One_hot_constructor_rejects_symbols_outside_the_alphabet_and_short_strings()
        {
            var outside = Assert.Throws<ArgumentOutOfRangeException>(() => new Sequence(3, 1, [0, 3], new double[2], new bool[2]));
            Assert.Contains("symbol 3 at step 1", outside.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new Sequence(3, 1, [0], new double[2], new bool[2]));
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
        public void The_judged_error_is_over_the_steps_the_verdict_reads()
        {
            // Step 0 is off by 0.3, the last step by 0.2 (step 1 has no target). Judged at the end (2b), the running
            // training error must read the end's 0.2; judged at every step (2a), and by a task's own verdict, 0.3.
            var s = ThreeSteps();
            double[] y = [0.4, 0.8, 9, 9, 0.9, 0.2];
            Assert.Equal(0.2, SequenceJudgement.AbsBelow(s, y, 0.25, everyStep: false).JudgedAbsError, 12);
            Assert.Equal(0.3, SequenceJudgement.AbsBelow(s, y, 0.25, everyStep: true).JudgedAbsError, 12);
            Assert.Equal(0.3, SequenceJudgement.Measure(s, y, correct: true, wrongSteps: 0).JudgedAbsError, 12);
        }

        [Theory]
        [InlineData("2a")]
        [InlineData("2c-1")]
        [InlineData("3a-100-3")]
        [InlineData("3b-100-1")]
        [InlineData("3c-100-1")]
        [InlineData("4-100")]
        public void Where_the_verdict_reads_every_target_step_the_judged_error_is_the_largest_error(string row)
        {
            // 0.6.1 changed the running error of 2b alone: 2a is judged at every step and 2c teaches the sequence end
            // only, so their judged error is MaxAbsError as before and their recorded curves stay. Exps 3 and 4 (one target
            // step, or a verdict of their own) do not feed the successive-correct rule; they pin the measure itself.
            var task = LstmGen.Experiments.Rows.PaperRows.Find(row)!.CreateTask();
            var random = new SeededRandom(7);
            for (var n = 0; n < 5; n++)
            {
                var sequence = task.Next(random);
                var outputs = new double[sequence.Length * sequence.OutputSize];
                for (var i = 0; i < outputs.Length; i++)
                {
                    outputs[i] = random.NextDouble();
                }

                var judgement = task.Judge(sequence, outputs);
                Assert.Equal(judgement.MaxAbsError, judgement.JudgedAbsError);
            }
        }

        [Fact]
        public void Judging_rejects_an_output_buffer_of_the_wrong_size()
        {
            var s = ThreeSteps();
            Assert.Throws<ArgumentException>(() => SequenceJudgement.AbsBelow(s, new double[2], 0.25, everyStep: false));
        }
    }
}
