using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>What Experiment 1 teaches at each step.</summary>
    public enum ReberTarget
    {
        /// <summary>The one-hot code of the symbol that actually follows (default; extraction §3.1 [I]).</summary>
        NextSymbol,

        /// <summary>A multi-hot code of every legal successor.</summary>
        LegalSuccessors,
    }

    /// <summary>
    /// Experiment 1 (extraction §3.1): strings of the embedded Reber grammar, read one symbol at a time, predicting the
    /// next symbol at every step. Symbols B, T, P, S, X, V, E, coded locally over 7 input and 7 output units.
    /// </summary>
    /// <remarks>
    /// <para>The grammar (the paper's Figs. 3–4 are images; the extraction's standard table [I]): inner Reber string
    /// <c>B</c>, then from state 0 <c>T→1 | P→2</c>; state 1 <c>S→1 | X→3</c>; state 2 <c>T→2 | V→4</c>; state 3
    /// <c>X→2 | S→5</c>; state 4 <c>P→3 | V→5</c>; state 5 <c>E</c>. Embedded: <c>B (T|P) inner (same T|P) E</c>, each
    /// branch taken with probability 0.5; minimum length 9, mean length 12 (inner mean 8: 6 transition symbols).</para>
    /// <para>Steps: step t reads symbol t and is taught symbol t + 1, so a string of n symbols gives n − 1 steps, all with
    /// targets; the final E is never read (activations are reset after every string, so reading it would change nothing).</para>
    /// <para>Training target: NOT FOUND in the paper (extraction §3.1, §7 item 2). Default: one-hot of the actual next
    /// symbol [I]; <see cref="ReberTarget.LegalSuccessors"/> teaches the multi-hot set instead.</para>
    /// <para>Success (§3.1 [I]): at every step the |L| most active outputs are exactly the legal successor set L. A tie
    /// between the weakest legal and the strongest illegal output counts as wrong (the set is then not determined).</para>
    /// <para><see cref="Sequence.Class"/> is the embedded branch: 0 = T, 1 = P (the symbol the net must remember).</para>
    /// </remarks>
    public sealed class EmbeddedReberTask : ISequenceTask
    {
        public const int B = 0;
        public const int T = 1;
        public const int P = 2;
        public const int S = 3;
        public const int X = 4;
        public const int V = 5;
        public const int E = 6;

        private const int SymbolCount = 7;
        private const int FinalState = 5;

        private static readonly string[] Names = ["B", "T", "P", "S", "X", "V", "E"];

        // Inner automaton: per state, the two (symbol, next state) edges (state 5 has none: it emits E).
        private static readonly (int Symbol, int Next)[][] Edges =
        [
            [(T, 1), (P, 2)],
            [(S, 1), (X, 3)],
            [(T, 2), (V, 4)],
            [(X, 2), (S, 5)],
            [(P, 3), (V, 5)],
        ];

        public EmbeddedReberTask(ReberTarget target = ReberTarget.NextSymbol)
        {
            TargetKind = target;
        }

        public string Name => "1";

        public int InputSize => SymbolCount;

        public int OutputSize => SymbolCount;

        public ReberTarget TargetKind { get; }

        /// <summary>The symbol names in unit order.</summary>
        public static IReadOnlyList<string> SymbolNames => Names;

        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var symbols = new List<int>(16) { B };
            var branch = random.NextBool() ? T : P;
            symbols.Add(branch);
            symbols.Add(B);
            var state = 0;
            while (state != FinalState)
            {
                var edge = Edges[state][random.NextBool() ? 0 : 1];
                symbols.Add(edge.Symbol);
                state = edge.Next;
            }

            symbols.Add(E);
            symbols.Add(branch);
            symbols.Add(E);
            return FromSymbols(symbols.ToArray());
        }

        /// <summary>
        /// The sequence for a given embedded Reber string (e.g. "BTBTXSETE"). Throws if the string is not in the grammar.
        /// </summary>
        public Sequence FromString(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var symbols = new int[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                symbols[i] = Array.IndexOf(Names, text[i].ToString());
                if (symbols[i] < 0)
                {
                    throw new ArgumentException("'" + text[i] + "' is not a symbol of the Reber grammar (B, T, P, S, X, V, E).", nameof(text));
                }
            }

            return FromSymbols(symbols);
        }

        /// <summary>
        /// Per position of <paramref name="symbols"/> (except the last), the legal successors by the embedded grammar,
        /// ascending; null if the string leaves the grammar or does not end where it must.
        /// </summary>
        public static int[][]? LegalSuccessorSets(IReadOnlyList<int> symbols)
        {
            ArgumentNullException.ThrowIfNull(symbols);
            var n = symbols.Count;
            if (n < 9 || symbols[0] != B || (symbols[1] != T && symbols[1] != P) || symbols[2] != B
                || symbols[n - 1] != E || symbols[n - 2] != symbols[1] || symbols[n - 3] != E)
            {
                return null;
            }

            var sets = new int[n - 1][];
            sets[0] = [T, P];
            sets[1] = [B];
            var state = 0;
            for (var i = 2; i < n - 3; i++)
            {
                // symbols[i] has just been read; state is the inner automaton's state after it.
                if (i > 2)
                {
                    var edges = Edges[state];
                    var next = symbols[i] == edges[0].Symbol ? edges[0].Next : symbols[i] == edges[1].Symbol ? edges[1].Next : -1;
                    if (next < 0)
                    {
                        return null;
                    }

                    state = next;
                }

                sets[i] = state == FinalState ? [E] : SortedPair(Edges[state][0].Symbol, Edges[state][1].Symbol);
                if (state == FinalState && i != n - 4)
                {
                    return null;
                }
            }

            if (state != FinalState)
            {
                return null;
            }

            sets[n - 3] = [symbols[1]];
            sets[n - 2] = [E];
            return sets;
        }

        public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs) => JudgeEveryStep(sequence, outputs, nameof(EmbeddedReberTask));

        /// <summary>
        /// The Reber test at every step of <paramref name="sequence"/> (<see cref="MostActiveAreExactly"/> against the step's
        /// legal successors), for this task and the continual grammar: correct when no step is wrong, with the number of
        /// wrong steps and the steps before the first wrong one (<see cref="SequenceJudgement.ErrorFreeSteps"/>).
        /// </summary>
        /// <param name="sequence">A sequence carrying its legal successor sets.</param>
        /// <param name="outputs">The network's outputs at every step.</param>
        /// <param name="task">The task the sequence should come from, named in the error when it carries no legal successor sets.</param>
        internal static SequenceJudgement JudgeEveryStep(Sequence sequence, ReadOnlySpan<double> outputs, string task)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            var legal = sequence.LegalSuccessors
                ?? throw new ArgumentException("The sequence carries no legal successor sets; draw it from " + task + ".", nameof(sequence));
            SequenceJudgement.CheckOutputs(sequence, outputs);
            var wrong = 0;
            var errorFree = sequence.Length;
            for (var t = 0; t < sequence.Length; t++)
            {
                if (!MostActiveAreExactly(SequenceJudgement.Output(sequence, outputs, t), legal[t]))
                {
                    wrong++;
                    errorFree = Math.Min(errorFree, t);
                }
            }

            return SequenceJudgement.Measure(sequence, outputs, wrong == 0, wrong) with { ErrorFreeSteps = errorFree };
        }

        public string Describe(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            return sequence.Symbols is null ? string.Empty : SymbolCodes.Join(sequence.Symbols, Names, string.Empty);
        }

        /// <summary>The paper's test: the |L| most active outputs are exactly <paramref name="legal"/> (strictly above every other output).</summary>
        public static bool MostActiveAreExactly(ReadOnlySpan<double> output, int[] legal)
        {
            ArgumentNullException.ThrowIfNull(legal);
            var weakestLegal = double.PositiveInfinity;
            var strongestOther = double.NegativeInfinity;
            for (var k = 0; k < output.Length; k++)
            {
                if (Contains(legal, k))
                {
                    weakestLegal = Math.Min(weakestLegal, output[k]);
                }
                else
                {
                    strongestOther = Math.Max(strongestOther, output[k]);
                }
            }

            return weakestLegal > strongestOther;
        }

        /// <summary>
        /// Whether <paramref name="set"/> holds <paramref name="k"/>: a legal successor set has one or two members, where a
        /// plain loop costs a few compares, where <see cref="Array.IndexOf{T}(T[], T)"/> pays its vectorised search's set-up
        /// each time (it showed in the CPU samples of <c>lstmgen bench --tasks --rows 1-5</c> in December 2026: this runs for
        /// every output at every step of every judged string).
        /// </summary>
        private static bool Contains(int[] set, int k)
        {
            foreach (var member in set)
            {
                if (member == k)
                {
                    return true;
                }
            }

            return false;
        }

        private Sequence FromSymbols(int[] symbols)
        {
            var legal = LegalSuccessorSets(symbols)
                ?? throw new ArgumentException("The string is not an embedded Reber string: " + SymbolCodes.Join(symbols, Names, string.Empty), nameof(symbols));
            var steps = symbols.Length - 1;
            var targets = new double[steps * SymbolCount];
            var hasTarget = new bool[steps];
            for (var t = 0; t < steps; t++)
            {
                hasTarget[t] = true;
                if (TargetKind == ReberTarget.NextSymbol)
                {
                    SymbolCodes.SetOneHot(targets, t, SymbolCount, symbols[t + 1]);
                }
                else
                {
                    foreach (var s in legal[t])
                    {
                        SymbolCodes.SetOneHot(targets, t, SymbolCount, s);
                    }
                }
            }

            return new Sequence(SymbolCount, SymbolCount, symbols, targets, hasTarget)
            {
                Class = symbols[1] == T ? 0 : 1,
                Symbols = symbols,
                LegalSuccessors = legal,
                RelevantPositions = [1],
            };
        }

        private static int[] SortedPair(int a, int b) => a < b ? [a, b] : [b, a];
    }
}
