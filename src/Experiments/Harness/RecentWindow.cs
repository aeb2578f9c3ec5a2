using System;

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
    }
}
