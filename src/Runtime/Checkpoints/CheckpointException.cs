using System;

namespace LstmGen.Runtime.Checkpoints
{
    /// <summary>
    /// A checkpoint cannot be used: it is corrupted, truncated, of another format version, or for another network.
    /// <see cref="Exception.Message"/> says which, with the figures involved, and names the file when there is one.
    /// </summary>
    public sealed class CheckpointException : Exception
    {
        public CheckpointException()
            : this("the checkpoint cannot be used")
        {
        }

        public CheckpointException(string message)
            : this(message, path: null)
        {
        }

        public CheckpointException(string message, Exception innerException)
            : base(message, innerException)
        {
            Reason = message;
        }

        public CheckpointException(string reason, string? path)
            : base(path is null ? reason : path + ": " + reason)
        {
            Reason = reason;
            Path = path;
        }

        /// <summary>What is wrong, without the file name.</summary>
        public string Reason { get; }

        /// <summary>The checkpoint file, when the checkpoint came from one.</summary>
        public string? Path { get; }

        /// <summary>The same reason, attributed to <paramref name="path"/>.</summary>
        public CheckpointException WithPath(string path) => new(Reason, path);
    }
}
