using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tests.Checkpoints
{
    /// <summary>The stand-in for a crash: thrown from inside training, where nothing of the harness can catch it.</summary>
    internal sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException()
            : base("simulated crash")
        {
        }

        public SimulatedCrashException(string message)
            : base(message)
        {
        }

        public SimulatedCrashException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>
    /// A paper network that behaves exactly like itself, except that it "crashes" at the end of a chosen training
    /// sequence (after that sequence's updates, before the harness records it), as a killed process would stop.
    /// </summary>
    internal sealed class CrashingNetwork : ILstmNetwork<double>
    {
        private readonly ILstmNetwork<double> _inner;
        private readonly long _crashAtSequence;
        private long _sequences;

        public CrashingNetwork(string networkName, long crashAtSequence = long.MaxValue)
        {
            _inner = (ILstmNetwork<double>)(PaperNetworks.Find(networkName) ?? throw new ArgumentException("no network " + networkName)).Create();
            _crashAtSequence = crashAtSequence;
        }

        public string Name => _inner.Name;

        public int InputCount => _inner.InputCount;

        public int OutputCount => _inner.OutputCount;

        public int WeightCount => _inner.WeightCount;

        public double LearningRate
        {
            get => _inner.LearningRate;
            set => _inner.LearningRate = value;
        }

        public UpdateTiming Update
        {
            get => _inner.Update;
            set => _inner.Update = value;
        }

        public string SpecText => _inner.SpecText;

        public string SpecFileName => _inner.SpecFileName;

        public NetworkDescription Description => _inner.Description;

        public Span<double> Weights => _inner.Weights;

        /// <summary>Training sequences this instance ran (a resumed trial runs only those after its checkpoint).</summary>
        public long SequencesTrained => _sequences;

        public double[] CopyOfWeights()
        {
            var weights = new double[WeightCount];
            CopyWeightsTo(weights);
            return weights;
        }

        public void InitializeWeights(ulong seed) => _inner.InitializeWeights(seed);

        public void Reset() => _inner.Reset();

        public void Step(ReadOnlySpan<double> input, Span<double> output) => _inner.Step(input, output);

        public void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output) => _inner.TrainStep(input, target, output);

        public void EndSequence()
        {
            _inner.EndSequence();
            if (++_sequences == _crashAtSequence)
            {
                throw new SimulatedCrashException();
            }
        }

        public void CopyWeightsTo(Span<double> destination) => _inner.CopyWeightsTo(destination);

        public void SetWeights(ReadOnlySpan<double> source) => _inner.SetWeights(source);
    }
}
