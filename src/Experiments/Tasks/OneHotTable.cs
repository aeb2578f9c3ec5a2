using System;
using System.Collections.Concurrent;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// The n-by-n identity matrix, row-major: row i is the one-hot code of symbol i. One shared, read-only table per
    /// alphabet size, so one-hot sequences (<see cref="Sequence"/>) hand out its rows instead of storing their own.
    /// </summary>
    internal static class OneHotTable
    {
        // Read without a lock: every sequence of every trial asks for its tables (two per sequence), from every thread.
        private static readonly ConcurrentDictionary<int, double[]> Tables = new();

        /// <summary>The table for <paramref name="size"/> symbols (created on first use; never written afterwards).</summary>
        public static double[] Of(int size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
            return Tables.TryGetValue(size, out var table) ? table : Tables.GetOrAdd(size, Create);
        }

        private static double[] Create(int size)
        {
            var table = new double[size * size];
            for (var i = 0; i < size; i++)
            {
                table[(i * size) + i] = 1.0;
            }

            return table;
        }
    }
}
