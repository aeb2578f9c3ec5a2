using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LstmGen.Generator.Tests.Hostile
{
    /// <summary>What one generator run over one spec gave, with its cost.</summary>
    internal sealed record CheckedRun(
        SourceText Text,
        ImmutableArray<Diagnostic> Diagnostics,
        IReadOnlyList<GeneratedFile> Sources,
        Exception? Exception,
        TimeSpan Elapsed,
        long AllocatedBytes)
    {
        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>
    /// Runs the real generator over one spec, as the hostile corpus and the fuzzer do, and checks what must hold for
    /// every input whatever it holds: no exception and no CS8785, a bounded time and allocation, at most 100
    /// diagnostics, each an LSTM one located inside the file with a one-line message of bounded length.
    /// </summary>
    internal static class GeneratorChecks
    {
        /// <summary>Generous: a run takes milliseconds; this only catches hangs and super-linear blow-ups.</summary>
        public static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(5);

        public const long MaxAllocatedBytes = 200L * 1024 * 1024;

        public const int MaxMessageLength = 1000;

        private static readonly char[] LineBreaks = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

        public static CheckedRun Run(CorpusAdditionalText spec)
        {
            var compilation = GeneratorHarness.CreateCompilation();
            var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { spec });
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var driverDiagnostics);
            var elapsed = stopwatch.Elapsed;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var result = driver.GetRunResult().Results.Single();
            return new CheckedRun(
                spec.Text,
                result.Diagnostics.AddRange(driverDiagnostics.Where(d => !result.Diagnostics.Contains(d))),
                result.GeneratedSources.Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString())).ToList(),
                result.Exception,
                elapsed,
                allocated);
        }

        /// <summary>Asserts what holds for any input; <paramref name="what"/> names the input in failure messages.</summary>
        public static void AssertWellBehaved(CheckedRun run, string file, string what)
        {
            Assert.True(run.Exception is null, what + ": the generator threw " + run.Exception);
            Assert.False(run.Diagnostics.Any(d => d.Id == "CS8785" || d.Id == "CS8784"), what + ": the generator failed: " + string.Join("\n", run.Diagnostics));
            Assert.True(run.Elapsed < MaxRunTime, what + " took " + run.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms");
            Assert.True(run.AllocatedBytes < MaxAllocatedBytes, what + " allocated " + (run.AllocatedBytes / 1048576).ToString(CultureInfo.InvariantCulture) + " MB");
            Assert.True(run.Diagnostics.Length <= 100, what + ": " + run.Diagnostics.Length + " diagnostics");

            foreach (var d in run.Diagnostics)
            {
                Assert.True(d.Id.StartsWith("LSTM", StringComparison.Ordinal), what + ": " + d);
                AssertLocatedInFile(d, file, run.Text, what);
                var message = d.GetMessage(CultureInfo.InvariantCulture);
                Assert.True(message.Length <= MaxMessageLength, what + ": " + d.Id + " message of " + message.Length + " characters");
                Assert.True(message.IndexOfAny(LineBreaks) < 0, what + ": a message breaks the compiler's one-line format: " + message);
            }

            if (run.HasErrors)
            {
                Assert.True(run.Sources.Count == 0, what + ": a spec with an error must produce no source");
            }
        }

        private static void AssertLocatedInFile(Diagnostic d, string file, SourceText text, string what)
        {
            Assert.Equal(LocationKind.ExternalFile, d.Location.Kind);
            var lineSpan = d.Location.GetLineSpan();
            Assert.Equal(file, lineSpan.Path);
            var span = d.Location.SourceSpan;
            Assert.True(span.Start >= 0 && span.End <= text.Length, what + ": " + d.Id + " span " + span + " outside the text of " + text.Length + " characters");
            // The printed line and column are the span's own position in the text the compiler read.
            Assert.True(
                text.Lines.GetLinePosition(span.Start) == lineSpan.StartLinePosition && text.Lines.GetLinePosition(span.End) == lineSpan.EndLinePosition,
                what + ": " + d.Id + " at " + lineSpan + " but its span " + span + " is at " + text.Lines.GetLinePositionSpan(span));
        }
    }
}
