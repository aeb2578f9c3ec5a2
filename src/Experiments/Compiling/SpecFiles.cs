using System;

namespace LstmGen.Experiments.Compiling
{
    /// <summary>Telling a spec file from a network's name: every command that takes a network takes a spec file too.</summary>
    public static class SpecFiles
    {
        /// <summary>Whether <paramref name="argument"/> names a spec file (it ends in <c>.yaml</c> or <c>.yml</c>) rather than a compiled network.</summary>
        public static bool IsSpecFile(string argument)
        {
            ArgumentNullException.ThrowIfNull(argument);
            return argument.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || argument.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        }
    }
}
