using System;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A summary was asked to stand on trials that do not belong together: run under different caps or settings, or (in a
    /// results folder a report reads) of different base seeds or of versions that compute different results.
    /// </summary>
    public sealed class MixedTrialsException : Exception
    {
        public MixedTrialsException(string message)
            : base(message)
        {
        }
    }
}
