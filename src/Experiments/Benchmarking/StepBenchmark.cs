using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>The cost of one time step: median wall time over the repetitions, and the most bytes any repetition allocated.</summary>
    public sealed record StepCost(double NanosecondsPerStep, double BytesPerStep);

    /// <summary>
    /// A small timing harness (no BenchmarkDotNet, so it runs under NativeAOT): a warm-up run, then several timed
    /// repetitions of a fixed number of steps; the median time per step is reported, and the bytes allocated on the
    /// thread during each timed loop (a generated network must allocate nothing per step).
    /// Sequences are <see cref="SequenceLength"/> steps long: forward passes Reset after each; learning runs end each
    /// with <see cref="ILstmNetwork.EndSequence"/> and give a target at every step. A one-hot network
    /// (<see cref="IOneHotNetwork"/>) is stepped by the index of the active input, as the trials step it; every other
    /// network, the reference interpreter included, reads the one-hot vectors.
    /// </summary>
    public sealed class StepBenchmark
    {
        public const int SequenceLength = 100;

        /// <summary>The least wall time spent warming up before each measurement.</summary>
        public static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(300);

        /// <summary>The most wall time spent warming up while the JIT is still compiling (then the measurement goes ahead).</summary>
        public static readonly TimeSpan MaxWarmUpTime = TimeSpan.FromSeconds(5);

        private readonly double[][] _inputs;
        private readonly double[][] _targets;
        private readonly int[]? _activeInputs;
        private readonly int _steps;
        private readonly int _repetitions;

        public StepBenchmark(int inputCount, int outputCount, int steps, int repetitions, ulong seed = 1, bool oneHot = false)
        {
            if (steps < 1 || repetitions < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(steps), "steps and repetitions must be positive");
            }

            var random = new SeededRandom(seed);
            _inputs = new double[SequenceLength][];
            _targets = new double[SequenceLength][];
            _activeInputs = oneHot ? new int[SequenceLength] : null;
            for (var t = 0; t < SequenceLength; t++)
            {
                if (oneHot)
                {
                    // One input at 1 per step, as a symbol stream feeds a network declared 'inputEncoding: one-hot'.
                    _inputs[t] = new double[inputCount];
                    _activeInputs![t] = random.NextInt(inputCount);
                    _inputs[t][_activeInputs[t]] = 1.0;
                }
                else
                {
                    _inputs[t] = Enumerable.Range(0, inputCount).Select(_ => random.NextUniform(-1.0, 1.0)).ToArray();
                }

                _targets[t] = Enumerable.Range(0, outputCount).Select(_ => random.NextDouble()).ToArray();
            }

            _steps = steps;
            _repetitions = repetitions;
        }

        /// <summary>The forward pass alone (<see cref="ILstmNetwork.Step"/>).</summary>
        public StepCost Forward(ILstmNetwork network) => Measure(network, learn: false);

        /// <summary>A learning step (<see cref="ILstmNetwork.TrainStep"/> with a target, EndSequence every <see cref="SequenceLength"/> steps).</summary>
        public StepCost Train(ILstmNetwork network) => Measure(network, learn: true);

        private StepCost Measure(ILstmNetwork network, bool learn)
        {
            var initial = new double[network.WeightCount];
            network.CopyWeightsTo(initial);
            var output = new double[network.OutputCount];

            // Warm-up, by time as well as by steps: the JIT promotes hot methods to its optimised tier only after
            // a quiet period without new compilations, in the background (under NativeAOT this is merely wasted time).
            // Then on until a whole warm-up run of at least WarmUpTime / 3 compiles nothing: the optimised code of a large
            // Forward method can take longer than WarmUpTime to arrive on a busy machine, and a repetition timed on
            // the unoptimised code is several times slower (Exp1Reber4x1's forward pass measured 150 to 2,100 ns).
            var warmUpStart = Stopwatch.GetTimestamp();
            var chunk = Math.Max(_steps / 2, 2 * SequenceLength);
            do
            {
                Run(network, learn, output, chunk);
            }
            while (Stopwatch.GetElapsedTime(warmUpStart) < WarmUpTime);

            while (Stopwatch.GetElapsedTime(warmUpStart) < MaxWarmUpTime)
            {
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                var quietStart = Stopwatch.GetTimestamp();
                do
                {
                    Run(network, learn, output, chunk);
                }
                while (Stopwatch.GetElapsedTime(quietStart) < WarmUpTime / 3);

                if (System.Runtime.JitInfo.GetCompiledMethodCount() == compiled)
                {
                    break;
                }
            }

            var times = new List<double>(_repetitions);
            var worstBytes = 0L;
            for (var r = 0; r < _repetitions; r++)
            {
                // The same weights for every repetition, so learning cannot drift into a different numeric regime.
                network.SetWeights(initial);
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                Run(network, learn, output, _steps);
                var elapsed = Stopwatch.GetTimestamp() - start;
                var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                times.Add(elapsed * 1e9 / Stopwatch.Frequency / _steps);
                worstBytes = Math.Max(worstBytes, bytes);
            }

            network.SetWeights(initial);
            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : 0.5 * (times[(times.Count / 2) - 1] + times[times.Count / 2]);
            return new StepCost(median, (double)worstBytes / _steps);
        }

        private void Run(ILstmNetwork network, bool learn, double[] output, int steps)
        {
            network.Reset();
            var oneHot = _activeInputs is null ? null : network as IOneHotNetwork;
            var t = 0;
            for (var i = 0; i < steps; i++)
            {
                if (oneHot is not null)
                {
                    if (learn)
                    {
                        oneHot.TrainStep(_activeInputs![t], _targets[t], output);
                    }
                    else
                    {
                        oneHot.Step(_activeInputs![t], output);
                    }
                }
                else if (learn)
                {
                    network.TrainStep(_inputs[t], _targets[t], output);
                }
                else
                {
                    network.Step(_inputs[t], output);
                }

                if (++t == SequenceLength)
                {
                    t = 0;
                    if (learn)
                    {
                        network.EndSequence();
                    }

                    network.Reset();
                }
            }

            if (learn && t != 0)
            {
                network.EndSequence();
            }
        }
    }
}
