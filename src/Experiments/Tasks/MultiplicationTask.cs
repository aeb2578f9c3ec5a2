namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// Experiment 5, the multiplication problem (extraction §3.5): as Experiment 4 but values uniform in [0, 1], target
    /// X1 × X2, and X1 = 1.0 when the first pair is marked first. Generation and conventions: <see cref="MarkedPairsTask"/>.
    /// </summary>
    public sealed class MultiplicationTask : MarkedPairsTask
    {
        public MultiplicationTask(int t = 100, SecondMarkRange secondMarkRange = SecondMarkRange.FirstPositions)
            : base(t, secondMarkRange)
        {
        }

        public override string Name => "5";

        protected override double ValueLow => 0.0;

        protected override double ValueHigh => 1.0;

        protected override double FirstPairValue => 1.0;

        public override double TargetOf(double x1, double x2) => x1 * x2;
    }
}
