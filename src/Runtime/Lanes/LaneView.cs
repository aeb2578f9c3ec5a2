using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// One lane of an <see cref="ILaneNetwork"/> seen as a scalar <see cref="ILstmNetwork"/>: weights, learning rate,
    /// initialisation, resets and sequence ends go to that lane alone, so code written for one scalar network (a trial's
    /// set-up, checkpoints) works on a lane between sequences. A step through the view steps
    /// that lane alone (correct, but without the lanes' speed: a trial driven in lanes is stepped by the lane scheduler).
    /// </summary>
    public sealed class LaneView : ILstmNetwork
    {
        private readonly ILaneNetwork _lanes;
        private readonly ulong _bit;
        private readonly string _specText;
        private readonly string _specFileName;
        private double[]? _inputs;
        private double[]? _targets;
        private double[]? _outputs;

        /// <param name="lanes">The lane network.</param>
        /// <param name="lane">The lane this view shows.</param>
        /// <param name="specText">The spec's text (<see cref="ILstmNetwork.SpecText"/>, which lane networks do not carry).</param>
        /// <param name="specFileName">The spec's file name.</param>
        public LaneView(ILaneNetwork lanes, int lane, string specText, string specFileName)
        {
            ArgumentNullException.ThrowIfNull(lanes);
            ArgumentOutOfRangeException.ThrowIfNegative(lane);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lane, lanes.LaneCount);
            _lanes = lanes;
            Lane = lane;
            _bit = LaneStep.Lane(lane);
            _specText = specText ?? throw new ArgumentNullException(nameof(specText));
            _specFileName = specFileName ?? throw new ArgumentNullException(nameof(specFileName));
        }

        /// <param name="lanes">The lane network.</param>
        /// <param name="lane">The lane this view shows.</param>
        /// <param name="sameSpec">A scalar network of the lanes' spec, whose spec text and file name the view shows.</param>
        public LaneView(ILaneNetwork lanes, int lane, ILstmNetwork sameSpec)
            : this(lanes, lane, (sameSpec ?? throw new ArgumentNullException(nameof(sameSpec))).SpecText, sameSpec.SpecFileName)
        {
        }

        /// <summary>The lane this view shows.</summary>
        public int Lane { get; }

        public string Name => _lanes.Name;

        public NetworkDescription Description => _lanes.Description;

        public int InputCount => _lanes.InputCount;

        public int OutputCount => _lanes.OutputCount;

        public int WeightCount => _lanes.WeightCount;

        public double LearningRate
        {
            get => _lanes.GetLearningRate(Lane);
            set => _lanes.SetLearningRate(Lane, value);
        }

        /// <summary>The lane network's update timing, which every lane shares: setting it sets it for all lanes.</summary>
        public UpdateTiming Update
        {
            get => _lanes.Update;
            set => _lanes.Update = value;
        }

        public string SpecText => _specText;

        public string SpecFileName => _specFileName;

        public void InitializeWeights(ulong seed) => _lanes.InitializeWeights(Lane, seed);

        public void Reset() => _lanes.Reset(Lane);

        public void EndSequence() => _lanes.EndSequence(Lane);

        public void CopyWeightsTo(Span<double> destination) => _lanes.CopyWeightsTo(Lane, destination);

        public void SetWeights(ReadOnlySpan<double> source) => _lanes.SetWeights(Lane, source);

        public void Step(ReadOnlySpan<double> input, Span<double> output) => StepLane(input, ReadOnlySpan<double>.Empty, output, learn: false);

        public void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output) => StepLane(input, target, output, learn: true);

        private void StepLane(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output, bool learn)
        {
            int k = _lanes.LaneCount, inputs = InputCount, outputs = OutputCount;
            if (input.Length != inputs)
            {
                throw new ArgumentException("The input must hold " + inputs + " values.", nameof(input));
            }

            if (!target.IsEmpty && target.Length != outputs)
            {
                throw new ArgumentException("The target must be empty or hold " + outputs + " values.", nameof(target));
            }

            if (!output.IsEmpty && output.Length < outputs)
            {
                throw new ArgumentException("The output must be empty or hold " + outputs + " values.", nameof(output));
            }

            _inputs ??= new double[k * inputs];
            _targets ??= new double[k * outputs];
            _outputs ??= new double[k * outputs];
            input.CopyTo(_inputs.AsSpan(Lane * inputs));
            target.CopyTo(_targets.AsSpan(Lane * outputs));
            _lanes.Step(new LaneStep
            {
                ActiveLanes = _bit,
                LearningLanes = learn ? _bit : 0,
                TargetLanes = learn && !target.IsEmpty ? _bit : 0,
                OutputLanes = output.IsEmpty ? 0 : _bit,
                Inputs = _inputs,
                Targets = _targets,
                Outputs = _outputs,
            });
            if (!output.IsEmpty)
            {
                _outputs.AsSpan(Lane * outputs, outputs).CopyTo(output);
            }
        }
    }
}
