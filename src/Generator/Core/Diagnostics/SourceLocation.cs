namespace LstmGen.Generator.Diagnostics
{
    /// <summary>
    /// A position in a spec file, kept as plain numbers so that it is equatable and free of Roslyn types.
    /// Lines and columns are zero-based, as in Roslyn's <c>LinePosition</c>; <see cref="Start"/> and
    /// <see cref="Length"/> are character offsets into the file's text.
    /// </summary>
    public sealed record SourceLocation(
        string FilePath,
        int Start,
        int Length,
        int StartLine,
        int StartColumn,
        int EndLine,
        int EndColumn)
    {
        /// <summary>The position of the first character of a file.</summary>
        public static SourceLocation FileStart(string filePath) => new SourceLocation(filePath, 0, 0, 0, 0, 0, 0);
    }
}
