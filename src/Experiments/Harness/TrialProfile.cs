using System;
using System.Diagnostics;
using System.Threading;

namespace LstmGen.Experiments.Harness
{
    /// <summary>Where a trial's time goes: the network's steps, the task's judging, and the rest (drawing sequences, the stopping rule, bookkeeping).</summary>
    /// <param name="Row">The row.</param>
    /// <param name="Times">Sequences, steps, and the time in the network and in judging.</param>
    /// <param name="TotalSeconds">The trial's wall time.</param>
    /// <param name="Result">The trial's result (the scalar path's, bit for bit).</param>
    public sealed record TrialProfile(string Row, SequenceTimes Times, double TotalSeconds, TrialResult Result)
    {
        /// <summary>Time outside the network: drawing sequences, the stopping rule, judging.</summary>
        public double OutsideSeconds => TotalSeconds - Times.NetworkSeconds;

        /// <summary>The share of the trial's time outside the network (0-1).</summary>
        public double OutsideShare => TotalSeconds > 0 ? OutsideSeconds / TotalSeconds : 0;

        /// <summary>Time drawing sequences and everything else a trial does between them (after network and judging).</summary>
        public double OtherSeconds => TotalSeconds - Times.NetworkSeconds - Times.JudgingSeconds;

        /// <summary>Runs trial <paramref name="trial"/> of <paramref name="row"/> on the scalar path, timing where its time goes.</summary>
        public static TrialProfile Measure(ExperimentRow row, int trial, ulong seed, RunOptions options, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(row);
            var total = Stopwatch.StartNew();
            var network = row.NewNetwork(options);
            var running = row.Start(trial, seed, network, options, new TrialProgress(row.Id, trial), cancellationToken);
            var times = new SequenceTimes();
            SequenceRunner.Drive(network, running.Work, times);
            var result = running.Finish();
            return new TrialProfile(row.Id, times, total.Elapsed.TotalSeconds, result);
        }
    }
}
