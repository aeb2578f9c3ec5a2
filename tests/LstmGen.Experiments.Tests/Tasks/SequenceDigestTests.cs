using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Tasks;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Tasks
{
    /// <summary>
    /// The sequences every task draws from a fixed seed, as digests fixed when the tasks were made faster (#16, "the tasks
    /// keep up"): the inputs, targets, target steps, classes and relevant positions of the first sequences, and the
    /// generator's state after them (so the number of draws is fixed too). A task that is made cheaper must draw exactly
    /// what it drew: one value drawn in another order, or one draw more or less, changes the digest.
    /// </summary>
    public sealed class SequenceDigestTests
    {
        private const int Count = 30;

        /// <summary>Digests of the first <see cref="Count"/> sequences of TaskTestSupport's tasks drawn from seed 4242, and of the state after them.</summary>
        private static readonly Dictionary<string, string> TaskDigests = new()
        {
            ["1"] = "?",
            ["1-multihot"] = "?",
            ["2a"] = "?",
            ["2b"] = "?",
            ["2c"] = "?",
            ["3a"] = "?",
            ["3b"] = "?",
            ["3c"] = "?",
            ["4"] = "?",
            ["5"] = "?",
            ["6a"] = "?",
            ["6b"] = "?",
        };

        /// <summary>Digests of the first <see cref="Count"/> training sequences of trial 0 of every paper row (its own task and parameters).</summary>
        private static readonly Dictionary<string, string> RowDigests = new()
        {
        };

        [Theory]
        [MemberData(nameof(TaskTestSupport.TaskKeys), MemberType = typeof(TaskTestSupport))]
        public void A_task_draws_what_it_drew(string key)
        {
            var task = TaskTestSupport.AllTasks[key]();
            var random = new SeededRandom(4242);
            var sequences = Enumerable.Range(0, Count).Select(_ => task.Next(random)).ToList();
            Assert.Equal(TaskDigests[key], Digest(sequences, random.NextUInt64()));
        }

        public static IEnumerable<object[]> RowIds() => PaperRows.All.Select(r => new object[] { r.Id });

        [Theory]
        [MemberData(nameof(RowIds))]
        public void A_row_trains_on_what_it_trained_on(string id)
        {
            var row = PaperRows.Find(id)!;
            var sequences = row.TrainingSequences(0, TrialSeeds.For(id, 0)).Take(Count).ToList();
            Assert.Equal(RowDigests.GetValueOrDefault(id, "?"), Digest(sequences, 0));
        }

        /// <summary>The first 16 hex digits of the SHA-256 of everything a harness and a judge read of the sequences.</summary>
        internal static string Digest(IReadOnlyList<Sequence> sequences, ulong after)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(long value) => hash.AppendData(BitConverter.GetBytes(value));
            void AddDouble(double value) => Add(BitConverter.DoubleToInt64Bits(value));
            foreach (var s in sequences)
            {
                Add(s.Length);
                Add(s.InputSize);
                Add(s.OutputSize);
                Add(s.Class);
                for (var t = 0; t < s.Length; t++)
                {
                    if (s.IsOneHot)
                    {
                        Add(s.ActiveInput(t));
                    }
                    else
                    {
                        foreach (var x in s.Input(t))
                        {
                            AddDouble(x);
                        }
                    }

                    Add(s.HasTarget[t] ? 1 : 0);
                    foreach (var y in s.Target(t))
                    {
                        AddDouble(y);
                    }

                    foreach (var y in s.CleanTarget(t))
                    {
                        AddDouble(y);
                    }
                }

                foreach (var p in s.RelevantPositions)
                {
                    Add(p);
                }

                foreach (var symbol in s.Symbols ?? [])
                {
                    Add(symbol);
                }
            }

            Add((long)after);
            return Convert.ToHexString(hash.GetHashAndReset())[..16];
        }
    }
}
