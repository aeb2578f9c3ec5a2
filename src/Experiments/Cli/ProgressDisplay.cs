using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// Shows a row's progress on stderr when it is not a terminal (a log file, CI): every few seconds a plain line with the
    /// trials done and running, each running trial's sequences and current error, and the throughput in training
    /// sequences per second (those of this process: a trial resumed from its checkpoint counts from there); a line per
    /// finished trial. Trials a resumed run reads from its results file count as done from the first line (a rerun that
    /// finds 4 of 20 trials done says 4/20, not 0/20). On a terminal, <see cref="TerminalProgress"/> draws bars instead.
    /// </summary>
    public sealed class ProgressDisplay : IDisposable
    {
        private readonly TextWriter _writer;
        private readonly ExperimentRow _row;
        private readonly int _trials;
        private readonly int _earlier;
        private readonly TrialRunner _runner;
        private readonly Timer _timer;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly object _gate = new();
        private int _finished;
        private int _succeeded;
        private long _finishedSequences;
        private bool _disposed;

        /// <param name="earlier">The trials of this run that the results file already holds (a resumed run does not rerun them).</param>
        public ProgressDisplay(TextWriter writer, ExperimentRow row, int trials, TrialRunner runner, IReadOnlyCollection<TrialResult> earlier)
        {
            _writer = writer;
            _row = row;
            _trials = trials;
            _runner = runner;
            _earlier = earlier.Count;
            _finished = earlier.Count;
            _succeeded = earlier.Count(t => t.Success);
            var period = TimeSpan.FromSeconds(5);
            _timer = new Timer(_ => WriteStatus(), null, period, period);
        }

        public void OnTrialFinished(TrialResult result)
        {
            lock (_gate)
            {
                _finished++;
                _succeeded += result.Success ? 1 : 0;
                // A resumed trial's sequences before its checkpoint were not presented by this process: the rate leaves them out.
                _finishedSequences += result.Sequences - (_runner.Running.TryGetValue(result.Trial, out var progress) ? progress.Resumed : 0);
                var outcome = result.Success ? "success" : "no success";
                var test = result.TestSize > 0
                    ? string.Create(CultureInfo.InvariantCulture, $", {result.TestWrong} of {result.TestSize} test sequences wrong")
                    : string.Empty;
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{_row.Id}] trial {result.Trial}: {outcome} after {result.Sequences:N0} sequences{test} ({result.WallSeconds:F1} s)"));
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _timer.Dispose();
            }
        }

        /// <summary>Writes the status line now (a timer writes it every 5 s).</summary>
        public void WriteStatus()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                var running = _runner.Running.Values.OrderBy(p => p.Trial).ToList();
                var sequences = _finishedSequences + running.Sum(p => p.SequencesThisSession);
                var rate = sequences / Math.Max(1e-9, _watch.Elapsed.TotalSeconds);
                var resumed = _earlier == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {_earlier} from earlier runs");
                var detail = string.Join(", ", running.Take(4).Select(p => string.Create(CultureInfo.InvariantCulture, $"#{p.Trial} {p.Sequences:N0} seq err {p.Error:G3}")));
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"[{_row.Id}] {_finished}/{_trials} trials done ({_succeeded} successful{resumed}); {rate:N0} seq/s; {detail}");
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }
    }
}
