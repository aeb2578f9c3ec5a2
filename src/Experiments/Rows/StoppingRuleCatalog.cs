using System;
using System.Collections.Generic;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Rows
{
    /// <summary>How a row trains and tests: which protocol class runs it (src/Experiments/Harness).</summary>
    public enum RowProtocol
    {
        /// <summary>Sequences drawn one after another, a rule watching that stream, then a final test (<see cref="StreamRow"/>).</summary>
        Stream,

        /// <summary>Exp 1's fixed training and test sets, tested every so many strings (<see cref="ReberRow"/>).</summary>
        ReberDataSets,

        /// <summary>Gers 2000's continual streams: training streams without resets, a solution test on long test streams (<see cref="ContinualReberRow"/>).</summary>
        ContinualStreams,

        /// <summary>Exp 3's ST1 and ST2 on a fixed test set of 256 sequences, then a final test (<see cref="NoiseSignalRow"/>).</summary>
        NoiseSignalTests,
    }

    /// <summary>
    /// A stopping rule a row file can name (<c>stop.rule</c>, Table 11 "stopping criterion"): its parameters, the protocol
    /// that applies it and, for rules that watch the stream of training sequences, how to make it.
    /// </summary>
    /// <param name="Name">The rule's name in row files, e.g. "st3".</param>
    /// <param name="PaperTerm">The rule in the paper's words.</param>
    /// <param name="Parameters">Its parameters (<c>stop.beta</c>, <c>stop.checkEvery</c> ...).</param>
    /// <param name="Protocol">The protocol that applies it.</param>
    /// <param name="OnlyWithTask">The one task it can judge, or null for any task.</param>
    /// <param name="StreamRule">For <see cref="RowProtocol.Stream"/>: makes the rule for a run's options.</param>
    public sealed record StoppingRuleKind(
        string Name,
        string PaperTerm,
        IReadOnlyList<RowParameter> Parameters,
        RowProtocol Protocol,
        string? OnlyWithTask,
        Func<ParameterValues, Func<RunOptions, IStreamStoppingRule>>? StreamRule);

    /// <summary>Every stopping rule a row file can name.</summary>
    public static class StoppingRuleCatalog
    {
        private const string CheckEveryMeaning = "training sequences between two tests of the rule (the paper does not say; extraction §7, item 5)";

        public static IReadOnlyList<StoppingRuleKind> All { get; } =
        [
            new("training-and-test-correct", "Exp 1 (Table 11 'training & test correctly pred.'): all symbols of all strings of the training and the test set predicted correctly",
                [RowParameter.Integer("checkEvery", CheckEveryMeaning, ReberRow.DefaultCheckEvery)],
                RowProtocol.ReberDataSets, "embedded-reber", null),
            new("successive-correct", "Exp 2 (§5.2): every one of so many successive, randomly chosen sequences correct (the paper's test 'after training')",
                [RowParameter.Integer("sequences", "how many successive sequences (10,000 in the paper)")],
                RowProtocol.Stream, null,
                p => _ => new SuccessiveCorrectRule(p.Integer("sequences"))),
            new("st1-st2", "Exp 3 (§5.3): ST1, at most so many of 256 test sequences misclassified; ST2, ST1 and the mean absolute test error below a bound",
                [
                    RowParameter.Integer("st1MaxWrong", "ST1: the most of the 256 test sequences that may be misclassified (3a, 3c: 0; 3b: 5, 'fewer than 6')", minimum: 0),
                    RowParameter.Number("st2MeanError", "ST2: the bound on the mean absolute test error (3a: 0.01; 3b: 0.04; 3c: 0.015, against the noise-free targets)"),
                    RowParameter.Integer("checkEvery", CheckEveryMeaning, NoiseSignalRow.DefaultCheckEvery),
                ],
                RowProtocol.NoiseSignalTests, "noise-signal", null),
            new("st3", "ST3(β) (Table 11; Exps 4, 6): the average training error below β and the 2000 most recent sequences processed correctly",
                [
                    RowParameter.Number("beta", "β"),
                    RowParameter.Integer("window", "the number of most recent sequences (2000)", 2000),
                    RowParameter.Choice("errorMeasure", "what the 'average training error' averages: squared or absolute errors (the paper does not say; extraction §7, item 3)", false, "squared", "absolute"),
                ],
                RowProtocol.Stream, null,
                p => options => new St3Rule(
                    p.Number("beta"),
                    options.ErrorMeasure ?? (p.Choice("errorMeasure") == "absolute" ? TrainingErrorMeasure.Absolute : TrainingErrorMeasure.Squared),
                    p.Integer("window"))),
            new("few-wrong", "Exp 5 (§5.5): fewer than n_seq of the 2000 most recent training sequences with an absolute error above the task's bound",
                [
                    RowParameter.Integer("nSeq", "n_seq (Table 8): the rule holds once fewer than this many recent sequences are wrong"),
                    RowParameter.Integer("window", "the number of most recent sequences (2000)", 2000),
                ],
                RowProtocol.Stream, null,
                p => _ => new FewWrongRule(p.Integer("nSeq"), p.Integer("window"))),
            new("continual-solution", "Gers 2000, Table 2 note a: a 'perfect' solution predicts 10 streams of 100,000 symbols each correctly; training streams end at their first error",
                [
                    RowParameter.Integer("testStreams", "the test streams a solution must predict without error (Table 2, note a: 10)", ContinualReberRow.PaperTestStreams),
                    RowParameter.Integer("testStreamSymbols", "the symbols of each test stream (Table 2, note a: 100,000)", ContinualReberRow.PaperTestStreamSymbols),
                    RowParameter.Integer("trainingStreamSymbols", "the longest training stream, in symbols (the paper's was not retrieved; docs/gers2000.md)", ContinualReberRow.PaperTestStreamSymbols),
                ],
                RowProtocol.ContinualStreams, "continual-embedded-reber", null),
        ];

        /// <summary>The rule named <paramref name="name"/> (exactly as written), or null.</summary>
        public static StoppingRuleKind? Find(string name)
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
    }
}
