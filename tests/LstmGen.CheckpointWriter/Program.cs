using System;
using System.Diagnostics;
using System.Globalization;
using LstmGen.Runtime;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.CheckpointWriterProcess
{
    /// <summary>
    /// <c>LstmGen.CheckpointWriter {path} {network} {seconds}</c>: saves generation g = 1, 2, … of the network's weights
    /// (weight i = g + i / 1024, exact in float and double) to the path, printing g after each save is complete, until
    /// killed or for at most the given seconds (a guard against a test that dies without killing it).
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: LstmGen.CheckpointWriter <path> <network> <seconds>");
                return 2;
            }

            var network = (PaperNetworks.Find(args[1]) ?? throw new ArgumentException("No network named " + args[1])).Create();
            var limit = TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture));
            var weights = new double[network.WeightCount];
            var watch = Stopwatch.StartNew();
            for (var generation = 1L; watch.Elapsed < limit; generation++)
            {
                Fill(weights, generation);
                network.SetWeights(weights);
                WeightsCheckpoint.Save(network, args[0]);
                Console.Out.WriteLine(generation.ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
            }

            return 0;
        }

        /// <summary>The weights of a generation (the tests check a loaded file against this).</summary>
        public static void Fill(Span<double> weights, long generation)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = generation + (i / 1024.0);
            }
        }
    }
}
