using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using LstmGen.Benchmarks.Columns;
using LstmGen.Benchmarks.Networks;
using LstmGen.Experiments.Benchmarking;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// Training sequences per second at the paper's sequence lengths: one <see cref="SequenceTraining.TrainSequence"/>
    /// (Reset, a TrainStep per element with the task's targets, EndSequence) per invocation, on sequences drawn in
    /// advance by the experiment's task generator (<see cref="SequenceCase"/>). Exp 1 and Exp 2c (q = p = 1000) also run
    /// their <c>Dense</c> copy, the baseline of the one-hot input speed-up; every case also runs its float copy.
    /// </summary>
    /// <remarks>
    /// The weights keep learning across invocations, as in a real training run (sequences/s is what a trial's wall time
    /// is made of). The "Seq/s" and "Steps/seq" columns (<see cref="SequencesPerSecondColumn"/>) turn the mean time into
    /// sequences per second and give the pool's mean length.
    /// </remarks>
    public class SequenceBenchmarks
    {
        private ILstmNetwork _network = null!;
        private Sequence[] _pool = null!;
        private int _next;
        private double[] _outputs = [];

        /// <summary>The network trained, named as in <see cref="SequenceCase.All"/>.</summary>
        [ParamsSource(nameof(Networks))]
        public string Network { get; set; } = "";

        public static IEnumerable<string> Networks => SequenceCase.All.Select(c => c.Network);

        [GlobalSetup]
        public void Setup()
        {
            _network = BenchmarkNetworks.Create(Network);
            _pool = SequenceCase.Find(Network).CreatePool();
            _outputs = new double[_pool.Max(p => p.OutputSize)];
            JitWarmUp.Run(() => Train(_network, _pool[0], _outputs));
            _network.InitializeWeights(BenchmarkNetworks.WeightSeed);
            _next = 0;
        }

        [Benchmark]
        [StateOf("")]
        public void TrainSequence()
        {
            var sequence = _pool[_next];
            _next = _next + 1 == _pool.Length ? 0 : _next + 1;
            Train(_network, sequence, _outputs);
        }

        /// <summary>One training sequence as the experiments present it (SequenceRunner.TrainSteps, without the judging).</summary>
        private static void Train(ILstmNetwork network, Sequence sequence, double[] outputs) =>
            SequenceRunner.TrainSteps(network, sequence, outputs.AsSpan(0, sequence.OutputSize), outputStride: 0);
    }
}
