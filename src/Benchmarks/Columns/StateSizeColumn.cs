using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LstmGen.Benchmarks.Networks;

namespace LstmGen.Benchmarks.Columns
{
    /// <summary>
    /// "State": the bytes of state of the generated instance a benchmark runs (see <see cref="StateOfAttribute"/> and
    /// <see cref="StateSizes"/>); "-" for the reference interpreter.
    /// </summary>
    public sealed class StateSizeColumn : IColumn
    {
        public string Id => nameof(StateSizeColumn);

        public string ColumnName => "State";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Bytes of state of the generated network instance: weights, pending updates, traces, activations, scratch (lstmgen explain)";

        public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => NetworkOf(c) is not null);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var name = NetworkOf(benchmarkCase);
            return name is null ? "-" : StateSizes.Of(name).Bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";
        }

        public override string ToString() => ColumnName;

        /// <summary>The generated network the case runs, or null.</summary>
        internal static string? NetworkOf(BenchmarkCase benchmarkCase)
        {
            var stateOf = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<StateOfAttribute>();
            var network = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Network")?.Value as string;
            return stateOf is null || network is null ? null : network + stateOf.Suffix;
        }
    }
}
