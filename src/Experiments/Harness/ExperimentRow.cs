using System;
using System.Collections.Generic;
using System.Threading;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// One row of the paper's result tables as a runnable protocol: the network, its learning rate, how training
    /// sequences are chosen, the stopping rule, the final test and the paper's figures (Tables 1-11).
    /// </summary>
    public abstract class ExperimentRow
    {
        protected ExperimentRow(RowSettings settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            Settings = settings;
        }

        /// <summary>What the row declares (its row file's keys, docs/rows.md).</summary>
        public RowSettings Settings { get; }

        /// <summary>The row's id on the command line, e.g. "1-5", "2c-5", "3a-100-3", "4-100", "6a".</summary>
        public string Id => Settings.Id;

        /// <summary>The row in words.</summary>
        public string Title => Settings.Title;

        /// <summary>The compiled network (a spec in specs/) the row trains.</summary>
        public string NetworkName => Settings.NetworkName;

        /// <summary>The learning rate α for this row (Table 10).</summary>
        public double LearningRate => Settings.LearningRate;

        /// <summary>How many trials a run of the row makes unless told otherwise.</summary>
        public int Trials => Settings.Trials;

        /// <summary>Training sequences after which a trial counts as failed, unless the run says otherwise.</summary>
        public long DefaultMaxSequences => Settings.DefaultMaxSequences;

        public PaperFigures Paper => Settings.Paper;

        /// <summary>The typical length of a training sequence, for budgeting quick runs.</summary>
        public int TypicalLength => Settings.TypicalLength;

        /// <summary>
        /// The cap of a quick run (<c>reproduce --quick</c>): about five million training steps per trial, between 2,000
        /// and 60,000 sequences. A first look in minutes, not a reproduction.
        /// </summary>
        public long QuickMaxSequences => Math.Clamp(5_000_000L / Math.Max(1, TypicalLength), 2_000L, Math.Min(60_000L, DefaultMaxSequences));

        /// <summary>The stopping rule in the paper's words, with the choices made where it is silent.</summary>
        public abstract string StoppingRule { get; }

        /// <summary>
        /// For rows stopped by ST3(β) (Exps 4 and 6): β and the window of recent sequences its average is taken over; the
        /// learning curves record that average, so the report can tell when each of ST3's two conditions was met.
        /// </summary>
        public virtual (double Beta, int Window)? AverageErrorBound => null;

        /// <summary>
        /// Whether a trial's network keeps its state from one sequence to the next (<see cref="SequenceWork.ContinueState"/>):
        /// then a trial never leaves its lane for a scalar network (<see cref="LaneHandOver"/>), which moves weights only.
        /// </summary>
        public virtual bool CarriesStateAcrossSequences => false;

        /// <summary>
        /// Whether a trial holds some of its weights at zero while it learns (<see cref="SequenceWork.HeldAtZero"/>:
        /// sequential construction, Exps 2a/2b): the scalar driver sets them to zero after every learning step, which a
        /// lane network cannot do for one lane, so the row runs on scalar networks whatever <see cref="RunOptions.Lanes"/> says.
        /// </summary>
        public virtual bool HoldsWeightsAtZero => false;

        /// <summary>Runs one trial on a scalar network: fresh weights from the trial's seed, training until the stopping
        /// rule or the cap, the final test.</summary>
        public TrialResult RunTrial(int trial, ulong seed, RunOptions options, TrialProgress progress, CancellationToken cancellationToken) =>
            RunTrial(trial, seed, options, progress, cancellationToken, out _);

        /// <summary>As <see cref="RunTrial(int, ulong, RunOptions, TrialProgress, CancellationToken)"/>, and hands back the
        /// trained network (for diagnostics that read it afterwards, such as <c>lstmgen recall</c>).</summary>
        public TrialResult RunTrial(int trial, ulong seed, RunOptions options, TrialProgress progress, CancellationToken cancellationToken, out ILstmNetwork trained)
        {
            var network = NewNetwork(options);
            var running = Start(trial, seed, network, options, progress, cancellationToken);
            SequenceRunner.Drive(network, running.Work);
            trained = network;
            return running.Finish();
        }

        /// <summary>
        /// Starts trial <paramref name="trial"/> on <paramref name="network"/> (a fresh scalar network, or a
        /// <see cref="LaneView"/> of a free lane): sets it up from the trial's seed; the returned trial's work is then
        /// driven to its end, and its result read.
        /// </summary>
        /// <param name="clock">The trial's thread time (a lane's share, <see cref="LaneScheduler"/>); null: its wall time.</param>
        public RunningTrial Start(int trial, ulong seed, ILstmNetwork network, RunOptions options, TrialProgress progress, CancellationToken cancellationToken, TrialClock? clock = null)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(options);
            var outcome = new TrialOutcome(clock ?? TrialClock.Wall());
            Prepare(network, seed, options);
            var run = new RunRecord(options.BaseSeed, MaxSequences(options), Sharding.RunSettings.Describe(options, options.SpecPath));
            return new RunningTrial(Id, trial, seed, network, Train(network, trial, seed, options, progress, outcome, cancellationToken), outcome, run);
        }

        /// <summary>A fresh instance of the network the row trains (weights zero until <see cref="Prepare"/>).</summary>
        public ILstmNetwork NewNetwork(RunOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return Network(options).Create();
        }

        /// <summary>
        /// How many lanes a run of this row uses: 1, the scalar path, for a row that <see cref="HoldsWeightsAtZero"/>; else
        /// <see cref="RunOptions.Lanes"/>, else <see cref="LaneNetworks.DefaultCount"/> (K of the widest accelerated width
        /// where the network has a generated lane class, compiled in or compiled at run time, else 1).
        /// </summary>
        public int LaneCount(RunOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return HoldsWeightsAtZero ? 1 : options.Lanes ?? LaneNetworks.DefaultCount(Network(options));
        }

        /// <summary>A lane network of <paramref name="laneCount"/> lanes of the row's network (<see cref="LaneNetworks.Create(CompiledNetwork, int)"/>).</summary>
        public ILaneNetwork NewLanes(RunOptions options, int laneCount)
        {
            ArgumentNullException.ThrowIfNull(options);
            return LaneNetworks.Create(Network(options), laneCount);
        }

        /// <summary>The network a run trains: <see cref="RunOptions.Network"/>, else the row's compiled-in network.</summary>
        private CompiledNetwork Network(RunOptions options) =>
            options.Network ?? Rows.RowNetworks.Find(NetworkName) ?? throw new InvalidOperationException("No compiled network named " + NetworkName + ".");

        /// <summary>
        /// Sets up a trial's network: initial weights drawn from the trial seed's first stream; input gate biases the row
        /// draws at random (<see cref="RowSettings.RandomInputGateBiases"/>) come from its fourth.
        /// </summary>
        private void Prepare(ILstmNetwork network, ulong seed, RunOptions options)
        {
            network.InitializeWeights(SeededRandom.DeriveSeed(seed, 0));
            network.LearningRate = options.LearningRate ?? LearningRate;
            if ((options.Update ?? Settings.Update) is { } update)
            {
                network.Update = update;
            }

            if (Settings.RandomInputGateBiases)
            {
                RandomInputGateBiases.Draw(network, SeededRandom.DeriveSeed(seed, 3));
            }
        }

        /// <summary>The network with its initial weights, as <see cref="Start"/> sets it up.</summary>
        private ILstmNetwork CreateNetwork(ulong seed, RunOptions options)
        {
            var network = NewNetwork(options);
            Prepare(network, seed, options);
            return network;
        }

        /// <summary>
        /// Trial i's network before any training, as <see cref="RunTrial"/> starts it: the same initial weights (for
        /// diagnostics such as <c>lstmgen drift</c>). Sequential construction (2a/2b) silences the cell's outgoing weights
        /// only once training starts; the cell states are the same either way.
        /// </summary>
        public ILstmNetwork CreateInitialNetwork(ulong seed, RunOptions options) => CreateNetwork(seed, options);

        /// <summary>The row's task: the data generator of its sequences and their judge (extraction §3).</summary>
        public abstract ISequenceTask CreateTask();

        /// <summary>
        /// The training sequences trial i is given, in order, without end: by default the task's sequences drawn from the
        /// trial seed's training stream, as <see cref="Train"/> draws them; Exp 1 picks them from its fixed training set.
        /// </summary>
        public virtual IEnumerable<Sequence> TrainingSequences(int trial, ulong seed)
        {
            var task = CreateTask();
            var random = TrainingRandom(seed);
            while (true)
            {
                yield return task.Next(random);
            }
        }

        /// <summary>
        /// The trial: trains until the row's rule is met or the cap is reached and runs the final test, asking for each
        /// sequence as <see cref="SequenceWork"/> (reading its verdict when it resumes) and leaving its result in
        /// <paramref name="outcome"/>. Between two yields it may use <paramref name="network"/> as a scalar network
        /// (weights, checkpoints), but never steps it: whoever drives the trial presents the sequences.
        /// </summary>
        protected abstract IEnumerable<SequenceWork> Train(ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, TrialOutcome outcome, CancellationToken cancellationToken);

        /// <summary>The random stream for training data (the trial seed's second stream).</summary>
        public static SeededRandom TrainingRandom(ulong seed) => new(SeededRandom.DeriveSeed(seed, 1));

        /// <summary>The random stream for test data (the trial seed's third stream), independent of training.</summary>
        protected static SeededRandom TestRandom(ulong seed) => new(SeededRandom.DeriveSeed(seed, 2));

        protected long MaxSequences(RunOptions options) => options.MaxSequences ?? DefaultMaxSequences;

        /// <summary>
        /// A trial's result from its training outcome and its final test (<paramref name="test"/> may be empty);
        /// <see cref="RunningTrial.Finish"/> adds the wall time.
        /// </summary>
        protected TrialResult Result(
            int trial,
            ulong seed,
            bool success,
            long sequences,
            TestSetEvaluation test,
            IReadOnlyList<CurvePoint> curve,
            IReadOnlyDictionary<string, double>? extra = null,
            bool againstCleanTargets = false,
            double earlierWallSeconds = 0) => new()
        {
            Row = Id,
            Trial = trial,
            Seed = seed,
            Success = success,
            Sequences = sequences,
            TestSize = test.Size,
            TestWrong = test.Wrong,
            TestMse = test.Mse,
            TestMeanAbsError = againstCleanTargets ? test.MeanEndCleanAbsError : test.MeanEndAbsError,
            Extra = extra ?? new Dictionary<string, double>(),
            WallSeconds = earlierWallSeconds,
            Curve = curve,
        };
    }
}
