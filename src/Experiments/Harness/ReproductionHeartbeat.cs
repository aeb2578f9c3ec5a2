using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The record a running <c>lstmgen reproduce</c> keeps of itself, so that a run killed outright (SIGKILL, a lost node, a
    /// session's end) still counts in the reproduction's wall time: a file <c>reproduce-run-{start}-{id}.heartbeat</c> in
    /// the results folder, holding the run as one log line with its wall time so far, replaced atomically every
    /// <see cref="Interval"/>. A run that ends by itself logs its line (<see cref="ReproductionLog.Append"/>) and deletes
    /// the file; one that is killed leaves it, <see cref="ReproductionLog.Read(string)"/> counts it as <c>killed</c> once it
    /// is older than <see cref="StaleAfter"/>, and a later run in the folder moves it into the log then (as it starts or
    /// ends). Heartbeats are not committed (.gitignore) and the published reports do not read them.
    /// </summary>
    public sealed class ReproductionHeartbeat : IDisposable
    {
        /// <summary>How often the file is rewritten: the wall time a killed run can lose.</summary>
        public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

        /// <summary>A heartbeat not rewritten for this long belongs to a run that no longer runs.</summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

        /// <summary>The heartbeat files of a results folder.</summary>
        public const string FilePattern = "reproduce-run-*.heartbeat";

        private readonly ReproductionRun _run;
        private readonly Func<double> _elapsedSeconds;
        private readonly Timer _timer;
        private readonly object _gate = new();
        private bool _disposed;

        /// <summary>Writes the first heartbeat of <paramref name="run"/> now and the next ones every <see cref="Interval"/>.</summary>
        /// <param name="resultsDirectory">The run's results folder.</param>
        /// <param name="run">The run as its log line will read, but for outcome and wall time.</param>
        /// <param name="elapsedSeconds">The run's wall time so far.</param>
        public ReproductionHeartbeat(string resultsDirectory, ReproductionRun run, Func<double> elapsedSeconds)
            : this(resultsDirectory, run, elapsedSeconds, Interval)
        {
        }

        /// <summary>As the other constructor, rewriting the file every <paramref name="interval"/> (a test's short one).</summary>
        /// <param name="resultsDirectory">The run's results folder.</param>
        /// <param name="run">The run as its log line will read, but for outcome and wall time.</param>
        /// <param name="elapsedSeconds">The run's wall time so far.</param>
        /// <param name="interval">How often the file is rewritten.</param>
        public ReproductionHeartbeat(string resultsDirectory, ReproductionRun run, Func<double> elapsedSeconds, TimeSpan interval)
        {
            ArgumentNullException.ThrowIfNull(run);
            ArgumentNullException.ThrowIfNull(elapsedSeconds);
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
            _run = run;
            _elapsedSeconds = elapsedSeconds;
            FilePath = Path.Combine(resultsDirectory, string.Create(CultureInfo.InvariantCulture,
                $"reproduce-run-{run.Started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.heartbeat"));
            Write(); // the first write throws: a folder that takes no heartbeat is the caller's warning
            _timer = new Timer(_ => Beat(), null, interval, interval);
        }

        /// <summary>The heartbeat file.</summary>
        public string FilePath { get; }

        /// <summary>Rewrites the file with the wall time so far (a failed write is skipped: the next one may succeed).</summary>
        public void Beat()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                try
                {
                    Write();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The heartbeat is a safeguard for the log, never a reason to stop the run.
                }
            }
        }

        private void Write() =>
            AtomicFile.WriteAllBytes(FilePath, Encoding.UTF8.GetBytes(ReproductionLog.Format(_run with { WallSeconds = _elapsedSeconds(), Outcome = ReproductionRun.KilledOutcome }) + "\n"));

        /// <summary>Stops the heartbeat and deletes its file: call it once the run's own line is in the log.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _timer.Dispose();
                try
                {
                    File.Delete(FilePath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left behind, it would read as a killed run beside this run's own line; nothing more can be done here.
                }
            }
        }
    }
}
