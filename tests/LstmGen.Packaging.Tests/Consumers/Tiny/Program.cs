using System;
using System.Globalization;
using LstmGen.Reference;
using LstmGen.Runtime;

namespace Acme.Forecasting
{
    /// <summary>
    /// Trains the generated <see cref="TinyNetwork"/> on a memory task (a bit, two quiet steps, then answer 0.8 for
    /// a 1 and 0.2 for a 0) next to the reference interpreter (LstmGen.Reference) built from the same spec text, and prints
    /// what the packaging test checks.
    /// </summary>
    public static class Program
    {
        public static int Main()
        {
            var network = new TinyNetwork();
            ILstmNetwork reference = ReferenceNetwork.FromYaml(TinyNetwork.SpecFile, TinyNetwork.Spec);
            network.InitializeWeights(seed: 7);
            reference.InitializeWeights(seed: 7);
            Console.WriteLine("type: " + typeof(TinyNetwork).FullName);
            Console.WriteLine(Invariant($"WeightCount: {((ILstmNetwork)network).WeightCount}"));

            var before = MeanSquaredError(network);
            var largestDifference = 0.0;
            for (var n = 0; n < 3000; n++)
            {
                var generated = RunSequence(network, n % 2, train: true);
                var interpreted = RunSequence(reference, n % 2, train: true);
                largestDifference = Math.Max(largestDifference, Math.Abs(generated - interpreted));
            }

            Console.WriteLine(Invariant($"mse before: {before:R}"));
            Console.WriteLine(Invariant($"mse after: {MeanSquaredError(network):R}"));
            Console.WriteLine(Invariant($"largest difference to the reference: {largestDifference:R}"));
            return 0;
        }

        /// <summary>One sequence (bit, 0), (0, 0), (0, 1) with its target on the last step. Returns the last output.</summary>
        private static double RunSequence(ILstmNetwork network, int bit, bool train)
        {
            var output = new double[1];
            var target = new[] { bit == 1 ? 0.8 : 0.2 };
            network.Reset();
            Step(network, new double[] { bit, 0.0 }, Array.Empty<double>(), output, train);
            Step(network, new double[] { 0.0, 0.0 }, Array.Empty<double>(), output, train);
            Step(network, new double[] { 0.0, 1.0 }, target, output, train);
            if (train)
            {
                network.EndSequence();
            }

            return output[0];
        }

        private static void Step(ILstmNetwork network, double[] input, double[] target, double[] output, bool train)
        {
            if (train)
            {
                network.TrainStep(input, target, output);
            }
            else
            {
                network.Step(input, output);
            }
        }

        private static double MeanSquaredError(ILstmNetwork network)
        {
            var e0 = RunSequence(network, 0, train: false) - 0.2;
            var e1 = RunSequence(network, 1, train: false) - 0.8;
            return ((e0 * e0) + (e1 * e1)) / 2.0;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
