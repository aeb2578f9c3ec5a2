using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Benchmarking
{
    /// <summary>
    /// What one path of a row (lanes, or the scalar path) costs per trial-step, in the network and outside it: medians
    /// of <see cref="TaskShareBenchmark"/>'s passes, thread CPU time (<see cref="ThreadCpuClock"/>) and wall time.
    /// </summary>
    /// <param name="Lanes">K: trials per lane network (1: the scalar path).</param>
    /// <param name="Trials">Trials run in each pass.</param>
    /// <param name="Sequences">Sequences presented in a pass (training and test).</param>
    /// <param name="Steps">Trial-steps presented in a pass.</param>
    /// <param name="TrialSeconds">Thread CPU time of a pass on the real network.</param>
    /// <param name="OutsideSeconds">Thread CPU time of the same pass on a <see cref="SilentNetwork"/>: everything but the network.</param>
    /// <param name="TrialWallSeconds">Wall time of a pass on the real network.</param>
    /// <param name="OutsideWallSeconds">Wall time of a pass on the silent network.</param>
    public sealed record TaskShare(int Lanes, int Trials, long Sequences, long Steps, double TrialSeconds, double OutsideSeconds, double TrialWallSeconds, double OutsideWallSeconds)
    {
        /// <summary>The share of a trial's time spent outside the network (0-1): drawing and presenting sequences, judging, the stopping rule.</summary>
        public double OutsideShare => TrialSeconds > 0 ? Math.Min(1, OutsideSeconds / TrialSeconds) : 0;

        /// <summary>The same share from wall times (noisier on a loaded machine).</summary>
        public double OutsideWallShare => TrialWallSeconds > 0 ? Math.Min(1, OutsideWallSeconds / TrialWallSeconds) : 0;

        /// <summary>Nanoseconds per trial-step, all of it.</summary>
        public double TrialNanosecondsPerStep => 1e9 * TrialSeconds / Math.Max(1, Steps);

        /// <summary>Nanoseconds per trial-step outside the network.</summary>
        public double OutsideNanosecondsPerStep => 1e9 * OutsideSeconds / Math.Max(1, Steps);
    }

    /// <summary>
    /// The share of a row's trials spent outside the network, on the harness's real path (<c>lstmgen run</c>'s: trials in
    /// the lanes of one lane network, or one scalar network each): the same trials run twice per repetition, once on the
    /// row's network and once on a <see cref="SilentNetwork"/> (<see cref="SilentLanes"/>) whose steps do nothing, each
    /// trial reading back the verdicts of the real run (<see cref="VerdictTape"/>), so that it asks for the same
    /// sequences, tests and stops at the same points. The second pass is everything outside the network; the difference,
    /// the network. Thread CPU time, not wall time: the other processes of a loaded machine do not count.
    /// </summary>
    public static class TaskShareBenchmark
    {
        /// <summary>The cap of the short trials that warm the JIT up.</summary>
        private const long WarmUpSequences = 20;

        /// <summary>Measures trials 0 … <paramref name="trials"/> − 1 of <paramref name="row"/> with <paramref name="options"/> (its cap, test set size, lanes).</summary>
        /// <exception cref="InvalidOperationException">The silent run left the real one (a trial that is not deterministic).</exception>
        public static TaskShare Measure(ExperimentRow row, RunOptions options, int trials, int repetitions, ulong baseSeed = TrialSeeds.DefaultBaseSeed)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(options);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
            var lanes = row.LaneCount(options);

            // Both paths' code optimised before anything is timed (JitWarmUp): short trials, on the real and the silent network.
            var shortTrials = options with { MaxSequences = Math.Min(options.MaxSequences ?? row.DefaultMaxSequences, WarmUpSequences) };
            var warmUp = new VerdictTape();
            Pass(row, shortTrials, lanes, trials, baseSeed, warmUp, TapeMode.Record);
            JitWarmUp.Run(() =>
            {
                Pass(row, shortTrials, lanes, trials, baseSeed, warmUp, TapeMode.Check);
                Pass(row, shortTrials, lanes, trials, baseSeed, warmUp, TapeMode.Replay);
            });

            var tape = new VerdictTape();
            var recorded = Pass(row, options, lanes, trials, baseSeed, tape, TapeMode.Record).Results;
            var real = new List<(double Cpu, double Wall)>();
            var silent = new List<(double Cpu, double Wall)>();
            for (var r = 0; r < repetitions; r++)
            {
                real.Add(Pass(row, options, lanes, trials, baseSeed, tape, TapeMode.Check).Time);
                var replay = Pass(row, options, lanes, trials, baseSeed, tape, TapeMode.Replay);
                if (!SameOutcomes(recorded, replay.Results))
                {
                    throw new InvalidOperationException("The trials of row " + row.Id + " on the silent network did not end as on the real one.");
                }

                silent.Add(replay.Time);
            }

            return new TaskShare(lanes, trials, tape.Sequences, tape.Steps,
                Median(real.Select(t => t.Cpu)), Median(silent.Select(t => t.Cpu)), Median(real.Select(t => t.Wall)), Median(silent.Select(t => t.Wall)));
        }

        /// <summary>One pass over the workload: the trials on the real network (<see cref="TapeMode.Record"/>, <see cref="TapeMode.Check"/>) or on a silent one (<see cref="TapeMode.Replay"/>).</summary>
        private static ((double Cpu, double Wall) Time, List<TrialResult> Results) Pass(ExperimentRow row, RunOptions options, int lanes, int trials, ulong baseSeed, VerdictTape tape, TapeMode mode) =>
            Pass(row, options with { Lanes = lanes }, trials, baseSeed, tape, mode, silent: mode == TapeMode.Replay);

        /// <summary>
        /// Trials 0 … <paramref name="trials"/> − 1 of <paramref name="row"/> as <c>lstmgen run</c> drives them (in the lanes of
        /// one lane network, or one scalar network each: <see cref="ExperimentRow.LaneCount"/> of <paramref name="options"/>),
        /// on the row's network or, when <paramref name="silent"/>, on one that does nothing; their verdicts go through
        /// <paramref name="tape"/> (<paramref name="mode"/>). Returns the thread CPU and wall seconds it took and the trials' results.
        /// </summary>
        public static ((double Cpu, double Wall) Time, List<TrialResult> Results) Pass(ExperimentRow row, RunOptions options, int trials, ulong baseSeed, VerdictTape tape, TapeMode mode, bool silent)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(tape);
            var lanes = row.LaneCount(options);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var results = new List<TrialResult>(trials);
            tape.Begin();
            var cpu = ThreadCpuClock.Nanoseconds();
            var wall = Stopwatch.GetTimestamp();
            if (lanes > 1)
            {
                var network = row.NewLanes(options, lanes);
                var scheduler = new LaneScheduler(silent ? new SilentLanes(network) : network, row.NewNetwork(options));
                var next = 0;
                scheduler.Run(
                    (lane, clock) =>
                    {
                        if (next == trials)
                        {
                            return null;
                        }

                        var trial = next++;
                        var running = row.Start(trial, TrialSeeds.For(row.Id, trial, baseSeed), lane, options, new TrialProgress(row.Id, trial), CancellationToken.None, clock);
                        running.WrapWork(work => tape.Wrap(trial, work, mode));
                        return running;
                    },
                    running => results.Add(running.Finish()));
            }
            else
            {
                for (var trial = 0; trial < trials; trial++)
                {
                    var real = row.NewNetwork(options);
                    var network = silent ? SilentNetwork.Over(real) : real;
                    var running = row.Start(trial, TrialSeeds.For(row.Id, trial, baseSeed), network, options, new TrialProgress(row.Id, trial), CancellationToken.None);
                    running.WrapWork(work => tape.Wrap(trial, work, mode));
                    SequenceRunner.Drive(network, running.Work);
                    results.Add(running.Finish());
                }
            }

            var seconds = (ThreadCpuClock.Nanoseconds() - cpu) / 1e9;
            var wallSeconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
            if (mode != TapeMode.Record)
            {
                tape.End();
            }

            return ((seconds, wallSeconds), results);
        }

        /// <summary>Whether two passes' trials ended alike: success, sequences, the final test (not their times).</summary>
        private static bool SameOutcomes(List<TrialResult> first, List<TrialResult> second) =>
            first.Count == second.Count
            && first.OrderBy(r => r.Trial).Zip(second.OrderBy(r => r.Trial)).All(p =>
                p.First.Trial == p.Second.Trial && p.First.Success == p.Second.Success && p.First.Sequences == p.Second.Sequences
                && p.First.TestSize == p.Second.TestSize && p.First.TestWrong == p.Second.TestWrong && p.First.TestMse.Equals(p.Second.TestMse));

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
