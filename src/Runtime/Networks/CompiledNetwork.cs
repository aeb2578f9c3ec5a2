using System;

namespace LstmGen.Runtime
{
    /// <summary>A network class compiled from a spec, as listed by the generator's registry.</summary>
    /// <param name="Name">The type name.</param>
    /// <param name="FullTypeName">The namespace-qualified type name.</param>
    /// <param name="SpecFileName">The spec file it came from.</param>
    /// <param name="Create">Makes a fresh instance (weights zero until <see cref="ILstmNetwork.InitializeWeights"/>).</param>
    /// <param name="CreateLanes">Makes a fresh lane network of the same spec at the given width (every lane's weights zero
    /// until <see cref="ILaneNetwork.InitializeWeights"/>); null where the generator emitted no lane class.</param>
    /// <param name="LanesByDefault">Whether a run uses <paramref name="CreateLanes"/> by default: false where the generator
    /// found the lane class slower per trial than the scalar class (its SpeedDecisions; docs/performance.md, "Lane networks").</param>
    public sealed record CompiledNetwork(string Name, string FullTypeName, string SpecFileName, Func<ILstmNetwork> Create, Func<LaneWidth, ILaneNetwork>? CreateLanes = null, bool LanesByDefault = true);
}
