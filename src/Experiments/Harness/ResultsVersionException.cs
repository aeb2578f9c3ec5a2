using System;

namespace LstmGen.Experiments.Harness
{
    /// <summary>A results file holds trials of the row that another LstmGen version ran; resuming would mix the two.</summary>
    public sealed class ResultsVersionException : Exception
    {
        public ResultsVersionException(string message)
            : base(message)
        {
        }
    }
}
