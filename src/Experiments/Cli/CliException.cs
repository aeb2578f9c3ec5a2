using System;

namespace LstmGen.Experiments.Cli
{
    /// <summary>A failure a command reports to its user: one readable line and an exit code (<see cref="ExitCodes"/>).</summary>
    public sealed class CliException : Exception
    {
        public CliException(int exitCode, string message)
            : base(message)
        {
            ExitCode = exitCode;
        }

        public CliException(int exitCode, string message, Exception inner)
            : base(message, inner)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }

        /// <summary>A usage error (exit code 2): a bad argument or an unknown network.</summary>
        public static CliException Usage(string message) => new CliException(ExitCodes.UsageError, message);
    }
}
