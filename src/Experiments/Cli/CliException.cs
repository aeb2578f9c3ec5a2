using System;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// A failure a command reports to its user: one readable line and an exit code (<see cref="ExitCodes"/>). Only the
    /// commands (Cli/) throw it; the layers below throw exceptions of their own (e.g. Describing's
    /// <c>UnknownNetworkException</c>, Harness's <c>NumericalException</c>), which Program.Run and the commands map to exit
    /// codes. tests/LstmGen.Architecture.Tests holds the rule.
    /// </summary>
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

        /// <summary>A usage error (exit code 2): a bad argument or option value.</summary>
        public static CliException Usage(string message) => new CliException(ExitCodes.UsageError, message);
    }
}
