using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Intrinsics;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>The facts of the running process for <see cref="Avx512Dispatch"/>, and what it says about itself.</summary>
    public static class ThisProcess
    {
        /// <summary>Gathers the facts: CPUID, the binary's own widths, the sibling on disk, the two environment variables.</summary>
        public static DispatchFacts Facts()
        {
            var directory = Environment.ProcessPath is { } path ? Path.GetDirectoryName(path) : null;
            var sibling = directory is null ? null : Path.Combine(directory, Avx512Dispatch.SiblingName);
            return new DispatchFacts(
                IsNative: IsNativeAot,
                Vector512Accelerated: Vector512.IsHardwareAccelerated,
                CpuHasAvx512: Avx512Support.OfThisMachine(),
                CanReExecute: OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(),
                SiblingPath: sibling,
                SiblingExists: sibling is not null && IsExecutable(sibling),
                Choice: Environment.GetEnvironmentVariable(Avx512Dispatch.ChoiceVariable),
                StartedBy: Environment.GetEnvironmentVariable(Avx512Dispatch.StartedByVariable));
        }

        /// <summary>The facts for <see cref="Gen0Budget"/>: the build, the two environment variables, the command line.</summary>
        public static Gen0BudgetFacts Gen0Facts()
        {
            var commandLine = OperatingSystem.IsLinux() ? CommandLine() : null;
            return new Gen0BudgetFacts(
                IsNative: IsNativeAot,
                Current: Environment.GetEnvironmentVariable(Gen0Budget.Variable),
                Legacy: Environment.GetEnvironmentVariable(Gen0Budget.LegacyVariable),
                CanReExecute: OperatingSystem.IsLinux() && commandLine is not null,
                Program: Environment.ProcessPath,
                CommandLine: commandLine);
        }

        /// <summary>
        /// This process's arguments after argv[0] as the kernel holds them (<c>/proc/self/cmdline</c>: NUL-separated), so
        /// that the host's own (<c>dotnet exec --runtimeconfig …</c>, the program's dll) are kept; null when unreadable.
        /// </summary>
        public static IReadOnlyList<string>? CommandLine()
        {
            try
            {
                var text = File.ReadAllText("/proc/self/cmdline");
                var parts = text.Split('\0');
                // The text ends with a NUL: the last part is empty.
                return parts.Length < 2 ? null : parts[1..^1];
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Which binary runs and why: its file name, NativeAOT or JIT, the widest lane width, and the dispatch's reason.</summary>
        public static RunningBinary Describe()
        {
            var facts = Facts();
            string reason;
            try
            {
                reason = Avx512Dispatch.Decide(facts).Reason;
            }
            catch (ArgumentException e)
            {
                reason = e.Message;
            }

            return new RunningBinary(Name(), facts.IsNative ? "NativeAOT" : "JIT", LstmGen.Runtime.Lanes.Widest, reason);
        }

        /// <summary>
        /// This is a NativeAOT binary. Not <c>RuntimeFeature.IsDynamicCodeCompiled</c>: the project's <c>PublishAot</c> sets
        /// the feature switch behind it for the JIT build too, so that the JIT behaves as the native binary will.
        /// </summary>
        public const bool IsNativeAot =
#if NATIVE_AOT
            true;
#else
            false;
#endif

        /// <summary>The running binary's file name (<c>dotnet</c> under the JIT).</summary>
        public static string Name() => Environment.ProcessPath is { } path ? Path.GetFileName(path) : "lstmgen";

        private static bool IsExecutable(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (OperatingSystem.IsWindows())
            {
                return true;
            }

            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
    }
}
