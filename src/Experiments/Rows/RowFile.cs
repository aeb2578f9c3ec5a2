using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Harness;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Experiments.Rows
{
    /// <summary>What reading one row file gave: its rows (none when it has an error) and every diagnostic.</summary>
    public sealed class RowFile
    {
        public RowFile(string path, IReadOnlyList<RowDefinition> definitions, IReadOnlyList<SpecDiagnostic> diagnostics)
        {
            Path = path;
            Definitions = definitions;
            Diagnostics = diagnostics;
        }

        /// <summary>The path the diagnostics name.</summary>
        public string Path { get; }

        /// <summary>The rows in file order; empty when the file has an error.</summary>
        public IReadOnlyList<RowDefinition> Definitions { get; }

        public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }

        public bool HasErrors => Diagnostics.Any(d => d.IsError);

        /// <summary>The runnable rows.</summary>
        /// <exception cref="RowFileException">The file has errors.</exception>
        public IReadOnlyList<ExperimentRow> CreateRows()
        {
            if (HasErrors)
            {
                throw new RowFileException(Diagnostics.Where(d => d.IsError).ToList());
            }

            return Definitions.Select(RowFactory.Create).ToList();
        }
    }
}
