using System;
using System.Globalization;

namespace LstmGen.Experiments.Describing
{
    /// <summary>A number to be written as JSON is NaN or infinite, which JSON cannot hold: the run that made it diverged.</summary>
    public sealed class NonFiniteValueException : Exception
    {
        public NonFiniteValueException(double value)
            : base("a value is " + value.ToString(CultureInfo.InvariantCulture) + "; JSON cannot hold it (did the run diverge?)")
        {
            Value = value;
        }

        /// <summary>The value: NaN, +∞ or −∞.</summary>
        public double Value { get; }
    }
}
