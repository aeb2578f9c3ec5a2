namespace LstmGen.Generator
{
    /// <summary>Names of the pipeline's steps, for incremental caching tests.</summary>
    public static class TrackingNames
    {
        public const string Parse = "Parse";
        public const string Model = "Model";
        public const string Names = "Names";
        public const string Emit = "Emit";
        public const string Plan = "Plan";
        public const string Registry = "Registry";
    }
}
