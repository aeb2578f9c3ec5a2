using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// A lane network whose steps do nothing (<see cref="SilentNetwork"/>'s twin): resets, steps and sequence ends return
    /// at once; weights, learning rates and set-up go to the real lane network behind it.
    /// </summary>
    public sealed class SilentLanes(ILaneNetwork lanes) : ILaneNetwork
    {
        private readonly ILaneNetwork _lanes = lanes ?? throw new ArgumentNullException(nameof(lanes));

        public string Name => _lanes.Name;

        public NetworkDescription Description => _lanes.Description;

        public int InputCount => _lanes.InputCount;

        public int OutputCount => _lanes.OutputCount;

        public int WeightCount => _lanes.WeightCount;

        public int LaneCount => _lanes.LaneCount;

        public LaneWidth Width => _lanes.Width;

        public bool AcceptsActiveInputs => _lanes.AcceptsActiveInputs;

        public UpdateTiming Update
        {
            get => _lanes.Update;
            set => _lanes.Update = value;
        }

        public void InitializeWeights(int lane, ulong seed) => _lanes.InitializeWeights(lane, seed);

        public void Reset(int lane)
        {
        }

        public void EndSequence(int lane)
        {
        }

        public double GetLearningRate(int lane) => _lanes.GetLearningRate(lane);

        public void SetLearningRate(int lane, double learningRate) => _lanes.SetLearningRate(lane, learningRate);

        public void CopyWeightsTo(int lane, Span<double> destination) => _lanes.CopyWeightsTo(lane, destination);

        public void SetWeights(int lane, ReadOnlySpan<double> source) => _lanes.SetWeights(lane, source);

        public void Step(scoped in LaneStep step)
        {
        }
    }
}
