using System.Collections.Generic;

namespace LstmGen.Experiments.Harness
{
    /// <summary>What the paper reports for one row of its result tables, for reports that put it next to ours.</summary>
    /// <param name="Table">Where the row is, e.g. "Table 7".</param>
    /// <param name="Trials">The number of trials the paper averages over (0: the row is not in the paper).</param>
    /// <param name="SuccessPercent">"% of success" (Tables 1, 2); null where the paper implies every trial succeeded.</param>
    /// <param name="MeanSequences">"Success after" / "stop" (mean sequences until the stopping rule), or null.</param>
    /// <param name="TestWrong">The test-set figure as the paper writes it ("1 out of 2560", "0.000195"), or null.</param>
    public sealed record PaperFigures(string Table, int Trials, double? SuccessPercent, double? MeanSequences, string? TestWrong)
    {
        /// <summary>The figures of a row that is not in the paper (a user's row file without 'paper').</summary>
        public static PaperFigures None { get; } = new("not in the paper", 0, null, null, null);

        /// <summary>Whether the row is one of the paper's (it has the paper's trial count).</summary>
        public bool InPaper => Trials > 0;

        /// <summary>Further figures by name (e.g. Exp 3's ST1 column, Exp 5's MSE), as the paper prints them.</summary>
        public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

        /// <summary>Gers 2000 Table 2's "% good solutions" and "% rest" with their mean error-free lengths, or null.</summary>
        public GoodAndRest? GoodAndRest { get; init; }
    }
}
