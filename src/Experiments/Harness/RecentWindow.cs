using System;
using System.Globalization;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The outcomes of the most recent training sequences (2000 in ST3 and in Exp 5's rule): how many were wrong and the
    /// mean error, updated in O(1) per sequence.
    /// </summary>
    public sealed class RecentWindow
    {
        private readonly bool[] _correct;
        private readonly double[] _error;
        private int _next;
        private double _errorSum;

        public RecentWindow(int capacity)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
            _correct = new bool[capacity];
            _error = new double[capacity];
        }

        public int Capacity => _correct.Length;

        /// <summary>Number of outcomes held (at most <see cref="Capacity"/>).</summary>
        public int Count { get; private set; }

        public bool IsFull => Count == Capacity;

        /// <summary>Number of held outcomes judged wrong.</summary>
        public int WrongCount { get; private set; }

        /// <summary>Mean of the held errors (0 when empty).</summary>
        public double MeanError => Count == 0 ? 0.0 : _errorSum / Count;

        public void Add(bool correct, double error)
        {
            if (Count == Capacity)
            {
                if (!_correct[_next])
                {
                    WrongCount--;
                }

                _errorSum -= _error[_next];
            }
            else
            {
                Count++;
            }

            _correct[_next] = correct;
            _error[_next] = error;
            if (!correct)
            {
                WrongCount++;
            }

            _errorSum += error;
            _next = (_next + 1) % Capacity;

            // Recompute the sum now and then so that rounding in the running sum cannot drift over millions of sequences.
            if (_next == 0)
            {
                _errorSum = 0.0;
                for (var i = 0; i < Count; i++)
                {
                    _errorSum += _error[i];
                }
            }
        }

        public void Clear()
        {
            Array.Clear(_correct);
            Array.Clear(_error);
            _next = 0;
            _errorSum = 0.0;
            Count = 0;
            WrongCount = 0;
        }

        /// <summary>Writes the window's whole state, the running sum's exact bits included, for a checkpoint.</summary>
        public void WriteState(CheckpointWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteInt32(Capacity);
            writer.WriteInt32(Count);
            writer.WriteInt32(_next);
            writer.WriteInt32(WrongCount);
            writer.WriteDouble(_errorSum);
            foreach (var correct in _correct)
            {
                writer.WriteBoolean(correct);
            }

            writer.WriteDoubles(_error);
        }

        /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
        /// <exception cref="CheckpointException">The state is of a window of another capacity, or inconsistent.</exception>
        public void ReadState(CheckpointReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var capacity = reader.ReadInt32();
            if (capacity != Capacity)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"the checkpoint's stopping rule watches the {capacity} most recent sequences, this one {Capacity}"));
            }

            var count = reader.ReadCount("the window's count", Capacity);
            var next = reader.ReadCount("the window's next slot", Capacity - 1);
            var wrong = reader.ReadCount("the window's wrong count", count);
            var errorSum = reader.ReadDouble();
            var wrongHeld = 0;
            for (var i = 0; i < Capacity; i++)
            {
                _correct[i] = reader.ReadBoolean();
                if (i < count && !_correct[i])
                {
                    wrongHeld++;
                }
            }

            reader.ReadDoubles(_error);
            if (wrongHeld != wrong)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"malformed checkpoint: the window says {wrong} wrong sequences but holds {wrongHeld}"));
            }

            Count = count;
            _next = next;
            WrongCount = wrong;
            _errorSum = errorSum;
        }
    }
}
