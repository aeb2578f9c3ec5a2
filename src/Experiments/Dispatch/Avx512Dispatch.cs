using System;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>
    /// Whether <c>lstmgen</c> runs in this process or re-executes its AVX-512 sibling <c>lstmgen-avx512</c> (the same
    /// program published for x86-64-v4): the decision alone, from facts gathered elsewhere, so that every combination
    /// can be tested. A NativeAOT binary's vector widths are fixed when it is compiled (docs/performance.md, "Lane widths
    /// under NativeAOT"), so the portable binary (x86-64-v3, AVX2: 4 double lanes) hands over to the sibling (8 double
    /// lanes) where the CPU has AVX-512. Both give the same bits.
    /// </summary>
    public static class Avx512Dispatch
    {
        /// <summary>The sibling's file name, beside the running binary.</summary>
        public const string SiblingName = "lstmgen-avx512";

        /// <summary>The user's switch: <c>0</c> keeps the portable binary; unset, empty or <c>auto</c> decides by the CPU.</summary>
        public const string ChoiceVariable = "LSTMGEN_AVX512";

        /// <summary>Set for the sibling to the path of the binary that started it: the sibling never re-executes again.</summary>
        public const string StartedByVariable = "LSTMGEN_AVX512_STARTED_BY";

        /// <summary>Decides from the facts; throws <see cref="ArgumentException"/> for a value of <see cref="ChoiceVariable"/> it does not know.</summary>
        public static DispatchDecision Decide(DispatchFacts facts)
        {
            var forcedOff = ParseChoice(facts.Choice);
            if (!facts.IsNative)
            {
                return DispatchDecision.Here("the JIT chooses the lane width from this CPU");
            }

            if (facts.Vector512Accelerated)
            {
                return DispatchDecision.Here(facts.StartedBy is { Length: > 0 } parent
                    ? "this binary uses AVX-512; started by " + parent
                    : "this binary uses AVX-512");
            }

            if (facts.StartedBy is { Length: > 0 } starter)
            {
                // A binary that was handed over to and still has no AVX-512 (a copy of the portable binary under the
                // sibling's name): running here ends what would be an endless chain of re-executions.
                return DispatchDecision.Here("started by " + starter + " as " + SiblingName + " but compiled without AVX-512");
            }

            if (forcedOff)
            {
                return DispatchDecision.Here(ChoiceVariable + "=0");
            }

            if (!facts.CpuHasAvx512)
            {
                return DispatchDecision.Here("this CPU has no AVX-512");
            }

            if (!facts.CanReExecute)
            {
                return DispatchDecision.Here("re-executing a binary needs Linux or macOS");
            }

            if (facts.SiblingPath is not { Length: > 0 } sibling || !facts.SiblingExists)
            {
                return DispatchDecision.Here("this CPU has AVX-512, but no " + SiblingName + " is beside this binary");
            }

            return DispatchDecision.ReExecute(sibling);
        }

        /// <summary>True for <c>0</c> (stay on the portable binary); false for unset, empty or <c>auto</c>.</summary>
        private static bool ParseChoice(string? value) => value switch
        {
            null or "" or "auto" => false,
            "0" => true,
            _ => throw new ArgumentException(ChoiceVariable + " must be 0 (keep this binary) or auto, got '" + value + "'"),
        };
    }
}
