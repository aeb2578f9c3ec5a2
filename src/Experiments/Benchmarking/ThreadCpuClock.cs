using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// The CPU time the calling thread has used, in nanoseconds (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).
    /// On a loaded machine a thread's wall time holds the time other processes ran on its core; its CPU time does not,
    /// so two workloads compared by CPU time compare what they cost, whatever the load. Elsewhere: the wall time.
    /// </summary>
    public static class ThreadCpuClock
    {
        private const int ClockThreadCpuTimeId = 3;

        /// <summary>Whether <see cref="Nanoseconds"/> reads the thread's CPU time (else the wall time).</summary>
        public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Read(out _);

        /// <summary>The thread's CPU time so far, or a wall-time reading where the system gives none (<see cref="IsCpuTime"/>).</summary>
        public static long Nanoseconds()
        {
            if (IsCpuTime && Read(out var time))
            {
                return time;
            }

            return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        }

        private static bool Read(out long nanoseconds)
        {
            var spec = default(TimeSpec);
            if (clock_gettime(ClockThreadCpuTimeId, ref spec) != 0)
            {
                nanoseconds = 0;
                return false;
            }

            nanoseconds = (spec.Seconds * 1_000_000_000L) + spec.Nanoseconds;
            return true;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc")]
        private static extern int clock_gettime(int clockId, ref TimeSpec time);
    }
}
