using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Exp 1 (§5.1, Table 1): training exemplars are picked at random from 256 training strings; a trial succeeds when
    /// every symbol of every string of the training and the test set is predicted correctly. The paper uses 3 train/test
    /// pairs with 10 trials each: trial i uses pair i / 10, and the pairs are the same for every row.
    /// </summary>
    public sealed class ReberRow : ExperimentRow
    {
        /// <summary>Seeds the three data set pairs, shared by all rows so that their results compare.</summary>
        public const ulong DataSetSeed = 19970901;

        /// <summary>How often the success test runs unless the row says otherwise (the paper does not say; extraction §7, item 5).</summary>
        public const int DefaultCheckEvery = 100;

        private readonly Func<EmbeddedReberTask> _task;

        /// <param name="settings">The row's common settings.</param>
        /// <param name="task">Makes the row's task (what it teaches at each step is the task's choice).</param>
        /// <param name="checkEvery">Training strings between two success tests, unless a run says otherwise.</param>
        public ReberRow(RowSettings settings, Func<EmbeddedReberTask> task, int checkEvery = DefaultCheckEvery)
            : base(settings)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkEvery);
            _task = task;
            CheckEvery = checkEvery;
        }

        /// <summary>Training strings between two success tests, unless a run says otherwise.</summary>
        public int CheckEvery { get; }

        public override string StoppingRule =>
            "all symbols of all 256 training and 256 test strings predicted correctly (the most active outputs are exactly the legal successors), tested every " +
            CheckEvery.ToString(System.Globalization.CultureInfo.InvariantCulture) + " training strings";

        public override ISequenceTask CreateTask() => _task();

        /// <summary>Trial i's data set pair (0, 1 or 2).</summary>
        public static int DataSetOf(int trial) => (trial / 10) % 3;

        /// <summary>Trial i's pair of 256 training and 256 test strings (shared by the trials of its data set, <see cref="DataSetOf"/>).</summary>
        public ReberDataSet DataSetFor(int trial) =>
            new(_task(), new SeededRandom(SeededRandom.DeriveSeed(DataSetSeed, (ulong)DataSetOf(trial))));

        /// <summary>Exp 1 trains on its fixed training set: each sequence is one of its 256 strings, picked at random.</summary>
        public override IEnumerable<Sequence> TrainingSequences(int trial, ulong seed) => Picks(DataSetFor(trial), seed);

        private static IEnumerable<Sequence> Picks(ReberDataSet dataSet, ulong seed)
        {
            var random = TrainingRandom(seed);
            while (true)
            {
                yield return dataSet.PickTraining(random);
            }
        }

        protected override IEnumerable<SequenceWork> Train(ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, TrialOutcome outcome, CancellationToken cancellationToken)
        {
            var task = _task();
            var dataSet = DataSetFor(trial);
            var everything = dataSet.Training.Concat(dataSet.Test).ToList();
            using var picks = Picks(dataSet, seed).GetEnumerator();
            var cap = MaxSequences(options);
            var checkEvery = options.CheckEvery ?? CheckEvery;
            var curve = new LearningCurve();
            var work = new SequenceWork();
            long sequences = 0;
            var success = false;
            var running = 0.0;
            while (sequences < cap)
            {
                cancellationToken.ThrowIfCancellationRequested();
                picks.MoveNext();
                yield return work.Train(task, picks.Current, sequences + 1);
                var judgement = work.Judgement;
                sequences++;
                running = (0.99 * running) + (0.01 * judgement.SquaredError);
                curve.Observe(sequences, running);
                if (sequences % checkEvery == 0)
                {
                    progress.Report(sequences, running);
                    var check = new TestTally();
                    foreach (var test in TestSetEvaluation.Work(work, task, everything, check))
                    {
                        yield return test;
                    }

                    if (check.Evaluation.Wrong == 0)
                    {
                        success = true;
                        break;
                    }
                }
            }

            progress.Report(sequences, running);
            var testTally = new TestTally();
            foreach (var test in TestSetEvaluation.Work(work, task, dataSet.Test, testTally))
            {
                yield return test;
            }

            var trainingTally = new TestTally();
            foreach (var test in TestSetEvaluation.Work(work, task, dataSet.Training, trainingTally))
            {
                yield return test;
            }

            outcome.Result = Result(trial, seed, success, sequences, testTally.Evaluation, curve.Points,
                new Dictionary<string, double> { ["dataSet"] = DataSetOf(trial), ["trainingWrong"] = trainingTally.Evaluation.Wrong });
        }
    }
}
