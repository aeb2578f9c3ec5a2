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
            ["1"] = "C5B25A2575BFB17F",
            ["1-multihot"] = "EDFA4DFEC2B35D12",
            ["2a"] = "A57BBDBA10717609",
            ["2b"] = "937C250720A87CE2",
            ["2c"] = "1382578146A21C3B",
            ["3a"] = "8CAB3A4A468E90B2",
            ["3b"] = "55036875C6587F8E",
            ["3c"] = "27071504C5886F19",
            ["4"] = "5C178A621B12A3F0",
            ["5"] = "923DE1A420095554",
            ["6a"] = "2172A7476BE90B2C",
            ["6b"] = "62191AC0AF3402C1",
        };

        /// <summary>Digests of the first <see cref="Count"/> training sequences of trial 0 of every paper row (its own task and parameters).</summary>
        private static readonly Dictionary<string, string> RowDigests = new()
        {
            ["1-1"] = "BA018DEA9952D9CD",
            ["1-2"] = "F8F234A1E7324B76",
            ["1-3"] = "28995035FF63527E",
            ["1-4"] = "DB4B8F97E22649AD",
            ["1-5"] = "1DE6643E15022EAC",
            ["2a"] = "78FDCF3EEAAEC3DD",
            ["2b"] = "5358B270D475978F",
            ["2c-1"] = "60EBD8C44FA77336",
            ["2c-2"] = "BC7A890A9B11CF91",
            ["2c-3"] = "D5797CD9B795B2DD",
            ["2c-4"] = "DF46E9DBFDB9F312",
            ["2c-5"] = "89A367A4416786A4",
            ["2c-6"] = "99D08634FA9D1BE2",
            ["2c-7"] = "81E89611BB8CA4BF",
            ["2c-8"] = "F8B2000633320606",
            ["2c-9"] = "3C60A586CC366465",
            ["3a-100-1"] = "AF7D45079A92DD8F",
            ["3a-100-3"] = "1768C6DF722F6B9A",
            ["3a-1000-3"] = "5314A90C978A0BC6",
            ["3b-100-1"] = "A1C99C71220F4EA0",
            ["3b-100-3"] = "549B46CC62E2D06F",
            ["3b-1000-1"] = "0FAE03B13C8648E1",
            ["3c-100-1"] = "DD8FA88085C426B6",
            ["3c-100-3"] = "DDB018C633ED5D05",
            ["4-100"] = "6DE403AEE3A9F9DC",
            ["4-1000"] = "F17DF681DEAAB1E7",
            ["4-500"] = "E752B03A4FB555E0",
            ["5-13"] = "82E5D4752DF0C4C4",
            ["5-140"] = "021A092EDB221F36",
            ["6a"] = "9EE4ABC4F8184745",
            ["6b"] = "A292BD9B53BD1DDC",
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
            Assert.Equal(RowDigests[id], Digest(sequences, 0));
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
