using System;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime.Checkpoints;
using Xunit;

namespace LstmGen.Experiments.Tests.Checkpoints
{
    /// <summary>Each piece of training state written and read back continues exactly like the original.</summary>
    public sealed class StateRoundTripTests
    {
        [Fact]
        public void A_restored_window_continues_exactly_like_the_original()
        {
            var original = new RecentWindow(7);
            var random = new Random(3);
            for (var i = 0; i < 19; i++)
            {
                original.Add(random.NextDouble() < 0.7, random.NextDouble() * 1e-3);
            }

            var restored = new RecentWindow(7);
            restored.ReadState(new CheckpointReader(Write(original.WriteState)));
            for (var i = 0; i < 30; i++)
            {
                Assert.Equal((original.Count, original.WrongCount, original.IsFull), (restored.Count, restored.WrongCount, restored.IsFull));
                Assert.Equal(BitConverter.DoubleToInt64Bits(original.MeanError), BitConverter.DoubleToInt64Bits(restored.MeanError));
                var correct = random.NextDouble() < 0.5;
                var error = random.NextDouble();
                original.Add(correct, error);
                restored.Add(correct, error);
            }
        }

        [Fact]
        public void A_window_of_another_capacity_is_refused()
        {
            var state = Write(new RecentWindow(2000).WriteState);
            var error = Assert.Throws<CheckpointException>(() => new RecentWindow(1000).ReadState(new CheckpointReader(state)));
            Assert.Equal("the checkpoint's stopping rule watches the 2000 most recent sequences, this one 1000", error.Message);
        }

        [Fact]
        public void The_successive_correct_rule_keeps_its_run_and_requirement()
        {
            var rule = new SuccessiveCorrectRule(5);
            var correct = new SequenceJudgement(true, 0, 0.1, 0.1, 0.1, 0.01, 0.1);
            rule.Observe(correct);
            rule.Observe(correct);
            rule.Observe(correct);
            var restored = new SuccessiveCorrectRule(5);
            restored.ReadState(new CheckpointReader(Write(rule.WriteState)));
            Assert.Equal(3, restored.Run);
            Assert.Equal(rule.CurrentError, restored.CurrentError);
            Assert.False(restored.Observe(correct));
            Assert.True(restored.Observe(correct));

            var error = Assert.Throws<CheckpointException>(() => new SuccessiveCorrectRule(10_000).ReadState(new CheckpointReader(Write(rule.WriteState))));
            Assert.Equal("the checkpoint's stopping rule wants 5 successive correct sequences, this one 10000", error.Message);
        }

        [Fact]
        public void A_restored_learning_curve_keeps_its_points_and_stride()
        {
            var original = new LearningCurve(initialStride: 1);
            for (var s = 1; s <= 1000; s++)
            {
                original.Observe(s, 1.0 / s);
            }

            var restored = new LearningCurve();
            restored.ReadState(new CheckpointReader(Write(original.WriteState)));
            for (var s = 1001; s <= 5000; s++)
            {
                original.Observe(s, 1.0 / s);
                restored.Observe(s, 1.0 / s);
            }

            Assert.Equal(original.Points, restored.Points);
        }

        [Fact]
        public void A_truncated_state_section_is_a_checkpoint_error_not_a_crash()
        {
            var state = Write(new RecentWindow(10).WriteState);
            var error = Assert.Throws<CheckpointException>(() => new RecentWindow(10).ReadState(new CheckpointReader(state.AsMemory(0, state.Length - 3))));
            Assert.StartsWith("malformed checkpoint: a field of 8 bytes", error.Message, StringComparison.Ordinal);
        }

        private static byte[] Write(Action<CheckpointWriter> write)
        {
            var writer = new CheckpointWriter();
            write(writer);
            return writer.ToArray();
        }
    }
}
