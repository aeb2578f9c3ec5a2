using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Runtime.Tests.Networks;
using Xunit;

namespace LstmGen.Runtime.Tests.OneHot
{
    /// <summary>
    /// <see cref="IOneHotNetwork"/>: a step given the index of the active input computes exactly what the same step
    /// computes from the one-hot vector, bit for bit (outputs at every step, weights after training).
    /// </summary>
    public sealed class ActiveInputStepTests
    {
        public static TheoryData<string, UpdateTiming> OneHotNetworks()
        {
            var data = new TheoryData<string, UpdateTiming>();
            foreach (var name in PaperNetworks.All.Where(n => n.Create() is IOneHotNetwork).Select(n => n.Name).Append(nameof(OneHotFull)).Append(nameof(OneHotFloat)))
            {
                data.Add(name, UpdateTiming.PerStep);
                data.Add(name, UpdateTiming.PerSequence);
            }

            return data;
        }

        private static ILstmNetwork Create(string name) => name switch
        {
            nameof(OneHotFull) => new OneHotFull(),
            nameof(OneHotFloat) => new OneHotFloat(),
            _ => PaperNetworks.Find(name)!.Create(),
        };

        [Fact]
        public void Every_paper_network_that_declares_one_hot_inputs_has_the_index_steps_and_no_other()
        {
            var oneHot = PaperNetworks.All.Where(n => n.Create() is IOneHotNetwork).Select(n => n.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

            Assert.Equal(
                new[]
                {
                    "Exp1Reber3x2", "Exp1Reber4x1", "Exp2LongLag", "Exp2cP100", "Exp2cP1000", "Exp2cP200", "Exp2cP50", "Exp2cP500",
                    "Exp6aTemporalOrder", "Exp6bTemporalOrder",
                },
                oneHot);
        }

        [Theory]
        [MemberData(nameof(OneHotNetworks))]
        public void Index_steps_give_the_bits_of_vector_steps(string name, UpdateTiming timing)
        {
            var byVector = Create(name);
            var byIndex = Create(name);
            var indexed = (IOneHotNetwork)byIndex;
            foreach (var network in new[] { byVector, byIndex })
            {
                network.InitializeWeights(17);
                network.Update = timing;
            }

            var random = new Random(5);
            var input = new double[byVector.InputCount];
            var target = new double[byVector.OutputCount];
            var outVector = new double[byVector.OutputCount];
            var outIndex = new double[byVector.OutputCount];
            for (var sequence = 0; sequence < 3; sequence++)
            {
                byVector.Reset();
                byIndex.Reset();
                for (var t = 0; t < 30; t++)
                {
                    var active = random.Next(byVector.InputCount);
                    input[active] = 1.0;
                    var hasTarget = t == 29 || random.Next(2) == 0;
                    for (var k = 0; k < target.Length; k++)
                    {
                        target[k] = random.NextDouble();
                    }

                    var targetSpan = hasTarget ? target : ReadOnlySpan<double>.Empty;
                    byVector.TrainStep(input, targetSpan, outVector);
                    indexed.TrainStep(active, targetSpan, outIndex);
                    input[active] = 0.0;
                    Assert.Equal(Bits(outVector), Bits(outIndex));
                }

                byVector.EndSequence();
                byIndex.EndSequence();
            }

            Assert.Equal(Bits(Weights(byVector)), Bits(Weights(byIndex)));

            // The forward step too, from a reset.
            byVector.Reset();
            byIndex.Reset();
            for (var t = 0; t < 10; t++)
            {
                var active = random.Next(byVector.InputCount);
                input[active] = 1.0;
                byVector.Step(input, outVector);
                indexed.Step(active, outIndex);
                input[active] = 0.0;
                Assert.Equal(Bits(outVector), Bits(outIndex));
            }
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(20)]
        public void An_index_outside_the_inputs_is_refused_before_anything_changes(int activeInput)
        {
            var network = new OneHotFull();
            network.InitializeWeights(3);
            var before = Weights(network);

            var error = Assert.Throws<ArgumentOutOfRangeException>(() => network.TrainStep(activeInput, new double[3], new double[3]));

            Assert.Equal("activeInput", error.ParamName);
            Assert.Contains("[0, 20)", error.Message, StringComparison.Ordinal);
            Assert.Equal(Bits(before), Bits(Weights(network)));
            Assert.Throws<ArgumentOutOfRangeException>(() => network.Step(activeInput, new double[3]));

            // Nothing else changed either (states, traces, the active and touched lists): a valid step from here
            // gives the bits of the same step on a fresh network.
            var fresh = new OneHotFull();
            fresh.InitializeWeights(3);
            var target = new[] { 0.2, 0.9, 0.4 };
            var a = new double[3];
            var b = new double[3];
            network.TrainStep(7, target, a);
            fresh.TrainStep(7, target, b);
            network.EndSequence();
            fresh.EndSequence();
            Assert.Equal(Bits(b), Bits(a));
            Assert.Equal(Bits(Weights(fresh)), Bits(Weights(network)));
        }

        [Fact]
        public void A_wrong_target_length_is_refused_as_by_the_vector_step()
        {
            var network = new OneHotFull();

            var error = Assert.Throws<ArgumentException>(() => network.TrainStep(0, new double[2], new double[3]));

            Assert.Equal("target", error.ParamName);
        }

        private static double[] Weights(ILstmNetwork network)
        {
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            return weights;
        }

        private static IEnumerable<long> Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
    }
}
