using System;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// When a trial writes its training checkpoint (<see cref="RunOptions.CheckpointDirectory"/>), the same for every row
    /// that keeps one: after every <see cref="RunOptions.CheckpointEvery"/>-th training sequence (once the row has done
    /// what belongs to that sequence, e.g. Exp 3's test of ST1/ST2), and once more when training ends, whether the rule
    /// was met or the cap reached, so that a crash in the final test does not cost the training and a later run with a
    /// higher cap continues from there. Without a checkpoint directory it does nothing.
    /// </summary>
    internal sealed class TrainingCheckpointSchedule
    {
        private readonly string? _path;
        private readonly long _every;
        private readonly TrialClock _clock;
        private long _saved;

        /// <param name="clock">The trial's clock: the wall time a checkpoint records is that of earlier sessions plus this one's.</param>
        public TrainingCheckpointSchedule(RunOptions options, string row, int trial, TrialClock clock)
        {
            ArgumentNullException.ThrowIfNull(options);
            _path = options.CheckpointDirectory is { } directory ? TrainingCheckpoint.PathFor(directory, row, trial) : null;
            _every = options.CheckpointEvery ?? TrainingCheckpoint.DefaultEvery;
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_every, nameof(options.CheckpointEvery));
            _clock = clock;
        }

        /// <summary>
        /// Restores <paramref name="state"/> from the trial's checkpoint if there is one (after removing what a crashed
        /// write left behind: the trial is the only writer of its checkpoint); returns whether it did.
        /// </summary>
        /// <exception cref="CheckpointException">The checkpoint is damaged or belongs to another trial or other settings.</exception>
        public bool Restore(TrainingState state)
        {
            ArgumentNullException.ThrowIfNull(state);
            if (_path is null)
            {
                return false;
            }

            AtomicFile.DeleteTemporaries(_path);
            var restored = TrainingCheckpoint.TryRestore(_path, state);
            _saved = state.Sequences;
            return restored;
        }

        /// <summary>After a training sequence (and whatever the row does after it): saves every <c>CheckpointEvery</c> sequences.</summary>
        public void AfterSequence(TrainingState state)
        {
            if (_path is not null && state.Sequences % _every == 0)
            {
                Save(state);
            }
        }

        /// <summary>Once training is over: saves unless the last checkpoint already holds this point.</summary>
        public void AtEnd(TrainingState state)
        {
            if (_path is not null && _saved != state.Sequences)
            {
                Save(state);
            }
        }

        private void Save(TrainingState state)
        {
            TrainingCheckpoint.Save(_path!, state, state.EarlierWallSeconds + _clock.Seconds);
            _saved = state.Sequences;
        }
    }
}
