using System.IO;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// Where a command writes: its result on <see cref="Out"/>, notes, warnings and errors on <see cref="Error"/>.
    /// Commands never touch <see cref="System.Console"/>, so tests run them in-process and in parallel.
    /// </summary>
    public sealed record CliConsole(TextWriter Out, TextWriter Error);
}
