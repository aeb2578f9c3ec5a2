namespace LstmGen.Experiments.Tasks
{
    /// <summary>
    /// Experiment 4, the adding problem (extraction §3.4): values uniform in [−1, 1], target 0.5 + (X1 + X2)/4 (the sum
    /// scaled into [0, 1]); X1 = 0 when the first pair is marked first. Generation and conventions: <see cref="MarkedPairsTask"/>.
    /// </summary>
    public sealed class AddingTask : MarkedPairsTask
    {
        public AddingTask(int t = 100, SecondMarkRange secondMarkRange = SecondMarkRange.FirstPositions)
            : base(t, secondMarkRange)
        {
        }

        public override string Name => "4";

        protected override double ValueLow => -1.0;

        protected override double ValueHigh => 1.0;

        protected override double FirstPairValue => 0.0;

        public override double TargetOf(double x1, double x2) => 0.5 + ((x1 + x2) / 4.0);
    }
}
