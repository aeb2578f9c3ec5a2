using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
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
            Assert.False(ResultsVersions.GivesSameResults("0.6.0", PaperRows.Find("2b")!));
            Assert.True(ResultsVersions.GivesSameResults("0.6.0", PaperRows.Find("2a")!));
            Assert.True(ResultsVersions.GivesSameResults("0.6.0", PaperRows.Find("2c-1")!));
            Assert.StartsWith(" (0.6.1 changed row 2b's results: the recorded training error", ResultsVersions.Reason("0.6.0", PaperRows.Find("2b")!), StringComparison.Ordinal);
        }

        [Fact]
        public void A_change_is_keyed_by_what_a_row_does_so_a_variant_of_2a_judged_at_the_sequence_end_is_refused_like_2b()
        {
            const string Rows = """
                defaults: { network: Exp2LongLag, stop: { rule: successive-correct, sequences: 10000 }, sequentialConstruction: false, trials: 2, cap: 1000 }
                rows:
                  - { id: 2a, title: 2a judged at the end, task: { name: long-lag, variant: noise-free, p: 100, judge: sequence-end } }
                  - { id: 2b, title: 2b taught at the end, task: { name: long-lag, variant: no-local-regularities, p: 100, targets: sequence-end } }
                """;
            var rows = RowFileReader.Read("variant.rows.yaml", Rows).CreateRows();
            var judgedAtEnd = rows[0];
            var taughtAtEnd = rows[1];

            // As written, 2a judges every step: 0.6.1's change is not its. Judged at the end, it is (the row's id is the same).
            Assert.True(ResultsVersions.GivesSameResults("0.6.0", PaperRows.Find("2a")!));
            Assert.False(ResultsVersions.GivesSameResults("0.6.0", judgedAtEnd));
            Assert.StartsWith(" (0.6.1 changed row 2a's results: the recorded training error", ResultsVersions.Reason("0.6.0", judgedAtEnd), StringComparison.Ordinal);

            // Without sequential construction 0.6.0's change does not apply; taught at the end only, 0.6.1's does not either.
            Assert.True(ResultsVersions.GivesSameResults("0.5.0", taughtAtEnd));
            Assert.False(ResultsVersions.GivesSameResults("0.5.0", PaperRows.Find("2b")!));
        }

        [Fact]
        public void Every_version_in_the_checked_in_results_gives_this_version_s_results()
        {
            // A sweep variant's results sit beside its row file (<variant>/<row>.rows.yaml).
            var trials = Directory.EnumerateFiles(Path.Combine(CliRunner.RepositoryRoot, "results"), "*.jsonl", SearchOption.AllDirectories)
                .SelectMany(file => File.ReadLines(file).Select(line => (File: file, Line: line)))
                .Where(t => !string.IsNullOrWhiteSpace(t.Line))
                .Select(t =>
                {
                    using var document = JsonDocument.Parse(t.Line);
                    var root = document.RootElement;
                    return root.TryGetProperty("version", out var version) && root.TryGetProperty("row", out var row)
                        ? (Folder: Path.GetDirectoryName(t.File)!, Row: row.GetString()!, Version: version.GetString()!)
                        : default;
                })
                .Where(t => t.Version is not null)
                .Distinct()
                .ToList();

            // Every other file holds rows of the row files under specs/ (the paper's, specs/gers2000's).
            var declared = Directory.EnumerateFiles(Path.Combine(CliRunner.RepositoryRoot, "specs"), "*.rows.yaml", SearchOption.AllDirectories)
                .SelectMany(f => RowFileReader.Read(f, File.ReadAllText(f)).CreateRows())
                .ToDictionary(r => r.Id, StringComparer.Ordinal);
            Assert.NotEmpty(trials);
            var variants = 0;
            foreach (var (folder, id, version) in trials)
            {
                var rowFile = Path.Combine(folder, id + ".rows.yaml");
                var row = File.Exists(rowFile)
                    ? RowFileReader.Read(rowFile, File.ReadAllText(rowFile)).CreateRows().Single(r => r.Id == id)
                    : declared[id];
                variants += File.Exists(rowFile) ? 1 : 0;
                Assert.True(ResultsVersions.GivesSameResults(version, row),
                    folder + " holds trials of row " + id + " run by LstmGen " + version + ", which " + LstmGenVersion.Value + " does not accept" + ResultsVersions.Reason(version, row));
            }

            Assert.NotEqual(0, variants);
        }
    }
}
