using System;

namespace LstmGen.Compilation
{
    /// <summary>Where the compile time of a spec goes (docs/performance.md reports it).</summary>
    /// <param name="Generate">The generator's core: parsing the YAML, planning, printing the C# class.</param>
    /// <param name="Roslyn">Roslyn: parsing the C#, binding, emitting IL (the first compile of a process also JIT-compiles Roslyn itself).</param>
    /// <param name="Load">Loading the assembly into its collectible context and finding the class.</param>
    /// <param name="Processor">The processor time the process spent meanwhile, all threads: the cost of the compile on a
    /// loaded machine, where the wall times above mostly measure the wait for a core.</param>
    public sealed record CompileStages(TimeSpan Generate, TimeSpan Roslyn, TimeSpan Load, TimeSpan Processor)
    {
        /// <summary>The time the JIT spent meanwhile compiling methods, all threads (part of <see cref="Processor"/>): what
        /// ReadyToRun code for the compiler saves; the rest is the compile's own work.</summary>
        public TimeSpan Jit { get; init; }
    }
}
