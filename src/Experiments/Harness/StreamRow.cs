using System;
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
        private readonly Action<ILstmNetwork, ulong>? _afterInitialization;

        public StreamRow(
            string id,
            string title,
            string networkName,
            double learningRate,
            long defaultMaxSequences,
            PaperFigures paper,
            Func<ISequenceTask> task,
            Func<RunOptions, IStreamStoppingRule> rule,
            int testSetSize,
            int typicalLength,
            Action<ILstmNetwork, ulong>? afterInitialization = null,
            bool sequentialConstruction = false)
            : base(id, title, networkName, learningRate, defaultMaxSequences, paper, typicalLength)
        {
            SequentialConstruction = sequentialConstruction;
            _task = task;
            _rule = rule;
            TestSetSize = testSetSize;
            _afterInitialization = afterInitialization;
        }

        /// <summary>Whether the cells are added only once the error stops decreasing (Exps 2a/2b; see <see cref="Harness.SequentialConstruction"/>).</summary>
        public bool SequentialConstruction { get; }

        /// <summary>Size of the final test set (0: the stopping rule is itself the test, as in 2a-2c).</summary>
        public int TestSetSize { get; }

        public override string StoppingRule => _rule(new RunOptions()).Description +
            (SequentialConstruction ? "; the memory cell is added once the error stops decreasing (windows of 500 sequences, < 1% improvement)" : string.Empty);

        protected override ILstmNetwork CreateNetwork(ulong seed, RunOptions options)
        {
            var network = base.CreateNetwork(seed, options);
            _afterInitialization?.Invoke(network, SeededRandom.DeriveSeed(seed, 3));
            return network;
        }

        protected override TrialResult Train(ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, CancellationToken cancellationToken)
        {
            var task = _task();
            var rule = _rule(options);
            var random = TrainingRandom(seed);
            var cap = MaxSequences(options);
            var curve = new LearningCurve();
            var outputs = Array.Empty<double>();
            var construction = SequentialConstruction ? new SequentialConstruction(network) : null;
            long sequences = 0;
            var success = false;
            while (sequences < cap)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sequence = task.Next(random);
                var judgement = SequenceRunner.Train(network, task, sequence, ref outputs, sequences + 1);
                sequences++;
                construction?.AfterSequence(sequences, judgement.SquaredError);
                var satisfied = rule.Observe(judgement) && (construction is null || construction.CellsAdded);
                curve.Observe(sequences, rule.CurrentError);
                if ((sequences & 255) == 0)
                {
                    progress.Report(sequences, rule.CurrentError);
                }

                if (satisfied)
                {
                    success = true;
                    break;
                }
            }

            progress.Report(sequences, rule.CurrentError);
            var testSize = options.TestSetSize ?? TestSetSize;
            var test = testSize > 0 ? TestSetEvaluation.Fresh(network, task, testSize, TestRandom(seed)) : default;
            return new TrialResult
            {
                Row = Id,
                Trial = trial,
                Seed = seed,
                Success = success,
                Sequences = sequences,
                TestSize = test.Size,
                TestWrong = test.Wrong,
                TestMse = test.Mse,
                TestMeanAbsError = test.MeanEndAbsError,
                WallSeconds = 0,
                Curve = curve.Points,
                Extra = construction is null ? new System.Collections.Generic.Dictionary<string, double>() : new System.Collections.Generic.Dictionary<string, double> { ["cellAddedAfter"] = construction.AddedAfter },
            };
        }
    }
}
