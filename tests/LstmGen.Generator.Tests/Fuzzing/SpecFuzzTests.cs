using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using LstmGen.Generator.Tests.Hostile;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LstmGen.Generator.Tests.Fuzzing
{
    /// <summary>
    /// Fuzzes the generator with damaged copies of valid specs (<see cref="SpecMutator"/>, cases drawn by CsCheck from
    /// a fixed seed). For every case: the generator never throws, never fails (CS8785) and answers quickly, with
    /// located diagnostics (<see cref="GeneratorChecks"/>). A case without errors must give code that compiles
    /// without warnings and a network that trains for one sequence with finite outputs and weights (a sample of them,
    /// compiled in batches). The CI run is short; set LSTMGEN_FUZZ_ITERATIONS (e.g. 20000) for a long one.
    /// </summary>
    public sealed class SpecFuzzTests
    {
        public const string IterationsVariable = "LSTMGEN_FUZZ_ITERATIONS";

        private const int CiIterations = 250;

        /// <summary>The short run compiles only this many networks: one Roslyn compilation, a few seconds.</summary>
        private const int CiCompiled = 20;

        private const int BatchSize = 40;

        private readonly ITestOutputHelper _output;

        public SpecFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Damaged_specs_get_diagnostics_or_compile_to_networks_with_finite_outputs()
        {
            var configured = Environment.GetEnvironmentVariable(IterationsVariable);
            var iterations = string.IsNullOrEmpty(configured) ? CiIterations : int.Parse(configured, NumberStyles.None, CultureInfo.InvariantCulture);
            // The short run compiles the first valid cases; a long one every fifth, which keeps it to minutes.
            var isLong = iterations > CiIterations;
            var compileEvery = isLong ? 5 : 1;
            var compileTime = TimeSpan.Zero;
            var random = new PCG(7, 20261101);

            var pending = new List<(string Case, string Text)>();
            var outcomes = new List<NetworkOutcome>();
            var warned = new HashSet<string>(StringComparer.Ordinal);
            var ids = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var (errors, warningsOnly, clean, batches) = (0, 0, 0, 0);
            var generatorTime = TimeSpan.Zero;
            var slowest = (Time: TimeSpan.Zero, Case: string.Empty);
            var total = Stopwatch.StartNew();

            for (var i = 0; i < iterations; i++)
            {
                var fuzzCase = SpecMutator.CaseGen.Generate(random, null, out _);
                var text = SpecMutator.Apply(fuzzCase);
                var what = "case " + i.ToString(CultureInfo.InvariantCulture) + " (" + fuzzCase + ")";
                var run = GeneratorChecks.Run(new CorpusAdditionalText("fuzz.lstm.yaml", Encoding.UTF8.GetBytes(text)));
                GeneratorChecks.AssertWellBehaved(run, "fuzz.lstm.yaml", what + ":\n" + text);

                generatorTime += run.Elapsed;
                if (run.Elapsed > slowest.Time)
                {
                    slowest = (run.Elapsed, what);
                }

                foreach (var id in run.Diagnostics.Select(d => d.Id).Distinct())
                {
                    ids[id] = ids.TryGetValue(id, out var n) ? n + 1 : 1;
                }

                if (run.HasErrors)
                {
                    errors++;
                    continue;
                }

                if (run.Diagnostics.IsEmpty)
                {
                    clean++;
                }
                else
                {
                    warningsOnly++;
                    warned.Add(what);
                }

                if ((clean + warningsOnly) % compileEvery == 0 && (isLong || outcomes.Count + pending.Count < CiCompiled))
                {
                    pending.Add((what, text));
                }

                if (pending.Count == BatchSize)
                {
                    var compiling = Stopwatch.StartNew();
                    outcomes.AddRange(NetworkBatch.CompileAndRun(pending, batches++));
                    compileTime += compiling.Elapsed;
                    pending.Clear();
                }
            }

            if (pending.Count > 0)
            {
                var compiling = Stopwatch.StartNew();
                outcomes.AddRange(NetworkBatch.CompileAndRun(pending, batches++));
                compileTime += compiling.Elapsed;
            }

            var nonFinite = outcomes.Where(o => !o.Finite).ToList();
            _output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} cases in {1:F1} s: {2} with errors, {3} with warnings only, {4} clean; generator {5:F2} ms per case on average, slowest {6:F0} ms ({7})",
                iterations, total.Elapsed.TotalSeconds, errors, warningsOnly, clean, generatorTime.TotalMilliseconds / iterations, slowest.Time.TotalMilliseconds, slowest.Case));
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} networks compiled in {1} batches ({4:F1} s) and trained; {2} gave non-finite values (all after LSTM1001 warnings: {3})",
                outcomes.Count, batches, nonFinite.Count, nonFinite.All(o => warned.Contains(o.Case)), compileTime.TotalSeconds));
            _output.WriteLine("diagnostic ids seen (cases): " + string.Join(", ", ids.Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));
            foreach (var o in nonFinite.Take(10))
            {
                _output.WriteLine("non-finite: " + o.Case + ": " + o.Detail);
            }

            // The mutations must exercise both sides: specs the parser refuses and specs that compile.
            Assert.True(errors >= iterations / 10, "too few cases with errors: " + errors);
            Assert.True(clean + warningsOnly >= iterations / 10, "too few valid cases: " + (clean + warningsOnly));
            Assert.NotEmpty(outcomes);
            var unwarned = nonFinite.Where(o => !warned.Contains(o.Case)).ToList();
            Assert.True(unwarned.Count == 0, "networks without any warning gave non-finite values:\n" + string.Join("\n", unwarned.Select(o => o.Case + ": " + o.Detail)));
        }
    }
}
