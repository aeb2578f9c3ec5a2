using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// The benchmark suite of LstmGen (docs/performance.md, "Benchmark suite"), run through BenchmarkDotNet's switcher:
    /// <code>
    /// dotnet run -c Release --project src/Benchmarks -- --filter '*'                 # everything, fast job (~10 min)
    /// dotnet run -c Release --project src/Benchmarks -- --filter '*Exp4Adding*'      # one network (matches parameters too)
    /// dotnet run -c Release --project src/Benchmarks -- --filter '*' --job default   # BenchmarkDotNet's full-precision job (also dry, short, medium, long)
    /// dotnet run -c Release --project src/Benchmarks -- --list flat                  # the benchmark methods
    /// </code>
    /// Before running benchmarks it prints the state size of each paper network.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            ArgumentNullException.ThrowIfNull(args);
            if (!SuiteConfig.TryCreate(ref args, out var config, out var error))
            {
                Console.Error.WriteLine(error);
                return 2;
            }

            if (!args.Any(IsInformational))
            {
                StateSizeTable.Write(Console.Out);
            }

            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }

        // Options after which BenchmarkDotNet only prints (lists, help, version): no state table in their output.
        private static bool IsInformational(string arg) => arg is "--list" or "-h" or "--help" or "-?" or "--version" or "--info";
    }
}
