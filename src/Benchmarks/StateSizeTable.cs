using System.Globalization;
using System.IO;
using LstmGen.Benchmarks.Networks;
using LstmGen.Experiments.Describing;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// The table printed before the benchmarks run: the state one instance of each paper network holds, in values and in
    /// bytes for double and for float (<see cref="StateSizes"/>). It is not timed, so it is not a benchmark.
    /// </summary>
    internal static class StateSizeTable
    {
        public static void Write(TextWriter writer)
        {
            var table = new TextTable(
                "network", ">weights", ">pending", ">traces", ">activations", ">scratch", ">values", ">bytes (double)", ">bytes (float)");
            foreach (var network in PaperNetworks.All)
            {
                var size = StateSizes.Of(network.Name);
                var single = StateSizes.Of(network.Name + BenchmarkNetworks.FloatSuffix);
                table.Add(
                    network.Name,
                    N(size.Weights),
                    N(size.PendingUpdates),
                    N(size.Traces),
                    N(size.Activations),
                    N(size.Scratch),
                    N(size.Values),
                    N(size.Bytes),
                    N(single.Bytes));
            }

            writer.WriteLine("State per network instance (values; lstmgen explain counts them the same way):");
            table.WriteTo(writer, "  ");
            writer.WriteLine();
        }

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
