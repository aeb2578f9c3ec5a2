using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using LstmGen.Benchmarks.Columns;
using LstmGen.Benchmarks.Networks;
using LstmGen.Experiments.Benchmarking;
using LstmGen.Generated;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// The cost of a generated learning step against the number of weights W when every input is read: the paper's
    /// claim that the algorithm is O(W) per time step (§4, App. A.1), for the generated code itself. The one-hot paper
    /// networks skip their inactive inputs and so cost less than O(W) (<see cref="StepBenchmarks"/>); here each of them
    /// is replaced by its <see cref="BenchmarkNetworks.DenseSuffix"/> copy (Specs/*-dense.lstm.yaml, the same spec
    /// without <c>inputEncoding</c>), and the two paper networks with real-valued inputs (Exps 3, 4) are taken as they
    /// are. The step is the one of <see cref="StepBenchmarks"/>: TrainStep with a target at every step, EndSequence every
    /// <see cref="StepData.SequenceLength"/> steps, on the paper network's data.
    /// </summary>
    public class ScalingBenchmarks
    {
        private StepData _data = null!;
        private double[] _output = null!;
        private double[] _initialWeights = null!;
        private ILstmNetwork _network = null!;

        /// <summary>A network that reads every input: a dense copy, or a paper network without an input encoding.</summary>
        [ParamsSource(nameof(Networks))]
        public string Network { get; set; } = "";

        /// <summary>The 12 paper networks, each as its dense copy where it has one, in order of W.</summary>
        public static IEnumerable<string> Networks => PaperNetworks.All
            .OrderBy(n => n.Create().WeightCount)
            .Select(n => LstmGenNetworks.All.Any(d => d.Name == n.Name + BenchmarkNetworks.DenseSuffix) ? n.Name + BenchmarkNetworks.DenseSuffix : n.Name);

        [GlobalSetup]
        public void Setup()
        {
            _network = BenchmarkNetworks.Create(Network);
            _initialWeights = new double[_network.WeightCount];
            _network.CopyWeightsTo(_initialWeights);
            var paperName = Network.EndsWith(BenchmarkNetworks.DenseSuffix, StringComparison.Ordinal)
                ? Network[..^BenchmarkNetworks.DenseSuffix.Length]
                : Network;
            // The paper network's data (one-hot vectors for the dense copy of a one-hot network, which reads them all).
            _data = StepData.For(BenchmarkNetworks.Create(paperName));
            _output = new double[_network.OutputCount];
            JitWarmUp.Run(() => _data.Train(_network, _output, StepData.SequenceLength));
        }

        /// <summary>One learning step (forward, traces, the changes of a step with a target), per step.</summary>
        [Benchmark(OperationsPerInvoke = StepBenchmarks.StepsPerInvoke)]
        [StateOf("")]
        public void DenseTrainStep()
        {
            _network.SetWeights(_initialWeights);
            _data.Train(_network, _output, StepBenchmarks.StepsPerInvoke);
        }
    }
}
