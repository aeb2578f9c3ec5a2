using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Lanes.Testing
{
    /// <summary>
    /// Runs one lane network against K scalar networks of the same spec, fed K different staggered streams: lanes that
    /// start and end their sequences at different steps (Reset and EndSequence at different times), sequences of
    /// different lengths, targets at different steps, lanes idle for some steps, some sequences forward only, each
    /// lane with its own seed and learning rate, inputs given densely or (one-hot specs) as active indices. Every
    /// output a lane returns and, at the end and at checkpoints along the way, every weight of every lane must equal
    /// its scalar twin's bit for bit (compared as DoubleToInt64Bits); an idle lane's output slice must stay untouched.
    /// Returns null when all agree, else what first differed.
    /// </summary>
    /// <remarks>Shared by the runtime tests (paper and test specs) and the generator tests (random specs compiled at test time).</remarks>
    internal static class LaneEquivalence
    {
        private const double Untouched = 12345.678;

        public static string? Check(Func<ILstmNetwork> createScalar, ILaneNetwork lanes, UpdateTiming update, ulong seed, int steps = 160)
        {
            var k = lanes.LaneCount;
            var inputs = lanes.InputCount;
            var outputs = lanes.OutputCount;
            var scalars = new ILstmNetwork[k];
            var random = new Random((int)(seed % int.MaxValue));
            lanes.Update = update;
            for (var l = 0; l < k; l++)
            {
                scalars[l] = createScalar();
                scalars[l].Update = update;
                var laneSeed = seed * 1000 + (ulong)l;
                scalars[l].InitializeWeights(laneSeed);
                lanes.InitializeWeights(l, laneSeed);
                var rate = scalars[l].LearningRate * (0.5 + (0.25 * (l % 5)));
                scalars[l].LearningRate = rate;
                lanes.SetLearningRate(l, rate);
            }

            var remaining = new int[k];
            var forwardOnly = new bool[k];
            var denseInputs = new double[k * inputs];
            var activeInputs = new int[k];
            var targets = new double[k * outputs];
            var laneOutputs = new double[k * outputs];
            var scalarOutput = new double[outputs];
            for (var t = 0; t < steps; t++)
            {
                ulong active = 0, learning = 0, withTarget = 0, withOutput = 0;
                var byIndex = lanes.AcceptsActiveInputs && random.Next(2) == 0;
                Array.Clear(denseInputs);
                for (var l = 0; l < k; l++)
                {
                    if (remaining[l] == 0)
                    {
                        if (random.Next(3) == 0)
                        {
                            continue; // idle between sequences
                        }

                        scalars[l].Reset();
                        lanes.Reset(l);
                        remaining[l] = random.Next(1, 30);
                        forwardOnly[l] = random.Next(4) == 0;
                    }

                    if (random.Next(8) == 0)
                    {
                        continue; // idle within its sequence
                    }

                    var bit = 1UL << l;
                    active |= bit;
                    if (!forwardOnly[l])
                    {
                        learning |= bit;
                        if (random.Next(3) == 0 || remaining[l] == 1)
                        {
                            withTarget |= bit;
                        }
                    }

                    if (random.Next(2) == 0)
                    {
                        withOutput |= bit;
                    }

                    activeInputs[l] = random.Next(inputs);
                    for (var i = 0; i < inputs; i++)
                    {
                        denseInputs[(l * inputs) + i] = lanes.AcceptsActiveInputs
                            ? (i == activeInputs[l] ? (byIndex ? 1.0 : Value(random)) : 0.0)
                            : random.Next(6) == 0 ? 0.0 : Value(random);
                    }

                    for (var o = 0; o < outputs; o++)
                    {
                        targets[(l * outputs) + o] = random.NextDouble();
                    }
                }

                Array.Fill(laneOutputs, Untouched);
                lanes.Step(new LaneStep
                {
                    ActiveLanes = active,
                    LearningLanes = learning,
                    TargetLanes = withTarget,
                    OutputLanes = withOutput,
                    Inputs = byIndex ? ReadOnlySpan<double>.Empty : denseInputs,
                    ActiveInputs = byIndex ? activeInputs : ReadOnlySpan<int>.Empty,
                    Targets = targets,
                    Outputs = laneOutputs,
                });
                for (var l = 0; l < k; l++)
                {
                    var bit = 1UL << l;
                    var laneOutput = new ReadOnlySpan<double>(laneOutputs, l * outputs, outputs);
                    if ((active & bit) == 0)
                    {
                        if (laneOutput.IndexOfAnyExcept(Untouched) >= 0)
                        {
                            return "step " + t + ": idle lane " + l + "'s outputs were written";
                        }

                        continue;
                    }

                    var input = new ReadOnlySpan<double>(denseInputs, l * inputs, inputs);
                    var target = (withTarget & bit) != 0 ? new ReadOnlySpan<double>(targets, l * outputs, outputs) : ReadOnlySpan<double>.Empty;
                    var output = (withOutput & bit) != 0 ? scalarOutput.AsSpan() : Span<double>.Empty;
                    var scalar = scalars[l];
                    if (byIndex && scalar is IOneHotNetwork oneHot)
                    {
                        if ((learning & bit) != 0)
                        {
                            oneHot.TrainStep(activeInputs[l], target, output);
                        }
                        else
                        {
                            oneHot.Step(activeInputs[l], output);
                        }
                    }
                    else if ((learning & bit) != 0)
                    {
                        scalar.TrainStep(input, target, output);
                    }
                    else
                    {
                        scalar.Step(input, output);
                    }

                    if ((withOutput & bit) != 0)
                    {
                        for (var o = 0; o < outputs; o++)
                        {
                            if (BitConverter.DoubleToInt64Bits(scalarOutput[o]) != BitConverter.DoubleToInt64Bits(laneOutput[o]))
                            {
                                return "step " + t + ", lane " + l + ": output " + o + " is " + Text(laneOutput[o]) + ", the scalar network's " + Text(scalarOutput[o]);
                            }
                        }
                    }
                    else if (laneOutput.IndexOfAnyExcept(Untouched) >= 0)
                    {
                        return "step " + t + ": lane " + l + "'s outputs were written without being asked for";
                    }

                    if (--remaining[l] == 0)
                    {
                        scalar.EndSequence();
                        lanes.EndSequence(l);
                    }
                }

                if (t % 40 == 39 || t == steps - 1)
                {
                    var difference = CompareWeights(scalars, lanes, t);
                    if (difference != null)
                    {
                        return difference;
                    }
                }
            }

            return null;
        }

        /// <summary>Every lane's weights against its scalar twin's, bit for bit.</summary>
        public static string? CompareWeights(IReadOnlyList<ILstmNetwork> scalars, ILaneNetwork lanes, int step)
        {
            var expected = new double[lanes.WeightCount];
            var actual = new double[lanes.WeightCount];
            for (var l = 0; l < scalars.Count; l++)
            {
                scalars[l].CopyWeightsTo(expected);
                lanes.CopyWeightsTo(l, actual);
                for (var i = 0; i < expected.Length; i++)
                {
                    if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                    {
                        return "after step " + step + ", lane " + l + ": weight " + i + " is " + Text(actual[i]) + ", the scalar network's " + Text(expected[i]);
                    }
                }
            }

            return null;
        }

        /// <summary>A non-zero input value, sometimes large (so that sigma saturates).</summary>
        private static double Value(Random random)
        {
            var value = (random.NextDouble() * 2) - 1;
            return value == 0.0 ? 0.5 : random.Next(10) == 0 ? value * 40 : value;
        }

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
