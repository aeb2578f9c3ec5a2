namespace LstmGen.Experiments.Dispatch
{
    /// <summary>What <see cref="Avx512Dispatch.Decide"/> decides from.</summary>
    /// <param name="IsNative">The process runs a NativeAOT binary (its vector widths were fixed when it was compiled).</param>
    /// <param name="Vector512Accelerated">This binary runs Vector512 in hardware (it was compiled for AVX-512, or is the JIT on an AVX-512 CPU).</param>
    /// <param name="CpuHasAvx512">The CPU and its operating system run x86-64-v4 code (<see cref="Avx512Support"/>).</param>
    /// <param name="CanReExecute">The operating system can replace this process by another program (execv: Linux, macOS).</param>
    /// <param name="SiblingPath">Where the sibling would be: <see cref="Avx512Dispatch.SiblingName"/> beside this binary.</param>
    /// <param name="SiblingExists">An executable file is at <paramref name="SiblingPath"/>.</param>
    /// <param name="Choice">The value of <see cref="Avx512Dispatch.ChoiceVariable"/>, null when unset.</param>
    /// <param name="StartedBy">The value of <see cref="Avx512Dispatch.StartedByVariable"/>, null when unset.</param>
    public sealed record DispatchFacts(
        bool IsNative,
        bool Vector512Accelerated,
        bool CpuHasAvx512,
        bool CanReExecute,
        string? SiblingPath,
        bool SiblingExists,
        string? Choice,
        string? StartedBy);
}
