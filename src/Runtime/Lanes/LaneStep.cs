using System;
using System.Numerics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// What one call of <see cref="ILaneNetwork.Step"/> does to each lane: four lane masks (bit k is lane k) and the
    /// lanes' inputs, targets and outputs, lane after lane (lane k's values at k × <see cref="ILaneNetwork.InputCount"/>
    /// or k × <see cref="ILaneNetwork.OutputCount"/>).
    /// </summary>
    /// <remarks>
    /// For lane k in <see cref="ActiveLanes"/> the step is the scalar class's
    /// <c>TrainStep(input_k, target_k or empty, output_k or empty)</c> when k is in <see cref="LearningLanes"/>, else
    /// <c>Step(input_k, output_k or empty)</c>; target_k is given where k is in <see cref="TargetLanes"/>, output_k where k is
    /// in <see cref="OutputLanes"/>. So TargetLanes ⊆ LearningLanes ⊆ ActiveLanes and OutputLanes ⊆ ActiveLanes.
    /// </remarks>
    public readonly ref struct LaneStep
    {
        /// <summary>The lanes that advance by one time step; the others are untouched.</summary>
        public ulong ActiveLanes { get; init; }

        /// <summary>The active lanes that learn (traces, Eqs. 25 and 27; and where they have a target, Eqs. 19-28);
        /// the other active lanes run forward only (a test sequence).</summary>
        public ulong LearningLanes { get; init; }

        /// <summary>The learning lanes with a target at this step (their slices of <see cref="Targets"/> are read).</summary>
        public ulong TargetLanes { get; init; }

        /// <summary>The active lanes whose outputs y^k(t) are written to their slices of <see cref="Outputs"/>.</summary>
        public ulong OutputLanes { get; init; }

        /// <summary>x(t) of every lane, K × InputCount values; empty when <see cref="ActiveInputs"/> gives the inputs.</summary>
        public ReadOnlySpan<double> Inputs { get; init; }

        /// <summary>For one-hot networks (<see cref="ILaneNetwork.AcceptsActiveInputs"/>): the index of each lane's active
        /// input, K values (x_i(t) = 1 for that i, 0 for the others). Empty when <see cref="Inputs"/> gives the inputs.</summary>
        public ReadOnlySpan<int> ActiveInputs { get; init; }

        /// <summary>t^k(t) of every lane, K × OutputCount values (read for <see cref="TargetLanes"/> only); may be empty
        /// when no lane has a target.</summary>
        public ReadOnlySpan<double> Targets { get; init; }

        /// <summary>Room for y^k(t) of every lane, K × OutputCount values (written for <see cref="OutputLanes"/> only);
        /// may be empty when no lane wants its outputs.</summary>
        public Span<double> Outputs { get; init; }

        /// <summary>The mask of lanes 0 … <paramref name="laneCount"/> - 1.</summary>
        public static ulong AllLanes(int laneCount) =>
            laneCount is < 1 or > 64 ? throw new ArgumentOutOfRangeException(nameof(laneCount), laneCount, "A lane network has 1 to 64 lanes.")
            : laneCount == 64 ? ulong.MaxValue : (1UL << laneCount) - 1;

        /// <summary>The mask with lane <paramref name="lane"/> alone.</summary>
        public static ulong Lane(int lane) =>
            lane is < 0 or > 63 ? throw new ArgumentOutOfRangeException(nameof(lane), lane, "A lane index is 0 to 63.") : 1UL << lane;

        /// <summary>
        /// Throws an <see cref="ArgumentException"/> naming what is wrong unless this step fits a network of
        /// <paramref name="laneCount"/> lanes, <paramref name="inputCount"/> inputs and <paramref name="outputCount"/>
        /// outputs: masks nested as the remarks say and within the lanes, inputs given one way (active inputs only when
        /// <paramref name="acceptsActiveInputs"/>, each in [0, inputCount) for an active lane), spans long enough.
        /// </summary>
        public void Validate(int laneCount, int inputCount, int outputCount, bool acceptsActiveInputs)
        {
            var all = AllLanes(laneCount);
            if ((ActiveLanes & ~all) != 0)
            {
                throw new ArgumentException($"ActiveLanes names lane {BitOperations.TrailingZeroCount(ActiveLanes & ~all)}, but the network has {laneCount} lanes.");
            }

            Require((LearningLanes & ~ActiveLanes) == 0, "LearningLanes must be a subset of ActiveLanes.");
            Require((TargetLanes & ~LearningLanes) == 0, "TargetLanes must be a subset of LearningLanes (a lane that runs forward only has no target).");
            Require((OutputLanes & ~ActiveLanes) == 0, "OutputLanes must be a subset of ActiveLanes.");
            if (ActiveInputs.IsEmpty)
            {
                if (Inputs.Length < laneCount * inputCount && ActiveLanes != 0)
                {
                    throw new ArgumentException($"Inputs holds {Inputs.Length} values; {laneCount} lanes of {inputCount} inputs need {laneCount * inputCount}.");
                }
            }
            else
            {
                Require(acceptsActiveInputs, "ActiveInputs is given, but the network is not one-hot (inputEncoding: one-hot); give Inputs instead.");
                Require(Inputs.IsEmpty, "Give the inputs one way: Inputs or ActiveInputs, not both.");
                if (ActiveInputs.Length < laneCount)
                {
                    throw new ArgumentException($"ActiveInputs holds {ActiveInputs.Length} indices; the network has {laneCount} lanes.");
                }

                for (var mask = ActiveLanes; mask != 0; mask &= mask - 1)
                {
                    var lane = BitOperations.TrailingZeroCount(mask);
                    if ((uint)ActiveInputs[lane] >= (uint)inputCount)
                    {
                        throw new ArgumentException($"Lane {lane}'s active input is {ActiveInputs[lane]}; it must be in [0, {inputCount}).");
                    }
                }
            }

            // The messages are formatted only when thrown: Validate runs at every step.
            if (TargetLanes != 0 && Targets.Length < laneCount * outputCount)
            {
                throw new ArgumentException($"Targets holds {Targets.Length} values; {laneCount} lanes of {outputCount} outputs need {laneCount * outputCount}.");
            }

            if (OutputLanes != 0 && Outputs.Length < laneCount * outputCount)
            {
                throw new ArgumentException($"Outputs holds {Outputs.Length} values; {laneCount} lanes of {outputCount} outputs need {laneCount * outputCount}.");
            }
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException(message);
            }
        }
    }
}
