using System.Collections.Generic;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>What <see cref="Gen0Budget.Decide"/> decides from.</summary>
    /// <param name="IsNative">The process runs a NativeAOT binary (the budget is in its image).</param>
    /// <param name="Current">The value of <see cref="Gen0Budget.Variable"/>, null when unset.</param>
    /// <param name="Legacy">The value of <see cref="Gen0Budget.LegacyVariable"/>, null when unset.</param>
    /// <param name="CanReExecute">The operating system can replace this process by another program and tell its command line (Linux).</param>
    /// <param name="Program">The running executable (<c>dotnet</c> or the apphost), with its path.</param>
    /// <param name="CommandLine">This process's arguments after argv[0], host options and the program's dll included (<c>/proc/self/cmdline</c>).</param>
    public sealed record Gen0BudgetFacts(
        bool IsNative,
        string? Current,
        string? Legacy,
        bool CanReExecute,
        string? Program,
        IReadOnlyList<string>? CommandLine);
}
