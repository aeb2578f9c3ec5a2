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
        public StepCost Forward(ILstmNetwork network) => Measure([network], learn: false)[0];

        /// <summary>A learning step (<see cref="StepData.Train"/>: a target at every step, EndSequence every <see cref="StepData.SequenceLength"/> steps).</summary>
        public StepCost Train(ILstmNetwork network) => Measure([network], learn: true)[0];

        /// <summary>
        /// The forward pass of several networks of the same spec, measured alternately in one run (repetition r times each
        /// network in turn, the order reversed every other repetition), so that a change of the machine's load slows them
        /// alike and their ratio holds: one cost per network, in the order given.
        /// </summary>
        public IReadOnlyList<StepCost> Forward(IReadOnlyList<ILstmNetwork> networks) => Measure(networks, learn: false);

        /// <summary>A learning step of several networks of the same spec, measured alternately as <see cref="Forward(IReadOnlyList{ILstmNetwork})"/> does.</summary>
        public IReadOnlyList<StepCost> Train(IReadOnlyList<ILstmNetwork> networks) => Measure(networks, learn: true);

        private StepCost[] Measure(IReadOnlyList<ILstmNetwork> networks, bool learn)
        {
            ArgumentNullException.ThrowIfNull(networks);
            var count = networks.Count;
            var initial = new double[count][];
            var outputs = new double[count][];
            for (var n = 0; n < count; n++)
            {
                initial[n] = new double[networks[n].WeightCount];
                networks[n].CopyWeightsTo(initial[n]);
                outputs[n] = new double[networks[n].OutputCount];
            }

            var chunk = Math.Max(_steps / 2, 2 * StepData.SequenceLength);
            for (var n = 0; n < count; n++)
            {
                var (network, output) = (networks[n], outputs[n]);
                JitWarmUp.Run(() => Run(network, learn, output, chunk));
            }

            var times = new List<double>[count];
            var worstBytes = new long[count];
            for (var n = 0; n < count; n++)
            {
                times[n] = new List<double>(_repetitions);
            }

            for (var r = 0; r < _repetitions; r++)
            {
                for (var i = 0; i < count; i++)
                {
                    var n = r % 2 == 0 ? i : count - 1 - i;
                    var network = networks[n];
                    network.SetWeights(initial[n]);
                    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                    var start = Stopwatch.GetTimestamp();
                    Run(network, learn, outputs[n], _steps);
                    var elapsed = Stopwatch.GetTimestamp() - start;
                    var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                    times[n].Add(elapsed * 1e9 / Stopwatch.Frequency / _steps);
                    worstBytes[n] = Math.Max(worstBytes[n], bytes);
                }
            }

            var costs = new StepCost[count];
            for (var n = 0; n < count; n++)
            {
                networks[n].SetWeights(initial[n]);
                costs[n] = new StepCost(Median(times[n]), (double)worstBytes[n] / _steps);
            }

            return costs;
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            return values.Count % 2 == 1 ? values[values.Count / 2] : 0.5 * (values[(values.Count / 2) - 1] + values[values.Count / 2]);
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
