using System;
using System.Globalization;
using System.IO;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>What a training checkpoint says about itself, for reports and tests.</summary>
    /// <param name="Row">The row id.</param>
    /// <param name="Trial">The trial index.</param>
    /// <param name="Seed">The trial's seed.</param>
    /// <param name="Settings">The settings that shape training, in words.</param>
    /// <param name="Sequences">Training sequences presented when it was written.</param>
    /// <param name="Success">Whether the stopping rule had been met (training over; the final test may be pending).</param>
    /// <param name="WallSeconds">The trial's wall time until then.</param>
    public sealed record TrainingCheckpointSummary(string Row, int Trial, ulong Seed, string Settings, long Sequences, bool Success, double WallSeconds);

    /// <summary>
    /// The state of a stream row's trial in the middle of training (docs/checkpoints.md, "Training checkpoints"): the
    /// weights (as an embedded weights checkpoint), the training-data generator's state, the number of sequences, the
    /// stopping rule's memory, the learning curve and the sequential construction's state. Resuming from it continues the
    /// trial bit for bit as if it had never stopped.
    /// </summary>
    public static class TrainingCheckpoint
    {
        /// <summary>The format version this build writes and reads.</summary>
        public const uint FormatVersion = 1;

        /// <summary>Training sequences between checkpoints unless <see cref="RunOptions.CheckpointEvery"/> says otherwise.</summary>
        public const long DefaultEvery = 10_000;

        /// <summary>The extension of training checkpoints.</summary>
        public const string Extension = ".ckpt";

        private const string Kind = "an LstmGen training checkpoint";

        /// <summary>The first 8 bytes of every training checkpoint.</summary>
        public static ReadOnlySpan<byte> Magic => "LSTMGENT"u8;

        /// <summary>The checkpoint file of trial <paramref name="trial"/> of row <paramref name="row"/>.</summary>
        public static string PathFor(string directory, string row, int trial) =>
            Path.Combine(directory, row + "-" + trial.ToString(CultureInfo.InvariantCulture) + Extension);

        /// <summary>Reads the identity and progress recorded in <paramref name="path"/>.</summary>
        public static TrainingCheckpointSummary ReadSummary(string path) => Read(path).Summary;

        /// <summary>Writes <paramref name="state"/> to <paramref name="path"/>, replacing the previous checkpoint atomically.</summary>
        internal static void Save(string path, StreamTrialState state, double wallSeconds)
        {
            var payload = new CheckpointWriter();
            payload.WriteString(state.Row);
            payload.WriteInt32(state.Trial);
            payload.WriteUInt64(state.Seed);
            payload.WriteString(state.Settings);
            payload.WriteInt64(state.Sequences);
            payload.WriteBoolean(state.Success);
            payload.WriteDouble(wallSeconds);
            var (s0, s1, s2, s3) = state.Random.State;
            payload.WriteUInt64(s0);
            payload.WriteUInt64(s1);
            payload.WriteUInt64(s2);
            payload.WriteUInt64(s3);
            payload.WriteBlob(Section(state.Rule.WriteState));
            payload.WriteBlob(Section(state.Curve.WriteState));
            payload.WriteBoolean(state.Construction is not null);
            if (state.Construction is { } construction)
            {
                payload.WriteBlob(Section(construction.WriteState));
            }

            payload.WriteBlob(WeightsCheckpoint.Encode(state.Network));
            AtomicFile.WriteAllBytes(path, CheckpointContainer.Seal(Magic, FormatVersion, payload.WrittenSpan));
        }

        /// <summary>
        /// Restores <paramref name="state"/> from <paramref name="path"/> when that file exists; returns whether it did.
        /// </summary>
        /// <exception cref="CheckpointException">
        /// The file is damaged, or belongs to another trial, seed, network or settings: resuming from it would mix two
        /// runs, and starting afresh would overwrite it, so the user decides.
        /// </exception>
        internal static bool TryRestore(string path, StreamTrialState state)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            var saved = Read(path);
            var summary = saved.Summary;
            if (summary.Row != state.Row || summary.Trial != state.Trial || summary.Seed != state.Seed)
            {
                throw Refuse(path, string.Create(CultureInfo.InvariantCulture,
                    $"checkpoint is for row {summary.Row}, trial {summary.Trial}, seed {summary.Seed}, not row {state.Row}, trial {state.Trial}, seed {state.Seed}"));
            }

            if (summary.Settings != state.Settings)
            {
                throw Refuse(path, "checkpoint was written with other settings (" + summary.Settings + "), not (" + state.Settings + ")");
            }

            if (saved.Construction.IsEmpty != state.Construction is null)
            {
                throw Refuse(path, "checkpoint and trial disagree on sequential construction");
            }

            try
            {
                Restore(saved.Rule, state.Rule.ReadState);
                Restore(saved.Curve, state.Curve.ReadState);
                if (state.Construction is { } construction)
                {
                    Restore(saved.Construction, construction.ReadState);
                }

                WeightsCheckpoint.Apply(state.Network, WeightsCheckpoint.Decode(saved.Weights));
            }
            catch (CheckpointException e) when (e.Path is null)
            {
                throw Refuse(path, e.Reason);
            }

            state.Random.State = saved.RandomState;
            state.Sequences = summary.Sequences;
            state.Success = summary.Success;
            state.EarlierWallSeconds = summary.WallSeconds;
            return true;
        }

        private static Saved Read(string path)
        {
            try
            {
                var reader = new CheckpointReader(CheckpointContainer.Open(File.ReadAllBytes(path), Magic, Kind, FormatVersion));
                var summary = new TrainingCheckpointSummary(
                    Row: reader.ReadString(),
                    Trial: reader.ReadInt32(),
                    Seed: reader.ReadUInt64(),
                    Settings: reader.ReadString(),
                    Sequences: reader.ReadInt64(),
                    Success: reader.ReadBoolean(),
                    WallSeconds: reader.ReadDouble());
                var random = (reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
                var rule = reader.ReadBlob().ToArray();
                var curve = reader.ReadBlob().ToArray();
                var construction = reader.ReadBoolean() ? reader.ReadBlob().ToArray() : Array.Empty<byte>();
                var weights = reader.ReadBlob().ToArray();
                reader.ExpectEnd();
                return new Saved(summary, random, rule, curve, construction, weights);
            }
            catch (CheckpointException e) when (e.Path is null)
            {
                throw Refuse(path, e.Reason);
            }
        }

        private static byte[] Section(Action<CheckpointWriter> write)
        {
            var writer = new CheckpointWriter();
            write(writer);
            return writer.ToArray();
        }

        private static void Restore(ReadOnlyMemory<byte> section, Action<CheckpointReader> read)
        {
            var reader = new CheckpointReader(section);
            read(reader);
            reader.ExpectEnd();
        }

        private static CheckpointException Refuse(string path, string reason) =>
            new(reason + "; delete the file to start this trial afresh, or use another checkpoint directory", path);

        private sealed record Saved(
            TrainingCheckpointSummary Summary,
            (ulong, ulong, ulong, ulong) RandomState,
            ReadOnlyMemory<byte> Rule,
            ReadOnlyMemory<byte> Curve,
            ReadOnlyMemory<byte> Construction,
            ReadOnlyMemory<byte> Weights);
    }
}
