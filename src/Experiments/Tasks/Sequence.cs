using System;
using System.Collections.Generic;
using System.Globalization;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// One input sequence of a task with its targets: <see cref="Length"/> steps; at step t the network reads
    /// <see cref="Input"/>(t) and, where <see cref="HasTarget"/>[t], is taught <see cref="Target"/>(t).
    /// Targets are stored flat, step-major (<c>Targets[t * OutputSize + k]</c>); inputs too for real-valued tasks, while
    /// the symbolic tasks (one-hot codes, the constructor taking symbols) store only the symbol of each step and hand out rows of a
    /// shared, read-only identity table: a harness passes slices to <c>ILstmNetwork.TrainStep</c> without copying, and a
    /// 2c sequence (1,000 steps of 1,004 inputs) costs a few kilobytes instead of eight megabytes. One-hot targets
    /// (the constructor taking target symbols) are kept the same way: a 2a sequence taught one of 101 symbols at each of its
    /// 100 steps holds 100 target symbols instead of 80 kilobytes of mostly zeros, which the trials allocated and the
    /// garbage collector cleared for every sequence, millions of times per trial.
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

        // Real-valued tasks: Length * InputSize values, step-major. One-hot tasks: the shared identity table.
        private readonly double[] _inputs;

        // One-hot tasks: the input that is 1 at each step (the row of the identity table); null for real-valued tasks.
        private readonly int[]? _activeInputs;

        // One-hot targets: the symbol taught at each step (−1 at a step without a target), and the shared identity table
        // whose rows they name; both null when the targets are dense.
        private readonly int[]? _targetSymbols;
        private readonly double[]? _targetTable;

        // The dense targets: given, or (one-hot targets) built on the first read of Targets.
        private double[]? _targets;

        /// <summary>A sequence of real-valued inputs: <paramref name="inputs"/> holds Length * InputSize values, step-major.</summary>
        public Sequence(int inputSize, int outputSize, double[] inputs, double[] targets, bool[] hasTarget)
            : this(inputSize, outputSize, inputs, targets, hasTarget, activeInputs: null, targetSymbols: null)
        {
        }

        /// <summary>
        /// A sequence whose input at step t is the one-hot code of <paramref name="symbols"/>[t], one of
        /// <paramref name="inputSize"/> symbols. The first <c>hasTarget.Length</c> symbols are read; a longer array
        /// (a symbol string whose last symbol is a target only) is fine.
        /// </summary>
        public Sequence(int inputSize, int outputSize, int[] symbols, double[] targets, bool[] hasTarget)
            : this(inputSize, outputSize, OneHotTable.Of(inputSize), targets, hasTarget, ActiveInputs(inputSize, symbols, hasTarget?.Length ?? 0), targetSymbols: null)
        {
        }

        private Sequence(int inputSize, int outputSize, double[] inputs, double[]? targets, bool[] hasTarget, int[]? activeInputs, int[]? targetSymbols)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            ArgumentNullException.ThrowIfNull(hasTarget);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
            if (activeInputs is null && inputs.Length != hasTarget.Length * inputSize)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"inputs must hold Length * InputSize = {hasTarget.Length * inputSize} values, got {inputs.Length}."),
                    nameof(inputs));
            }

            if (targets is null && targetSymbols is null)
            {
                throw new ArgumentNullException(nameof(targets));
            }

            if (targets is not null && targets.Length != hasTarget.Length * outputSize)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"targets must hold Length * OutputSize = {hasTarget.Length * outputSize} values, got {targets.Length}."),
                    nameof(targets));
            }

            InputSize = inputSize;
            OutputSize = outputSize;
            _inputs = inputs;
            _activeInputs = activeInputs;
            _targets = targets;
            _targetSymbols = targetSymbols;
            _targetTable = targetSymbols is null ? null : OneHotTable.Of(outputSize);
            HasTarget = hasTarget;
            LastTargetStep = Array.LastIndexOf(hasTarget, true);
        }

        /// <summary>Number of steps (network inputs).</summary>
        public int Length => HasTarget.Length;

        public int InputSize { get; }

        public int OutputSize { get; }


        /// <summary>
        /// Length * OutputSize target values, step-major; zero at steps without a target. A sequence with one-hot targets
        /// builds this array on its first read (for tests and descriptions) as a copy: writing to it changes nothing that
        /// <see cref="Target"/>, what a harness reads and which never allocates, returns.
        /// </summary>
        public double[] Targets => _targets ??= DenseTargets();

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

        /// <summary>Whether every input is a one-hot code (<see cref="ActiveInput"/> gives its index).</summary>
        public bool IsOneHot => _activeInputs is not null;

        /// <summary>The index of the input that is 1 at step <paramref name="t"/> of a one-hot sequence (<see cref="IsOneHot"/>).</summary>
        /// <exception cref="InvalidOperationException">The sequence's inputs are real-valued.</exception>
        public int ActiveInput(int t) => _activeInputs is null
            ? throw new InvalidOperationException("The inputs of this sequence are real-valued, not one-hot.")
            : _activeInputs[t];

        /// <summary>The input at step <paramref name="t"/>.</summary>
        public ReadOnlySpan<double> Input(int t) => _activeInputs is null
            ? _inputs.AsSpan(t * InputSize, InputSize)
            : _inputs.AsSpan(_activeInputs[t] * InputSize, InputSize);

        /// <summary>
        /// A sequence of one-hot inputs and one-hot targets: step t reads the code of <paramref name="symbols"/>[t] (one of
        /// <paramref name="inputSize"/> symbols) and is taught the code of <paramref name="targetSymbols"/>[t] (one of
        /// <paramref name="outputSize"/>), or nothing where that is −1. Its <see cref="Target"/> rows are those of a shared
        /// identity table, so the sequence holds no target vectors: the same values as the dense constructor's, bit for bit.
        /// </summary>
        public Sequence(int inputSize, int outputSize, int[] symbols, int[] targetSymbols)
            : this(inputSize, outputSize, OneHotTable.Of(inputSize), targets: null, HasTargets(outputSize, targetSymbols), ActiveInputs(inputSize, symbols, targetSymbols?.Length ?? 0), targetSymbols)
        {
        }

        private static bool[] HasTargets(int outputSize, int[] targetSymbols)
        {
            ArgumentNullException.ThrowIfNull(targetSymbols);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
            var hasTarget = new bool[targetSymbols.Length];
            for (var t = 0; t < targetSymbols.Length; t++)
            {
                if (targetSymbols[t] < -1 || targetSymbols[t] >= outputSize)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(targetSymbols),
                        string.Create(CultureInfo.InvariantCulture, $"target symbol {targetSymbols[t]} at step {t} is neither -1 (no target) nor one of the {outputSize} outputs."));
                }

                hasTarget[t] = targetSymbols[t] >= 0;
            }

            return hasTarget;
        }

        private double[] DenseTargets()
        {
            var dense = new double[Length * OutputSize];
            for (var t = 0; t < Length; t++)
            {
                Target(t).CopyTo(dense.AsSpan(t * OutputSize, OutputSize));
            }

            return dense;
        }

        private static int[] ActiveInputs(int inputSize, int[] symbols, int steps)
        {
            ArgumentNullException.ThrowIfNull(symbols);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
            if (symbols.Length < steps)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"symbols must hold at least Length = {steps} symbols, got {symbols.Length}."),
                    nameof(symbols));
            }

            var active = new int[steps];
            for (var t = 0; t < active.Length; t++)
            {
                if ((uint)symbols[t] >= (uint)inputSize)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(symbols),
                        string.Create(CultureInfo.InvariantCulture, $"symbol {symbols[t]} at step {t} is not one of the {inputSize} inputs."));
                }

                active[t] = symbols[t];
            }

            return active;
        }

        /// <summary>All inputs as one new step-major array (Length * InputSize values), for tests and descriptions.</summary>
        public double[] CopyInputs()
        {
            var copy = new double[Length * InputSize];
            for (var t = 0; t < Length; t++)
            {
                Input(t).CopyTo(copy.AsSpan(t * InputSize, InputSize));
            }

            return copy;
        }

        /// <summary>The target at step <paramref name="t"/>, or an empty span when the step has none (as <c>TrainStep</c> expects).</summary>
        public ReadOnlySpan<double> Target(int t)
        {
            if (!HasTarget[t])
            {
                return ReadOnlySpan<double>.Empty;
            }

            return _targetSymbols is null || _targetTable is null
                ? Targets.AsSpan(t * OutputSize, OutputSize)
                : _targetTable.AsSpan(_targetSymbols[t] * OutputSize, OutputSize);
        }

        /// <summary>The noise-free target at step <paramref name="t"/> (the target itself when the task adds no noise); empty when none.</summary>
        public ReadOnlySpan<double> CleanTarget(int t) =>
            CleanTargets is null || !HasTarget[t] ? Target(t) : CleanTargets.AsSpan(t * OutputSize, OutputSize);

        /// <summary>A zeroed buffer for the network's outputs (Length * OutputSize, step-major), as the judges take it; they read the target steps only.</summary>
        public double[] NewOutputBuffer() => new double[Length * OutputSize];
    }
}
