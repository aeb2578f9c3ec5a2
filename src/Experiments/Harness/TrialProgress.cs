using System.Threading;

namespace LstmGen.Experiments.Harness
{
    /// <summary>A running trial's counters, written by the trial's thread and read by the progress display.</summary>
    public sealed class TrialProgress
    {
        private long _sequences;
        private long _errorBits;
        private long _resumed;

        public TrialProgress(string row, int trial)
        {
            Row = row;
            Trial = trial;
        }

        public string Row { get; }

        public int Trial { get; }

        /// <summary>Training sequences presented so far.</summary>
        public long Sequences => Interlocked.Read(ref _sequences);

        /// <summary>Training sequences restored from a checkpoint when the trial resumed (0 for a trial started afresh).</summary>
        public long Resumed => Interlocked.Read(ref _resumed);

        /// <summary>Training sequences this process presented (<see cref="Sequences"/> without <see cref="Resumed"/>): what a rate counts.</summary>
        public long SequencesThisSession => System.Math.Max(0, Sequences - Resumed);

        /// <summary>The stopping rule's current error figure.</summary>
        public double Error => System.BitConverter.Int64BitsToDouble(Interlocked.Read(ref _errorBits));

        public void Report(long sequences, double error)
        {
            Interlocked.Exchange(ref _sequences, sequences);
            Interlocked.Exchange(ref _errorBits, System.BitConverter.DoubleToInt64Bits(error));
        }

        /// <summary>The trial resumed from a checkpoint after <paramref name="sequences"/> training sequences.</summary>
        public void Resume(long sequences, double error)
        {
            Interlocked.Exchange(ref _resumed, sequences);
            Report(sequences, error);
        }
    }
}
