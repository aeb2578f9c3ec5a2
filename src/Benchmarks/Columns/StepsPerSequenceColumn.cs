using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LstmGen.Benchmarks.Networks;

namespace LstmGen.Benchmarks.Columns
{
    /// <summary>
    /// "Steps/seq": the mean length of the sequence pool a <see cref="SequenceBenchmarks"/> case cycles through (the
    /// pool is drawn again here from the same seed), so that Mean / Steps/seq is the time per step within a sequence.
    /// </summary>
    public sealed class StepsPerSequenceColumn : IColumn
    {
        private static readonly ConcurrentDictionary<string, double> MeanLengths = new ConcurrentDictionary<string, double>();

        public string Id => nameof(StepsPerSequenceColumn);

        public string ColumnName => "Steps/seq";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 2;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Mean number of time steps of the benchmark's pre-generated training sequences";

        public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(SequenceBenchmarks));

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (benchmarkCase.Descriptor.Type != typeof(SequenceBenchmarks)
                || benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Network")?.Value is not string network)
            {
                return "-";
            }

            var mean = MeanLengths.GetOrAdd(network, static name => SequenceCase.Find(name).CreatePool().Average(s => s.Length));
            return mean.ToString("F1", CultureInfo.InvariantCulture);
        }

        public override string ToString() => ColumnName;
    }
}
