using System.Diagnostics;

namespace LstmGen.Experiments.Harness
{
    /// <summary>What <see cref="SequenceRunner.Drive"/> measures when asked: sequences, steps, and the time in the network and in judging.</summary>
    public sealed class SequenceTimes
    {
        private long _network;
        private long _judging;

        public long Sequences { get; private set; }

        public long Steps { get; private set; }

        /// <summary>Time in the network: resets, steps, sequence ends.</summary>
        public double NetworkSeconds => (double)_network / Stopwatch.Frequency;

        /// <summary>Time in the task's judge and the check for NaN.</summary>
        public double JudgingSeconds => (double)_judging / Stopwatch.Frequency;

        internal void Add(int steps, long network, long judging)
        {
            Sequences++;
            Steps += steps;
            _network += network;
            _judging += judging;
        }
    }
}
