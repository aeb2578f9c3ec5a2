using System;

namespace LstmGen.Runtime.Tests.Checkpoints
{
    /// <summary>
    /// A stand-in for a generated <c>precision: float</c> network (none of the compiled specs is one): only its weights
    /// and identity matter to checkpoints. It cannot step.
    /// </summary>
    internal sealed class FloatTestNetwork : ILstmNetwork<float>
    {
        private readonly float[] _weights;

        public FloatTestNetwork(string name, int weightCount, string specText)
        {
            Name = name;
            SpecText = specText;
            _weights = new float[weightCount];
        }

        public string Name { get; }

        public int InputCount => 1;

        public int OutputCount => 1;

        public int WeightCount => _weights.Length;

        public double LearningRate { get; set; } = 0.1;

        public UpdateTiming Update { get; set; } = UpdateTiming.PerSequence;

        public string SpecText { get; }

        public string SpecFileName => "float-test.lstm.yaml";

        /// <summary>Not described: checkpoints read only the name, the spec text and the weights.</summary>
        public NetworkDescription Description => throw new NotSupportedException("a stand-in network has no description");

        public Span<float> Weights => _weights;

        public void InitializeWeights(ulong seed)
        {
            var random = new SeededRandom(seed);
            for (var i = 0; i < _weights.Length; i++)
            {
                _weights[i] = (float)random.NextSymmetric(0.1);
            }
        }

        public void CopyWeightsTo(Span<double> destination)
        {
            for (var i = 0; i < _weights.Length; i++)
            {
                destination[i] = _weights[i];
            }
        }

        public void SetWeights(ReadOnlySpan<double> source)
        {
            for (var i = 0; i < _weights.Length; i++)
            {
                _weights[i] = (float)source[i];
            }
        }

        public void Reset()
        {
        }

        public void Step(ReadOnlySpan<double> input, Span<double> output) => throw new NotSupportedException();

        public void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output) => throw new NotSupportedException();

        public void EndSequence()
        {
        }
    }
}
