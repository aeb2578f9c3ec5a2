using System;
using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// Experiment 1's data (extraction §3.1): "Following Fahlman, we use 256 training strings and 256 separate test
    /// strings. The training set is generated randomly; training exemplars are picked randomly from the training set."
    /// </summary>
    /// <remarks>
    /// <para>Training set: strings drawn from <see cref="EmbeddedReberTask.Next"/> and kept as drawn, duplicates included
    /// (the paper only says "generated randomly"; short strings such as BTBPVVETE are frequent, so a set of 256 draws
    /// holds repeats).</para>
    /// <para>Test set: further draws, skipping every string that is in the training set ("separate test strings",
    /// extraction §3.1); repeats among the test strings are kept as drawn, like the training set's.</para>
    /// <para>Both sets come from one <see cref="SeededRandom"/>, training first, so a seed names a data set pair exactly.</para>
    /// </remarks>
    public sealed class ReberDataSet
    {
        /// <summary>Fahlman's set sizes, used by the paper.</summary>
        public const int PaperSetSize = 256;

        // Bounds the test-set search; the grammar has far more than 2 * 256 strings, so this only guards bad arguments.
        private const int MaxDrawsPerTestString = 10_000;

        private readonly HashSet<string> _trainingStrings = new(StringComparer.Ordinal);

        public ReberDataSet(EmbeddedReberTask task, SeededRandom random, int trainingCount = PaperSetSize, int testCount = PaperSetSize)
        {
            ArgumentNullException.ThrowIfNull(task);
            ArgumentNullException.ThrowIfNull(random);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainingCount);
            ArgumentOutOfRangeException.ThrowIfNegative(testCount);
            Task = task;

            var training = new Sequence[trainingCount];
            for (var i = 0; i < trainingCount; i++)
            {
                training[i] = task.Next(random);
                _trainingStrings.Add(task.Describe(training[i]));
            }

            var test = new Sequence[testCount];
            var draws = 0;
            for (var i = 0; i < testCount;)
            {
                if (++draws > MaxDrawsPerTestString * (testCount + 1))
                {
                    throw new InvalidOperationException("Could not draw enough test strings outside the training set.");
                }

                var candidate = task.Next(random);
                if (!_trainingStrings.Contains(task.Describe(candidate)))
                {
                    test[i++] = candidate;
                }
            }

            Training = training;
            Test = test;
        }

        public EmbeddedReberTask Task { get; }

        /// <summary>The training strings, in the order drawn.</summary>
        public IReadOnlyList<Sequence> Training { get; }

        /// <summary>The test strings, none of which is in the training set.</summary>
        public IReadOnlyList<Sequence> Test { get; }

        /// <summary>Whether <paramref name="text"/> (e.g. "BTBTXSETE") is one of the training strings.</summary>
        public bool InTrainingSet(string text) => _trainingStrings.Contains(text);

        /// <summary>A training exemplar picked uniformly at random from the training set ("t1", Table 11).</summary>
        public Sequence PickTraining(SeededRandom random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return Training[random.NextInt(Training.Count)];
        }
    }
}
