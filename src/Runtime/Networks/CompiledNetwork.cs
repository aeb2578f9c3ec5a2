using System;

namespace LstmGen.Runtime
{
    /// <summary>A network class compiled from a spec, as listed by the generator's registry.</summary>
    /// <param name="Name">The type name.</param>
    /// <param name="FullTypeName">The namespace-qualified type name.</param>
    /// <param name="SpecFileName">The spec file it came from.</param>
    /// <param name="Create">Makes a fresh instance (weights zero until <see cref="ILstmNetwork.InitializeWeights"/>).</param>
    public sealed record CompiledNetwork(string Name, string FullTypeName, string SpecFileName, Func<ILstmNetwork> Create);
}
