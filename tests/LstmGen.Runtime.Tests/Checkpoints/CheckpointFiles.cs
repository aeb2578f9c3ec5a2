using System;
using System.IO;
using LstmGen.Runtime.Checkpoints;
using Xunit;

namespace LstmGen.Runtime.Tests.Checkpoints
{
    /// <summary>Helpers shared by the checkpoint tests: a private temporary directory, networks, weight comparisons.</summary>
    internal sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lstmgen-ckpt-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is not worth failing a test over.
            }
        }
    }

    internal static class CheckpointFiles
    {
        public static ILstmNetwork Paper(string name, ulong seed)
        {
            var network = (PaperNetworks.Find(name) ?? throw new InvalidOperationException("no network " + name)).Create();
            network.InitializeWeights(seed);
            return network;
        }

        public static double[] Weights(ILstmNetwork network)
        {
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            return weights;
        }

        /// <summary>Bit-for-bit equality (NaN- and signed-zero-exact), with the first difference in the message.</summary>
        public static void AssertSameBits(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                {
                    Assert.Fail($"weight {i}: expected {expected[i]:R}, got {actual[i]:R}");
                }
            }
        }

        public static CheckpointException LoadFails(ILstmNetwork network, string path)
        {
            var before = Weights(network);
            var error = Assert.Throws<CheckpointException>(() => WeightsCheckpoint.Load(network, path));
            AssertSameBits(before, Weights(network)); // a failed load changes nothing
            Assert.Equal(path, error.Path);
            Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
            return error;
        }
    }
}
