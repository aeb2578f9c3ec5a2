using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Runs a row's trials in parallel across cores, appending each finished trial to the results file as it finishes.
    /// Trials already in the file (same row, trial index and seed) are not run again, so an interrupted run resumes
    /// where it stopped, and the file never holds a partial line (see <see cref="ResultsFile"/>).
    /// </summary>
    public sealed class TrialRunner
    {
        private readonly object _gate = new();

        /// <summary>The trials running now, for progress displays.</summary>
        public ConcurrentDictionary<int, TrialProgress> Running { get; } = new();

        private int _handedOver;

        /// <summary>Trials this runner's lane networks have handed over to scalar networks (<see cref="LaneHandOver"/>).</summary>
        public int HandedOver => Volatile.Read(ref _handedOver);

        /// <summary>Raised (on the trial's thread) after a trial's line is written, while <see cref="Running"/> still lists it.</summary>
        public event Action<TrialResult>? TrialFinished;

        /// <summary>
        /// The trials of <paramref name="row"/> in <paramref name="resultsPath"/>, after checking that this version may add to
        /// them: they were run by a version that computes the same results for the row (<see cref="ResultsVersions.GivesSameResults"/>).
        /// </summary>
        /// <exception cref="ResultsVersionException">The file holds trials of the row from a version with other results.</exception>
        public static List<TrialResult> CheckVersions(ExperimentRow row, string resultsPath)
        {
            ArgumentNullException.ThrowIfNull(row);
            var existing = ResultsFile.Read(resultsPath).Where(r => r.Row == row.Id).ToList();
            var other = existing.FirstOrDefault(r => !ResultsVersions.GivesSameResults(r.Version, row));
            if (other != null)
            {
                throw new ResultsVersionException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{resultsPath} holds trials of row {row.Id} run by LstmGen {other.Version}; this is LstmGen {LstmGen.Generator.LstmGenVersion.Value}{ResultsVersions.Reason(other.Version, row)}, and a row must not mix versions that compute different results: move the file away or pass --results <new file>"));
            }

            return existing;
        }

        /// <summary>
        /// Runs trials 0 … <paramref name="trials"/> − 1 of <paramref name="row"/> that <paramref name="resultsPath"/>
        /// does not hold yet; returns every result of the row in the file afterwards, ordered by trial.
        /// </summary>
        public IReadOnlyList<TrialResult> Run(
            ExperimentRow row,
            int trials,
            ulong baseSeed,
            RunOptions options,
            string resultsPath,
            int threads,
            CancellationToken cancellationToken) =>
            Run(row, Enumerable.Range(0, trials).ToList(), baseSeed, options, resultsPath, threads, cancellationToken);

        /// <summary>
        /// Runs the trials of <paramref name="row"/> among <paramref name="trials"/> that <paramref name="resultsPath"/> does
        /// not hold yet, in the order given (a shard's share, see <c>ShardPlan</c>); returns the results of those trials in the
        /// file afterwards, ordered by trial.
        /// </summary>
        public IReadOnlyList<TrialResult> Run(
            ExperimentRow row,
            IReadOnlyCollection<int> trials,
            ulong baseSeed,
            RunOptions options,
            string resultsPath,
            int threads,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(trials);
            var existing = CheckVersions(row, resultsPath);

            var wanted = new HashSet<int>(trials);
            var done = new HashSet<int>(existing.Where(r => r.Seed == TrialSeeds.For(row.Id, r.Trial, baseSeed)).Select(r => r.Trial));
            var todo = trials.Where(i => !done.Contains(i)).ToList();
            var results = new List<TrialResult>(existing.Where(r => done.Contains(r.Trial) && wanted.Contains(r.Trial)));

            using (var writer = ResultsFile.OpenForAppend(resultsPath))
            {
                void Write(TrialResult result)
                {
                    lock (_gate)
                    {
                        ResultsFile.Append(writer, result);
                        results.Add(result);
                    }

                    TrialFinished?.Invoke(result);
                }

                try
                {
                    var lanes = row.LaneCount(options);
                    if (lanes > 1)
                    {
                        RunInLanes(row, todo, baseSeed, options, lanes, threads, Write, cancellationToken);
                    }
                    else
                    {
                        RunScalar(row, todo, baseSeed, options, threads, Write, cancellationToken);
                    }
                }
                catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1)
                {
                    throw e.InnerExceptions[0];
                }
            }

            return results.OrderBy(r => r.Trial).ToList();
        }

        /// <summary>The scalar path (<c>--lanes 1</c>): a scalar network per trial, trials in parallel across threads.</summary>
        private void RunScalar(ExperimentRow row, List<int> todo, ulong baseSeed, RunOptions options, int threads, Action<TrialResult> write, CancellationToken cancellationToken)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
            Parallel.ForEach(todo, parallel, trial =>
            {
                var progress = Begin(row, trial, baseSeed);
                try
                {
                    write(row.RunTrial(trial, progress.Seed, options, progress.Progress, cancellationToken));
                }
                finally
                {
                    Running.TryRemove(trial, out _);
                }
            });
        }

        /// <summary>
        /// The lane path: one lane network of <paramref name="lanes"/> lanes per thread (as many threads as there are
        /// lanes' worth of trials, at most <paramref name="threads"/>); every lane takes the row's next trial, in order,
        /// as soon as its trial ends (<see cref="LaneScheduler"/>). At the row's tail, trials leave lane networks too empty to
        /// pay for their steps, and threads without lanes, for scalar networks (<see cref="LaneHandOver"/>): every thread
        /// runs until the row's last trial ends.
        /// </summary>
        private void RunInLanes(ExperimentRow row, List<int> todo, ulong baseSeed, RunOptions options, int lanes, int threads, Action<TrialResult> write, CancellationToken cancellationToken)
        {
            var queue = new ConcurrentQueue<int>(todo);
            var workers = Math.Clamp(todo.Count, 1, Math.Max(1, threads));
            var laneNetworks = Math.Clamp((todo.Count + lanes - 1) / lanes, 1, workers);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
            var spec = row.NewNetwork(options);
            var handedOver = new HandedOverTrials();
            var handOver = row.CarriesStateAcrossSequences
                ? null
                : new LaneHandOver(HandOverBelow(row, options, lanes), () => row.NewNetwork(options), handedOver);

            // Counted before any thread starts, so that a thread without lanes that starts first waits for them; the
            // first failure stops the other threads' trials too (they see a cancellation), and is what the run throws.
            for (var i = 0; i < laneNetworks; i++)
            {
                handedOver.LaneNetworkStarted();
            }

            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Fail()
            {
                failed.Cancel();
                CloseLeft();
            }
            void Finish(RunningTrial trial)
            {
                // Listed as running until its line is written, as on the scalar path: the progress display reads
                // how many of its sequences were resumed from a checkpoint (TrialProgress.Resumed).
                try
                {
                    write(trial.Finish());
                }
                finally
                {
                    Running.TryRemove(trial.Trial, out _);
                }
            }

            try
            {
                Parallel.For(0, workers, parallel, worker =>
                {
                    try
                    {
                        if (worker < laneNetworks)
                        {
                            try
                            {
                                RunLaneNetwork(row, queue, baseSeed, options, lanes, spec, handOver, Finish, failed.Token);
                            }
                            catch
                            {
                                // Before the network counts as ended: no waiting thread takes a trial after the failure.
                                Fail();
                                throw;
                            }
                            finally
                            {
                                handedOver.LaneNetworkEnded();
                            }
                        }

                        while (handedOver.TryTake(out var taken, failed.Token))
                        {
                            Interlocked.Increment(ref _handedOver);
                            taken.StartClock();
                            try
                            {
                                SequenceRunner.Drive(taken.Network, taken.Trial.Work);
                            }
                            catch
                            {
                                taken.Trial.Work.Dispose();
                                Running.TryRemove(taken.Trial.Trial, out _);
                                throw;
                            }

                            Finish(taken.Trial);
                        }
                    }
                    catch
                    {
                        // No other thread starts a handed-over trial after a failure.
                        Fail();
                        throw;
                    }
                });
            }
            catch (AggregateException e) when (!cancellationToken.IsCancellationRequested && e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } first)
            {
                // The failure itself, not the cancellations it caused on the other threads.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }
            finally
            {
                CloseLeft();
            }

            // After a failure or a cancellation: closes the trials no thread took (their iterators' clean-up runs).
            void CloseLeft()
            {
                foreach (var left in handedOver.Stop())
                {
                    left.Trial.Work.Dispose();
                    Running.TryRemove(left.Trial.Trial, out _);
                }
            }
        }

        /// <summary>One thread's lane network: runs the row's trials from <paramref name="queue"/> until it has none left.</summary>
        private void RunLaneNetwork(ExperimentRow row, ConcurrentQueue<int> queue, ulong baseSeed, RunOptions options, int lanes, ILstmNetwork spec, LaneHandOver? handOver, Action<RunningTrial> finish, CancellationToken cancellationToken)
        {
            if (queue.IsEmpty)
            {
                return;
            }

            var scheduler = new LaneScheduler(row.NewLanes(options, lanes), spec);
            try
            {
                scheduler.Run(
                    (lane, clock) =>
                    {
                        if (!queue.TryDequeue(out var trial))
                        {
                            return null;
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                        var started = Begin(row, trial, baseSeed);
                        return row.Start(trial, started.Seed, lane, options, started.Progress, cancellationToken, clock);
                    },
                    finish,
                    handOver);
            }
            finally
            {
                scheduler.Abandon(trial => Running.TryRemove(trial, out _));
            }
        }

        /// <summary>
        /// Busy lanes below which a lane network of the row's last trials hands them over (<see cref="LaneHandOver.Below"/>):
        /// <see cref="RunOptions.HandOverBelow"/>, else <see cref="Sharding.CostModel.DefaultHandOverBelow"/>.
        /// </summary>
        private static double HandOverBelow(ExperimentRow row, RunOptions options, int lanes) =>
            options.HandOverBelow ?? Sharding.CostModel.DefaultHandOverBelow(row, lanes);

        /// <summary>Trial <paramref name="trial"/>'s seed and progress, now listed as running.</summary>
        private (ulong Seed, TrialProgress Progress) Begin(ExperimentRow row, int trial, ulong baseSeed)
        {
            var seed = TrialSeeds.For(row.Id, trial, baseSeed);
            var progress = new TrialProgress(row.Id, trial);
            Running[trial] = progress;
            return (seed, progress);
        }
    }
}
