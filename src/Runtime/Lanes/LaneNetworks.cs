using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// Makes lane networks: the generated lane class of a compiled network where it has one
    /// (<see cref="CompiledNetwork.CreateLanes"/>), else <see cref="ScalarLanes"/> over its scalar class.
    /// </summary>
    public static class LaneNetworks
    {
        /// <summary>
        /// The lanes a run uses by default for <paramref name="network"/>: where it has a generated lane class that is
        /// faster per trial than the scalar class (<see cref="CompiledNetwork.LanesByDefault"/>), K of the widest width
        /// this machine accelerates (<see cref="Lanes.Count{T}()"/> of its element type); else 1, the scalar path
        /// (<see cref="ScalarLanes"/> would only add bookkeeping to K scalar networks).
        /// </summary>
        public static int DefaultCount(CompiledNetwork network)
        {
            ArgumentNullException.ThrowIfNull(network);
            return network.CreateLanes is null || !network.LanesByDefault ? 1 : CountAt(network, Lanes.Widest);
        }

        /// <summary>
        /// A lane network of <paramref name="laneCount"/> lanes of <paramref name="network"/>: its generated lane class
        /// at an accelerated width whose K is <paramref name="laneCount"/> where there is one, else
        /// <see cref="ScalarLanes"/>.
        /// </summary>
        public static ILaneNetwork Create(CompiledNetwork network, int laneCount)
        {
            ArgumentNullException.ThrowIfNull(network);
            _ = LaneStep.AllLanes(laneCount);
            if (network.CreateLanes is { } createLanes)
            {
                foreach (var width in new[] { LaneWidth.Vector512, LaneWidth.Vector256, LaneWidth.Vector128 })
                {
                    if (Lanes.IsAccelerated(width) && CountAt(network, width) == laneCount)
                    {
                        var lanes = createLanes(width);
                        if (lanes.LaneCount == laneCount)
                        {
                            return lanes;
                        }
                    }
                }
            }

            return new ScalarLanes(network.Create, laneCount);
        }

        /// <summary><see cref="ScalarLanes"/> of <paramref name="laneCount"/> networks made by <paramref name="create"/>
        /// (a spec run by the reference interpreter has no lane class).</summary>
        public static ILaneNetwork Create(Func<ILstmNetwork> create, int laneCount) => new ScalarLanes(create, laneCount);

        /// <summary>K at <paramref name="width"/> for the element type of <paramref name="network"/>'s weights.</summary>
        private static int CountAt(CompiledNetwork network, LaneWidth width) =>
            network.Create() is ILstmNetwork<float> ? Lanes.Count<float>(width) : Lanes.Count<double>(width);
    }
}
