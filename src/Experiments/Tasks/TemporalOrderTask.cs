using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>Which of Experiment 6's tasks.</summary>
    public enum TemporalOrderVariant
    {
        /// <summary>6a: two relevant symbols, 4 classes.</summary>
        TwoSymbols,

        /// <summary>6b: three relevant symbols, 8 classes.</summary>
        ThreeSymbols,
    }

    /// <summary>How the paper's positions (t1 ∈ [10, 20] …) map onto sequence indices (extraction §3.6 [I]: unspecified).</summary>
    public enum PositionBase
    {
        /// <summary>Default: E is position 1, so paper position t is index t − 1.</summary>
        OneBased,

        /// <summary>E is position 0, so paper position t is index t.</summary>
        ZeroBased,
    }

    /// <summary>
    /// Experiment 6 (extraction §3.6): classify a sequence by the temporal order of widely separated symbols X/Y.
    /// Symbols E, B, a, b, c, d, X, Y coded locally over 8 input units (in that order); 4 (6a) or 8 (6b) output units.
    /// </summary>
    /// <remarks>
    /// <para>Each sequence: length uniform over 100 … 110; E first, B (the trigger) last; X or Y (probability 0.5 each) at the
    /// relevant positions t1 ∈ [10, 20], t2 ∈ [50, 60] (6a) or t1 ∈ [10, 20], t2 ∈ [33, 43], t3 ∈ [66, 76] (6b), each uniform;
    /// a, b, c or d (uniform) everywhere else. Positions are 1-based with E at position 1 by default
    /// (<see cref="PositionBase"/>; the extraction notes the convention is unspecified).</para>
    /// <para>Classes, as <see cref="Sequence.Class"/> and output unit: the X/Y string read as a binary number with X = 0,
    /// first symbol most significant. 6a: XX → Q (0), XY → R (1), YX → S (2), YY → U (3). 6b: XXX → Q (0), XXY → R (1),
    /// XYX → S (2), XYY → U (3), YXX → V (4), YXY → A (5), YYX → B (6), YYY → C (7).</para>
    /// <para>Target at the last step only (the step reading B): the one-hot class. Correct if "the final absolute error of
    /// all output units" is below 0.3 (ABS(0.3), Table 11).</para>
    /// <para>Draw order per sequence: length, the relevant positions in order, then one symbol per index in order.</para>
    /// </remarks>
    public sealed class TemporalOrderTask : ISequenceTask
    {
        public const int E = 0;
        public const int B = 1;
        public const int SymbolA = 2;
        public const int X = 6;
        public const int Y = 7;

        /// <summary>ABS(0.3), Table 11.</summary>
        public const double SuccessThreshold = 0.3;

        public const int MinLength = 100;
        public const int MaxLength = 110;

        private static readonly string[] Names = ["E", "B", "a", "b", "c", "d", "X", "Y"];
        private static readonly string[] ClassNames6A = ["Q", "R", "S", "U"];
        private static readonly string[] ClassNames6B = ["Q", "R", "S", "U", "V", "A", "B", "C"];
        private static readonly (int Low, int High)[] Windows6A = [(10, 20), (50, 60)];
        private static readonly (int Low, int High)[] Windows6B = [(10, 20), (33, 43), (66, 76)];

        public TemporalOrderTask(TemporalOrderVariant variant, PositionBase positionBase = PositionBase.OneBased)
        {
            Variant = variant;
            PositionBase = positionBase;
        }

        public string Name => Variant == TemporalOrderVariant.TwoSymbols ? "6a" : "6b";

        public int InputSize => Names.Length;

        public int OutputSize => ClassNames.Count;

        public TemporalOrderVariant Variant { get; }

        public PositionBase PositionBase { get; }

        /// <summary>The class names in output-unit order.</summary>
        public IReadOnlyList<string> ClassNames => Variant == TemporalOrderVariant.TwoSymbols ? ClassNames6A : ClassNames6B;

        /// <summary>The symbol names in input-unit order.</summary>
        public static IReadOnlyList<string> SymbolNames => Names;

        /// <summary>The windows of the relevant positions as sequence indices (0-based, both ends included).</summary>
        public IReadOnlyList<(int Low, int High)> RelevantWindows
        {
            get
            {
                var paper = Variant == TemporalOrderVariant.TwoSymbols ? Windows6A : Windows6B;
                var shift = PositionBase == PositionBase.OneBased ? 1 : 0;
                var windows = new (int, int)[paper.Length];
                for (var i = 0; i < paper.Length; i++)
                {
                    windows[i] = (paper[i].Low - shift, paper[i].High - shift);
                }

                return windows;
            }
        }

        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var length = random.NextInclusive(MinLength, MaxLength);
            var windows = RelevantWindows;
            var positions = new int[windows.Count];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = random.NextInclusive(windows[i].Low, windows[i].High);
            }

            var symbols = new int[length];
            symbols[0] = E;
            symbols[length - 1] = B;
            var cls = 0;
            var next = 0;
            for (var i = 1; i < length - 1; i++)
            {
                if (next < positions.Length && positions[next] == i)
                {
                    var isY = random.NextInt(2);
                    symbols[i] = X + isY;
                    cls = (cls << 1) | isY;
                    next++;
                }
                else
                {
                    symbols[i] = SymbolA + random.NextInt(4);
                }
            }

            // One target, the class, at the last step (−1: no target elsewhere).
            var taught = new int[length];
            Array.Fill(taught, -1);
            taught[length - 1] = cls;
            return new Sequence(InputSize, OutputSize, symbols, taught)
            {
                Class = cls,
                Symbols = symbols,
                RelevantPositions = positions,
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
            var text = sequence.Symbols is null ? string.Empty : SymbolCodes.Join(sequence.Symbols, Names, string.Empty);
            return sequence.Class < 0 ? text : text + " -> " + ClassNames[sequence.Class];
        }
    }
}
