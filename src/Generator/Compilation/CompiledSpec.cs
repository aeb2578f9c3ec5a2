using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Compilation
{
    /// <summary>
    /// A spec compiled at run time: its generated class, loaded from a collectible in-memory assembly, as a
    /// <see cref="CompiledNetwork"/> like the ones compiled in, lane classes included (compiled when first asked for).
    /// </summary>
    /// <param name="Network">The class's registry entry: name, full type name, spec file, factory and lane factory.</param>
    /// <param name="ContentHash">The hash of the spec's text (hex SHA-256), the key of <see cref="RuntimeSpecCompiler"/>'s cache.</param>
    /// <param name="CompileTime">How long parsing, emitting, compiling and loading the scalar class took (zero when the cache had it).</param>
    /// <param name="Warnings">The spec's warnings (LSTMxxxx), in the compiler's format.</param>
    public sealed record CompiledSpec(CompiledNetwork Network, string ContentHash, TimeSpan CompileTime, IReadOnlyList<string> Warnings)
    {
        /// <summary>Where <see cref="CompileTime"/> went, for the first compile of the text.</summary>
        public CompileStages Stages { get; init; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        internal RuntimeLaneClasses? LaneClasses { get; init; }

        /// <summary>A fresh instance of the generated class (weights zero until initialised).</summary>
        public ILstmNetwork Create() => Network.Create();

        /// <summary>Whether the lane class of <paramref name="width"/> has been compiled yet (they are compiled when first asked for).</summary>
        public bool IsLaneClassCompiled(LaneWidth width) => LaneClasses?.IsCompiled(width) ?? false;

        /// <summary>How long the lane class of <paramref name="width"/> took to emit and compile; null before it was compiled, or without lanes.</summary>
        public TimeSpan? LaneClassCompileTime(LaneWidth width) => LaneClasses?.CompileTime(width);
    }
}
