using System;
using System.Collections.Generic;
using System.Diagnostics;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// A lane network's learning step against the scalar network's, measured alternately in one run (the machine's load
    /// changes both alike, so their ratio is what counts): <see cref="NanosecondsPerTrialStep"/> is the wall time of one
    /// lane step divided by K, <see cref="ScalarNanosecondsPerStep"/> the scalar learning step's, both medians.
    /// </summary>
    public sealed record LaneCost(int Count, LaneWidth Width, double NanosecondsPerTrialStep, double ScalarNanosecondsPerStep)
    {
        /// <summary>Scalar ns per step over lane ns per trial-step: trial-steps per second per core, lanes over scalar.</summary>
        public double SpeedUpOverScalar => ScalarNanosecondsPerStep / NanosecondsPerTrialStep;
    }

    /// <summary>
    /// The lane learning step on <see cref="StepData"/>'s workload: every lane learns with a target at every step, in
    /// sequences of <see cref="StepData.SequenceLength"/> steps (each lane Reset and EndSequence'd), lane l reading the
    /// data from step 7l on so the lanes see different inputs; every lane starts from the scalar network's weights and
    /// learning rate, restored before each repetition, as <see cref="StepBenchmark"/> does for the scalar network.
    /// </summary>
    public sealed class LaneBenchmark
    {
        private readonly StepData _data;
        private readonly int _steps;
        private readonly int _repetitions;

        public LaneBenchmark(StepData data, int steps, int repetitions)
        {
            ArgumentNullException.ThrowIfNull(data);
            _data = data;
            _steps = steps;
            _repetitions = repetitions;
        }

        public LaneCost Train(ILstmNetwork scalar, ILaneNetwork lanes)
        {
            ArgumentNullException.ThrowIfNull(lanes);
            return Train(scalar, [lanes])[0];
        }

        /// <summary>
        /// Several lane networks of the same spec and width (the class compiled in and the one compiled at run time), each
        /// against the same scalar network: every repetition times the scalar network, then each lane network in turn (the
        /// order of the lane networks reversed every other repetition), so their ratios hold under a changing load.
        /// </summary>
        public IReadOnlyList<LaneCost> Train(ILstmNetwork scalar, IReadOnlyList<ILaneNetwork> laneNetworks)
        {
            ArgumentNullException.ThrowIfNull(scalar);
            ArgumentNullException.ThrowIfNull(laneNetworks);
            if (laneNetworks.Count == 0)
            {
                throw new ArgumentException("at least one lane network is needed", nameof(laneNetworks));
            }

            var k = laneNetworks[0].LaneCount;
            foreach (var lanes in laneNetworks)
            {
                if (lanes.LaneCount != k)
                {
                    throw new ArgumentException("the lane networks must have the same number of lanes", nameof(laneNetworks));
                }
            }

            var initial = new double[scalar.WeightCount];
            scalar.CopyWeightsTo(initial);
            foreach (var lanes in laneNetworks)
            {
                lanes.Update = scalar.Update;
                for (var l = 0; l < k; l++)
                {
                    lanes.SetLearningRate(l, scalar.LearningRate);
                }
            }

            var length = StepData.SequenceLength;
            var inputs = new double[length][];
            var active = new int[length][];
            var targets = new double[length][];
            for (var t = 0; t < length; t++)
            {
                inputs[t] = new double[k * scalar.InputCount];
                active[t] = new int[k];
                targets[t] = new double[k * scalar.OutputCount];
                for (var l = 0; l < k; l++)
                {
                    var source = (t + (7 * l)) % length;
                    _data.Inputs[source].CopyTo(inputs[t], l * scalar.InputCount);
                    _data.Targets[source].CopyTo(targets[t], l * scalar.OutputCount);
                    active[t][l] = _data.ActiveInputs?[source] ?? 0;
                }
            }

            var outputs = new double[k * scalar.OutputCount];
            var output = new double[scalar.OutputCount];
            void Restore()
            {
                scalar.SetWeights(initial);
                foreach (var lanes in laneNetworks)
                {
                    for (var l = 0; l < k; l++)
                    {
                        lanes.SetWeights(l, initial);
                    }
                }
            }

            void RunLanes(ILaneNetwork lanes, int steps)
            {
                var byIndex = _data.ActiveInputs is not null && lanes.AcceptsActiveInputs;
                var all = LaneStep.AllLanes(k);
                for (var done = 0; done < steps; done += length)
                {
                    for (var l = 0; l < k; l++)
                    {
                        lanes.Reset(l);
                    }

                    var count = Math.Min(length, steps - done);
                    for (var t = 0; t < count; t++)
                    {
                        lanes.Step(new LaneStep
                        {
                            ActiveLanes = all,
                            LearningLanes = all,
                            TargetLanes = all,
                            OutputLanes = all,
                            Inputs = byIndex ? ReadOnlySpan<double>.Empty : inputs[t],
                            ActiveInputs = byIndex ? active[t] : ReadOnlySpan<int>.Empty,
                            Targets = targets[t],
                            Outputs = outputs,
                        });
                    }

                    for (var l = 0; l < k; l++)
                    {
                        lanes.EndSequence(l);
                    }
                }
            }

            var laneSteps = Math.Max(_steps / k, 2 * length);
            foreach (var lanes in laneNetworks)
            {
                JitWarmUp.Run(() => RunLanes(lanes, laneSteps));
            }

            JitWarmUp.Run(() => _data.Train(scalar, output, _steps));
            var laneTimes = new List<double>[laneNetworks.Count];
            for (var n = 0; n < laneTimes.Length; n++)
            {
                laneTimes[n] = new List<double>(_repetitions);
            }

            var scalarTimes = new List<double>(_repetitions);
            for (var r = 0; r < _repetitions; r++)
            {
                Restore();
                var start = Stopwatch.GetTimestamp();
                _data.Train(scalar, output, _steps);
                scalarTimes.Add((Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / _steps);
                for (var i = 0; i < laneNetworks.Count; i++)
                {
                    var n = r % 2 == 0 ? i : laneNetworks.Count - 1 - i;
                    start = Stopwatch.GetTimestamp();
                    RunLanes(laneNetworks[n], laneSteps);
                    laneTimes[n].Add((Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / ((double)laneSteps * k));
                }
            }

            Restore();
            var scalarMedian = Median(scalarTimes);
            var costs = new LaneCost[laneNetworks.Count];
            for (var n = 0; n < costs.Length; n++)
            {
                costs[n] = new LaneCost(k, laneNetworks[n].Width, Median(laneTimes[n]), scalarMedian);
            }

            return costs;
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            return values.Count % 2 == 1 ? values[values.Count / 2] : 0.5 * (values[(values.Count / 2) - 1] + values[values.Count / 2]);
        }
    }
}
