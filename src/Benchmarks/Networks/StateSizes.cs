using System.Collections.Concurrent;
using LstmGen.Experiments.Describing;

namespace LstmGen.Benchmarks.Networks
{
    /// <summary>
    /// The state a network instance holds (weights, pending updates, traces, activations, scratch), as
    /// <c>lstmgen explain</c> computes it: <see cref="StateSize"/> of the spec's layout and precision, never recounted here.
    /// </summary>
    internal static class StateSizes
    {
        private static readonly ConcurrentDictionary<string, StateSize> Cache = new ConcurrentDictionary<string, StateSize>();

        public static StateSize Of(string networkName) => Cache.GetOrAdd(networkName, static name =>
        {
            var info = NetworkInfo.Of(BenchmarkNetworks.Find(name).Create());
            return StateSize.Of(info.Layout, info.BytesPerValue);
        });
    }
}
