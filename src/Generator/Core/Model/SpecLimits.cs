namespace LstmGen.Generator.Model
{
    /// <summary>
    /// The largest networks LstmGen compiles (docs/spec-language.md, "Limits"). They keep a hostile spec from
    /// making the compiler emit gigabytes; every network of the paper is far below them (the largest has 10,504 weights).
    /// </summary>
    public static class SpecLimits
    {
        public const int MaxInputs = 100000;
        public const int MaxOutputs = 100000;
        public const int MaxBlocks = 1000;
        public const int MaxCellsPerBlock = 1000;
        public const int MaxCells = 10000;
        public const long MaxWeights = 4000000;

        /// <summary>Gate biases beyond this saturate the logistic gate completely (σ(±30) is 1e-13 from 0 or 1).</summary>
        public const double MaxGateBiasMagnitude = 30.0;
    }
}
