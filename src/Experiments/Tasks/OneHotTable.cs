using System.Collections.Generic;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// The n-by-n identity matrix, row-major: row i is the one-hot code of symbol i. One shared, read-only table per
    /// alphabet size, so one-hot sequences (<see cref="Sequence"/>) hand out its rows instead of storing their own.
    /// </summary>
    internal static class OneHotTable
    {
        private static readonly Dictionary<int, double[]> Tables = new();

        /// <summary>The table for <paramref name="size"/> symbols (created on first use; never written afterwards).</summary>
        public static double[] Of(int size)
        {
            System.ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
            lock (Tables)
            {
                if (!Tables.TryGetValue(size, out var table))
                {
                    table = new double[size * size];
                    for (var i = 0; i < size; i++)
                    {
                        table[(i * size) + i] = 1.0;
                    }

                    Tables.Add(size, table);
                }

                return table;
            }
        }
    }
}
