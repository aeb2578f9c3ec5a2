namespace LstmGen.Generator
{
    /// <summary>The version written into generated files' headers and GeneratedCode attributes.</summary>
    public static class LstmGenVersion
    {
        public const string Value = "0.2.0";
    }
}
