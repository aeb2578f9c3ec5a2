using System;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>Which of Experiment 2's first two tasks.</summary>
    public enum LongLagVariant
    {
        /// <summary>2a: the middle part is always a_1 … a_{p−1}.</summary>
        NoiseFree,

        /// <summary>2b: the middle part is p − 1 random symbols from a_1 … a_{p−1}.</summary>
        NoLocalRegularities,
    }

    /// <summary>
    /// Experiments 2a and 2b (extraction §3.2): p + 1 symbols a_1 … a_{p−1}, a_p = x, a_{p+1} = y, coded locally over
    /// p + 1 input and p + 1 output units (unit i − 1 for a_i, so x is unit p − 1 and y unit p). A sequence is
    /// <c>(c, middle, c)</c> with c = x or y (probability 0.5 each) and a middle of p − 1 symbols; the net predicts the
    /// next symbol at every step.
    /// </summary>
    /// <remarks>
    /// <para>2a: the middle is a_1 … a_{p−1}, so there are exactly two sequences (Table 11 "t1": picked from the training set
    /// of two). 2b: every middle symbol is drawn uniformly from a_1 … a_{p−1} (Table 11 "t2": picked from 2 classes).</para>
    /// <para>Steps: the p + 1 symbols give p steps; step t reads symbol t and is taught symbol t + 1 (error at every step).</para>
    /// <para>Success, ABS(0.25) (Table 11): 2a "the maximal absolute error of all output units is always below 0.25" at every
    /// step; 2b the same "at sequence end" only (only the final x/y is predictable). <c>judgeEveryStep</c> overrides.</para>
    /// <para>Targets (<c>taughtEveryStep</c>): at every step, as §5 says of Exps 1, 2a and 2b ("Except for Experiments 1, 2a,
    /// and 2b, ... error signals are generated only at sequence ends"); or, as a reading to test, at the last step only, the
    /// final x/y, as in 2c and every other experiment. In 2b no input marks the last step (its middle is random), so with a
    /// target at every step the net can predict the final x/y only by counting the steps (docs/reproduction-study.md, E2-12).</para>
    /// <para><see cref="Sequence.Class"/>: 0 = x, 1 = y.</para>
    /// </remarks>
    public sealed class LongLagTask : ISequenceTask
    {
        /// <summary>The paper's delay for LSTM (Table 2, Table 10).</summary>
        public const int PaperDelay = 100;

        /// <summary>ABS(0.25), Table 11.</summary>
        public const double SuccessThreshold = 0.25;

        private readonly Sequence?[] _noiseFree = new Sequence?[2];

        public LongLagTask(LongLagVariant variant, int p = PaperDelay, bool? judgeEveryStep = null, bool taughtEveryStep = true)
        {
            if (p < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(p), p, "The delay p must be at least 2 (one middle symbol).");
            }

            Variant = variant;
            P = p;
            JudgeEveryStep = judgeEveryStep ?? variant == LongLagVariant.NoiseFree;
            TaughtEveryStep = taughtEveryStep;
        }

        public string Name => Variant == LongLagVariant.NoiseFree ? "2a" : "2b";

        public int InputSize => P + 1;

        public int OutputSize => P + 1;

        public LongLagVariant Variant { get; }

        /// <summary>The delay p: the first symbol must be remembered for p steps.</summary>
        public int P { get; }

        /// <summary>Whether ABS(0.25) is required at every step (2a) or at the sequence end only (2b).</summary>
        public bool JudgeEveryStep { get; }

        /// <summary>Whether every step is taught the symbol that follows (§5), or only the last step the final x/y.</summary>
        public bool TaughtEveryStep { get; }

        /// <summary>The symbol index (= unit) of x = a_p.</summary>
        public int SymbolX => P - 1;

        /// <summary>The symbol index (= unit) of y = a_{p+1}.</summary>
        public int SymbolY => P;

        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var cls = random.NextInt(2);
            if (Variant == LongLagVariant.NoiseFree)
            {
                // 2a has exactly two sequences, and drawing one takes nothing from the stream but its class: each is
                // built once (sequences are read-only), so a trial allocates nothing per sequence.
                return _noiseFree[cls] ??= Build(random, cls);
            }

            return Build(random, cls);
        }

        private Sequence Build(SeededRandom random, int cls)
        {
            var symbols = new int[P + 1];
            symbols[0] = symbols[P] = cls == 0 ? SymbolX : SymbolY;
            for (var i = 1; i < P; i++)
            {
                symbols[i] = Variant == LongLagVariant.NoiseFree ? i - 1 : random.NextInt(P - 1);
            }

            // Step t reads symbol t and is taught symbol t + 1: one-hot targets, kept as symbols (no 101 x 100 matrix per
            // sequence); taught at the last step only, every other step has none (-1).
            var taught = symbols.AsSpan(1).ToArray();
            if (!TaughtEveryStep)
            {
                Array.Fill(taught, -1, 0, taught.Length - 1);
            }

            return new Sequence(P + 1, P + 1, symbols, taught)
            {
                Class = cls,
                Symbols = symbols,
                RelevantPositions = [0],
            };
        }

        public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            return SequenceJudgement.AbsBelow(sequence, outputs, SuccessThreshold, JudgeEveryStep);
        }

        public string Describe(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            if (sequence.Symbols is null)
            {
                return string.Empty;
            }

            var names = new string[P + 1];
            for (var i = 0; i < P - 1; i++)
            {
                names[i] = "a" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }

            names[SymbolX] = "x";
            names[SymbolY] = "y";
            return SymbolCodes.Join(sequence.Symbols, names, " ");
        }
    }
}
