using System;
using System.Collections.Generic;
using LstmGen.Experiments.Tasks;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// A task a row file can name (<c>task.name</c>): the data generator of one of the paper's experiments, its parameters,
    /// and how to make it. Tasks are code (src/Experiments/Tasks); a row file only chooses one and sets its parameters.
    /// </summary>
    /// <param name="Name">The task's name in row files, e.g. "adding".</param>
    /// <param name="Experiment">The experiment it is, in the paper's words.</param>
    /// <param name="Parameters">Its parameters (<c>task.T</c>, <c>task.N</c> ...).</param>
    /// <param name="Create">Makes the task; throws <see cref="ArgumentException"/> for values it cannot take.</param>
    /// <param name="TypicalLength">The typical length of one of its sequences, for budgeting quick runs.</param>
    public sealed record TaskKind(
        string Name,
        string Experiment,
        IReadOnlyList<RowParameter> Parameters,
        Func<ParameterValues, ISequenceTask> Create,
        Func<ParameterValues, int> TypicalLength);

    /// <summary>Every task a row file can name.</summary>
    public static class TaskCatalog
    {
        // Declared before All, which uses it: static initialisers run in textual order.
        private static readonly RowParameter SecondMarkRangeParameter = RowParameter.Choice(
            "secondMarkRange", "which pairs the second marked pair may be: 'the first T/2 - 1 pairs' (first-positions) or the first T/2 - 1 still unmarked ones (the paper's convention is unspecified; extraction §3.4)",
            false, "first-positions", "first-unmarked-pairs");

        public static IReadOnlyList<TaskKind> All { get; } =
        [
            new("embedded-reber", "Exp 1, §5.1: the embedded Reber grammar",
                [RowParameter.Choice("target", "what the net is taught at each step: the symbol that follows, or every legal successor (the paper does not say; extraction §3.1)", false, "next-symbol", "legal-successors")],
                p => new EmbeddedReberTask(p.Choice("target") == "legal-successors" ? ReberTarget.LegalSuccessors : ReberTarget.NextSymbol),
                _ => 12),
            new("continual-embedded-reber", "Gers, Schmidhuber & Cummins 2000, Table 2: the continual embedded Reber grammar (strings concatenated without resets)",
                [RowParameter.Choice("reset", "whether the teacher resets the network before every string ('every-string': Table 2's 'external reset') or never within a stream ('none')", false, "none", "every-string")],
                p => new ContinualEmbeddedReberTask(externalReset: p.Choice("reset") == "every-string"),
                _ => 13),
            new("long-lag", "Exps 2a and 2b, §5.2: noise-free sequences with long time lags, and the same without local regularities",
                [
                    RowParameter.Choice("variant", "2a: the middle part is always a_1 ... a_{p-1}; 2b: random symbols (no local regularities)", true, "noise-free", "no-local-regularities"),
                    RowParameter.Integer("p", "p, the delay (Table 2 'Delay p')"),
                    RowParameter.Choice("judge", "where ABS(0.25) is judged: 'by-variant' (2a at every step, 2b at the sequence end, as §5.2 words them), 'every-step' or 'sequence-end' (2a's wording does not say; extraction §3.2)", false, "by-variant", "every-step", "sequence-end"),
                    RowParameter.Choice("targets", "which steps are taught: 'every-step', the symbol that follows (§5: Exps 1, 2a and 2b have error signals not only at sequence ends), or 'sequence-end', the final x/y only (as 2c and the other experiments)", false, "every-step", "sequence-end"),
                ],
                p => new LongLagTask(p.Choice("variant") == "noise-free" ? LongLagVariant.NoiseFree : LongLagVariant.NoLocalRegularities, p.Integer("p"), JudgeEveryStep(p.Choice("judge")), taughtEveryStep: p.Choice("targets") == "every-step"),
                p => p.Integer("p")),
            new("very-long-lag", "Exp 2c, §5.2: very long time lags, no local regularities",
                [
                    RowParameter.Integer("p", "p, the number of distractor symbols (Table 3 'p (# random inputs)')"),
                    RowParameter.Integer("q", "q, the minimal time lag minus 1 (Table 3 'q (time lag -1)')", minimum: 0),
                    RowParameter.Number("continueProbability", "the probability of one more distractor after the prefix (9/10; extraction §3.2c)", VeryLongLagTask.PaperContinueProbability),
                ],
                p => new VeryLongLagTask(p.Integer("p"), p.Integer("q"), p.Number("continueProbability")),
                p => p.Integer("q") + 13),
            new("noise-signal", "Exp 3, §5.3: noise and signal on the same channel",
                [
                    RowParameter.Choice("variant", "3a: Bengio et al.'s 2-sequence problem; 3b: noise on the information-carrying elements too; 3c: noisy real-valued targets", true, "two-sequence", "noisy-information", "noisy-targets"),
                    RowParameter.Integer("T", "T, the minimal sequence length (Tables 4-6)"),
                    RowParameter.Integer("N", "N, the number of information-carrying elements (Tables 4-6)"),
                    RowParameter.Number("noiseVariance", "the variance of the Gaussian input noise (0.2)", NoiseSignalTask.PaperNoiseVariance, positive: false),
                    RowParameter.Number("targetNoiseVariance", "3c: the variance of the target noise (0.1)", NoiseSignalTask.PaperTargetNoiseVariance, positive: false),
                ],
                p => new NoiseSignalTask(NoiseSignalVariant(p.Choice("variant")), p.Integer("T"), p.Integer("N"), p.Number("noiseVariance"), p.Number("targetNoiseVariance")),
                p => p.Integer("T") + (p.Integer("T") / 20)),
            new("adding", "Exp 4, §5.4: the adding problem",
                [RowParameter.Integer("T", "T, the minimal sequence length (Table 7)"), SecondMarkRangeParameter],
                p => new AddingTask(p.Integer("T"), SecondMarkRange(p.Choice("secondMarkRange"))),
                p => p.Integer("T") + (p.Integer("T") / 20)),
            new("multiplication", "Exp 5, §5.5: the multiplication problem",
                [RowParameter.Integer("T", "T, the minimal sequence length (Table 8)"), SecondMarkRangeParameter],
                p => new MultiplicationTask(p.Integer("T"), SecondMarkRange(p.Choice("secondMarkRange"))),
                p => p.Integer("T") + (p.Integer("T") / 20)),
            new("temporal-order", "Exp 6, §5.6: temporal order",
                [
                    RowParameter.Integer("relevantSymbols", "the number of relevant, widely separated X/Y symbols: 2 (6a) or 3 (6b)"),
                    RowParameter.Choice("positionBase", "whether the paper's positions count E as position 1 or 0 (the paper does not say; extraction §3.6)", false, "one-based", "zero-based"),
                ],
                p => new TemporalOrderTask(
                    p.Integer("relevantSymbols") switch
                    {
                        2 => TemporalOrderVariant.TwoSymbols,
                        3 => TemporalOrderVariant.ThreeSymbols,
                        var other => throw new ArgumentOutOfRangeException("relevantSymbols", other, "The paper's temporal order tasks have 2 (6a) or 3 (6b) relevant symbols."),
                    },
                    p.Choice("positionBase") == "zero-based" ? PositionBase.ZeroBased : PositionBase.OneBased),
                _ => (TemporalOrderTask.MinLength + TemporalOrderTask.MaxLength) / 2),
        ];

        /// <summary>The task named <paramref name="name"/> (exactly as written), or null.</summary>
        public static TaskKind? Find(string name)
        {
            foreach (var kind in All)
            {
                if (kind.Name == name)
                {
                    return kind;
                }
            }

            return null;
        }

        private static SecondMarkRange SecondMarkRange(string choice) =>
            choice == "first-unmarked-pairs" ? Tasks.SecondMarkRange.FirstUnmarkedPairs : Tasks.SecondMarkRange.FirstPositions;

        /// <summary>The long-lag task's <c>judge</c>: null keeps the variant's own (2a every step, 2b the sequence end).</summary>
        private static bool? JudgeEveryStep(string choice) => choice switch
        {
            "every-step" => true,
            "sequence-end" => false,
            _ => null,
        };

        private static NoiseSignalVariant NoiseSignalVariant(string choice) => choice switch
        {
            "noisy-information" => Tasks.NoiseSignalVariant.NoisyInformation,
            "noisy-targets" => Tasks.NoiseSignalVariant.NoisyTargets,
            _ => Tasks.NoiseSignalVariant.TwoSequence,
        };
    }
}
