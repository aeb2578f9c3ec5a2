using System;
using System.Globalization;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>
    /// The garbage collector's gen0 budget (how much may be allocated between two gen0 collections), decided alone from
    /// facts gathered elsewhere so that every case can be tested. The runtime sizes it from the CPU's cache; a machine
    /// (a VM) that reports no cache sizes gets a budget of a few hundred KB, and the harness's small allocations (test
    /// sets, sequences, the lane scheduler's hand-overs) then trigger a collection every few milliseconds:
    /// most of what the lane path spent outside the network (docs/performance.md, "Do the tasks keep up?"). lstmgen
    /// asks for <see cref="Bytes"/>. A GC setting changes neither the order nor the values of any computation, so the
    /// bits of trained networks are the same.
    /// <para>
    /// How: the NativeAOT binary carries the setting in its image (the project's
    /// <c>&lt;IlcArg Include="--runtimeopt:GCgen0size=…" /&gt;</c>, which the runtime reads after the environment). The
    /// JIT runtime reads <c>GCgen0size</c> only from the environment (a runtimeconfig.json property is ignored), before any
    /// managed code runs, so the JIT build re-executes itself once with <see cref="Variable"/> set. A user's own
    /// <see cref="Variable"/> (or its old <c>COMPlus_</c> spelling) wins in both builds; <c>DOTNET_GCgen0size=0</c> keeps
    /// the runtime's default.
    /// </para>
    /// </summary>
    public static class Gen0Budget
    {
        /// <summary>16 MiB: a few trials' allocations between two collections, far less than any machine's memory.</summary>
        public const long Bytes = 16L * 1024 * 1024;

        /// <summary>The runtime's environment variable; its value is read as hexadecimal.</summary>
        public const string Variable = "DOTNET_GCgen0size";

        /// <summary>The same setting under the runtime's older prefix (still read).</summary>
        public const string LegacyVariable = "COMPlus_GCgen0size";

        /// <summary><see cref="Bytes"/> as the runtime reads it: hexadecimal, no prefix ("1000000").</summary>
        public static string Value => Bytes.ToString("x", CultureInfo.InvariantCulture);

        /// <summary>Decides from the facts: re-execute with <see cref="Variable"/> set, or run here (and why).</summary>
        public static Gen0BudgetDecision Decide(Gen0BudgetFacts facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            if (facts.IsNative)
            {
                return Gen0BudgetDecision.Here("the native binary carries GCgen0size=" + Value + " in its image");
            }

            if (facts.Current is { Length: > 0 } current)
            {
                // Also the re-executed process itself: the variable it was started with ends the chain.
                return Gen0BudgetDecision.Here(Variable + "=" + current + " is set");
            }

            if (facts.Legacy is { Length: > 0 } legacy)
            {
                return Gen0BudgetDecision.Here(LegacyVariable + "=" + legacy + " is set");
            }

            if (!facts.CanReExecute || facts.Program is not { Length: > 0 } program || facts.CommandLine is not { Count: > 0 } commandLine)
            {
                return Gen0BudgetDecision.Here("re-executing needs Linux (the command line from /proc/self/cmdline); the runtime's default gen0 budget");
            }

            return Gen0BudgetDecision.ReExecute(program, commandLine);
        }
    }
}
