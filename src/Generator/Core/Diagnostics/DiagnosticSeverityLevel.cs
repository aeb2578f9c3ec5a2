namespace LstmGen.Generator.Diagnostics
{
    /// <summary>The severity of a spec diagnostic (mirrors Roslyn's, which the core does not reference).</summary>
    public enum DiagnosticSeverityLevel
    {
        Warning,
        Error,
    }
}
