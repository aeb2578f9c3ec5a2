using System;
using System.Globalization;
using System.IO;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// The processor time of the calling thread (user + system), where the OS tells it: on Linux from
    /// <c>/proc/thread-self/stat</c> (fields 14 and 15, in clock ticks of 10 ms); elsewhere unknown (null).
    /// </summary>
    public static class ThreadClock
    {
        private const double TicksPerSecond = 100; // USER_HZ, the same on every Linux build for /proc

        /// <summary>The calling thread's processor time so far, or null where it cannot be read.</summary>
        public static TimeSpan? Now()
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            try
            {
                var stat = File.ReadAllText("/proc/thread-self/stat");
                // The command name (field 2) is in parentheses and may hold spaces: count the fields after its ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var user = long.Parse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture);
                var system = long.Parse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or OverflowException)
            {
                return null;
            }
        }
    }
}
