using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>What a <see cref="VerdictTape"/> does with the verdicts a trial reads back.</summary>
    public enum TapeMode
    {
        /// <summary>Keeps each verdict (a run on the real network).</summary>
        Record,

        /// <summary>Checks each verdict against the one kept: the same trials on the real network give the same verdicts.</summary>
        Check,

        /// <summary>Hands the trial the verdict kept in place of the one its driver gave (a run on a <see cref="SilentNetwork"/>).</summary>
        Replay,
    }

    /// <summary>
    /// The verdicts the trials of one workload read back, sequence by sequence, kept from a run on the real network. A
    /// trial decides everything from its verdicts (when to test, when to stop, 2a's next cell): given the kept ones, a
    /// trial on a network that does nothing asks for exactly the sequences it asked for on the real network, so the two
    /// runs do the same work outside the network (<see cref="TaskShareBenchmark"/>).
    /// </summary>
    public sealed class VerdictTape
    {
        private readonly Dictionary<int, List<SequenceJudgement>> _verdicts = new();
        private readonly Dictionary<int, int> _read = new();

        /// <summary>Sequences presented in the current pass (<see cref="Begin"/>).</summary>
        public long Sequences { get; private set; }

        /// <summary>Time steps presented in the current pass: trial-steps, training and test sequences alike.</summary>
        public long Steps { get; private set; }

        /// <summary>Starts a pass: counts from zero, reads the kept verdicts from the first.</summary>
        public void Begin()
        {
            Sequences = 0;
            Steps = 0;
            _read.Clear();
        }

        /// <summary>Checks, after a pass that checked or replayed, that every trial read back exactly the verdicts kept.</summary>
        /// <exception cref="InvalidOperationException">A trial asked for fewer sequences than in the recorded run.</exception>
        public void End()
        {
            foreach (var (trial, verdicts) in _verdicts)
            {
                if (_read.TryGetValue(trial, out var read) && read != verdicts.Count)
                {
                    throw Diverged(trial, read);
                }
            }
        }

        /// <summary>Trial <paramref name="trial"/>'s work, its verdicts recorded, checked or replayed (<paramref name="mode"/>).</summary>
        public IEnumerator<SequenceWork> Wrap(int trial, IEnumerator<SequenceWork> work, TapeMode mode)
        {
            ArgumentNullException.ThrowIfNull(work);
            if (mode == TapeMode.Record)
            {
                _verdicts[trial] = new List<SequenceJudgement>();
            }
            else if (!_verdicts.ContainsKey(trial))
            {
                throw new InvalidOperationException("No verdicts were recorded for trial " + trial.ToString(CultureInfo.InvariantCulture) + ".");
            }

            _read[trial] = 0;
            return new TapedWork(this, trial, work, mode);
        }

        private void Verdict(int trial, SequenceWork work, TapeMode mode)
        {
            var verdicts = _verdicts[trial];
            if (mode == TapeMode.Record)
            {
                verdicts.Add(work.Judgement);
                return;
            }

            var read = _read[trial];
            if (read == verdicts.Count || (mode == TapeMode.Check && work.Judgement != verdicts[read]))
            {
                throw Diverged(trial, read);
            }

            if (mode == TapeMode.Replay)
            {
                work.Judgement = verdicts[read];
            }

            _read[trial] = read + 1;
        }

        private void Count(SequenceWork work)
        {
            Sequences++;
            Steps += work.Sequence.Length;
        }

        private static InvalidOperationException Diverged(int trial, int sequence) =>
            new(string.Create(CultureInfo.InvariantCulture, $"Trial {trial} left the recorded run at its sequence {sequence + 1}: the workload is not deterministic."));

        /// <summary>A trial's work: before the trial resumes, the verdict on the sequence just presented goes through the tape.</summary>
        private sealed class TapedWork(VerdictTape tape, int trial, IEnumerator<SequenceWork> work, TapeMode mode) : IEnumerator<SequenceWork>
        {
            private bool _presented;

            public SequenceWork Current => work.Current;

            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_presented)
                {
                    tape.Verdict(trial, work.Current, mode);
                }

                _presented = work.MoveNext();
                if (_presented)
                {
                    tape.Count(work.Current);
                }

                return _presented;
            }

            public void Reset() => throw new NotSupportedException();

            public void Dispose() => work.Dispose();
        }
    }
}
