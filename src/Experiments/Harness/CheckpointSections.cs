using System;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>A row-specific part of a <see cref="TrainingState"/>: writes itself into a checkpoint's payload and reads itself back.</summary>
    internal interface ICheckpointSection
    {
        void Write(CheckpointWriter writer);

        /// <exception cref="CheckpointException">The saved part does not fit this trial (its reason; the caller adds the file).</exception>
        void Read(CheckpointReader reader);
    }

    /// <summary>A section saved as one blob (a u32 length and the bytes), read back to its last byte.</summary>
    internal sealed class BlobSection(Action<CheckpointWriter> write, Action<CheckpointReader> read) : ICheckpointSection
    {
        public void Write(CheckpointWriter writer)
        {
            var section = new CheckpointWriter();
            write(section);
            writer.WriteBlob(section.WrittenSpan);
        }

        public void Read(CheckpointReader reader)
        {
            var section = new CheckpointReader(reader.ReadBlob().ToArray());
            read(section);
            section.ExpectEnd();
        }
    }

    /// <summary>
    /// A section only some trials of a row have (2a/2b's sequential construction): a flag, then the blob when present; a
    /// checkpoint and a trial that disagree on it are refused.
    /// </summary>
    internal sealed class OptionalSection(string what, BlobSection? section) : ICheckpointSection
    {
        public void Write(CheckpointWriter writer)
        {
            writer.WriteBoolean(section is not null);
            section?.Write(writer);
        }

        public void Read(CheckpointReader reader)
        {
            if (reader.ReadBoolean() != section is not null)
            {
                throw new CheckpointException("checkpoint and trial disagree on " + what);
            }

            section?.Read(reader);
        }
    }
}
