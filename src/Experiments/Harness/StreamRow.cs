using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A row whose training sequences are drawn from the task one after another and whose stopping rule watches that
    /// stream (Exps 2a-2c: successive correct sequences; Exps 4, 6: ST3(β); Exp 5: fewer than n_seq wrong), followed by
    /// a final test on fresh sequences.
    /// </summary>
    public sealed class StreamRow : ExperimentRow
    {
        private readonly Func<ISequenceTask> _task;
        private readonly Func<RunOptions, IStreamStoppingRule> _rule;
        private readonly Lazy<bool> _recordsJudgedError;

        /// <param name="settings">The row's common settings.</param>
        /// <param name="task">Makes the row's task.</param>
        /// <param name="rule">Makes the row's stopping rule for a run's options (ST3's error measure may come from them).</param>
        /// <param name="testSetSize">Size of the final test set; 0 = none.</param>
        /// <param name="sequentialConstruction">Whether the cells join in only once the error stops decreasing (Exps 2a, 2b).</param>
        public StreamRow(
            RowSettings settings,
            Func<ISequenceTask> task,
            Func<RunOptions, IStreamStoppingRule> rule,
            int testSetSize,
            bool sequentialConstruction = false)
            : base(settings)
        {
            SequentialConstruction = sequentialConstruction;
            _task = task;
            _rule = rule;
            TestSetSize = testSetSize;
            _recordsJudgedError = new Lazy<bool>(() => RecordsJudgedErrorOf(_task(), _rule(new RunOptions())));
        }

        /// <summary>Whether the cells are added only once the error stops decreasing (Exps 2a/2b; see <see cref="Harness.SequentialConstruction"/>).</summary>
        public bool SequentialConstruction { get; }

        /// <summary>Size of the final test set (0: the stopping rule is itself the test, as in 2a-2c).</summary>
        public int TestSetSize { get; }

        public override bool HoldsWeightsAtZero => SequentialConstruction;

        /// <summary>
        /// Whether the row judges a step it does not alone teach: a long-lag task judged at the sequence end and taught at
        /// every step (2b; 2a with <c>task.judge: sequence-end</c>), under the successive-correct rule. Its recorded training
        /// error is the error at the judged step (since 0.6.1; <see cref="SequenceJudgement.JudgedAbsError"/>), not over
        /// every step.
        /// </summary>
        public bool RecordsJudgedError => _recordsJudgedError.Value;

        public override string StoppingRule => _rule(new RunOptions()).Description +
            (SequentialConstruction ? "; the memory cell is added once the error stops decreasing (windows of 500 sequences, < 1% improvement)" : string.Empty);

        public override ISequenceTask CreateTask() => _task();

        public override (double Beta, int Window)? AverageErrorBound => _rule(new RunOptions()) is St3Rule st3 ? (st3.Beta, st3.Window) : null;

        protected override IEnumerable<SequenceWork> Train(ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, TrialOutcome outcome, CancellationToken cancellationToken)
        {
            var task = _task();
            var rule = _rule(options);
            var curve = new LearningCurve();
            var construction = SequentialConstruction ? new SequentialConstruction(network) : null;
            var state = new TrainingState(Id, trial, seed, CheckpointSettings(network, rule, task), network, TrainingRandom(seed),
            [
                // In the order of format version 1 (docs/checkpoints.md): the rule, the curve, the construction if any.
                new BlobSection(rule.WriteState, rule.ReadState),
                new BlobSection(curve.WriteState, curve.ReadState),
                new OptionalSection("sequential construction", construction is null ? null : new BlobSection(construction.WriteState, construction.ReadState)),
            ]);
            var checkpoints = new TrainingCheckpointSchedule(options, Id, trial, outcome.Clock);
            if (checkpoints.Restore(state))
            {
                progress.Resume(state.Sequences, rule.CurrentError);
            }

            var cap = MaxSequences(options);
            var work = new SequenceWork();
            while (!state.Success && state.Sequences < cap)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sequence = task.Next(state.Random);
                yield return work.Train(task, sequence, state.Sequences + 1, heldAtZero: construction?.HeldAtZero ?? default);
                var judgement = work.Judgement;
                var count = ++state.Sequences;
                construction?.AfterSequence(count, judgement.SquaredError);
                state.Success = rule.Observe(judgement) && (construction is null || construction.CellsAdded);
                curve.Observe(count, rule.CurrentError);
                if ((count & 255) == 0)
                {
                    progress.Report(count, rule.CurrentError);
                }

                checkpoints.AfterSequence(state);
            }

            // Training is over (the rule met or the cap reached): keep it, so that a crash in the final test does not
            // cost the training, and a later run with a higher cap continues from here.
            checkpoints.AtEnd(state);

            var success = state.Success;

            // "Success after": the training sequences before the paper's test "after training" (the run of 10,000
            // correct sequences of Exp 2, see SuccessiveCorrectRule); the total count stays in the extra figures.
            var sequences = success ? state.Sequences - rule.SequencesAfterTraining : state.Sequences;
            progress.Report(sequences, rule.CurrentError);
            var testSize = options.TestSetSize ?? TestSetSize;
            var tally = new TestTally();
            if (testSize > 0)
            {
                foreach (var test in TestSetEvaluation.FreshWork(work, task, testSize, TestRandom(seed), tally))
                {
                    yield return test;
                }
            }

            var extra = new Dictionary<string, double>();
            if (construction is not null)
            {
                extra["cellAddedAfter"] = construction.AddedAfter;
            }

            if (sequences != state.Sequences)
            {
                extra["sequencesIncludingTest"] = state.Sequences;
            }

            outcome.Result = Result(trial, seed, success, sequences, tally.Evaluation, curve.Points, extra.Count == 0 ? null : extra, earlierWallSeconds: state.EarlierWallSeconds);
        }

        /// <summary>
        /// The settings that shape a trial's training, in words: a checkpoint resumes only under the same. "held at every
        /// step" marks construction as 0.6.0 does it (<see cref="Harness.SequentialConstruction"/>): a checkpoint written
        /// before, whose cell learned before it was added, is not resumed. "running error at the judged step" marks the
        /// training error 0.6.1 records when a long-lag row judges the sequence end but teaches every step (2b; 2a judged
        /// at the end) under the successive-correct rule: a checkpoint written before carries a running error over every step
        /// and is not resumed. "taught at the sequence end" marks <c>task.targets: sequence-end</c> (new in 0.6.1). Other rows'
        /// settings are those of 0.6.0, so their checkpoints resume.
        /// </summary>
        private string CheckpointSettings(ILstmNetwork network, IStreamStoppingRule rule, ISequenceTask task) => string.Create(CultureInfo.InvariantCulture,
            $"network {network.Name}, learning rate {network.LearningRate:R}, update {network.Update}, rule {rule.Description}, sequential construction {(SequentialConstruction ? "on, held at every step" : "off")}") +
            (RecordsJudgedErrorOf(task, rule) ? ", running error at the judged step" : string.Empty) +
            (task is LongLagTask { TaughtEveryStep: false } ? ", taught at the sequence end" : string.Empty);

        private static bool RecordsJudgedErrorOf(ISequenceTask task, IStreamStoppingRule rule) =>
            task is LongLagTask { JudgeEveryStep: false, TaughtEveryStep: true } && rule is SuccessiveCorrectRule;
    }
}
