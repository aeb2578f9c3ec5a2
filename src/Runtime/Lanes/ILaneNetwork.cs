using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// K independent networks of one spec (K = <see cref="LaneCount"/>, the lanes), advanced together: one call of
    /// <see cref="Step"/> moves every active lane by one time step. Lane k computes exactly what a scalar
    /// <see cref="ILstmNetwork"/> of the same spec computes, bit for bit, when given lane k's seed, inputs, targets,
    /// resets, sequence ends and learning rate: the lanes share no data, only instructions.
    /// </summary>
    /// <remarks>
    /// <para>Why: the paper's protocol is many independent trials per row (Tables 1-9: 10-30), and a small network's
    /// learning step is held up by the latency of its dependent sigmoids, not by arithmetic; K trials advanced in the K
    /// lanes of a vector register pay that latency once (docs/performance.md, "Lane networks").</para>
    /// <para>One training sequence of lane k is: <see cref="Reset"/>(k); steps in which k is active (see
    /// <see cref="LaneStep"/>); <see cref="EndSequence"/>(k). Lanes start and end their sequences independently, and a lane
    /// may sit idle for any number of steps. Weights cross this interface in the scalar class's layout order
    /// (docs/spec-language.md, "Weight layout"), so a trial can move between a lane and a scalar network (or a
    /// checkpoint) at any sequence boundary.</para>
    /// </remarks>
    public interface ILaneNetwork
    {
        /// <summary>The network's name (the scalar generated type name).</summary>
        string Name { get; }

        /// <summary>The network every lane holds, described (<see cref="ILstmNetwork.Description"/> of the scalar class).</summary>
        NetworkDescription Description { get; }

        int InputCount { get; }

        int OutputCount { get; }

        int WeightCount { get; }

        /// <summary>K: how many independent networks this object holds (at most 64, the bits of a lane mask).</summary>
        int LaneCount { get; }

        /// <summary>The vector width one step runs at (<see cref="LaneWidth.Scalar"/>: the lanes are stepped one by one).</summary>
        LaneWidth Width { get; }

        /// <summary>Whether steps may give each lane's input as the index of its active input
        /// (<see cref="LaneStep.ActiveInputs"/>): true for specs that declare <c>inputEncoding: one-hot</c>
        /// (see <see cref="IOneHotNetwork"/>).</summary>
        bool AcceptsActiveInputs { get; }

        /// <summary>When weight changes are applied, for every lane. Starts at the spec's value.</summary>
        UpdateTiming Update { get; set; }

        /// <summary>Initialises lane <paramref name="lane"/> exactly as <see cref="ILstmNetwork.InitializeWeights"/> does
        /// with <paramref name="seed"/>; clears its pending updates. Other lanes are untouched.</summary>
        void InitializeWeights(int lane, ulong seed);

        /// <summary>Starts a sequence in lane <paramref name="lane"/> (<see cref="ILstmNetwork.Reset"/>).</summary>
        void Reset(int lane);

        /// <summary>Ends lane <paramref name="lane"/>'s sequence (<see cref="ILstmNetwork.EndSequence"/>): under
        /// <see cref="UpdateTiming.PerSequence"/> applies that lane's summed changes only.</summary>
        void EndSequence(int lane);

        /// <summary>Lane <paramref name="lane"/>'s learning rate α (Eqs. 22, 26 and 28). Starts at the spec's value.</summary>
        double GetLearningRate(int lane);

        /// <summary>Sets lane <paramref name="lane"/>'s learning rate α (so one lane network can run a learning-rate sweep).</summary>
        void SetLearningRate(int lane, double learningRate);

        /// <summary>Copies lane <paramref name="lane"/>'s weights, in layout order (<see cref="ILstmNetwork.CopyWeightsTo"/>).</summary>
        void CopyWeightsTo(int lane, Span<double> destination);

        /// <summary>Replaces lane <paramref name="lane"/>'s weights, in layout order; clears its pending updates
        /// (<see cref="ILstmNetwork.SetWeights"/>).</summary>
        void SetWeights(int lane, ReadOnlySpan<double> source);

        /// <summary>
        /// One time step of every lane in <see cref="LaneStep.ActiveLanes"/>: for such a lane k, exactly the scalar
        /// <see cref="ILstmNetwork.TrainStep"/> (k in <see cref="LaneStep.LearningLanes"/>) or
        /// <see cref="ILstmNetwork.Step"/> (otherwise), with lane k's slices of the step's spans. Lanes not active are
        /// untouched, their slices of <see cref="LaneStep.Outputs"/> included.
        /// </summary>
        /// <exception cref="ArgumentException">The step is not valid for this network (<see cref="LaneStep.Validate"/>).</exception>
        void Step(scoped in LaneStep step);
    }
}
