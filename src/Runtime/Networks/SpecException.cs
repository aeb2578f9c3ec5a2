using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Runtime
{
    /// <summary>A spec read at run time (not compiled in) has errors; <see cref="Diagnostics"/> says which and where.</summary>
    public sealed class SpecException : Exception
    {
        public SpecException(IReadOnlyList<SpecDiagnostic> diagnostics)
            : base(string.Join(Environment.NewLine, diagnostics.Select(d => d.ToCompilerFormat())))
        {
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }
    }
}
