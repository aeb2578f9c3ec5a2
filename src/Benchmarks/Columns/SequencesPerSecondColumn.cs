using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LstmGen.Benchmarks.Columns
{
    /// <summary>"Seq/s": training sequences per second, 1 s over the mean time of one <see cref="SequenceBenchmarks"/> invocation.</summary>
    public sealed class SequencesPerSecondColumn : IColumn
    {
        public string Id => nameof(SequencesPerSecondColumn);

        public string ColumnName => "Seq/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Training sequences per second (1 s / Mean)";

        public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(IsSequenceCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (!IsSequenceCase(benchmarkCase) || statistics is null || statistics.Mean <= 0)
            {
                return "-";
            }

            var perSecond = 1e9 / statistics.Mean;
            return perSecond.ToString(perSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
        }

        public override string ToString() => ColumnName;

        private static bool IsSequenceCase(BenchmarkCase benchmarkCase) => benchmarkCase.Descriptor.Type == typeof(SequenceBenchmarks);
    }
}
