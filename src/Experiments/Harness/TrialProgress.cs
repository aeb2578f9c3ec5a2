using System.Threading;

namespace LstmGen.Experiments.Harness
{
    /// <summary>A running trial's counters, written by the trial's thread and read by the progress display.</summary>
    public sealed class TrialProgress
    {
        private long _sequences;
        private long _errorBits;

        public TrialProgress(string row, int trial)
        {
            Row = row;
            Trial = trial;
        }

        public string Row { get; }

        public int Trial { get; }

        /// <summary>Training sequences presented so far.</summary>
        public long Sequences => Interlocked.Read(ref _sequences);

        /// <summary>The stopping rule's current error figure.</summary>
        public double Error => System.BitConverter.Int64BitsToDouble(Interlocked.Read(ref _errorBits));

        public void Report(long sequences, double error)
        {
            Interlocked.Exchange(ref _sequences, sequences);
            Interlocked.Exchange(ref _errorBits, System.BitConverter.DoubleToInt64Bits(error));
        }
    }
}
