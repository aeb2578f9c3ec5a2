using LstmGen.Experiments.Harness;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// One row as its row file declares it, checked and resolved (the file's defaults applied, the learning rate taken from
    /// the network's spec where the row gives none): everything <see cref="RowFactory"/> needs to make the runnable row.
    /// </summary>
    /// <param name="Settings">The settings every row has (id, network, learning rate, trials, cap, the paper's figures ...).</param>
    /// <param name="Task">The task (<c>task.name</c>).</param>
    /// <param name="TaskParameters">Its parameters, defaults included (<c>task.T</c> ...).</param>
    /// <param name="Stop">The stopping rule (<c>stop.rule</c>).</param>
    /// <param name="StopParameters">Its parameters, defaults included (<c>stop.beta</c> ...).</param>
    /// <param name="TestSetSize">Sequences of the final test after training (<c>testSetSize</c>; 0 = none).</param>
    /// <param name="SequentialConstruction">Whether the cells join in only once the error stops decreasing (<c>sequentialConstruction</c>).</param>
    /// <param name="Location">Where the row is declared.</param>
    public sealed record RowDefinition(
        RowSettings Settings,
        TaskKind Task,
        ParameterValues TaskParameters,
        StoppingRuleKind Stop,
        ParameterValues StopParameters,
        int TestSetSize,
        bool SequentialConstruction,
        SourceLocation Location)
    {
        public string Id => Settings.Id;
    }
}
