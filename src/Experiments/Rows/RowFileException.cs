using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Experiments.Rows
{
    /// <summary>A row file with errors: its diagnostics, each in the compiler's format (the CLI prints one per line, exit code 3).</summary>
    public sealed class RowFileException : Exception
    {
        public RowFileException(IReadOnlyList<SpecDiagnostic> diagnostics)
            : base(string.Join(Environment.NewLine, diagnostics.Select(d => d.ToCompilerFormat())))
        {
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }
    }
}
