using System.Collections.Concurrent;
using LstmGen.Experiments.Describing;

namespace LstmGen.Benchmarks.Networks
{
    /// <summary>
    /// The state a network instance holds (weights, pending updates, traces, activations, scratch), as
    /// <c>lstmgen explain</c> shows it: <see cref="StateSize"/> of the network's description (its class's fields), never recounted here.
    /// </summary>
    internal static class StateSizes
    {
        private static readonly ConcurrentDictionary<string, StateSize> Cache = new ConcurrentDictionary<string, StateSize>();

        public static StateSize Of(string networkName) => Cache.GetOrAdd(networkName, static name =>
        {
            return StateSize.Of(BenchmarkNetworks.Find(name).Create().Description);
        });
    }
}
