using System.Collections.Generic;

namespace LstmGen.Experiments.Dispatch
{
    /// <summary>
    /// Run in this process (<see cref="Program"/> null), or re-execute <see cref="Program"/> with <see cref="Arguments"/> and
    /// <see cref="Gen0Budget.Variable"/> set to <see cref="Gen0Budget.Value"/>; <see cref="Reason"/> says why.
    /// </summary>
    public sealed record Gen0BudgetDecision(string? Program, IReadOnlyList<string> Arguments, string Reason)
    {
        /// <summary>Run in this process.</summary>
        public static Gen0BudgetDecision Here(string reason) => new(null, [], reason);

        /// <summary>Replace this process by the same command line with the budget set.</summary>
        public static Gen0BudgetDecision ReExecute(string program, IReadOnlyList<string> arguments) =>
            new(program, arguments, "re-executing with " + Gen0Budget.Variable + "=" + Gen0Budget.Value);
    }
}
