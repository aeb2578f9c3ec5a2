using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// A compiled network whose spec declares <c>inputEncoding: one-hot</c> (Exps 1, 2 and 6 feed one symbol per step).
    /// Its steps also take the index of the active input instead of the input vector: x_i(t) = 1 for
    /// <c>i = activeInput</c> and 0 for every other input. They compute exactly what <see cref="ILstmNetwork.Step"/> and
    /// <see cref="ILstmNetwork.TrainStep"/> compute for that vector, bit for bit, without reading the vector (for the
    /// 1,004 inputs of Exp 2c with p = 1000, the scan takes about 100 ns of a step).
    /// </summary>
    public interface IOneHotNetwork : ILstmNetwork
    {
        /// <summary>One forward step with x(t) the one-hot code of <paramref name="activeInput"/> (see <see cref="ILstmNetwork.Step"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="activeInput"/> is not in [0, InputCount).</exception>
        void Step(int activeInput, Span<double> output);

        /// <summary>One learning step with x(t) the one-hot code of <paramref name="activeInput"/> (see <see cref="ILstmNetwork.TrainStep"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="activeInput"/> is not in [0, InputCount).</exception>
        void TrainStep(int activeInput, ReadOnlySpan<double> target, Span<double> output);
    }
}
