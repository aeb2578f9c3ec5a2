using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// The continual embedded Reber grammar protocol (Gers, Schmidhuber &amp; Cummins 2000, Table 2; docs/gers2000.md):
    /// training streams of strings without resets between them, and a network counted a "perfect" solution once it
    /// predicts "10 streams of 100,000 symbols each" correctly (Table 2, note a).
    /// </summary>
    /// <remarks>
    /// <para>A training stream starts from a reset network and runs string after string, the state carried over (the
    /// external-reset variant resets before every string). It ends after the string with its first wrong prediction, or
    /// once it holds <see cref="TrainingStreamSymbols"/> symbols [I: the paper's stream lengths were not retrieved; a stream
    /// ends at the end of the string with the error, not at the error itself, because a string is learned whole].</para>
    /// <para>The solution test (weights frozen): <see cref="TestStreams"/> fixed test streams of <see cref="TestStreamSymbols"/>
    /// symbols, each stopped at its first error. It runs after every training stream that reached its full length without
    /// an error [I: when the paper tests was not retrieved; testing after every stream would cost more than training].</para>
    /// <para>At the end (solution or cap) the same streams measure the mean error-free length, which sorts a failed trial
    /// into Table 2's "good" (mean above 1000 symbols, note b) or "rest" (note c).</para>
    /// <para>The trial's "sequences" are training streams (Table 2 gives "the number of training streams presented until a
    /// solution was reached"); the cap counts training streams too.</para>
    /// </remarks>
    public sealed class ContinualReberRow : ExperimentRow
    {
        /// <summary>Table 2, note a: "correct prediction of 10 streams of 100,000 symbols each".</summary>
        public const int PaperTestStreams = 10;

        /// <summary>Table 2, note a.</summary>
        public const int PaperTestStreamSymbols = 100_000;

        /// <summary>Table 2, note b: a "good" solution's mean error-free length is above 1000 symbols.</summary>
        public const double GoodLength = 1000;

        private readonly Func<ContinualEmbeddedReberTask> _task;

        /// <param name="settings">The row's common settings.</param>
        /// <param name="task">Makes the row's task (with or without external resets).</param>
        /// <param name="testStreams">Test streams a solution must predict correctly.</param>
        /// <param name="testStreamSymbols">The length of each test stream.</param>
        /// <param name="trainingStreamSymbols">The longest training stream.</param>
        public ContinualReberRow(RowSettings settings, Func<ContinualEmbeddedReberTask> task, int testStreams, int testStreamSymbols, int trainingStreamSymbols)
            : base(settings)
        {
            ArgumentNullException.ThrowIfNull(task);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testStreams);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testStreamSymbols);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainingStreamSymbols);
            _task = task;
            TestStreams = testStreams;
            TestStreamSymbols = testStreamSymbols;
            TrainingStreamSymbols = trainingStreamSymbols;
        }

        /// <summary>Test streams a solution must predict correctly (Table 2, note a: 10).</summary>
        public int TestStreams { get; }

        /// <summary>Symbols of each test stream (Table 2, note a: 100,000).</summary>
        public int TestStreamSymbols { get; }

        /// <summary>Symbols after which a training stream ends if no error ended it before.</summary>
        public int TrainingStreamSymbols { get; }

        /// <summary>The strings of a stream continue one another's state.</summary>
        public override bool CarriesStateAcrossSequences => true;

        public override string StoppingRule => string.Create(CultureInfo.InvariantCulture,
            $"a solution: {TestStreams} test streams of {TestStreamSymbols:N0} symbols predicted without error (the most active outputs are exactly the legal successors), weights frozen; tested after each training stream that ran {TrainingStreamSymbols:N0} symbols without error; a training stream ends after the string with its first error{(_task().ExternalReset ? "; the network is reset before every string" : "; no resets within a stream")}");

        public override ISequenceTask CreateTask() => _task();

        /// <summary>
        /// Training streams until a solution or the cap, then the final test; each string is one <see cref="SequenceWork"/>
        /// whose <see cref="SequenceWork.ContinueState"/> carries the stream's state over (the scalar driver and the lanes
        /// both honour it).
        /// </summary>
        protected override IEnumerable<SequenceWork> Train(ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, TrialOutcome outcome, CancellationToken cancellationToken)
        {
            var task = _task();
            var random = TrainingRandom(seed);
            var testSeed = SeededRandom.DeriveSeed(seed, 2);
            var cap = MaxSequences(options);
            var work = new SequenceWork();
            var curve = new LearningCurve();
            long streams = 0;
            long strings = 0;
            long symbols = 0;
            var success = false;
            var running = 0.0;
            while (streams < cap && !success)
            {
                cancellationToken.ThrowIfCancellationRequested();
                streams++;
                var length = 0;
                var first = true;
                var clean = true;
                while (length < TrainingStreamSymbols)
                {
                    var sequence = task.Next(random);
                    yield return work.Train(task, sequence, ++strings, continueState: !first && !task.ExternalReset);
                    first = false;
                    length += sequence.Length;
                    running = (0.99 * running) + (0.01 * work.Judgement.SquaredError);
                    if (!work.Judgement.Correct)
                    {
                        length = length - sequence.Length + work.Judgement.ErrorFreeSteps;
                        clean = false;
                        break;
                    }
                }

                symbols += length;
                curve.Observe(streams, running);
                if ((streams & 63) == 0)
                {
                    progress.Report(streams, running);
                }

                if (clean)
                {
                    var check = new StreamTally();
                    foreach (var test in TestWork(work, task, testSeed, check, stopAtFirstFailure: true))
                    {
                        yield return test;
                    }

                    success = check.Failed == 0;
                }
            }

            progress.Report(streams, running);
            var final = new StreamTally();
            foreach (var test in TestWork(work, task, testSeed, final, stopAtFirstFailure: false))
            {
                yield return test;
            }

            var mean = final.MeanErrorFreeLength;
            var extra = new Dictionary<string, double>
            {
                [GoodAndRest.MeanErrorFreeLength] = mean,
                ["testStreamsFailed"] = final.Failed,
                ["trainingSymbols"] = symbols,
                ["trainingStrings"] = strings,
                [GoodAndRest.Good] = !success && mean > GoodLength ? 1 : 0,
            };
            var evaluation = new TestSetEvaluation(TestStreams, final.Failed, 0, 0, 0);
            outcome.Result = Result(trial, seed, success, streams, evaluation, curve.Points, extra);
        }

        /// <summary>
        /// The test streams, weights frozen: stream i from the test seed's i-th stream, its strings without resets (or
        /// with, under external reset), each stream stopped at its first error or at <see cref="TestStreamSymbols"/>.
        /// </summary>
        private IEnumerable<SequenceWork> TestWork(SequenceWork work, ContinualEmbeddedReberTask task, ulong testSeed, StreamTally tally, bool stopAtFirstFailure)
        {
            for (var i = 0; i < TestStreams; i++)
            {
                var random = new SeededRandom(SeededRandom.DeriveSeed(testSeed, (ulong)i));
                var length = 0;
                var first = true;
                var failed = false;
                while (length < TestStreamSymbols)
                {
                    var sequence = task.Next(random);
                    yield return work.Test(task, sequence, continueState: !first && !task.ExternalReset);
                    first = false;
                    if (!work.Judgement.Correct)
                    {
                        // An error past the stream's end (in its last, overhanging string) does not count.
                        length += work.Judgement.ErrorFreeSteps;
                        failed = length < TestStreamSymbols;
                        break;
                    }

                    length += sequence.Length;
                }

                tally.Add(Math.Min(length, TestStreamSymbols), failed);
                if (failed && stopAtFirstFailure)
                {
                    yield break;
                }
            }
        }

        /// <summary>The test streams' error-free lengths and failures.</summary>
        private sealed class StreamTally
        {
            private long _total;
            private int _count;

            public int Failed { get; private set; }

            public double MeanErrorFreeLength => _count == 0 ? 0 : (double)_total / _count;

            public void Add(int errorFreeLength, bool failed)
            {
                _total += errorFreeLength;
                _count++;
                Failed += failed ? 1 : 0;
            }
        }
    }
}
