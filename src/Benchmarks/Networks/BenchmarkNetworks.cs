using System;
using System.Linq;
using LstmGen.Generated;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks.Networks
{
    /// <summary>
    /// Finds a network by type name among the paper's (specs/, compiled into LstmGen.Runtime, see
    /// <see cref="PaperNetworks"/>) and this project's copies of them (Specs/: a <see cref="FloatSuffix"/> copy of each in
    /// single precision, and <see cref="DenseSuffix"/> copies of two that read their inputs densely).
    /// </summary>
    internal static class BenchmarkNetworks
    {
        /// <summary>The suffix of the single-precision copy of a paper network (<c>precision: float</c>).</summary>
        public const string FloatSuffix = "Float";

        /// <summary>The suffix of a copy that must stay without <c>inputEncoding</c>: the dense baseline.</summary>
        public const string DenseSuffix = "Dense";

        /// <summary>The seed every benchmark initialises weights with (the same as <c>lstmgen bench</c>).</summary>
        public const ulong WeightSeed = 1;

        public static CompiledNetwork Find(string name)
        {
            return PaperNetworks.Find(name)
                ?? LstmGenNetworks.All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal))
                ?? throw new ArgumentException(
                    "unknown network '" + name + "'; compiled: "
                    + string.Join(", ", PaperNetworks.All.Concat(LstmGenNetworks.All).Select(n => n.Name)),
                    nameof(name));
        }

        /// <summary>A fresh instance with weights drawn from <see cref="WeightSeed"/>.</summary>
        public static ILstmNetwork Create(string name)
        {
            var network = Find(name).Create();
            network.InitializeWeights(WeightSeed);
            return network;
        }
    }
}
