using LstmGen.Reference;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A network's own spec and weights in the reference interpreter (equal to the compiled class to 1e-12,
    /// tests/LstmGen.Runtime.Tests/Proofs), for the tools that measure every network the same way (<c>bench</c> against
    /// the reference, the drift probe). The interpreter runs a spec, so it parses the spec text the compiled class
    /// carries: with the run-time spec path (<c>--spec</c>), the only place where the experiments program hands YAML to
    /// the parser. Everything else reads <see cref="ILstmNetwork.Description"/>.
    /// </summary>
    public static class ReferenceCopy
    {
        /// <summary>The reference interpreter with <paramref name="network"/>'s spec, weights, learning rate and update timing.</summary>
        public static ReferenceNetwork Of(ILstmNetwork network)
        {
            var copy = ReferenceNetwork.FromYaml(network.SpecFileName, network.SpecText);
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            copy.SetWeights(weights);
            copy.LearningRate = network.LearningRate;
            copy.Update = network.Update;
            return copy;
        }
    }
}
