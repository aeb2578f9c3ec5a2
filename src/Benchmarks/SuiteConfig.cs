using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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
    /// ratios as "x faster/slower", network names unabridged, and the job: <see cref="FastJob"/> unless <c>--job</c> names another.
    /// </summary>
    internal static class SuiteConfig
    {
        /// <summary>
        /// The default job: one launch, 3 warm-up and 7 measured iterations of about 150 ms each. The whole suite
        /// takes about 10 minutes on 2 cores; errors are a few percent, enough for ratios and regressions.
        /// </summary>
        public static Job FastJob { get; } = Job.Default
            .WithId("Fast")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithIterationTime(TimeInterval.FromMilliseconds(150));

        // BenchmarkDotNet's named jobs (its --job option), by the names it accepts.
        private static readonly Dictionary<string, Job> Jobs = new Dictionary<string, Job>(StringComparer.OrdinalIgnoreCase)
        {
            ["fast"] = FastJob,
            ["dry"] = Job.Dry,
            ["short"] = Job.ShortRun,
            ["medium"] = Job.MediumRun,
            ["long"] = Job.LongRun,
            ["default"] = Job.Default.WithId("Default"),
        };

        /// <summary>
        /// Takes <c>--job NAME</c> (or <c>-j NAME</c>) out of <paramref name="args"/> and makes the configuration with that
        /// job (fast when none is named); false with a message when the name is unknown. BenchmarkDotNet itself would ignore <c>--job</c> once the configuration has a
        /// job of its own, so the option is handled here;
        /// the other job options (<c>--iterationCount</c>, <c>--warmupCount</c>, ...) still adjust the chosen job.
        /// </summary>
        public static bool TryCreate(ref string[] args, [NotNullWhen(true)] out IConfig? config, [NotNullWhen(false)] out string? error)
        {
            var job = FastJob;
            var rest = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] is "-j" or "--job")
                {
                    if (i + 1 == args.Length || !Jobs.TryGetValue(args[i + 1], out var named))
                    {
                        config = null;
                        error = "--job takes one of: " + string.Join(", ", Jobs.Keys);
                        return false;
                    }

                    job = named;
                    i++;
                }
                else
                {
                    rest.Add(args[i]);
                }
            }

            args = rest.ToArray();
            error = null;
            config = DefaultConfig.Instance
                .AddJob(job.AsDefault())
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(new StateSizeColumn(), new SequencesPerSecondColumn(), new StepsPerSequenceColumn())
                .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend).WithMaxParameterColumnWidth(30));
            return true;
        }
    }
}
