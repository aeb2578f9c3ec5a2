using System;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Runtime.Tests.LaneContracts
{
    /// <summary>
    /// The contract of <see cref="ILaneNetwork"/>, checked against K scalar networks: K staggered streams (each lane its
    /// own seed and learning rate, sequences of different lengths, targets at different steps, forward-only sequences,
    /// idle steps, resets and sequence ends at different times, weights replaced between sequences), fed to the lane
    /// network and, lane by lane, to K separate scalar networks. Every output asked for, every output slot not asked for
    /// (it must be left untouched), every learning rate and, at the end, every weight must agree bit for bit. Any lane
    /// class (<see cref="ScalarLanes"/>, a generated one) can be run through it.
    /// </summary>
    public static class LaneContract
    {
        private const double Untouched = 12345.678;

        /// <summary>
        /// The first disagreement between <paramref name="createLanes"/>'s lanes and scalar networks from
        /// <paramref name="createScalar"/> over <paramref name="steps"/> lane steps of streams drawn from
        /// <paramref name="seed"/>, in words; null when there is none.
        /// </summary>
        public static string? FirstDifference(Func<ILaneNetwork> createLanes, Func<ILstmNetwork> createScalar, ulong seed, int steps = 300, UpdateTiming? update = null)
        {
            ArgumentNullException.ThrowIfNull(createLanes);
            ArgumentNullException.ThrowIfNull(createScalar);
            var lanes = createLanes();
            int k = lanes.LaneCount, inputs = lanes.InputCount, outputs = lanes.OutputCount;
            var scalar = new ILstmNetwork[k];
            var streams = new Stream[k];
            var random = new SeededRandom(seed);
            for (var lane = 0; lane < k; lane++)
            {
                scalar[lane] = createScalar();
                var weightSeed = SeededRandom.DeriveSeed(seed, (ulong)lane + 100);
                lanes.InitializeWeights(lane, weightSeed);
                scalar[lane].InitializeWeights(weightSeed);
                var rate = scalar[lane].LearningRate * (1 + (0.25 * lane));
                lanes.SetLearningRate(lane, rate);
                scalar[lane].LearningRate = rate;
                streams[lane] = new Stream();
            }

            if (update is { } timing)
            {
                lanes.Update = timing;
                foreach (var network in scalar)
                {
                    network.Update = timing;
                }
            }

            var laneInputs = new double[k * inputs];
            var activeInputs = new int[k];
            var targets = new double[k * outputs];
            var laneOutputs = new double[k * outputs];
            var expected = new double[outputs];
            var weights = new double[lanes.WeightCount];
            var scalarWeights = new double[lanes.WeightCount];
            for (var step = 0; step < steps; step++)
            {
                ulong active = 0, learning = 0, withTarget = 0, wanted = 0;
                var oneHot = lanes.AcceptsActiveInputs && random.NextBool();
                var oneHotCodes = scalar[0] is IOneHotNetwork;
                laneOutputs.AsSpan().Fill(Untouched);
                for (var lane = 0; lane < k; lane++)
                {
                    var stream = streams[lane];
                    if (stream.Remaining > 0 && random.NextBool(0.15))
                    {
                        continue; // idle in the middle of a sequence
                    }

                    if (stream.Remaining == 0)
                    {
                        if (random.NextBool(0.2))
                        {
                            continue; // idle between sequences
                        }

                        if (random.NextBool(0.15))
                        {
                            // A trial moves in or out at a sequence boundary: the lane's weights are replaced.
                            lanes.CopyWeightsTo(lane, weights);
                            scalar[lane].CopyWeightsTo(scalarWeights);
                            if (Differs(weights, scalarWeights, out var w))
                            {
                                return Describe(lanes, lane, step, $"weight {w} read between sequences: {weights[w]:R}, scalar {scalarWeights[w]:R}");
                            }

                            for (var i = 0; i < weights.Length; i++)
                            {
                                weights[i] = random.NextSymmetric(0.2);
                            }

                            lanes.SetWeights(lane, weights);
                            scalar[lane].SetWeights(weights);
                        }

                        stream.Remaining = 1 + random.NextInt(12);
                        stream.Learn = !random.NextBool(0.2);
                        lanes.Reset(lane);
                        scalar[lane].Reset();
                    }

                    var bit = 1UL << lane;
                    active |= bit;
                    var hasTarget = stream.Learn && random.NextBool(0.5);
                    var wantOutput = hasTarget ? random.NextBool(0.8) : random.NextBool(0.5);
                    learning |= stream.Learn ? bit : 0;
                    withTarget |= hasTarget ? bit : 0;
                    wanted |= wantOutput ? bit : 0;
                    var input = laneInputs.AsSpan(lane * inputs, inputs);
                    if (oneHotCodes)
                    {
                        activeInputs[lane] = random.NextInt(inputs);
                        input.Clear();
                        input[activeInputs[lane]] = 1.0;
                    }
                    else
                    {
                        for (var i = 0; i < inputs; i++)
                        {
                            input[i] = random.NextSymmetric(1.0);
                        }
                    }

                    var target = targets.AsSpan(lane * outputs, outputs);
                    for (var i = 0; i < outputs; i++)
                    {
                        target[i] = random.NextDouble();
                    }

                    // The scalar twin of this lane's step.
                    var output = wantOutput ? expected.AsSpan() : Span<double>.Empty;
                    if (stream.Learn)
                    {
                        scalar[lane].TrainStep(input, hasTarget ? target : ReadOnlySpan<double>.Empty, output);
                    }
                    else
                    {
                        scalar[lane].Step(input, output);
                    }

                    if (wantOutput)
                    {
                        expected.CopyTo(stream.Expected = new double[outputs], 0);
                    }
                }

                lanes.Step(new LaneStep
                {
                    ActiveLanes = active,
                    LearningLanes = learning,
                    TargetLanes = withTarget,
                    OutputLanes = wanted,
                    Inputs = oneHot ? ReadOnlySpan<double>.Empty : laneInputs,
                    ActiveInputs = oneHot ? activeInputs : ReadOnlySpan<int>.Empty,
                    Targets = targets,
                    Outputs = laneOutputs,
                });

                for (var lane = 0; lane < k; lane++)
                {
                    var bit = 1UL << lane;
                    var slot = laneOutputs.AsSpan(lane * outputs, outputs);
                    for (var i = 0; i < outputs; i++)
                    {
                        var want = (wanted & bit) != 0 ? streams[lane].Expected![i] : Untouched;
                        if (BitConverter.DoubleToInt64Bits(slot[i]) != BitConverter.DoubleToInt64Bits(want))
                        {
                            return Describe(lanes, lane, step, $"output {i} is {slot[i]:R}, scalar {want:R}{((wanted & bit) == 0 ? " (not asked for: must be untouched)" : string.Empty)}");
                        }
                    }

                    if ((active & bit) != 0 && --streams[lane].Remaining == 0 && streams[lane].Learn)
                    {
                        lanes.EndSequence(lane);
                        scalar[lane].EndSequence();
                    }
                }
            }

            for (var lane = 0; lane < k; lane++)
            {
                if (BitConverter.DoubleToInt64Bits(lanes.GetLearningRate(lane)) != BitConverter.DoubleToInt64Bits(scalar[lane].LearningRate))
                {
                    return Describe(lanes, lane, steps, $"learning rate {lanes.GetLearningRate(lane):R}, scalar {scalar[lane].LearningRate:R}");
                }

                lanes.CopyWeightsTo(lane, weights);
                scalar[lane].CopyWeightsTo(scalarWeights);
                if (Differs(weights, scalarWeights, out var w))
                {
                    return Describe(lanes, lane, steps, $"weight {w} is {weights[w]:R}, scalar {scalarWeights[w]:R}");
                }
            }

            return null;
        }

        private static bool Differs(double[] a, double[] b, out int index)
        {
            for (index = 0; index < a.Length; index++)
            {
                if (BitConverter.DoubleToInt64Bits(a[index]) != BitConverter.DoubleToInt64Bits(b[index]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Describe(ILaneNetwork lanes, int lane, int step, string what) =>
            string.Create(CultureInfo.InvariantCulture, $"{lanes.Name} ({lanes.LaneCount} lanes, {lanes.Width}), lane {lane}, step {step}: {what}");

        /// <summary>One lane's stream: what is left of its sequence, and whether it learns.</summary>
        private sealed class Stream
        {
            public int Remaining { get; set; }

            public bool Learn { get; set; }

            public double[]? Expected { get; set; }
        }
    }
}
