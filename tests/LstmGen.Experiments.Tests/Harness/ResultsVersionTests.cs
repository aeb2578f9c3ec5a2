using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Harness;
using LstmGen.Generator;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>
    /// The results checked in under results/ were written by earlier versions; this version must accept every one of them
    /// as its own bits for that row (<see cref="ResultsVersions.GivesSameResults"/>), or a resumed row would refuse them. A
    /// version that changes no computed number lists its predecessors in <see cref="LstmGenVersion.SameResultsAs"/>; one that
    /// changes some rows' results lists them in <see cref="ResultsVersions.RowChanges"/>, and their trials are rerun.
    /// </summary>
    public sealed class ResultsVersionTests
    {
        [Fact]
        public void The_recorded_training_error_of_0_6_1_refuses_2b_of_0_6_0_alone()
        {
            Assert.False(ResultsVersions.GivesSameResults("0.6.0", "2b"));
            Assert.True(ResultsVersions.GivesSameResults("0.6.0", "2a"));
            Assert.True(ResultsVersions.GivesSameResults("0.6.0", "2c-1"));
            Assert.StartsWith(" (0.6.1 changed row 2b's results: the recorded training error", ResultsVersions.Reason("0.6.0", "2b"), StringComparison.Ordinal);
        }

        [Fact]
        public void Every_version_in_the_checked_in_results_gives_this_version_s_results()
        {
            var trials = Directory.EnumerateFiles(Path.Combine(CliRunner.RepositoryRoot, "results"), "*.jsonl", SearchOption.AllDirectories)
                .SelectMany(File.ReadLines)
                .Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line =>
                {
                    using var document = JsonDocument.Parse(line);
                    var root = document.RootElement;
                    return root.TryGetProperty("version", out var version) && root.TryGetProperty("row", out var row)
                        ? (Row: row.GetString()!, Version: version.GetString()!)
                        : default;
                })
                .Where(t => t.Version is not null)
                .Distinct()
                .OrderBy(t => t.Row, StringComparer.Ordinal).ThenBy(t => t.Version, StringComparer.Ordinal)
                .ToList();

            Assert.NotEmpty(trials);
            Assert.All(trials, t => Assert.True(ResultsVersions.GivesSameResults(t.Version, t.Row),
                "results/ holds trials of row " + t.Row + " run by LstmGen " + t.Version + ", which " + LstmGenVersion.Value + " does not accept" + ResultsVersions.Reason(t.Version, t.Row)));
        }
    }
}
