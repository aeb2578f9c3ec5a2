using System;
using System.Collections.Generic;
using System.Globalization;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// The values of a task's or a stopping rule's parameters in one row, every declared parameter present (the row's
    /// value or the default): ints, doubles and strings by key.
    /// </summary>
    public sealed class ParameterValues
    {
        private readonly Dictionary<string, object> _values;

        public ParameterValues(IReadOnlyDictionary<string, object> values)
        {
            _values = new Dictionary<string, object>(values, StringComparer.Ordinal);
        }

        /// <summary>Every parameter with its value.</summary>
        public IReadOnlyDictionary<string, object> All => _values;

        public int Integer(string key) => (int)Get(key);

        public double Number(string key) => (double)Get(key);

        public string Choice(string key) => (string)Get(key);

        /// <summary>The value as a row file writes it (numbers round-trip).</summary>
        public string Text(string key) => Get(key) switch
        {
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            int integer => integer.ToString(CultureInfo.InvariantCulture),
            var other => other.ToString() ?? string.Empty,
        };

        private object Get(string key) =>
            _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("No parameter '" + key + "'.");
    }
}
