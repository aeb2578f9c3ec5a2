using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// Experiment 2c (extraction §3.2c): very long time lags, no local regularities. Symbols a_1 … a_p (distractors),
    /// e (trigger), b, x, y coded locally over p + 4 input units (a_i → unit i − 1, e → p, b → p + 1, x → p + 2,
    /// y → p + 3); 2 output units (x → 0, y → 1).
    /// </summary>
    /// <remarks>
    /// <para>Generation [V]: the prefix <c>b, c, q distractors</c> (c = x or y, probability 0.5; length q + 2); then, while a
    /// draw with probability 9/10 succeeds, one more distractor (k ≥ 0 of them, geometric, mean 9); then e; then c again.
    /// The string has q + k + 4 symbols; the minimal time lag is q + 1.</para>
    /// <para>Ambiguities, as resolved by the extraction: the continuation probability is 9/10 (one copy's "1/10" is an OCR
    /// error, [A] §3.2c; <c>continueProbability</c> can change it); distractors are uniform over a_1 … a_p although the
    /// paper's set notation bounds the index by q ([A] §3.2c: with q &gt; p that bound is meaningless). The expected length
    /// is q + 13 and a given distractor's expected count (q + 9)/p; the paper's q + 14 and (q + 10)/p are off by one [A].</para>
    /// <para>Steps: step t reads symbol t; the final c is never read (it is the answer). The only target is at the step that
    /// reads e: the one-hot class over the 2 outputs. Success ABS(0.2) (Table 11): both outputs within 0.2 there.</para>
    /// <para><see cref="Sequence.Class"/>: 0 = x, 1 = y.</para>
    /// <para>Inputs are stored densely like every task's: at p = q = 1000 one sequence holds about a million doubles (8 MB).</para>
    /// </remarks>
    public sealed class VeryLongLagTask : ISequenceTask
    {
        /// <summary>ABS(0.2), Table 11.</summary>
        public const double SuccessThreshold = 0.2;

        /// <summary>The paper's probability of one more distractor (extraction §3.2c: 9/10).</summary>
        public const double PaperContinueProbability = 0.9;

        public VeryLongLagTask(int p, int q, double continueProbability = PaperContinueProbability)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
            ArgumentOutOfRangeException.ThrowIfNegative(q);
            if (!(continueProbability >= 0.0 && continueProbability < 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(continueProbability), continueProbability, "Must be in [0, 1).");
            }

            P = p;
            Q = q;
            ContinueProbability = continueProbability;
        }

        public string Name => "2c";

        public int InputSize => P + 4;

        public int OutputSize => 2;

        /// <summary>Number of distractor symbols.</summary>
        public int P { get; }

        /// <summary>Number of distractors in the prefix (minimal time lag − 1).</summary>
        public int Q { get; }

        public double ContinueProbability { get; }

        public int SymbolE => P;

        public int SymbolB => P + 1;

        public int SymbolX => P + 2;

        public int SymbolY => P + 3;

        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var cls = random.NextInt(2);
            var c = cls == 0 ? SymbolX : SymbolY;
            var symbols = new List<int>(Q + 24) { SymbolB, c };
            for (var i = 0; i < Q; i++)
            {
                symbols.Add(random.NextInt(P));
            }

            while (random.NextBool(ContinueProbability))
            {
                symbols.Add(random.NextInt(P));
            }

            symbols.Add(SymbolE);
            symbols.Add(c);

            var all = symbols.ToArray();
            // One target, the class, at the last step (−1: no target elsewhere).
            var taught = new int[all.Length - 1];
            Array.Fill(taught, -1);
            taught[^1] = cls;
            return new Sequence(InputSize, 2, all, taught)
            {
                Class = cls,
                Symbols = all,
                RelevantPositions = [1],
            };
        }

        public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            return SequenceJudgement.AbsBelow(sequence, outputs, SuccessThreshold, everyStep: false);
        }

        public string Describe(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            if (sequence.Symbols is null)
            {
                return string.Empty;
            }

            var names = new string[P + 4];
            for (var i = 0; i < P; i++)
            {
                names[i] = "a" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            names[SymbolE] = "e";
            names[SymbolB] = "b";
            names[SymbolX] = "x";
            names[SymbolY] = "y";
            return SymbolCodes.Join(sequence.Symbols, names, " ");
        }
    }
}
