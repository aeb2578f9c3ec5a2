using System;
using System.Collections.Generic;
using System.Numerics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// K scalar networks of one spec behind the lane interface (<see cref="LaneWidth.Scalar"/>): a step advances the
    /// active lanes one after the other, each through its own network's <see cref="ILstmNetwork.TrainStep"/> or
    /// <see cref="ILstmNetwork.Step"/>, so every lane is bit for bit a scalar network by construction.
    /// </summary>
    /// <remarks>
    /// Used where a network has no generated lane class (<see cref="CompiledNetwork.CreateLanes"/> is null; a spec run
    /// by the reference interpreter) and as the yardstick of <see cref="ILaneNetwork"/>'s contract. It is no faster than
    /// K scalar networks: the speed of lanes comes from the generated classes.
    /// </remarks>
    public sealed class ScalarLanes : ILaneNetwork
    {
        private readonly ILstmNetwork[] _lanes;
        private readonly IOneHotNetwork?[] _oneHot;

        /// <summary>K = <paramref name="laneCount"/> networks made by <paramref name="create"/> (all of one spec).</summary>
        public ScalarLanes(Func<ILstmNetwork> create, int laneCount)
            : this(Make(create, laneCount))
        {
        }

        /// <summary>The given networks as lanes 0 … K − 1 (all of one spec; K ≤ 64).</summary>
        public ScalarLanes(IReadOnlyList<ILstmNetwork> lanes)
        {
            ArgumentNullException.ThrowIfNull(lanes);
            _ = LaneStep.AllLanes(lanes.Count);
            _lanes = new ILstmNetwork[lanes.Count];
            _oneHot = new IOneHotNetwork?[lanes.Count];
            for (var k = 0; k < lanes.Count; k++)
            {
                var network = lanes[k] ?? throw new ArgumentException("Lane " + k + " is null.", nameof(lanes));
                if (network.Name != lanes[0].Name || network.WeightCount != lanes[0].WeightCount)
                {
                    throw new ArgumentException("Every lane must hold a network of one spec: lane " + k + " is " + network.Name + ", lane 0 " + lanes[0].Name + ".", nameof(lanes));
                }

                _lanes[k] = network;
                _oneHot[k] = network as IOneHotNetwork;
            }
        }

        public string Name => _lanes[0].Name;

        public NetworkDescription Description => _lanes[0].Description;

        public int InputCount => _lanes[0].InputCount;

        public int OutputCount => _lanes[0].OutputCount;

        public int WeightCount => _lanes[0].WeightCount;

        public int LaneCount => _lanes.Length;

        public LaneWidth Width => LaneWidth.Scalar;

        public bool AcceptsActiveInputs => _oneHot[0] is not null;

        public UpdateTiming Update
        {
            get => _lanes[0].Update;
            set
            {
                foreach (var network in _lanes)
                {
                    network.Update = value;
                }
            }
        }

        /// <summary>Lane <paramref name="lane"/>'s network itself (what a trial in that lane trains).</summary>
        public ILstmNetwork Network(int lane) => _lanes[lane];

        public void InitializeWeights(int lane, ulong seed) => _lanes[lane].InitializeWeights(seed);

        public void Reset(int lane) => _lanes[lane].Reset();

        public void EndSequence(int lane) => _lanes[lane].EndSequence();

        public double GetLearningRate(int lane) => _lanes[lane].LearningRate;

        public void SetLearningRate(int lane, double learningRate) => _lanes[lane].LearningRate = learningRate;

        public void CopyWeightsTo(int lane, Span<double> destination) => _lanes[lane].CopyWeightsTo(destination);

        public void SetWeights(int lane, ReadOnlySpan<double> source) => _lanes[lane].SetWeights(source);

        public void Step(scoped in LaneStep step)
        {
            int inputs = InputCount, outputs = OutputCount;
            step.Validate(LaneCount, inputs, outputs, AcceptsActiveInputs);
            var oneHot = !step.ActiveInputs.IsEmpty;
            for (var mask = step.ActiveLanes; mask != 0; mask &= mask - 1)
            {
                var k = BitOperations.TrailingZeroCount(mask);
                var bit = 1UL << k;
                var output = (step.OutputLanes & bit) != 0 ? step.Outputs.Slice(k * outputs, outputs) : Span<double>.Empty;
                if ((step.LearningLanes & bit) != 0)
                {
                    var target = (step.TargetLanes & bit) != 0 ? step.Targets.Slice(k * outputs, outputs) : ReadOnlySpan<double>.Empty;
                    if (oneHot)
                    {
                        _oneHot[k]!.TrainStep(step.ActiveInputs[k], target, output);
                    }
                    else
                    {
                        _lanes[k].TrainStep(step.Inputs.Slice(k * inputs, inputs), target, output);
                    }
                }
                else if (oneHot)
                {
                    _oneHot[k]!.Step(step.ActiveInputs[k], output);
                }
                else
                {
                    _lanes[k].Step(step.Inputs.Slice(k * inputs, inputs), output);
                }
            }
        }

        private static ILstmNetwork[] Make(Func<ILstmNetwork> create, int laneCount)
        {
            ArgumentNullException.ThrowIfNull(create);
            _ = LaneStep.AllLanes(laneCount);
            var lanes = new ILstmNetwork[laneCount];
            for (var k = 0; k < laneCount; k++)
            {
                lanes[k] = create();
            }

            return lanes;
        }
    }
}
