using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Columns;
using LstmGen.Benchmarks.Networks;
using LstmGen.Experiments.Benchmarking;
using LstmGen.Reference;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// Nanoseconds per time step of each of the paper's 12 networks (<see cref="PaperNetworks"/>): the forward pass
    /// (<see cref="ILstmNetwork.Step"/>) and a learning step (<see cref="ILstmNetwork.TrainStep"/> with a target at every
    /// step, <see cref="ILstmNetwork.EndSequence"/> every <see cref="StepData.SequenceLength"/> steps) for the generated
    /// class (the baseline), the reference interpreter on the same spec and weights, and the generated single-precision
    /// copy (Specs/*-float.lstm.yaml). The reference always computes in double, so there is no float reference.
    /// The workload is <c>lstmgen bench</c>'s own (<see cref="StepData"/>, src/Experiments/Benchmarking): the same data
    /// and loops, timed here by BenchmarkDotNet instead of bench's clock.
    /// </summary>
    /// <remarks>
    /// One invocation runs <see cref="StepsPerInvoke"/> steps (OperationsPerInvoke), so every time and allocation in the
    /// summary is per step; a generated network must allocate nothing. A learning invocation first restores the initial
    /// weights, so the three implementations follow the same numeric path however long BenchmarkDotNet runs them (that
    /// copy costs under 0.1 % of the invocation). Each case's setup builds all three on the same weights but warms up
    /// (<see cref="JitWarmUp"/>) only the one it measures.
    /// </remarks>
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class StepBenchmarks
    {
        /// <summary>Steps per invocation: 10 sequences of <see cref="StepData.SequenceLength"/> steps.</summary>
        public const int StepsPerInvoke = 10 * StepData.SequenceLength;

        private const string Forward = "Forward";
        private const string Train = "Train";

        private StepData _data = null!;
        private double[] _output = null!;
        private double[] _initialWeights = null!;
        private ILstmNetwork _generated = null!;
        private ILstmNetwork _reference = null!;
        private ILstmNetwork _float = null!;

        /// <summary>The paper network (its type name, e.g. Exp4Adding).</summary>
        [ParamsSource(nameof(Networks))]
        public string Network { get; set; } = "";

        /// <summary>The 12 paper networks, by name.</summary>
        public static IEnumerable<string> Networks => PaperNetworks.All.Select(n => n.Name);

        [GlobalSetup(Targets = new[] { nameof(GeneratedStep), nameof(GeneratedTrainStep) })]
        public void SetupGenerated() => Setup(() => _generated);

        [GlobalSetup(Targets = new[] { nameof(ReferenceStep), nameof(ReferenceTrainStep) })]
        public void SetupReference() => Setup(() => _reference);

        [GlobalSetup(Targets = new[] { nameof(FloatStep), nameof(FloatTrainStep) })]
        public void SetupFloat() => Setup(() => _float);

        [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
        [BenchmarkCategory(Forward)]
        [StateOf("")]
        public void GeneratedStep() => RunForward(_generated);

        [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
        [BenchmarkCategory(Forward)]
        public void ReferenceStep() => RunForward(_reference);

        [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
        [BenchmarkCategory(Forward)]
        [StateOf(BenchmarkNetworks.FloatSuffix)]
        public void FloatStep() => RunForward(_float);

        [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
        [BenchmarkCategory(Train)]
        [StateOf("")]
        public void GeneratedTrainStep() => RunTrain(_generated);

        [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
        [BenchmarkCategory(Train)]
        public void ReferenceTrainStep() => RunTrain(_reference);

        [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
        [BenchmarkCategory(Train)]
        [StateOf(BenchmarkNetworks.FloatSuffix)]
        public void FloatTrainStep() => RunTrain(_float);

        /// <summary>Creates the three implementations on the same weights, then warms up the one this benchmark runs.</summary>
        private void Setup(Func<ILstmNetwork> measured)
        {
            _generated = BenchmarkNetworks.Create(Network);
            _initialWeights = new double[_generated.WeightCount];
            _generated.CopyWeightsTo(_initialWeights);

            _reference = ReferenceNetwork.FromYaml(_generated.SpecFileName, _generated.SpecText);
            _reference.SetWeights(_initialWeights);
            _reference.LearningRate = _generated.LearningRate;
            _reference.Update = _generated.Update;

            // The same weights, rounded to float.
            _float = BenchmarkNetworks.Create(Network + BenchmarkNetworks.FloatSuffix);
            _float.SetWeights(_initialWeights);

            // The paper network's data, for its float copy and the reference too.
            _data = StepData.For(_generated);
            _output = new double[_generated.OutputCount];

            // Through a call site of its own, so that the benchmark's loops see only the measured type.
            var network = measured();
            JitWarmUp.Run(() =>
            {
                _data.Forward(network, _output, StepData.SequenceLength);
                network.SetWeights(_initialWeights);
                _data.Train(network, _output, StepData.SequenceLength);
            });
            network.SetWeights(_initialWeights);
        }

        private void RunForward(ILstmNetwork network) => _data.Forward(network, _output, StepsPerInvoke);

        private void RunTrain(ILstmNetwork network)
        {
            network.SetWeights(_initialWeights);
            _data.Train(network, _output, StepsPerInvoke);
        }
    }
}
