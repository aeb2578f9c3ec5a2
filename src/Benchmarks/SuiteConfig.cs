using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using LstmGen.Benchmarks.Columns;
using Perfolizer.Horology;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// The suite's configuration: allocations per operation (MemoryDiagnoser), the state-size and sequence columns,
    /// ratios as "x faster/slower", and, unless a job is named on the command line, the <see cref="FastJob"/>.
    /// </summary>
    internal static class SuiteConfig
    {
        /// <summary>
        /// The default job: one launch, 3 warm-up and 7 measured iterations of about 150 ms each. The whole suite (85
        /// cases) takes about 10 minutes on 2 cores; errors are a few percent, enough for ratios and regressions.
        /// <c>--job default</c> gives BenchmarkDotNet's own job (iterations until the error is small: several times longer).
        /// </summary>
        public static Job FastJob { get; } = Job.Default
            .WithId("Fast")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(TimeInterval.FromMilliseconds(150))
            .AsDefault();

        /// <param name="withFastJob">False when the command line names a job (<c>--job</c>), which then replaces it.</param>
        public static IConfig Create(bool withFastJob)
        {
            var config = DefaultConfig.Instance
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(new StateSizeColumn(), new SequencesPerSecondColumn(), new StepsPerSequenceColumn())
                .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
            return withFastJob ? config.AddJob(FastJob) : config;
        }
    }
}
