using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Generator.Diagnostics
{
    /// <summary>
    /// A spec read at run time (not compiled in) has errors; <see cref="Diagnostics"/> says which and where. Thrown by
    /// the callers of <see cref="Parsing.SpecParser"/> that cannot go on without a spec (the reference interpreter, the
    /// experiments program); the message holds every diagnostic in the compiler's format, one per line.
    /// </summary>
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
