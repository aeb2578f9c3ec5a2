namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// The exit codes of <c>lstmgen</c>. Every failure prints one line <c>lstmgen: error: ...</c> on stderr
    /// (a spec error prints the spec's diagnostics in the compiler's format instead) and never a stack trace.
    /// </summary>
    public static class ExitCodes
    {
        /// <summary>0: the command did what it was asked.</summary>
        public const int Ok = 0;

        /// <summary>1: the run itself failed (a numerical problem, an unexpected exception).</summary>
        public const int RunFailure = 1;

        /// <summary>2: usage error: unknown command or option, bad argument value, unknown network name.</summary>
        public const int UsageError = 2;

        /// <summary>
        /// 3: the spec or the row file has errors (diagnostics LSTM0001-LSTM0015 printed as <c>file(line,col): error
        /// LSTMxxxx: ...</c>, one per line).
        /// </summary>
        public const int SpecError = 3;

        /// <summary>4: a file could not be read or written.</summary>
        public const int IoError = 4;

        /// <summary>130: interrupted (Ctrl+C); finished trials are saved and a rerun resumes.</summary>
        public const int Interrupted = 130;
    }
}
