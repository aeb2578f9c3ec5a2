using System;
using System.Diagnostics;
using System.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// Runs a workload until the JIT goes quiet, before it is timed: <c>lstmgen bench</c> before its repetitions, the
    /// BenchmarkDotNet suite in its global setups (before the pilot stage sizes the iterations). Tiered compilation
    /// promotes a hot method to optimised code only after it has been called 30 times and no method has been compiled for
    /// 100 ms, and then compiles it in the background; a measurement taken before that times unoptimised code, which is
    /// several times slower (a generated Exp2cP1000 sequence 20 to 40 times), and a large generated method can take longer
    /// than the minimum to arrive on a busy machine. A quiet round is therefore measured in this thread's processor time
    /// where the OS tells it (<see cref="ThreadCpuClock"/>): on a loaded machine a round of wall time may pass while the
    /// background compiler waits for a core, and look quiet; a round of processor time gives the background compiler about
    /// as much (the scheduler shares the cores fairly between threads). Under NativeAOT nothing is compiled, and the minimum
    /// is merely spent.
    /// </summary>
    public static class JitWarmUp
    {
        /// <summary>The least time spent running the workload.</summary>
        public static readonly TimeSpan MinimumTime = TimeSpan.FromMilliseconds(300);

        /// <summary>After the minimum, the workload runs in rounds of at least this much processor time of this thread (wall time where that is unknown) until a whole round compiles nothing.</summary>
        public static readonly TimeSpan QuietRound = TimeSpan.FromMilliseconds(100);

        /// <summary>The most wall time spent while the JIT is still compiling (then the measurement goes ahead).</summary>
        public static readonly TimeSpan MaximumTime = TimeSpan.FromSeconds(30);

        /// <summary>Calls <paramref name="workload"/> for <see cref="MinimumTime"/>, then until a <see cref="QuietRound"/> compiles no method (at most <see cref="MaximumTime"/> in all).</summary>
        public static void Run(Action workload)
        {
            ArgumentNullException.ThrowIfNull(workload);
            var start = Stopwatch.GetTimestamp();
            do
            {
                workload();
            }
            while (Stopwatch.GetElapsedTime(start) < MinimumTime);

            while (Stopwatch.GetElapsedTime(start) < MaximumTime)
            {
                var compiled = JitInfo.GetCompiledMethodCount();
                var roundStart = ThreadCpuClock.Nanoseconds();
                do
                {
                    workload();
                }
                while (TimeSpan.FromTicks((ThreadCpuClock.Nanoseconds() - roundStart) / 100) < QuietRound && Stopwatch.GetElapsedTime(start) < MaximumTime);

                if (JitInfo.GetCompiledMethodCount() == compiled)
                {
                    return;
                }
            }
        }
    }
}
