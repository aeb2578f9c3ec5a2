using System;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>Bad sweep input (an unknown key, a value of the wrong type, a grid too large): one line, before anything runs.</summary>
    public sealed class SweepException : Exception
    {
        public SweepException(string message)
            : base(message)
        {
        }

        public SweepException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public SweepException()
        {
        }
    }
}
