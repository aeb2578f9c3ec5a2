using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks.Networks
{
    /// <summary>
    /// A network trained on one of the paper's tasks at the paper's sequence length, with a pool of pre-generated
    /// sequences (the task generators of src/Experiments/Tasks, seeded, so every run sees the same data).
    /// </summary>
    /// <param name="Experiment">The paper's experiment id (1, 2c, 3a, 4, 6a, 6b).</param>
    /// <param name="Network">The network's type name: a paper network or one of this project's copies.</param>
    /// <param name="Task">Makes the task at the paper's setting.</param>
    /// <param name="PoolSize">Sequences in the pool; divides 16, BenchmarkDotNet's default unroll factor, so whole pools fit an iteration.</param>
    internal sealed record SequenceCase(string Experiment, string Network, Func<ISequenceTask> Task, int PoolSize)
    {
        /// <summary>The seed of the sequence pool.</summary>
        public const ulong DataSeed = 7;

        /// <summary>The cases, in the order of the paper's experiments; each paper network beside its copies.</summary>
        public static IReadOnlyList<SequenceCase> All { get; } = Build();

        public static SequenceCase Find(string network) =>
            All.FirstOrDefault(c => string.Equals(c.Network, network, StringComparison.Ordinal))
            ?? throw new ArgumentException("no sequence case for network '" + network + "'", nameof(network));

        /// <summary>Draws the pool of sequences.</summary>
        public Sequence[] CreatePool()
        {
            var task = Task();
            var random = new SeededRandom(DataSeed);
            return Enumerable.Range(0, PoolSize).Select(_ => task.Next(random)).ToArray();
        }

        private static List<SequenceCase> Build()
        {
            var cases = new List<SequenceCase>();
            const string f = BenchmarkNetworks.FloatSuffix;
            const string d = BenchmarkNetworks.DenseSuffix;

            // Exp 1: one embedded Reber string (9 symbols at least, 12 on average: 11 steps), a target at every step.
            foreach (var name in new[] { "Exp1Reber3x2", "Exp1Reber3x2" + d, "Exp1Reber3x2" + f })
            {
                cases.Add(new SequenceCase("1", name, () => new EmbeddedReberTask(), 16));
            }

            // Exp 2c, q = p = 1000: about q + 13 = 1013 steps of 1004 one-hot inputs (8 MB per sequence when dense).
            // The paper spec against its dense copy is the one-hot speed-up; the pool is smaller to keep memory down.
            foreach (var name in new[] { "Exp2cP1000", "Exp2cP1000" + d, "Exp2cP1000" + f })
            {
                cases.Add(new SequenceCase("2c", name, () => new VeryLongLagTask(p: 1000, q: 1000), 8));
            }

            // Exp 3a, T = 1000, N = 3 (Table 4): 1000 to 1100 steps, a target at the last.
            foreach (var name in new[] { "Exp3NoiseSignal", "Exp3NoiseSignal" + f })
            {
                cases.Add(new SequenceCase("3a", name, () => new NoiseSignalTask(NoiseSignalVariant.TwoSequence, t: 1000, n: 3), 16));
            }

            // Exp 4, T = 1000 (Table 7): 1000 to 1100 pairs, a target at the last.
            foreach (var name in new[] { "Exp4Adding", "Exp4Adding" + f })
            {
                cases.Add(new SequenceCase("4", name, () => new AddingTask(t: 1000), 16));
            }

            // Exp 6a (Table 9): 100 to 110 symbols, a target at the last (the net the 1997 C simulator ran at 145-155 ns a step).
            foreach (var name in new[] { "Exp6aTemporalOrder", "Exp6aTemporalOrder" + f })
            {
                cases.Add(new SequenceCase("6a", name, () => new TemporalOrderTask(TemporalOrderVariant.TwoSymbols), 16));
            }

            // Exp 6b (Table 9): 100 to 110 symbols, a target at the last.
            foreach (var name in new[] { "Exp6bTemporalOrder", "Exp6bTemporalOrder" + f })
            {
                cases.Add(new SequenceCase("6b", name, () => new TemporalOrderTask(TemporalOrderVariant.ThreeSymbols), 16));
            }

            return cases;
        }
    }
}
