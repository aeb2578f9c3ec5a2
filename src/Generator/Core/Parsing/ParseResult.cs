using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Parsing
{
    /// <summary>
    /// What parsing one spec file gives: the network (null when the spec has an error) and every diagnostic.
    /// The generator caches on <see cref="Spec"/> and reports <see cref="Diagnostics"/> separately.
    /// </summary>
    /// <param name="Spec">The network, or null when the spec has an error.</param>
    /// <param name="Diagnostics">Every problem found, errors and warnings.</param>
    /// <param name="NameLocation">Where the spec's 'name' value is (for LSTM0008), or null.</param>
    public sealed record ParseResult(NetworkSpec? Spec, EquatableArray<SpecDiagnostic> Diagnostics, SourceLocation? NameLocation = null)
    {
        public bool HasErrors
        {
            get
            {
                foreach (var diagnostic in Diagnostics)
                {
                    if (diagnostic.IsError)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
