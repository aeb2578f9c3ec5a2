using System;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A network that passes every member to the network behind it (<see cref="Inner"/>): the base of the harness's
    /// stand-ins, which override only what they change (<see cref="TrialNetwork"/> moves a trial from its lane to a scalar
    /// network; a benchmark's silent network skips the steps; the tests' networks crash or overflow on cue).
    /// </summary>
    public abstract class ForwardingNetwork : ILstmNetwork
    {
        protected ForwardingNetwork(ILstmNetwork inner)
        {
            ArgumentNullException.ThrowIfNull(inner);
            Inner = inner;
        }

        /// <summary>The network every member goes to.</summary>
        protected ILstmNetwork Inner { get; set; }

        /// <summary>The network behind this one, whose weights these are (<see cref="HeldWeights"/> sets some of them in place).</summary>
        internal ILstmNetwork Forwarded => Inner;

        public virtual string Name => Inner.Name;

        public virtual int InputCount => Inner.InputCount;

        public virtual int OutputCount => Inner.OutputCount;

        public virtual int WeightCount => Inner.WeightCount;

        public virtual double LearningRate
        {
            get => Inner.LearningRate;
            set => Inner.LearningRate = value;
        }

        public virtual UpdateTiming Update
        {
            get => Inner.Update;
            set => Inner.Update = value;
        }

        public virtual string SpecText => Inner.SpecText;

        public virtual string SpecFileName => Inner.SpecFileName;

        public virtual NetworkDescription Description => Inner.Description;

        public virtual void InitializeWeights(ulong seed) => Inner.InitializeWeights(seed);

        public virtual void Reset() => Inner.Reset();

        public virtual void Step(ReadOnlySpan<double> input, Span<double> output) => Inner.Step(input, output);

        public virtual void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output) => Inner.TrainStep(input, target, output);

        public virtual void EndSequence() => Inner.EndSequence();

        public virtual void CopyWeightsTo(Span<double> destination) => Inner.CopyWeightsTo(destination);

        public virtual void SetWeights(ReadOnlySpan<double> source) => Inner.SetWeights(source);
    }
}
