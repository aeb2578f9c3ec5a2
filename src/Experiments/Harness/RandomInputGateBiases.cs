using System;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Parsing;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Table 10 igb "r" for a network whose spec fixes its input gate biases: Exp 5 initialises every weight, the input
    /// gate biases included, in [-0.1, 0.1], while the Exps 4/5 spec fixes them at -3 and -6 for Exp 4.
    /// </summary>
    public static class RandomInputGateBiases
    {
        /// <summary>
        /// Redraws every input gate bias of <paramref name="network"/> uniformly in its spec's initialisation interval,
        /// block by block, from a stream of its own (<paramref name="seed"/>), after the spec's initialisation.
        /// </summary>
        public static void Draw(ILstmNetwork network, ulong seed)
        {
            // The generated class exposes only its spec's text: the layout, which says where the biases are, comes from it.
            var spec = SpecParser.Parse(network.SpecFileName, network.SpecText).Spec
                ?? throw new InvalidOperationException("The compiled spec of " + network.Name + " does not parse.");
            var layout = NetworkLayout.Create(spec);
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            var random = new SeededRandom(seed);
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var row = layout.InputGateFanIn(j);
                if (row.HasBias)
                {
                    weights[row.BiasOffset] = random.NextSymmetric(spec.InitInterval);
                }
            }

            network.SetWeights(weights);
        }
    }
}
