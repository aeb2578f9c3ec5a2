using System;
using System.Linq;
using Xunit;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>
    /// A step with neither a target nor room for outputs skips the output units (ILstmNetwork.TrainStep, Step): the
    /// learning must come out bit for bit as if the outputs had been computed at every step.
    /// </summary>
    public sealed class OutputsOnDemandTests
    {
        public static TheoryData<string, UpdateTiming> Cases()
        {
            var data = new TheoryData<string, UpdateTiming>();
            // The paper networks, and test networks for the other shapes: float, 'B' (outputs read x(t)), sparse.
            foreach (var name in PaperNetworks.All.Select(n => n.Name).Concat(new[] { nameof(Networks.OneHotFloat), nameof(Networks.SparseLayered), nameof(Networks.MixedBlocks) }))
            {
                data.Add(name, UpdateTiming.PerStep);
                data.Add(name, UpdateTiming.PerSequence);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Training_without_outputs_at_targetless_steps_gives_the_same_bits(string name, UpdateTiming timing)
        {
            var always = Proofs.ProofSupport.Create(name);
            var onDemand = Proofs.ProofSupport.Create(name);
            foreach (var network in new[] { always, onDemand })
            {
                network.InitializeWeights(23);
                network.Update = timing;
            }

            var random = new Random(29);
            var input = new double[always.InputCount];
            var target = new double[always.OutputCount];
            var outAlways = new double[always.OutputCount];
            var outOnDemand = new double[always.OutputCount];
            var skipped = 0;
            for (var sequence = 0; sequence < 3; sequence++)
            {
                always.Reset();
                onDemand.Reset();
                for (var t = 0; t < 25; t++)
                {
                    Array.Clear(input);
                    input[random.Next(input.Length)] = 1.0;   // one-hot, as every paper network accepts
                    var hasTarget = t == 24 || random.Next(4) == 0;
                    for (var k = 0; k < target.Length; k++)
                    {
                        target[k] = random.NextDouble();
                    }

                    // Every other target step without room for outputs: a target alone must still compute them.
                    var targetSpan = hasTarget ? target : ReadOnlySpan<double>.Empty;
                    var room = hasTarget && t % 2 == 0;
                    always.TrainStep(input, targetSpan, outAlways);
                    onDemand.TrainStep(input, targetSpan, room ? outOnDemand : Span<double>.Empty);
                    if (room)
                    {
                        Assert.Equal(Bits(outAlways), Bits(outOnDemand));
                    }
                    else if (!hasTarget)
                    {
                        skipped++;
                    }
                }

                always.EndSequence();
                onDemand.EndSequence();
            }

            Assert.True(skipped > 20);
            Assert.Equal(Bits(Weights(always)), Bits(Weights(onDemand)));

            // Forward steps without room for outputs advance the states like any other.
            always.Reset();
            onDemand.Reset();
            for (var t = 0; t < 10; t++)
            {
                Array.Clear(input);
                input[random.Next(input.Length)] = 1.0;
                always.Step(input, outAlways);
                onDemand.Step(input, t == 9 ? outOnDemand : Span<double>.Empty);
            }

            Assert.Equal(Bits(outAlways), Bits(outOnDemand));
        }

        private static double[] Weights(ILstmNetwork network)
        {
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            return weights;
        }

        private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
    }
}
