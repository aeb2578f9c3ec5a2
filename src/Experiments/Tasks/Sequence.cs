using System;
using System.Collections.Generic;
using System.Globalization;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// One input sequence of a task with its targets: <see cref="Length"/> steps; at step t the network reads
    /// <see cref="Input"/>(t) and, where <see cref="HasTarget"/>[t], is taught <see cref="Target"/>(t).
    /// Inputs and targets are stored flat, step-major (<c>Inputs[t * InputSize + i]</c>), so a harness hands
    /// slices to <c>ILstmNetwork.TrainStep</c> without copying.
    /// </summary>
    /// <remarks>
    /// The metadata (<see cref="Class"/>, <see cref="Symbols"/>, <see cref="LegalSuccessors"/>, <see cref="CleanTargets"/>,
    /// <see cref="RelevantPositions"/>) is what a task needs to judge the sequence and what a trace needs to explain it.
    /// For the symbol-prediction tasks (1, 2a, 2b, 2c) <see cref="Symbols"/> is the whole symbol string; step t reads
    /// symbol t and predicts symbol t + 1, so the last symbol is a target only and <see cref="Length"/> is one less
    /// than the string's length.
    /// </remarks>
    public sealed class Sequence
    {
        private static readonly int[] NoPositions = Array.Empty<int>();

        public Sequence(int inputSize, int outputSize, double[] inputs, double[] targets, bool[] hasTarget)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            ArgumentNullException.ThrowIfNull(targets);
            ArgumentNullException.ThrowIfNull(hasTarget);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
            if (inputs.Length != hasTarget.Length * inputSize)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"inputs must hold Length * InputSize = {hasTarget.Length * inputSize} values, got {inputs.Length}."),
                    nameof(inputs));
            }

            if (targets.Length != hasTarget.Length * outputSize)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"targets must hold Length * OutputSize = {hasTarget.Length * outputSize} values, got {targets.Length}."),
                    nameof(targets));
            }

            InputSize = inputSize;
            OutputSize = outputSize;
            Inputs = inputs;
            Targets = targets;
            HasTarget = hasTarget;
            LastTargetStep = Array.LastIndexOf(hasTarget, true);
        }

        /// <summary>Number of steps (network inputs).</summary>
        public int Length => HasTarget.Length;

        public int InputSize { get; }

        public int OutputSize { get; }

        /// <summary>Length * InputSize input values, step-major.</summary>
        public double[] Inputs { get; }

        /// <summary>Length * OutputSize target values, step-major; zero at steps without a target.</summary>
        public double[] Targets { get; }

        /// <summary>Whether step t carries an error signal.</summary>
        public bool[] HasTarget { get; }

        /// <summary>The last step with a target ("sequence end" in the paper's success criteria); −1 when none.</summary>
        public int LastTargetStep { get; }

        /// <summary>The class index for classification tasks (the task's doc comment names the classes); −1 otherwise.</summary>
        public int Class { get; init; } = -1;

        /// <summary>The symbol string (indices into the task's alphabet) for symbolic tasks; null for real-valued ones.</summary>
        public int[]? Symbols { get; init; }

        /// <summary>
        /// Per step, the symbols that may legally follow the one read at that step, ascending (Exp. 1: the success test
        /// compares the most active outputs with this set); null where the task has none.
        /// </summary>
        public IReadOnlyList<int[]>? LegalSuccessors { get; init; }

        /// <summary>The noise-free targets, laid out like <see cref="Targets"/> (Exp. 3c); null when the targets carry no noise.</summary>
        public double[]? CleanTargets { get; init; }

        /// <summary>The steps whose inputs carry the information the final target depends on (for traces and tests).</summary>
        public int[] RelevantPositions { get; init; } = NoPositions;

        /// <summary>The input at step <paramref name="t"/>.</summary>
        public ReadOnlySpan<double> Input(int t) => Inputs.AsSpan(t * InputSize, InputSize);

        /// <summary>The target at step <paramref name="t"/>, or an empty span when the step has none (as <c>TrainStep</c> expects).</summary>
        public ReadOnlySpan<double> Target(int t) => HasTarget[t] ? Targets.AsSpan(t * OutputSize, OutputSize) : ReadOnlySpan<double>.Empty;

        /// <summary>The noise-free target at step <paramref name="t"/> (the target itself when the task adds no noise); empty when none.</summary>
        public ReadOnlySpan<double> CleanTarget(int t) =>
            !HasTarget[t] ? ReadOnlySpan<double>.Empty : (CleanTargets ?? Targets).AsSpan(t * OutputSize, OutputSize);

        /// <summary>A zeroed buffer for the network's outputs at every step (Length * OutputSize, step-major), as the judges take it.</summary>
        public double[] NewOutputBuffer() => new double[Length * OutputSize];
    }
}
