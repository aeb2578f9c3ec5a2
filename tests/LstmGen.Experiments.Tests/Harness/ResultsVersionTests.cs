using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Generator;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>
    /// The results checked in under results/ were written by earlier versions; this version must accept every one of them
    /// as its own bits (<see cref="LstmGenVersion.GivesSameResults"/>), or a resumed row would refuse them. A version that
    /// changes no computed number lists its predecessors in <see cref="LstmGenVersion.SameResultsAs"/>.
    /// </summary>
    public sealed class ResultsVersionTests
    {
        [Fact]
        public void Every_version_in_the_checked_in_results_gives_this_version_s_results()
        {
            var versions = Directory.EnumerateFiles(Path.Combine(CliRunner.RepositoryRoot, "results"), "*.jsonl", SearchOption.AllDirectories)
                .SelectMany(File.ReadLines)
                .Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line =>
                {
                    using var document = JsonDocument.Parse(line);
                    return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
                })
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .OrderBy(v => v, StringComparer.Ordinal)
                .ToList();

            Assert.NotEmpty(versions);
            Assert.All(versions, v => Assert.True(LstmGenVersion.GivesSameResults(v), "results/ holds trials of LstmGen " + v + ", which " + LstmGenVersion.Value + " does not accept"));
        }
    }
}
