using System.Collections.Generic;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Parsing;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// The problems found in one row file, in the spec diagnostics' kinds and format (<c>file(line,col): error LSTMxxxx:
    /// ...</c>). A problem in the file's <c>defaults</c> is reported once, not once for every row that inherits it.
    /// </summary>
    public sealed class RowDiagnostics
    {
        private readonly List<SpecDiagnostic> _all = new();
        private readonly HashSet<string> _seen = new();

        /// <summary>Every problem, in the order found.</summary>
        public IReadOnlyList<SpecDiagnostic> All => _all;

        /// <summary>The list the YAML reader adds its own problems to.</summary>
        internal List<SpecDiagnostic> ForYamlReader => _all;

        public int ErrorCount
        {
            get
            {
                var count = 0;
                foreach (var diagnostic in _all)
                {
                    if (diagnostic.IsError)
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        public void Report(DiagnosticKind kind, SourceLocation location, params string[] arguments)
        {
            if (_all.Count >= SpecParser.MaxDiagnostics)
            {
                return;
            }

            var diagnostic = SpecDiagnostic.Create(kind, location, arguments);
            if (_seen.Add(diagnostic.ToCompilerFormat()))
            {
                _all.Add(diagnostic);
            }
        }
    }
}
