using System;
using System.Linq;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// The continual embedded Reber grammar (CERG) of Gers, Schmidhuber &amp; Cummins 2000 ("Learning to Forget", Table 2):
    /// embedded Reber strings concatenated into one stream without resets, so that the network must learn to reset
    /// itself. One <see cref="Sequence"/> is one string of the stream; the protocol (<c>ContinualReberRow</c>) presents a
    /// stream's strings one after another without resetting the network between them.
    /// </summary>
    /// <remarks>
    /// <para>The strings are <see cref="EmbeddedReberTask"/>'s, drawn the same way (the same draws give the same string).
    /// Unlike Exp 1, the final E is read too: in a stream it is followed by the next string's B, which is its target
    /// (every string starts with B, so the target does not depend on the next string). A string of n symbols is n steps.</para>
    /// <para>Success at a step is Exp 1's test: the |L| most active outputs are exactly the legal successors L; after the
    /// final E the only legal successor is B. Gers 2000 judges a stream by its "error-free prediction" length (Table 2,
    /// notes a-c): <see cref="SequenceJudgement.ErrorFreeSteps"/> counts the steps before the first wrong one.</para>
    /// <para>With <see cref="ExternalReset"/> the teacher segments the stream (Table 2, "Standard LSTM with external
    /// reset"): the network is reset before every string; the strings and their judgement are the same.</para>
    /// </remarks>
    public sealed class ContinualEmbeddedReberTask : ISequenceTask
    {
        private const int SymbolCount = 7;

        private readonly EmbeddedReberTask _strings = new();

        /// <param name="externalReset">Whether the network is reset before every string (Table 2's "external reset").</param>
        public ContinualEmbeddedReberTask(bool externalReset = false)
        {
            ExternalReset = externalReset;
        }

        public string Name => "cerg";

        public int InputSize => SymbolCount;

        public int OutputSize => SymbolCount;

        /// <summary>Whether the network is reset before every string (the teacher knows where strings begin).</summary>
        public bool ExternalReset { get; }

        /// <summary>The next string of the stream, read up to and including its final E (whose target is the next B).</summary>
        public Sequence Next(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            var inner = _strings.Next(random).Symbols!;
            return FromString(inner);
        }

        /// <summary>The stream sequence of one embedded Reber string (e.g. "BTBTXSETE"); throws if it is not in the grammar.</summary>
        public Sequence FromString(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return FromString(_strings.FromString(text).Symbols!);
        }

        public SequenceJudgement Judge(Sequence sequence, ReadOnlySpan<double> outputs) => EmbeddedReberTask.JudgeEveryStep(sequence, outputs, nameof(ContinualEmbeddedReberTask));

        public string Describe(Sequence sequence)
        {
            ArgumentNullException.ThrowIfNull(sequence);
            // The string itself: its symbols without the next string's B, which is only the last step's target.
            return sequence.Symbols is null ? string.Empty : string.Concat(sequence.Symbols.Take(sequence.Length).Select(s => EmbeddedReberTask.SymbolNames[s]));
        }

        /// <summary>
        /// A string's symbols with the next string's B appended: step t reads symbol t and is taught symbol t + 1, the
        /// last step (the final E) is taught B.
        /// </summary>
        private static Sequence FromString(int[] symbols)
        {
            var exp1 = EmbeddedReberTask.LegalSuccessorSets(symbols)
                ?? throw new ArgumentException("The string is not an embedded Reber string.", nameof(symbols));
            var stream = new int[symbols.Length + 1];
            symbols.CopyTo(stream, 0);
            stream[^1] = EmbeddedReberTask.B;
            var legal = new int[symbols.Length][];
            for (var t = 0; t < exp1.Length; t++)
            {
                legal[t] = exp1[t];
            }

            legal[^1] = [EmbeddedReberTask.B];
            var targets = stream[1..];
            return new Sequence(SymbolCount, SymbolCount, stream, targets)
            {
                Class = symbols[1] == EmbeddedReberTask.T ? 0 : 1,
                Symbols = stream,
                LegalSuccessors = legal,
                RelevantPositions = [1],
            };
        }
    }
}
