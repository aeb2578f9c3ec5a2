using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// What every row declares, whatever its protocol (docs/rows.md): the settings of Tables 10 and 11 that are not the
    /// task's or the stopping rule's, and the paper's figures. The row files (specs/rows/) are read into these.
    /// </summary>
    /// <param name="Id">The row's id on the command line, e.g. "1-5", "2c-5", "3a-100-3", "4-100", "6a".</param>
    /// <param name="Title">The row in words.</param>
    /// <param name="NetworkName">The compiled network (a spec in specs/) the row trains.</param>
    /// <param name="LearningRate">The learning rate α (Table 10): the row's own, or its network spec's.</param>
    /// <param name="Trials">How many trials a run of the row makes unless told otherwise (the paper's count).</param>
    /// <param name="DefaultMaxSequences">Training sequences after which a trial counts as failed, unless the run says otherwise.</param>
    /// <param name="Paper">The paper's figures for the row (<see cref="PaperFigures.None"/> for a row that is not in the paper).</param>
    /// <param name="TypicalLength">The typical length of a training sequence, for budgeting quick runs.</param>
    public sealed record RowSettings(
        string Id,
        string Title,
        string NetworkName,
        double LearningRate,
        int Trials,
        long DefaultMaxSequences,
        PaperFigures Paper,
        int TypicalLength)
    {
        /// <summary>When weight changes are applied; null = as the network's spec says (extraction §2.4).</summary>
        public UpdateTiming? Update { get; init; }

        /// <summary>
        /// Whether every input gate bias is drawn at random in the spec's initialisation interval after the spec's
        /// initialisation (Table 10 igb "r" for a network whose spec fixes them: Exp 5 on the Exps 4/5 network).
        /// </summary>
        public bool RandomInputGateBiases { get; init; }
    }
}
