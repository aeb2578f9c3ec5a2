using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// The row a command names: the id of a built-in row (<c>lstmgen rows</c>), or a row file (an argument ending in
    /// <c>.yaml</c> or <c>.yml</c>, docs/rows.md) and, when the file holds more than one row, the id of one of them.
    /// A row file with errors fails with its diagnostics (exit code 3), as a spec does.
    /// </summary>
    public static class RowSelection
    {
        /// <summary>Whether <paramref name="argument"/> names a row file rather than a row.</summary>
        public static bool IsRowFile(string argument) =>
            argument.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || argument.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        /// <summary>Every row of the row file at <paramref name="path"/>.</summary>
        /// <exception cref="RowFileException">The file has errors.</exception>
        public static IReadOnlyList<ExperimentRow> ReadFile(string path) => RowFileReader.Read(path, CliFiles.Read(path)).CreateRows();

        /// <summary>The row <paramref name="row"/> names (with <paramref name="id"/> picking one row of a row file).</summary>
        public static ExperimentRow Resolve(string row, string? id)
        {
            if (!IsRowFile(row))
            {
                if (id is not null)
                {
                    throw CliException.Usage("'" + row + "' is a row id, not a row file (*.yaml); '" + id + "' is one argument too many");
                }

                return PaperRows.Find(row) ?? throw CliException.Usage("no row '" + row + "'; 'lstmgen rows' lists them");
            }

            var rows = ReadFile(row);
            if (id is not null)
            {
                return rows.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
                    ?? throw CliException.Usage("'" + row + "' has no row '" + id + "'; its rows: " + string.Join(", ", rows.Select(r => r.Id)));
            }

            return rows.Count == 1
                ? rows[0]
                : throw CliException.Usage("'" + row + "' has " + rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows (" +
                    string.Join(", ", rows.Select(r => r.Id)) + "): name one, e.g. 'lstmgen run " + row + " " + rows[0].Id + "'");
        }

        /// <summary>
        /// The <c>--rows</c> option of <c>reproduce</c> and <c>shards</c>: the built-in rows named in
        /// <paramref name="ids"/> (comma-separated), in the order given; every built-in row when null.
        /// </summary>
        public static List<ExperimentRow> Parse(string? ids) => ids is null
            ? PaperRows.All.ToList()
            : ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => PaperRows.Find(id) ?? throw CliException.Usage("no row '" + id + "'; 'lstmgen rows' lists them")).ToList();
    }
}
