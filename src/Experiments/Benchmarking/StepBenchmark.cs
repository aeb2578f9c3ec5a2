using System;
using System.Collections.Generic;
using System.Diagnostics;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>The cost of one time step: median wall time over the repetitions, and the most bytes any repetition allocated.</summary>
    public sealed record StepCost(double NanosecondsPerStep, double BytesPerStep);

    /// <summary>
    /// The clock of <c>lstmgen bench</c> (no BenchmarkDotNet, so it runs under NativeAOT) around the shared workload
    /// <see cref="StepData"/>: a warm-up until the JIT goes quiet (<see cref="JitWarmUp"/>), then several timed repetitions
    /// of a fixed number of steps; the median time per step is reported, and the bytes allocated on the thread during each
    /// timed loop (a generated network must allocate nothing per step). Every repetition starts from the same weights, set
    /// outside the timed loop, so learning cannot drift into a different numeric regime.
    /// </summary>
    public sealed class StepBenchmark
    {
        private readonly StepData _data;
        private readonly int _steps;
        private readonly int _repetitions;

        public StepBenchmark(StepData data, int steps, int repetitions)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (steps < 1 || repetitions < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(steps), "steps and repetitions must be positive");
            }

            _data = data;
            _steps = steps;
            _repetitions = repetitions;
        }

        /// <summary>The forward pass alone (<see cref="StepData.Forward"/>).</summary>
        public StepCost Forward(ILstmNetwork network) => Measure(network, learn: false);

        /// <summary>A learning step (<see cref="StepData.Train"/>: a target at every step, EndSequence every <see cref="StepData.SequenceLength"/> steps).</summary>
        public StepCost Train(ILstmNetwork network) => Measure(network, learn: true);

        private StepCost Measure(ILstmNetwork network, bool learn)
        {
            var initial = new double[network.WeightCount];
            network.CopyWeightsTo(initial);
            var output = new double[network.OutputCount];

            var chunk = Math.Max(_steps / 2, 2 * StepData.SequenceLength);
            JitWarmUp.Run(() => Run(network, learn, output, chunk));

            var times = new List<double>(_repetitions);
            var worstBytes = 0L;
            for (var r = 0; r < _repetitions; r++)
            {
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
            if (learn)
            {
                _data.Train(network, output, steps);
            }
            else
            {
                _data.Forward(network, output, steps);
            }
        }
    }
}
