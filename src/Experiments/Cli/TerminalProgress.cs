using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LstmGen.Experiments.Harness;
using Spectre.Console;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// Progress bars on a terminal (Spectre.Console): one bar per running trial (training sequences against the cap),
    /// with sequences per second, the stopping rule's current error and the estimated time left. Used only when stderr is
    /// a terminal; otherwise <see cref="ProgressDisplay"/> writes plain periodic log lines.
    /// </summary>
    public static class TerminalProgress
    {
        /// <summary>Whether stderr is an interactive terminal that can draw progress bars.</summary>
        public static bool IsAvailable(CliConsole console) => ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;

        /// <summary>Runs <paramref name="run"/> (which drives <paramref name="runner"/>) while drawing its trials' progress.</summary>
        public static IReadOnlyList<TrialResult> Show(ExperimentRow row, long cap, TrialRunner runner, Func<IReadOnlyList<TrialResult>> run)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            IReadOnlyList<TrialResult> results = Array.Empty<TrialResult>();
            terminal.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var bars = new Dictionary<int, ProgressTask>();
                    var started = new Dictionary<int, Stopwatch>();
                    runner.TrialFinished += result =>
                    {
                        lock (bars)
                        {
                            if (!bars.TryGetValue(result.Trial, out var bar))
                            {
                                bar = context.AddTask(Describe(row, result.Trial, result.Sequences, 0, result.Success ? 0 : double.NaN), maxValue: cap);
                                bars[result.Trial] = bar;
                            }

                            bar.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                                $"{row.Id} #{result.Trial}: {(result.Success ? "success" : "no success")} after {result.Sequences:N0}"));
                            bar.Value = cap;
                            bar.StopTask();
                        }
                    };

                    var work = Task.Run(run);
                    while (!work.Wait(250))
                    {
                        lock (bars)
                        {
                            foreach (var progress in runner.Running.Values)
                            {
                                if (!bars.TryGetValue(progress.Trial, out var bar))
                                {
                                    bar = context.AddTask(Describe(row, progress.Trial, 0, 0, 0), maxValue: cap);
                                    bars[progress.Trial] = bar;
                                    started[progress.Trial] = Stopwatch.StartNew();
                                }

                                if (!bar.IsFinished)
                                {
                                    var seconds = started.TryGetValue(progress.Trial, out var watch) ? watch.Elapsed.TotalSeconds : 1;
                                    bar.Value = Math.Min(cap, progress.Sequences);
                                    bar.Description = Describe(row, progress.Trial, progress.Sequences, progress.SequencesThisSession / Math.Max(1e-9, seconds), progress.Error);
                                }
                            }
                        }

                        context.Refresh();
                    }

                    results = work.GetAwaiter().GetResult();
                });
            return results;
        }

        private static string Describe(ExperimentRow row, int trial, long sequences, double rate, double error) =>
            Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{row.Id} #{trial}: {sequences:N0} seq, {rate:N0} seq/s, error {error:G3}"));
    }
}
