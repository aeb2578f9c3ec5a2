using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>Settings of a run that a user may change from their paper defaults.</summary>
    public sealed record RunOptions
    {
        /// <summary>Training sequences after which a trial counts as failed; null = the row's default cap.</summary>
        public long? MaxSequences { get; init; }

        /// <summary>Overrides the size of the final test set; null = the paper's.</summary>
        public int? TestSetSize { get; init; }

        /// <summary>
        /// How often (in training sequences) a row that tests on a separate set (Exps 1 and 3) runs that test.
        /// The paper does not say (extraction §7, item 5); null = the row's default.
        /// </summary>
        public int? CheckEvery { get; init; }

        /// <summary>What ST3's "average training error" averages (Exps 4, 6); null = the row's (squared for the paper's rows).</summary>
        public TrainingErrorMeasure? ErrorMeasure { get; init; }

        /// <summary>Overrides the spec's update timing; null = the network's (extraction §2.4).</summary>
        public UpdateTiming? Update { get; init; }

        /// <summary>Overrides the row's learning rate; null = the paper's.</summary>
        public double? LearningRate { get; init; }

        /// <summary>
        /// The network trained instead of the row's compiled-in one (a spec compiled at run time, lane classes included;
        /// the reference interpreter running a spec in a NativeAOT binary); null = the row's network.
        /// </summary>
        public CompiledNetwork? Network { get; init; }

        /// <summary>
        /// The <c>--spec</c> file <see cref="Network"/> comes from, if any: the results lines record its SHA-256 among the
        /// run's settings (<see cref="TrialResult.Settings"/>).
        /// </summary>
        public string? SpecPath { get; init; }

        /// <summary>The run's base seed, recorded in each results line (<see cref="TrialResult.BaseSeed"/>); null = not recorded.</summary>
        public ulong? BaseSeed { get; init; }

        /// <summary>
        /// Where trials of stream rows (Exps 2, 4, 5, 6) and of Exp 3 keep their training-state checkpoints, one file per trial
        /// (<c>{row}-{trial}.ckpt</c>, see <see cref="TrainingCheckpoint"/>); a trial that finds its checkpoint resumes
        /// from it. Null = no checkpoints.
        /// </summary>
        public string? CheckpointDirectory { get; init; }

        /// <summary>Training sequences between checkpoints; null = <see cref="TrainingCheckpoint.DefaultEvery"/>.</summary>
        public long? CheckpointEvery { get; init; }

        /// <summary>
        /// Trials stepped together in one lane network per thread (docs/performance.md, "Lanes in the harness"); 1 = one scalar network
        /// per trial. Changes speed only, never results. Null = <see cref="ExperimentRow.LaneCount"/>'s default.
        /// </summary>
        public int? Lanes { get; init; }

        /// <summary>
        /// Busy lanes below which a lane network hands the row's last trials over to scalar networks (<see cref="LaneHandOver"/>);
        /// 0: only to threads that wait for work. Changes speed only, never results. Null = the measured cost of a lane step
        /// in scalar steps (<see cref="Sharding.CostModel.LaneStepInScalarSteps"/>), else half the lanes.
        /// </summary>
        public double? HandOverBelow { get; init; }
    }
}
