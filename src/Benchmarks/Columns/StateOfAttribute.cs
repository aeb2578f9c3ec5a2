using System;

namespace LstmGen.Benchmarks.Columns
{
    /// <summary>
    /// Marks a benchmark method that runs a generated network instance: the benchmark's <c>Network</c> parameter plus
    /// <see cref="Suffix"/> names it, and <see cref="StateSizeColumn"/> shows that instance's state size. Methods without
    /// it (the reference interpreter) show none.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class StateOfAttribute : Attribute
    {
        public StateOfAttribute(string suffix)
        {
            Suffix = suffix;
        }

        /// <summary>Appended to the <c>Network</c> parameter: "" for the network itself, "Float" for its float copy.</summary>
        public string Suffix { get; }
    }
}
