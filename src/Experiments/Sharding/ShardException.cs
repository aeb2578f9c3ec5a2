using System;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>
    /// Shard folders that do not belong together, or a folder that is not what a shard run expects (another plan, another
    /// version's results, conflicting trials). The message is one line that says what to do; the CLI reports it as a
    /// usage error.
    /// </summary>
    public sealed class ShardException : Exception
    {
        public ShardException(string message)
            : base(message)
        {
        }

        public ShardException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public ShardException()
        {
        }
    }
}
