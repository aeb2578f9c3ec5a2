using System;
using System.Diagnostics;

namespace LstmGen.Benchmarks.Networks
{
    /// <summary>
    /// Runs a network's hot methods long enough, in the global setup, for tiered compilation to promote them to optimised
    /// code before BenchmarkDotNet's pilot stage sizes the iterations. Without it the pilot times unoptimised code
    /// (a generated Exp2cP1000 sequence is 20 to 40 times slower at tier 0), picks far too few invocations per iteration,
    /// and the short job's iterations last a few milliseconds instead of <see cref="SuiteConfig.FastJob"/>'s 150.
    /// </summary>
    internal static class JitWarmUp
    {
        /// <summary>
        /// The least time spent: the runtime promotes a method only after it has been called 30 times and no new method
        /// has been compiled for 100 ms, then compiles it in the background.
        /// </summary>
        public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(500);

        /// <summary>The most time spent, whatever the size of the methods.</summary>
        public static readonly TimeSpan MaximumDuration = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Calls <paramref name="body"/> for <see cref="MinimumDuration"/> plus 40 times the second call's duration (at
        /// most <see cref="MaximumDuration"/>): large generated methods run slowly before promotion and take long to
        /// compile, so the wait grows with them.
        /// </summary>
        public static void Run(Action body)
        {
            ArgumentNullException.ThrowIfNull(body);
            var start = Stopwatch.GetTimestamp();
            body();
            var second = Stopwatch.GetTimestamp();
            body();
            var duration = MinimumDuration + (40 * Stopwatch.GetElapsedTime(second));
            if (duration > MaximumDuration)
            {
                duration = MaximumDuration;
            }

            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                body();
            }
        }
    }
}
