using System;
using LstmGen.Runtime;

namespace LstmGen.Compilation
{
    /// <summary>
    /// A spec compiled at run time: its generated class, loaded from a collectible in-memory assembly, as a
    /// <see cref="CompiledNetwork"/> like the ones compiled in.
    /// </summary>
    /// <param name="Network">The class's registry entry: name, full type name, spec file and factory.</param>
    /// <param name="ContentHash">The hash of the spec's text (hex SHA-256), the key of <see cref="RuntimeSpecCompiler"/>'s cache.</param>
    /// <param name="CompileTime">How long parsing, emitting, compiling and loading took (zero when the cache had it).</param>
    /// <param name="Warnings">The spec's warnings (LSTMxxxx), in the compiler's format.</param>
    public sealed record CompiledSpec(CompiledNetwork Network, string ContentHash, TimeSpan CompileTime, System.Collections.Generic.IReadOnlyList<string> Warnings)
    {
        /// <summary>A fresh instance of the generated class (weights zero until initialised).</summary>
        public ILstmNetwork Create() => Network.Create();
    }
}
