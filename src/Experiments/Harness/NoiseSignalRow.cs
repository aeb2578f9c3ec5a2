using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using LstmGen.Runtime.Checkpoints;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Exp 3 (§5.3, Tables 4-6): training on random sequences; a fixed, randomly chosen test set of 256 sequences is
    /// checked every <see cref="CheckEvery"/> training sequences (the paper does not say how often; extraction §7,
    /// item 5). ST1: at most <c>st1MaxWrong</c> of the 256 misclassified. ST2: ST1 and the mean absolute test error
    /// below <c>st2MeanError</c> (3c: the mean difference to the noise-free target). After ST2, 2560 fresh sequences
    /// give the fraction misclassified.
    /// </summary>
    public sealed class NoiseSignalRow : ExperimentRow
    {
        /// <summary>How often ST1 and ST2 are tested unless the row says otherwise (the paper does not say; extraction §7, item 5).</summary>
        public const int DefaultCheckEvery = 1000;

        /// <summary>ST1's test set: "none of 256 sequences from a randomly chosen test set is misclassified" (§5.3).</summary>
        public const int StoppingTestSize = 256;

        /// <summary>"After ST2 ... an additional test set consisting of 2560 randomly chosen sequences" (§5.3, Table 11).</summary>
        public const int FinalTestSize = 2560;

        private readonly Func<NoiseSignalTask> _task;
        private readonly int _st1MaxWrong;
        private readonly double _st2MeanError;
        private readonly int _finalTestSize;

        /// <param name="settings">The row's common settings.</param>
        /// <param name="task">Makes the row's task (3a, 3b or 3c).</param>
        /// <param name="st1MaxWrong">ST1: the most of the 256 test sequences that may be misclassified.</param>
        /// <param name="st2MeanError">ST2: the mean absolute test error must be below this (3c: against the noise-free targets).</param>
        /// <param name="checkEvery">Training sequences between two tests of ST1 and ST2, unless a run says otherwise.</param>
        /// <param name="finalTestSize">Sequences of the test after ST2.</param>
        public NoiseSignalRow(RowSettings settings, Func<NoiseSignalTask> task, int st1MaxWrong, double st2MeanError, int checkEvery = DefaultCheckEvery, int finalTestSize = FinalTestSize)
            : base(settings)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkEvery);
            ArgumentOutOfRangeException.ThrowIfNegative(finalTestSize);
            _task = task;
            _st1MaxWrong = st1MaxWrong;
            _st2MeanError = st2MeanError;
            CheckEvery = checkEvery;
            _finalTestSize = finalTestSize;
        }

        /// <summary>Training sequences between two tests of ST1 and ST2, unless a run says otherwise.</summary>
        public int CheckEvery { get; }

        public override string StoppingRule => Rule(CheckEvery);

        public override ISequenceTask CreateTask() => _task();

        protected override IEnumerable<SequenceWork> Train(ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, TrialOutcome outcome, CancellationToken cancellationToken)
        {
            var task = _task();
            var noisyTargets = task.Variant == NoiseSignalVariant.NoisyTargets;
            var testRandom = TestRandom(seed);
            var stoppingSet = Enumerable.Range(0, StoppingTestSize).Select(_ => task.Next(testRandom)).ToList();
            var testStream = testRandom.State;
            var cap = MaxSequences(options);
            var checkEvery = options.CheckEvery ?? CheckEvery;
            var curve = new LearningCurve();
            var stopping = new NoiseSignalStopping(_st1MaxWrong, _st2MeanError);
            var running = 0.0;
            var state = new TrainingState(Id, trial, seed, CheckpointSettings(network, task, checkEvery), network, TrainingRandom(seed),
            [
                new BlobSection(stopping.WriteState, stopping.ReadState),
                new BlobSection(curve.WriteState, curve.ReadState),
                new BlobSection(
                    writer =>
                    {
                        writer.WriteDouble(running);
                        TrainingCheckpoint.WriteRandomState(writer, testStream);
                    },
                    reader =>
                    {
                        running = reader.ReadDouble();
                        if (TrainingCheckpoint.ReadRandomState(reader) != testStream)
                        {
                            throw new CheckpointException("checkpoint's stopping set was drawn differently from this trial's (another task or seed derivation)");
                        }
                    }),
            ]);
            var checkpoints = new TrainingCheckpointSchedule(options, Id, trial, outcome.Clock);
            if (checkpoints.Restore(state))
            {
                progress.Resume(state.Sequences, running);
            }

            var work = new SequenceWork();
            while (!state.Success && state.Sequences < cap)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return work.Train(task, task.Next(state.Random), state.Sequences + 1);
                var judgement = work.Judgement;
                var sequences = ++state.Sequences;
                running = (0.999 * running) + (0.001 * (noisyTargets ? judgement.EndCleanAbsError : judgement.EndAbsError));
                curve.Observe(sequences, running);
                if (sequences % checkEvery == 0)
                {
                    progress.Report(sequences, running);
                    var tally = new TestTally();
                    foreach (var test in TestSetEvaluation.Work(work, task, stoppingSet, tally))
                    {
                        yield return test;
                    }

                    var check = tally.Evaluation;
                    state.Success = stopping.Test(sequences, check.Wrong, noisyTargets ? check.MeanEndCleanAbsError : check.MeanEndAbsError);
                }

                // After the test that belongs to this sequence count: a checkpoint holds its outcome.
                checkpoints.AfterSequence(state);
            }

            // Training is over (ST2 met or the cap reached): keep it, as stream rows do (StreamRow).
            checkpoints.AtEnd(state);
            progress.Report(state.Sequences, running);
            var final = new TestTally();
            foreach (var test in TestSetEvaluation.FreshWork(work, task, options.TestSetSize ?? _finalTestSize, testRandom, final))
            {
                yield return test;
            }

            outcome.Result = Result(trial, seed, state.Success, state.Sequences, final.Evaluation, curve.Points,
                new Dictionary<string, double> { ["st1Sequences"] = stopping.St1Sequences }, againstCleanTargets: noisyTargets, earlierWallSeconds: state.EarlierWallSeconds);
        }

        /// <summary>The stopping rules in words, tested every <paramref name="checkEvery"/> training sequences.</summary>
        private string Rule(int checkEvery) => string.Create(CultureInfo.InvariantCulture,
            $"ST1: at most {_st1MaxWrong} of {StoppingTestSize} test sequences misclassified; ST2: ST1 and mean absolute test error below {_st2MeanError}; tested every {checkEvery} training sequences");

        /// <summary>The settings that shape a trial's training, in words: a checkpoint resumes only under the same.</summary>
        private string CheckpointSettings(ILstmNetwork network, NoiseSignalTask task, int checkEvery) => string.Create(CultureInfo.InvariantCulture,
            $"network {network.Name}, learning rate {network.LearningRate:R}, update {network.Update}, task {task.Name} (T {task.T}, N {task.N}, noise variance {task.NoiseVariance:R}, target noise variance {task.TargetNoiseVariance:R}), rule {Rule(checkEvery)}");
    }
}
