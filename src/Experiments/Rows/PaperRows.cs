using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// Every row of the paper's result tables (Tables 1-9) with the settings of Tables 10 and 11 and the paper's figures:
    /// the row files of specs/rows/, built into the program (so that the native binary needs no files beside it) and read
    /// at first use by <see cref="RowFileReader"/>, the reader of a user's row files.
    /// </summary>
    public static class PaperRows
    {
        /// <summary>The prefix of the row files' resource names (LstmGen.Experiments.csproj).</summary>
        public const string ResourcePrefix = "LstmGen.Rows.";

        private static readonly Lazy<IReadOnlyList<ExperimentRow>> Rows = new(Build);

        /// <summary>Every built-in row, in file order (specs/rows/exp1-... to exp6-...).</summary>
        /// <exception cref="RowFileException">A built-in row file has errors (a broken build: tests read every one).</exception>
        public static IReadOnlyList<ExperimentRow> All => Rows.Value;

        /// <summary>The row with id <paramref name="id"/> (case-insensitive), or null.</summary>
        public static ExperimentRow? Find(string id)
        {
            foreach (var row in All)
            {
                if (string.Equals(row.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return row;
                }
            }

            return null;
        }

        /// <summary>Every built-in row file, read: by its path in the repository (specs/rows/...), in name order.</summary>
        public static IReadOnlyList<RowFile> Files()
        {
            var assembly = typeof(PaperRows).Assembly;
            return assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name => RowFileReader.Read("specs/rows/" + name[ResourcePrefix.Length..], ReadResource(assembly, name)))
                .ToList();
        }

        private static IReadOnlyList<ExperimentRow> Build()
        {
            var rows = new List<ExperimentRow>();
            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Files())
            {
                foreach (var row in file.CreateRows())
                {
                    if (!files.TryAdd(row.Id, file.Path))
                    {
                        throw new InvalidOperationException("Row id '" + row.Id + "' is declared in both " + files[row.Id] + " and " + file.Path + ".");
                    }

                    rows.Add(row);
                }
            }

            return rows;
        }

        private static string ReadResource(Assembly assembly, string name)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("The built-in row file " + name + " is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
