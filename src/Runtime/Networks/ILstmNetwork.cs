using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// What every network offers generic code (the training harness, the CLI, the tests): a forward pass, the
    /// paper's truncated-RTRL learning rule (App. A.1), and its weights. Generated classes implement it, and so
    /// does the reference interpreter.
    /// </summary>
    /// <remarks>
    /// One training sequence is: <see cref="Reset"/>; <see cref="TrainStep"/> for each element (with a target
    /// where the task has one, an empty span elsewhere); <see cref="EndSequence"/>. Inputs and outputs cross this
    /// interface as <see cref="double"/> whatever the network's precision.
    /// </remarks>
    public interface ILstmNetwork
    {
        /// <summary>The network's name (the generated type name).</summary>
        string Name { get; }

        int InputCount { get; }

        int OutputCount { get; }

        int WeightCount { get; }

        /// <summary>The learning rate α of Eqs. 22, 26 and 28. Starts at the spec's value.</summary>
        double LearningRate { get; set; }

        /// <summary>When weight changes are applied. Starts at the spec's value.</summary>
        UpdateTiming Update { get; set; }

        /// <summary>The YAML spec the network was built from.</summary>
        string SpecText { get; }

        /// <summary>The spec's file name.</summary>
        string SpecFileName { get; }

        /// <summary>
        /// What the network is, without its spec: settings, units, every fan-in's weights and bias, traces, state, and the
        /// names the trace format uses. A compiled class returns its static <c>Description</c>; the reference interpreter
        /// builds the same from the spec it parsed.
        /// </summary>
        NetworkDescription Description { get; }

        /// <summary>
        /// Draws every weight uniformly from the spec's interval with a <see cref="SeededRandom"/> of the given seed,
        /// in weight order, then sets the gate biases the spec fixes (Table 10 "igb", "ogb"). Clears pending updates.
        /// </summary>
        void InitializeWeights(ulong seed);

        /// <summary>Starts a sequence: activations, internal states and traces are set to zero (§5, extraction §1.3).</summary>
        void Reset();

        /// <summary>One forward step without learning: reads x(t), writes y^k(t).</summary>
        /// <param name="input">x(t), <see cref="InputCount"/> values.</param>
        /// <param name="output">Room for y^k(t), <see cref="OutputCount"/> values; or empty when the caller does not need
        /// them, and then a compiled network does not compute the output units at all (the states still advance).</param>
        void Step(ReadOnlySpan<double> input, Span<double> output);

        /// <summary>
        /// One learning step: the forward pass, the trace updates (Eqs. 25, 27) and, when <paramref name="target"/>
        /// is not empty, the error signals and weight changes (Eqs. 19-28).
        /// </summary>
        /// <param name="input">x(t), <see cref="InputCount"/> values.</param>
        /// <param name="target">t^k(t), <see cref="OutputCount"/> values; empty at a step without a target.</param>
        /// <param name="output">Room for y^k(t), or empty. At a step with neither a target nor room for outputs, a compiled
        /// network skips the output units: nothing reads them (the rule uses y^k only at target steps, Eq. 19), and the
        /// weights, states and traces come out the same.</param>
        void TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> output);

        /// <summary>Ends a training sequence: under <see cref="UpdateTiming.PerSequence"/>, applies the summed changes.</summary>
        void EndSequence();

        /// <summary>Copies the weights, in layout order (docs/spec-language.md, "Weight layout").</summary>
        void CopyWeightsTo(Span<double> destination);

        /// <summary>Replaces the weights, in layout order; clears pending updates.</summary>
        void SetWeights(ReadOnlySpan<double> source);
    }

    /// <summary>A network whose weights are of type <typeparamref name="T"/> and can be viewed in place.</summary>
    public interface ILstmNetwork<T> : ILstmNetwork
        where T : unmanaged
    {
        /// <summary>The weights in layout order, as a live view.</summary>
        Span<T> Weights { get; }
    }
}
