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
            var description = network.Description;
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            var random = new SeededRandom(seed);
            for (var j = 0; j < description.BlockCount; j++)
            {
                var inputGate = description.InputGateFanIn(j);
                if (inputGate.HasBias)
                {
                    weights[inputGate.BiasOffset] = random.NextSymmetric(description.InitInterval);
                }
            }

            network.SetWeights(weights);
        }
    }
}
