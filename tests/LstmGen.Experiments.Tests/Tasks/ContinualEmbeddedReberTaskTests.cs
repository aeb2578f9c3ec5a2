using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    /// <summary>The continual embedded Reber grammar of Gers 2000: the stream's strings, their targets and the judge.</summary>
    public sealed class ContinualEmbeddedReberTaskTests
    {
        private const string Symbols = "BTPSXVE";

        // The embedded grammar written out independently of the tasks: per inner state, symbol -> next state; 5 is final.
        private static readonly Dictionary<int, Dictionary<char, int>> Inner = new()
        {
            [0] = new() { ['T'] = 1, ['P'] = 2 },
            [1] = new() { ['S'] = 1, ['X'] = 3 },
            [2] = new() { ['T'] = 2, ['V'] = 4 },
            [3] = new() { ['X'] = 2, ['S'] = 5 },
            [4] = new() { ['P'] = 3, ['V'] = 5 },
        };

        /// <summary>
        /// Walks a whole stream (strings concatenated) through the grammar: each string is B (T|P) B inner E (the same
        /// T|P) E, and the next begins right after it.
        /// </summary>
        private static bool IsStream(string stream)
        {
            var i = 0;
            while (i < stream.Length)
            {
                if (stream.Length - i < 9 || stream[i] != 'B' || (stream[i + 1] != 'T' && stream[i + 1] != 'P') || stream[i + 2] != 'B')
                {
                    return false;
                }

                var branch = stream[i + 1];
                i += 3;
                var state = 0;
                while (state != 5)
                {
                    if (i >= stream.Length || !Inner[state].TryGetValue(stream[i], out state))
                    {
                        return false;
                    }

                    i++;
                }

                if (i + 3 > stream.Length || stream[i] != 'E' || stream[i + 1] != branch || stream[i + 2] != 'E')
                {
                    return false;
                }

                i += 3;
            }

            return true;
        }

        private static string Stream(ContinualEmbeddedReberTask task, SeededRandom random, int strings)
        {
            var text = new StringBuilder();
            for (var k = 0; k < strings; k++)
            {
                text.Append(task.Describe(task.Next(random)));
            }

            return text.ToString();
        }

        /// <summary>Outputs that put 1 on every legal successor and 0 elsewhere: correct at every step.</summary>
        private static double[] PerfectOutputs(Sequence sequence)
        {
            var outputs = sequence.NewOutputBuffer();
            for (var t = 0; t < sequence.Length; t++)
            {
                foreach (var s in sequence.LegalSuccessors![t])
                {
                    outputs[(t * sequence.OutputSize) + s] = 1;
                }
            }

            return outputs;
        }

        [Fact]
        public void A_stream_of_drawn_strings_walks_the_grammar_string_after_string()
        {
            var stream = Stream(new ContinualEmbeddedReberTask(), new SeededRandom(5), 2000);

            Assert.True(IsStream(stream));
            Assert.False(IsStream(stream + "B"));
            Assert.False(IsStream(stream.Remove(stream.Length - 2, 1)));
        }

        [Fact]
        public void Each_string_reads_every_symbol_including_the_final_E_and_is_taught_the_next_symbol_and_then_B()
        {
            var task = new ContinualEmbeddedReberTask();
            var random = new SeededRandom(7);
            for (var k = 0; k < 500; k++)
            {
                var sequence = task.Next(random);
                var text = task.Describe(sequence);
                Assert.Equal(text.Length, sequence.Length);
                Assert.Equal('E', text[^1]);
                for (var t = 0; t < sequence.Length; t++)
                {
                    Assert.Equal(Symbols.IndexOf(text[t], StringComparison.Ordinal), sequence.ActiveInput(t));
                    var next = t + 1 < text.Length ? text[t + 1] : 'B';
                    var target = sequence.Target(t).ToArray();
                    Assert.Equal(1.0, target.Sum());
                    Assert.Equal(1.0, target[Symbols.IndexOf(next, StringComparison.Ordinal)]);
                }

                Assert.Equal(new[] { EmbeddedReberTask.B }, sequence.LegalSuccessors![^1]);
            }
        }

        [Fact]
        public void Its_strings_are_Exp_1s_strings_for_the_same_draws_and_the_same_seed_gives_the_same_stream()
        {
            var exp1 = new EmbeddedReberTask();
            var random1 = new SeededRandom(11);
            var expected = string.Concat(Enumerable.Range(0, 300).Select(_ => exp1.Describe(exp1.Next(random1))));

            Assert.Equal(expected, Stream(new ContinualEmbeddedReberTask(), new SeededRandom(11), 300));
            Assert.Equal(expected, Stream(new ContinualEmbeddedReberTask(externalReset: true), new SeededRandom(11), 300));
            Assert.NotEqual(expected, Stream(new ContinualEmbeddedReberTask(), new SeededRandom(12), 300));
        }

        [Fact]
        public void The_judge_passes_the_legal_successors_and_counts_the_steps_before_the_first_error()
        {
            var task = new ContinualEmbeddedReberTask();
            var sequence = task.FromString("BTBTXSETE");
            var outputs = PerfectOutputs(sequence);

            var perfect = task.Judge(sequence, outputs);
            Assert.True(perfect.Correct);
            Assert.Equal((0, 9), (perfect.WrongSteps, perfect.ErrorFreeSteps));

            // Step 4 reads X (state 3): legal are X and S. Predicting T as well is wrong; so is E instead of B after the last E.
            outputs[(4 * 7) + EmbeddedReberTask.T] = 1;
            outputs[(8 * 7) + EmbeddedReberTask.B] = 0;
            outputs[(8 * 7) + EmbeddedReberTask.E] = 1;
            var wrong = task.Judge(sequence, outputs);
            Assert.False(wrong.Correct);
            Assert.Equal((2, 4), (wrong.WrongSteps, wrong.ErrorFreeSteps));
        }

        [Fact]
        public void The_judge_wants_B_after_the_final_E()
        {
            var task = new ContinualEmbeddedReberTask();
            var sequence = task.FromString("BPBPVVEPE");
            var outputs = PerfectOutputs(sequence);
            outputs[(8 * 7) + EmbeddedReberTask.B] = 0.4;
            outputs[(8 * 7) + EmbeddedReberTask.T] = 0.5;

            var judgement = task.Judge(sequence, outputs);

            Assert.False(judgement.Correct);
            Assert.Equal(8, judgement.ErrorFreeSteps);
        }

        [Fact]
        public void A_string_outside_the_grammar_is_refused()
        {
            var task = new ContinualEmbeddedReberTask();

            Assert.Throws<ArgumentException>(() => task.FromString("BTBTXSEPE"));
            Assert.Throws<ArgumentException>(() => task.FromString("BTBTXSET"));
        }
    }
}
