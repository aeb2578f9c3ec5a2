using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Reference;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>The internal states of one trial's untrained network at the ends of its first training sequences.</summary>
    /// <param name="AbsoluteStates">|s_c| after the last step, every cell of every probed sequence.</param>
    /// <param name="HPrimes">h'(s_c) at the same states: the factor every error reaching the cell is scaled by (Eqs. 21, 23).</param>
    public sealed record DriftTrial(int Trial, ulong Seed, IReadOnlyList<double> AbsoluteStates, IReadOnlyList<double> HPrimes, double MeanLength);

    /// <summary>A row's drift probe: one <see cref="DriftTrial"/> per trial, and the squashing function h it was read through.</summary>
    public sealed record DriftSummary(string Row, string Network, CellOutputSquashing CellOutput, int SequencesPerTrial, IReadOnlyList<DriftTrial> Trials);

    /// <summary>
    /// Measures internal state drift (§4 of the paper, "internal state drift"): how far the cell states s_c of a row's
    /// networks wander over one training sequence before any learning. Each trial's network starts exactly as
    /// <c>lstmgen run</c> starts it (the trial seed's initial weights) and reads the trial's first training sequences
    /// (the trial seed's training stream), forward only. When |s_c| is large, h'(s_c) is tiny and every error that
    /// reaches the cell (Eqs. 21, 23, 26, 28) is scaled down with it: the gradient into the cell vanishes before
    /// learning has started. The states are read from the reference interpreter running the network's own spec and
    /// weights, so every network, compiled or not, is probed the same way.
    /// </summary>
    public static class StateDriftProbe
    {
        public static DriftSummary Measure(ExperimentRow row, int trials, int sequencesPerTrial, ulong baseSeed, RunOptions options)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequencesPerTrial);
            var results = new List<DriftTrial>(trials);
            ReferenceNetwork? first = null;
            for (var trial = 0; trial < trials; trial++)
            {
                var seed = TrialSeeds.For(row.Id, trial, baseSeed);
                var reference = AsReference(row.CreateInitialNetwork(seed, options));
                first ??= reference;
                var output = new double[reference.OutputCount];
                var states = new List<double>();
                var hPrimes = new List<double>();
                long steps = 0;
                foreach (var sequence in row.TrainingSequences(trial, seed).Take(sequencesPerTrial))
                {
                    reference.Reset();
                    for (var t = 0; t < sequence.Length; t++)
                    {
                        reference.Step(sequence.Input(t), output);
                    }

                    steps += sequence.Length;
                    foreach (var s in reference.CellStates)
                    {
                        states.Add(Math.Abs(s));
                        hPrimes.Add(HPrime(reference.Description.CellOutput, s));
                    }
                }

                results.Add(new DriftTrial(trial, seed, states, hPrimes, (double)steps / sequencesPerTrial));
            }

            return new DriftSummary(row.Id, first!.Name, first.Description.CellOutput, sequencesPerTrial, results);
        }

        /// <summary>
        /// The quantile q (0..1) of the values by the nearest-rank rule: the smallest value with at least a fraction q of
        /// the values at or below it (so the "median" of an even count is the lower of the two middle values).
        /// </summary>
        public static double Quantile(IEnumerable<double> values, double q)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var rank = (int)Math.Ceiling(q * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        /// <summary>h'(s): 2σ(s)(1 − σ(s)) for h1 (Eq. 4), 1 for the identity.</summary>
        private static double HPrime(CellOutputSquashing h, double s)
        {
            if (h == CellOutputSquashing.Identity)
            {
                return 1.0;
            }

            Squash.H1(s, out var derivative);
            return derivative;
        }

        private static ReferenceNetwork AsReference(ILstmNetwork network)
        {
            if (network is ReferenceNetwork reference)
            {
                return reference;
            }

            return ReferenceCopy.Of(network);
        }
    }
}
