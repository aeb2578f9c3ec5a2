using System;
using System.Threading;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tests.Checkpoints
{
    /// <summary>
    /// A lane network (the generated lane class) that behaves exactly like itself, except that it "crashes" at the end
    /// of lane 0's chosen training sequence since that lane's trial started (after the sequence's updates, before the
    /// harness records it): <see cref="CrashingNetwork"/> for the lane path. With <paramref name="together"/>, it waits
    /// there for the barrier's other participants (other lane networks of the same run) before it throws, so that they
    /// all fail at once.
    /// </summary>
    internal sealed class CrashingLanes(ILaneNetwork inner, long crashAtSequence, Barrier? together = null) : ILaneNetwork
    {
        /// <summary>Training sequences lane 0 ran since its trial started (a resumed trial runs only those after its checkpoint).</summary>
        public long SequencesTrained { get; private set; }

        public string Name => inner.Name;

        public NetworkDescription Description => inner.Description;

        public int InputCount => inner.InputCount;

        public int OutputCount => inner.OutputCount;

        public int WeightCount => inner.WeightCount;

        public int LaneCount => inner.LaneCount;

        public LaneWidth Width => inner.Width;

        public bool AcceptsActiveInputs => inner.AcceptsActiveInputs;

        public UpdateTiming Update
        {
            get => inner.Update;
            set => inner.Update = value;
        }

        public double[] CopyOfWeights(int lane)
        {
            var weights = new double[WeightCount];
            CopyWeightsTo(lane, weights);
            return weights;
        }

        public void InitializeWeights(int lane, ulong seed)
        {
            inner.InitializeWeights(lane, seed);
            if (lane == 0)
            {
                SequencesTrained = 0;
            }
        }

        public void Reset(int lane) => inner.Reset(lane);

        public void EndSequence(int lane)
        {
            inner.EndSequence(lane);
            if (lane == 0 && ++SequencesTrained == crashAtSequence)
            {
                // Bounded: a participant that never arrives must not hang the test; the crash happens either way.
                together?.SignalAndWait(TimeSpan.FromSeconds(60));
                throw new SimulatedCrashException();
            }
        }

        public double GetLearningRate(int lane) => inner.GetLearningRate(lane);

        public void SetLearningRate(int lane, double learningRate) => inner.SetLearningRate(lane, learningRate);

        public void CopyWeightsTo(int lane, Span<double> destination) => inner.CopyWeightsTo(lane, destination);

        public void SetWeights(int lane, ReadOnlySpan<double> source) => inner.SetWeights(lane, source);

        public void Step(scoped in LaneStep step) => inner.Step(step);
    }
}
