using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// Whole-sequence forms of <see cref="ILstmNetwork"/>'s step API. Sequences are flat, row-major arrays: step t's
    /// inputs are <c>inputs[t*InputCount .. (t+1)*InputCount)</c>, its targets and outputs likewise with OutputCount.
    /// </summary>
    public static class SequenceTraining
    {
        /// <summary>
        /// Trains on one sequence: <see cref="ILstmNetwork.Reset"/>, a <see cref="ILstmNetwork.TrainStep"/> per element
        /// (with its target where <paramref name="hasTarget"/> says so), then <see cref="ILstmNetwork.EndSequence"/>.
        /// Writes every step's outputs to <paramref name="outputs"/> when it is not empty.
        /// </summary>
        public static void TrainSequence(
            this ILstmNetwork network,
            ReadOnlySpan<double> inputs,
            ReadOnlySpan<double> targets,
            ReadOnlySpan<bool> hasTarget,
            Span<double> outputs = default)
        {
            ArgumentNullException.ThrowIfNull(network);
            var length = CheckShapes(network, inputs, targets, hasTarget, outputs);
            network.Reset();
            for (var t = 0; t < length; t++)
            {
                var target = hasTarget[t] ? targets.Slice(t * network.OutputCount, network.OutputCount) : ReadOnlySpan<double>.Empty;
                var output = outputs.IsEmpty ? Span<double>.Empty : outputs.Slice(t * network.OutputCount, network.OutputCount);
                network.TrainStep(inputs.Slice(t * network.InputCount, network.InputCount), target, output);
            }

            network.EndSequence();
        }

        /// <summary>Runs one sequence forward from a reset state, without learning.</summary>
        public static void RunSequence(this ILstmNetwork network, ReadOnlySpan<double> inputs, Span<double> outputs)
        {
            ArgumentNullException.ThrowIfNull(network);
            if (inputs.Length % network.InputCount != 0)
            {
                throw new ArgumentException("The inputs are not a whole number of steps.", nameof(inputs));
            }

            var length = inputs.Length / network.InputCount;
            if (outputs.Length != length * network.OutputCount)
            {
                throw new ArgumentException("Expected room for " + (length * network.OutputCount) + " outputs.", nameof(outputs));
            }

            network.Reset();
            for (var t = 0; t < length; t++)
            {
                network.Step(inputs.Slice(t * network.InputCount, network.InputCount), outputs.Slice(t * network.OutputCount, network.OutputCount));
            }
        }

        private static int CheckShapes(ILstmNetwork network, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, ReadOnlySpan<bool> hasTarget, Span<double> outputs)
        {
            var length = hasTarget.Length;
            if (inputs.Length != length * network.InputCount)
            {
                throw new ArgumentException("Expected " + (length * network.InputCount) + " inputs for " + length + " steps.", nameof(inputs));
            }

            if (targets.Length != length * network.OutputCount)
            {
                throw new ArgumentException("Expected " + (length * network.OutputCount) + " targets for " + length + " steps.", nameof(targets));
            }

            if (!outputs.IsEmpty && outputs.Length != length * network.OutputCount)
            {
                throw new ArgumentException("Expected room for " + (length * network.OutputCount) + " outputs.", nameof(outputs));
            }

            return length;
        }
    }
}
