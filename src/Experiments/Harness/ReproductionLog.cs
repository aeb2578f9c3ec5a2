using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using LstmGen.Experiments.Describing;

namespace LstmGen.Experiments.Harness
{
    /// <summary>One invocation of <c>lstmgen reproduce</c>: when it started, how long it ran, and whether it got through every row.</summary>
    /// <param name="Started">When the invocation started (UTC).</param>
    /// <param name="WallSeconds">Its wall time, from the start to the end of its last trial (or its interruption).</param>
    /// <param name="Threads">Trials run at once.</param>
    /// <param name="Quick">Whether it was the quick look (<c>--quick</c>).</param>
    /// <param name="Outcome">How it ended: <c>completed</c> (every selected row has all its trials), <c>interrupted</c>
    /// (Ctrl+C or SIGTERM; run again to resume) or <c>failed</c> (an error stopped it).</param>
    /// <param name="Rows">The rows it was asked for.</param>
    /// <param name="Version">The LstmGen version that ran it.</param>
    /// <param name="Shard">The shard it ran (<c>I/N</c>, <c>reproduce --shard</c>), or null for the whole run.</param>
    public sealed record ReproductionRun(DateTimeOffset Started, double WallSeconds, int Threads, bool Quick, string Outcome, IReadOnlyList<string> Rows, string Version, string? Shard = null)
    {
        public const string CompletedOutcome = "completed";
        public const string InterruptedOutcome = "interrupted";
        public const string FailedOutcome = "failed";

        /// <summary>When it ended.</summary>
        public DateTimeOffset Ended => Started.AddSeconds(WallSeconds);
    }

    /// <summary>
    /// The wall time of a reproduction that may run in pieces (it is resumable): every invocation of <c>lstmgen reproduce</c>
    /// appends one line to <c>reproduce-runs.jsonl</c> in its results folder when it ends, interrupted or not, and the report
    /// sums them. A line cut short by a crash is ignored, as in the results files.
    /// </summary>
    public static class ReproductionLog
    {
        public const string FileName = "reproduce-runs.jsonl";

        /// <summary>Appends <paramref name="run"/> as one line to the log of <paramref name="resultsDirectory"/>.</summary>
        public static void Append(string resultsDirectory, ReproductionRun run)
        {
            ArgumentNullException.ThrowIfNull(run);
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("started", run.Started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WritePropertyName("wallSeconds");
                JsonText.Number(w, run.WallSeconds);
                w.WriteNumber("threads", run.Threads);
                w.WriteBoolean("quick", run.Quick);
                w.WriteString("outcome", run.Outcome);
                w.WriteStartArray("rows");
                foreach (var row in run.Rows)
                {
                    w.WriteStringValue(row);
                }

                w.WriteEndArray();
                w.WriteString("version", run.Version);
                if (run.Shard is not null)
                {
                    w.WriteString("shard", run.Shard);
                }

                w.WriteEndObject();
            }

            var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
            using var writer = ResultsFile.OpenForAppend(Path.Combine(resultsDirectory, FileName));
            writer.Write(line);
            writer.Write('\n');
            writer.Flush();
            if (writer.BaseStream is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }
        }

        /// <summary>
        /// Every complete, readable line of the log of <paramref name="resultsDirectory"/> (none when there is no log). A line
        /// that does not parse (edited by hand, or cut short) is skipped, so that one bad line never stops a report.
        /// </summary>
        public static List<ReproductionRun> Read(string resultsDirectory)
        {
            var runs = new List<ReproductionRun>();
            var path = Path.Combine(resultsDirectory, FileName);
            if (!File.Exists(path))
            {
                return runs;
            }

            foreach (var line in File.ReadAllText(path, Encoding.UTF8).Split('\n'))
            {
                if (line.Length > 0 && TryParse(line) is { } run)
                {
                    runs.Add(run);
                }
            }

            return runs;
        }

        /// <summary>The "outcome" field; the first lines (commit 325c098) had a "completed" flag instead, false when interrupted.</summary>
        private static string Outcome(JsonElement root) =>
            root.TryGetProperty("outcome", out var outcome) ? outcome.GetString() ?? string.Empty
            : root.GetProperty("completed").GetBoolean() ? ReproductionRun.CompletedOutcome : ReproductionRun.InterruptedOutcome;

        private static ReproductionRun? TryParse(string line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var rows = new List<string>();
                foreach (var row in root.GetProperty("rows").EnumerateArray())
                {
                    rows.Add(row.GetString() ?? string.Empty);
                }

                return new ReproductionRun(
                    DateTimeOffset.Parse(root.GetProperty("started").GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    root.GetProperty("wallSeconds").GetDouble(),
                    root.GetProperty("threads").GetInt32(),
                    root.GetProperty("quick").GetBoolean(),
                    Outcome(root),
                    rows,
                    root.GetProperty("version").GetString() ?? string.Empty,
                    root.TryGetProperty("shard", out var shard) ? shard.GetString() : null);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }
    }
}
