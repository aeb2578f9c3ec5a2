namespace LstmGen.Generator.Diagnostics
{
    /// <summary>A diagnostic id with its title, message format and severity. Formats use invariant culture.</summary>
    public sealed record DiagnosticKind(string Id, string Title, string MessageFormat, DiagnosticSeverityLevel Severity);
}
