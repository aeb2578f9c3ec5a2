using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    public sealed class EmbeddedReberTaskTests
    {
        // The inner Reber automaton written out independently of the task: state -> {symbol -> next state}; 5 is final.
        private static readonly Dictionary<int, Dictionary<char, int>> Inner = new()
        {
            [0] = new() { ['T'] = 1, ['P'] = 2 },
            [1] = new() { ['S'] = 1, ['X'] = 3 },
            [2] = new() { ['T'] = 2, ['V'] = 4 },
            [3] = new() { ['X'] = 2, ['S'] = 5 },
            [4] = new() { ['P'] = 3, ['V'] = 5 },
        };

        private static bool IsEmbeddedReber(string s)
        {
            if (s.Length < 9 || s[0] != 'B' || (s[1] != 'T' && s[1] != 'P') || s[2] != 'B' || s[^1] != 'E' || s[^2] != s[1] || s[^3] != 'E')
            {
                return false;
            }

            var state = 0;
            for (var i = 3; i < s.Length - 3; i++)
            {
                if (state == 5 || !Inner[state].TryGetValue(s[i], out state))
                {
                    return false;
                }
            }

            return state == 5;
        }

        private static List<string> Draw(int count, ulong seed)
        {
            var task = new EmbeddedReberTask();
            var random = new SeededRandom(seed);
            var strings = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                strings.Add(task.Describe(task.Next(random)));
            }

            return strings;
        }

        [Fact]
        public void Every_drawn_string_walks_the_grammar_from_B_to_E_and_repeats_the_second_symbol()
        {
            foreach (var s in Draw(3000, 1))
            {
                Assert.True(IsEmbeddedReber(s), s);
                Assert.Equal('B', s[0]);
                Assert.Equal('E', s[^1]);
                Assert.Equal(s[1], s[^2]);
                Assert.True(s.Length >= 9, s);
            }
        }

        [Fact]
        public void The_independent_walker_rejects_broken_strings()
        {
            Assert.True(IsEmbeddedReber("BTBTXSETE"));
            Assert.False(IsEmbeddedReber("BTBTXSEPE"));
            Assert.False(IsEmbeddedReber("BTBTXXETE"));
            Assert.False(IsEmbeddedReber("BTBTSETE"));
        }

        [Fact]
        public void Length_distribution_matches_the_grammar()
        {
            // Expected inner transition symbols L0 from state 0: L1 = 2 + L3, L2 = 2 + L4, L3 = 1 + L2/2, L4 = 1 + L3/2
            // give L3 = 10/3, L4 = 8/3, L2 = 14/3, L1 = 16/3, L0 = 1 + (L1 + L2)/2 = 6; embedded length = 6 + 6 = 12.
            // Length 9 needs BTXSE or BPVVE inside: probability 2 * (1/2)^3 = 1/4.
            var strings = Draw(20000, 2);
            var mean = strings.Average(s => s.Length);
            Assert.InRange(mean, 11.9, 12.1);
            Assert.Equal(9, strings.Min(s => s.Length));
            var shortest = strings.Count(s => s.Length == 9) / 20000.0;
            Assert.InRange(shortest, 0.235, 0.265);
            var branchT = strings.Count(s => s[1] == 'T') / 20000.0;
            Assert.InRange(branchT, 0.48, 0.52);
        }

        [Fact]
        public void Successor_sets_of_a_hand_written_string()
        {
            var task = new EmbeddedReberTask();
            var s = task.FromString("BPBTSSXXTVVEPE");
            var expected = new[] { "TP", "B", "TP", "SX", "SX", "SX", "SX", "TV", "TV", "PV", "E", "P", "E" };
            Assert.Equal(13, s.Length);
            Assert.NotNull(s.LegalSuccessors);
            for (var t = 0; t < s.Length; t++)
            {
                var names = string.Concat(s.LegalSuccessors![t].Select(k => EmbeddedReberTask.SymbolNames[k]));
                Assert.Equal(expected[t], names);
            }

            Assert.Equal(1, s.Class);
            Assert.Equal(new[] { 1 }, s.RelevantPositions);
        }

        [Fact]
        public void Shortest_string_has_eight_steps_with_the_right_sets()
        {
            var s = new EmbeddedReberTask().FromString("BTBTXSETE");
            var expected = new[] { "TP", "B", "TP", "SX", "SX", "E", "T", "E" };
            Assert.Equal(expected, s.LegalSuccessors!.Select(set => string.Concat(set.Select(k => EmbeddedReberTask.SymbolNames[k]))).ToArray());
            Assert.Equal(0, s.Class);
        }

        [Theory]
        [InlineData("BTBTXSEPE")]
        [InlineData("BTBTXXETE")]
        [InlineData("BTBTSETE")]
        [InlineData("BTBTXSETEE")]
        [InlineData("BTBTXQETE")]
        public void FromString_rejects_strings_outside_the_grammar(string text)
        {
            Assert.Throws<ArgumentException>(() => new EmbeddedReberTask().FromString(text));
        }

        [Fact]
        public void Inputs_are_the_current_symbol_and_targets_the_next_one()
        {
            var s = new EmbeddedReberTask().FromString("BPBTSSXXTVVEPE");
            for (var t = 0; t < s.Length; t++)
            {
                Assert.True(s.HasTarget[t]);
                Assert.Equal(s.Symbols![t], TaskTestSupport.OneHotIndex(s.Input(t)));
                Assert.Equal(s.Symbols![t + 1], TaskTestSupport.OneHotIndex(s.Target(t)));
            }
        }

        [Fact]
        public void Multi_hot_targets_are_the_legal_sets()
        {
            var s = new EmbeddedReberTask(ReberTarget.LegalSuccessors).FromString("BPBTSSXXTVVEPE");
            // step 3 reads T (state 1): S and X are legal.
            Assert.Equal(new double[] { 0, 0, 0, 1, 1, 0, 0 }, s.Target(3).ToArray());
            // step 11 reads the inner E: only the remembered P.
            Assert.Equal(new double[] { 0, 0, 1, 0, 0, 0, 0 }, s.Target(11).ToArray());
        }

        [Fact]
        public void Judge_accepts_outputs_whose_most_active_units_are_the_legal_sets()
        {
            var task = new EmbeddedReberTask();
            var s = task.FromString("BPBTSSXXTVVEPE");
            var y = new double[s.Length * 7];
            for (var t = 0; t < s.Length; t++)
            {
                for (var k = 0; k < 7; k++)
                {
                    y[(t * 7) + k] = 0.1;
                }

                foreach (var k in s.LegalSuccessors![t])
                {
                    y[(t * 7) + k] = 0.45;
                }
            }

            var good = task.Judge(s, y);
            Assert.True(good.Correct);
            Assert.Equal(0, good.WrongSteps);

            // An illegal unit as active as a legal one at step 4 (reads S in state 1; V is illegal): wrong.
            y[(4 * 7) + EmbeddedReberTask.V] = 0.45;
            var tie = task.Judge(s, y);
            Assert.False(tie.Correct);
            Assert.Equal(1, tie.WrongSteps);

            // Only one of two legal units high at step 3: the two most active are not {S, X}.
            y[(4 * 7) + EmbeddedReberTask.V] = 0.1;
            y[(3 * 7) + EmbeddedReberTask.X] = 0.05;
            Assert.False(task.Judge(s, y).Correct);
        }

        [Fact]
        public void Perfect_one_hot_predictions_fail_where_two_successors_are_legal()
        {
            var task = new EmbeddedReberTask();
            var s = task.FromString("BTBTXSETE");
            var judgement = task.Judge(s, TaskTestSupport.PerfectOutputs(s));
            Assert.Equal(0.0, judgement.MaxAbsError);
            Assert.False(judgement.Correct);
            Assert.Equal(4, judgement.WrongSteps); // steps 0, 2, 3, 4 have two legal successors
        }
    }
}
