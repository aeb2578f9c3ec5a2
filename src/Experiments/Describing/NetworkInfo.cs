using System.Linq;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Describing
{
    /// <summary>
    /// Finding a compiled network, and what its <see cref="NetworkDescription"/> says that tools ask about. Nothing here
    /// reads a spec: a network's description is generated with its class (or built by the reference interpreter from the
    /// spec it parsed).
    /// </summary>
    public static class NetworkInfo
    {
        /// <summary>The compiled network called <paramref name="name"/> (case-insensitive).</summary>
        /// <exception cref="UnknownNetworkException">No compiled network has that name (the CLI reports a usage error).</exception>
        public static CompiledNetwork FindCompiled(string name)
        {
            return PaperNetworks.Find(name)
                ?? throw new UnknownNetworkException(name, PaperNetworks.All.Select(n => n.Name).ToList());
        }

        /// <summary>
        /// Whether the network's spec declares <c>inputEncoding: one-hot</c>: such a network refuses a step with more than
        /// one non-zero input, so synthetic data for it (bench, trace) must be one-hot too.
        /// </summary>
        public static bool DeclaresOneHotInput(ILstmNetwork network) => network.Description.InputEncoding == InputCoding.OneHot;

        /// <summary>The block sizes, e.g. "2,2".</summary>
        public static string BlockSizes(NetworkDescription description) =>
            string.Join(",", description.Blocks.Select(b => b.Cells.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
