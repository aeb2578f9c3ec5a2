using System.IO;
using System.Linq;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>The rows built into lstmgen are the row files of specs/rows/, read without a single diagnostic.</summary>
    public sealed class BuiltInRowsTests
    {
        [Fact]
        public void Every_row_file_of_specs_rows_is_built_in_and_reads_cleanly()
        {
            var files = PaperRows.Files();
            var onDisk = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "specs", "rows"), "*.rows.yaml")
                .Select(f => "specs/rows/" + Path.GetFileName(f)).Order();

            Assert.Equal(onDisk, files.Select(f => f.Path));
            Assert.All(files, f => Assert.Empty(f.Diagnostics));
            Assert.Equal(31, PaperRows.All.Count);
        }

        [Fact]
        public void Every_built_in_row_runs_the_paper_s_number_of_trials()
        {
            Assert.All(PaperRows.All, row => Assert.Equal(row.Paper.Trials, row.Trials));
        }

        [Fact]
        public void Row_ids_are_unique_across_files()
        {
            var ids = PaperRows.All.Select(r => r.Id.ToUpperInvariant()).ToList();

            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }
}
