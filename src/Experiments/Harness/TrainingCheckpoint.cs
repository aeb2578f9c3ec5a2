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
    /// The state of a trial in the middle of training (docs/checkpoints.md, "Training checkpoints"): its identity and
    /// settings, the number of sequences, the training-data generator's state, the row's own sections
    /// (<see cref="TrainingState.Sections"/>: a stream row's stopping rule, learning curve and sequential construction;
    /// Exp 3's ST1/ST2 state, learning curve and test bookkeeping) and the weights (as an embedded weights checkpoint).
    /// Resuming from it continues the trial bit for bit as if it had never stopped.
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
        public static TrainingCheckpointSummary ReadSummary(string path) => Open(path).Summary;

        /// <summary>Writes <paramref name="state"/> to <paramref name="path"/>, replacing the previous checkpoint atomically.</summary>
        internal static void Save(string path, TrainingState state, double wallSeconds)
        {
            var payload = new CheckpointWriter();
            payload.WriteString(state.Row);
            payload.WriteInt32(state.Trial);
            payload.WriteUInt64(state.Seed);
            payload.WriteString(state.Settings);
            payload.WriteInt64(state.Sequences);
            payload.WriteBoolean(state.Success);
            payload.WriteDouble(wallSeconds);
            WriteRandomState(payload, state.Random.State);
            foreach (var section in state.Sections)
            {
                section.Write(payload);
            }

            payload.WriteBlob(WeightsCheckpoint.Encode(state.Network));
            AtomicFile.WriteAllBytes(path, CheckpointContainer.Seal(Magic, FormatVersion, payload.WrittenSpan));
        }

        /// <summary>
        /// Restores <paramref name="state"/> from <paramref name="path"/> when that file exists; returns whether it did.
        /// </summary>
        /// <exception cref="CheckpointException">
        /// The file is damaged, or belongs to another row, trial, seed, network or settings: resuming from it would mix two
        /// runs, and starting afresh would overwrite it, so the user decides.
        /// </exception>
        internal static bool TryRestore(string path, TrainingState state)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            var (summary, random, reader) = Open(path);
            if (summary.Row != state.Row || summary.Trial != state.Trial || summary.Seed != state.Seed)
            {
                throw Refuse(path, string.Create(CultureInfo.InvariantCulture,
                    $"checkpoint is for row {summary.Row}, trial {summary.Trial}, seed {summary.Seed}, not row {state.Row}, trial {state.Trial}, seed {state.Seed}"));
            }

            if (summary.Settings != state.Settings)
            {
                throw Refuse(path, "checkpoint was written with other settings (" + summary.Settings + "), not (" + state.Settings + ")");
            }

            try
            {
                // The row's sections restore their own objects (the trial's, nobody else's); the network is touched
                // last, once the whole payload has been read.
                foreach (var section in state.Sections)
                {
                    section.Read(reader);
                }

                var weights = reader.ReadBlob().ToArray();
                reader.ExpectEnd();
                WeightsCheckpoint.Apply(state.Network, WeightsCheckpoint.Decode(weights));
            }
            catch (CheckpointException e) when (e.Path is null)
            {
                throw Refuse(path, e.Reason);
            }

            state.Random.State = random;
            state.Sequences = summary.Sequences;
            state.Success = summary.Success;
            state.EarlierWallSeconds = summary.WallSeconds;
            return true;
        }

        /// <summary>Writes a <see cref="SeededRandom"/>'s state: 4 × u64 (xoshiro256** s0..s3).</summary>
        internal static void WriteRandomState(CheckpointWriter writer, (ulong S0, ulong S1, ulong S2, ulong S3) state)
        {
            writer.WriteUInt64(state.S0);
            writer.WriteUInt64(state.S1);
            writer.WriteUInt64(state.S2);
            writer.WriteUInt64(state.S3);
        }

        /// <summary>Reads what <see cref="WriteRandomState"/> wrote.</summary>
        internal static (ulong S0, ulong S1, ulong S2, ulong S3) ReadRandomState(CheckpointReader reader) =>
            (reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());

        /// <summary>The checkpoint's envelope checked and its common part read: identity, progress and the training
        /// stream's state; the reader stands at the row's sections.</summary>
        private static (TrainingCheckpointSummary Summary, (ulong, ulong, ulong, ulong) Random, CheckpointReader Sections) Open(string path)
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
                return (summary, ReadRandomState(reader), reader);
            }
            catch (CheckpointException e) when (e.Path is null)
            {
                throw Refuse(path, e.Reason);
            }
        }

        private static CheckpointException Refuse(string path, string reason) =>
            new(reason + "; delete the file to start this trial afresh, or use another checkpoint directory", path);
    }
}
