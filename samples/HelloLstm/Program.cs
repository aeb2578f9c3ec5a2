using System;
using System.Globalization;

namespace HelloLstm
{
    /// <summary>
    /// Trains the generated <see cref="HelloNetwork"/> on a tiny memory task: the first step shows a bit, two quiet
    /// steps follow, and at the last step the network must answer 0.8 for a 1 and 0.2 for a 0.
    /// </summary>
    public static class Program
    {
        private const int Sequences = 3000;

        public static int Main()
        {
            var network = new HelloNetwork();
            network.InitializeWeights(seed: 7);
            Console.WriteLine(Invariant($"{network.Name}: {HelloNetwork.InputCount} inputs, {HelloNetwork.OutputCount} output, {HelloNetwork.CellCount} cells, {HelloNetwork.WeightCount} weights"));

            var before = MeanSquaredError(network);
            for (var n = 0; n < Sequences; n++)
            {
                RunSequence(network, bit: n % 2, train: true);
            }

            var after = MeanSquaredError(network);
            Console.WriteLine(Invariant($"mse before: {before:F6}"));
            Console.WriteLine(Invariant($"mse after: {after:F6}"));
            Console.WriteLine(Invariant($"recall 0 -> {RunSequence(network, 0, train: false):F3}"));
            Console.WriteLine(Invariant($"recall 1 -> {RunSequence(network, 1, train: false):F3}"));
            return after < before ? 0 : 1;
        }

        /// <summary>One sequence: (bit, 0), (0, 0), (0, 1) with the target on the last step only. Returns the last output.</summary>
        private static double RunSequence(HelloNetwork network, int bit, bool train)
        {
            Span<double> output = stackalloc double[HelloNetwork.OutputCount];
            ReadOnlySpan<double> noTarget = ReadOnlySpan<double>.Empty;
            ReadOnlySpan<double> target = stackalloc double[] { bit == 1 ? 0.8 : 0.2 };
            network.Reset();
            Step(network, stackalloc double[] { bit, 0.0 }, noTarget, output, train);
            Step(network, stackalloc double[] { 0.0, 0.0 }, noTarget, output, train);
            Step(network, stackalloc double[] { 0.0, 1.0 }, target, output, train);
            if (train)
            {
                network.EndSequence();
            }

            return output[0];
        }

        private static void Step(HelloNetwork network, ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output, bool train)
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

        private static double MeanSquaredError(HelloNetwork network)
        {
            var e0 = RunSequence(network, 0, train: false) - 0.2;
            var e1 = RunSequence(network, 1, train: false) - 0.8;
            return ((e0 * e0) + (e1 * e1)) / 2.0;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
