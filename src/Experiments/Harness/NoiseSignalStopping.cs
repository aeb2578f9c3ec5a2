using System.Globalization;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Exp 3's stopping rules (§5.3), tested on the fixed stopping set of 256 sequences every few thousand training
    /// sequences (<see cref="NoiseSignalRow"/>): ST1, at most a given number of them misclassified; ST2, ST1 and the mean
    /// absolute test error below a bound. What it remembers between tests (when ST1 was first met, the tests so far) is
    /// part of a trial's training checkpoint.
    /// </summary>
    internal sealed class NoiseSignalStopping
    {
        private readonly int _st1MaxWrong;
        private readonly double _st2MeanError;

        /// <param name="st1MaxWrong">ST1: the most of the stopping set's sequences that may be misclassified.</param>
        /// <param name="st2MeanError">ST2: the mean absolute test error must be below this.</param>
        public NoiseSignalStopping(int st1MaxWrong, double st2MeanError)
        {
            _st1MaxWrong = st1MaxWrong;
            _st2MeanError = st2MeanError;
        }

        /// <summary>Training sequences after which ST1 was first met; −1 while it has not been.</summary>
        public long St1Sequences { get; private set; } = -1;

        /// <summary>Tests of the stopping set so far.</summary>
        public long Tests { get; private set; }

        /// <summary>
        /// Records the test after <paramref name="sequences"/> training sequences: <paramref name="wrong"/> of the stopping set
        /// misclassified, <paramref name="meanError"/> the mean absolute error (3c: against the noise-free targets).
        /// Returns whether ST2 is met (training is over).
        /// </summary>
        public bool Test(long sequences, int wrong, double meanError)
        {
            Tests++;
            var st1 = wrong <= _st1MaxWrong;
            if (st1 && St1Sequences < 0)
            {
                St1Sequences = sequences;
            }

            return st1 && meanError < _st2MeanError;
        }

        /// <summary>Writes the state: ST1's sequences (i64, −1: not yet), the tests so far (i64).</summary>
        public void WriteState(CheckpointWriter writer)
        {
            writer.WriteInt64(St1Sequences);
            writer.WriteInt64(Tests);
        }

        /// <summary>Reads what <see cref="WriteState"/> wrote.</summary>
        /// <exception cref="CheckpointException">The values cannot be a trial's.</exception>
        public void ReadState(CheckpointReader reader)
        {
            var st1 = reader.ReadInt64();
            var tests = reader.ReadInt64();
            if (st1 < -1 || tests < 0)
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"the file is corrupted: ST1 after {st1} sequences, {tests} tests"));
            }

            St1Sequences = st1;
            Tests = tests;
        }
    }
}
