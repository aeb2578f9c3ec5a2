using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
    /// (Ctrl+C or SIGTERM; run again to resume), <c>failed</c> (an error stopped it), or, read from a heartbeat
    /// (<see cref="ReproductionHeartbeat"/>), <c>killed</c> (it stopped without a word: SIGKILL, a power cut, a preempted
    /// node; its wall time runs to its last heartbeat) or <c>running</c> (its heartbeat is fresh).</param>
    /// <param name="Rows">The rows it was asked for.</param>
    /// <param name="Version">The LstmGen version that ran it.</param>
    /// <param name="Shard">The shard it ran (<c>I/N</c>, <c>reproduce --shard</c>), or null for the whole run.</param>
    public sealed record ReproductionRun(DateTimeOffset Started, double WallSeconds, int Threads, bool Quick, string Outcome, IReadOnlyList<string> Rows, string Version, string? Shard = null)
    {
        public const string CompletedOutcome = "completed";
        public const string InterruptedOutcome = "interrupted";
        public const string FailedOutcome = "failed";
        public const string KilledOutcome = "killed";
        public const string RunningOutcome = "running";

        /// <summary>When it ended.</summary>
        public DateTimeOffset Ended => Started.AddSeconds(WallSeconds);
    }

    /// <summary>Which runs of heartbeat files <see cref="ReproductionLog.Read(string, DateTimeOffset, HeartbeatRuns)"/> adds to the log's lines.</summary>
    public enum HeartbeatRuns
    {
        /// <summary>None: the log's lines only.</summary>
        None,

        /// <summary>Stale heartbeats only, as <c>killed</c> runs.</summary>
        Stale,

        /// <summary>Every heartbeat: <c>running</c> while fresh, else <c>killed</c>.</summary>
        All,
    }

    /// <summary>
    /// The wall time of a reproduction that may run in pieces (it is resumable): every invocation of <c>lstmgen reproduce</c>
    /// appends one line to <c>reproduce-runs.jsonl</c> in its results folder when it ends, interrupted or not, and the report
    /// sums them. A line cut short by a crash is ignored, as in the results files. A run that is killed outright writes no
    /// line; its heartbeat file (<see cref="ReproductionHeartbeat"/>) stays behind, is read as a <c>killed</c> run once it is
    /// <see cref="ReproductionHeartbeat.StaleAfter"/> old, and a later run in the folder moves it into the log then
    /// (<see cref="AdoptStaleHeartbeats"/>, as it starts and as it ends).
    /// </summary>
    public static class ReproductionLog
    {
        public const string FileName = "reproduce-runs.jsonl";

        /// <summary>Appends <paramref name="run"/> as one line to the log of <paramref name="resultsDirectory"/>.</summary>
        public static void Append(string resultsDirectory, ReproductionRun run)
        {
            var line = Format(run);
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
        /// Moves into the log every heartbeat of <paramref name="resultsDirectory"/> not written for
        /// <see cref="ReproductionHeartbeat.StaleAfter"/>: a run killed outright, logged as <c>killed</c> with the wall time
        /// of its last heartbeat. A fresh heartbeat belongs to a run still going (in another process) and stays. Returns how
        /// many were moved.
        /// </summary>
        public static int AdoptStaleHeartbeats(string resultsDirectory, DateTimeOffset now)
        {
            var adopted = 0;
            foreach (var (path, run) in Heartbeats(resultsDirectory, now))
            {
                if (run.Outcome != ReproductionRun.KilledOutcome)
                {
                    continue;
                }

                // Claimed by a rename first, so that of two runs starting together only one logs it.
                var claimed = path + ".adopting";
                try
                {
                    File.Move(path, claimed);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                Append(resultsDirectory, run);
                File.Delete(claimed);
                adopted++;
            }

            return adopted;
        }

        /// <summary>One line of the log: the record as JSON, invariant culture.</summary>
        internal static string Format(ReproductionRun run)
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

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>
        /// Every complete, readable line of the log of <paramref name="resultsDirectory"/> (none when there is no log), then
        /// the runs of the heartbeats left in it, oldest first (<c>running</c> while fresh, else <c>killed</c>). A line that
        /// does not parse (edited by hand, or cut short) is skipped, so that one bad line never stops a report.
        /// </summary>
        public static List<ReproductionRun> Read(string resultsDirectory) => Read(resultsDirectory, DateTimeOffset.UtcNow, HeartbeatRuns.All);

        /// <summary>As <see cref="Read(string)"/>, at <paramref name="now"/>, with the heartbeats that <paramref name="heartbeats"/> admits.</summary>
        /// <param name="resultsDirectory">The results folder.</param>
        /// <param name="now">The time against which a heartbeat is fresh (<c>running</c>) or stale (<c>killed</c>).</param>
        /// <param name="heartbeats">Which heartbeat runs to add after the log's lines: all, the stale ones only (a merge, which must
        /// not make a run still going a permanent line), or none (the published reports, which must not depend on the clock or
        /// on files git does not hold).</param>
        public static List<ReproductionRun> Read(string resultsDirectory, DateTimeOffset now, HeartbeatRuns heartbeats)
        {
            var runs = new List<ReproductionRun>();
            var path = Path.Combine(resultsDirectory, FileName);
            if (File.Exists(path))
            {
                foreach (var line in File.ReadAllText(path, Encoding.UTF8).Split('\n'))
                {
                    if (line.Length > 0 && TryParse(line) is { } run)
                    {
                        runs.Add(run);
                    }
                }
            }

            if (heartbeats != HeartbeatRuns.None)
            {
                runs.AddRange(Heartbeats(resultsDirectory, now)
                    .Select(h => h.Run)
                    .Where(r => heartbeats == HeartbeatRuns.All || r.Outcome == ReproductionRun.KilledOutcome));

                // In the order they ended, as the log's own lines are: a killed run restarted at once must not read as the last.
                return runs.OrderBy(r => r.Ended).ToList();
            }

            return runs;
        }

        /// <summary>
        /// The runs still going in <paramref name="resultsDirectory"/> at <paramref name="now"/>: those whose heartbeat is fresh
        /// (<c>running</c>). A merge names them, since the trials they finish after it are not in its output.
        /// </summary>
        public static List<ReproductionRun> Running(string resultsDirectory, DateTimeOffset now) =>
            Heartbeats(resultsDirectory, now).Select(h => h.Run).Where(r => r.Outcome == ReproductionRun.RunningOutcome).OrderBy(r => r.Started).ToList();

        /// <summary>
        /// The heartbeat files of <paramref name="resultsDirectory"/> that parse, each as the run it records: <c>running</c>
        /// when written within <see cref="ReproductionHeartbeat.StaleAfter"/> of <paramref name="now"/>, else <c>killed</c>.
        /// </summary>
        private static List<(string Path, ReproductionRun Run)> Heartbeats(string resultsDirectory, DateTimeOffset now)
        {
            var heartbeats = new List<(string, ReproductionRun)>();
            if (!Directory.Exists(resultsDirectory))
            {
                return heartbeats;
            }

            foreach (var path in Directory.GetFiles(resultsDirectory, ReproductionHeartbeat.FilePattern).Order(StringComparer.Ordinal))
            {
                // The time first, then the text: a file its run deletes in between then fails to read and is skipped, rather
                // than reading as written in 1601 (what a missing file's time is) and so as a killed run.
                string text;
                DateTimeOffset written;
                try
                {
                    var file = new FileInfo(path);
                    if (!file.Exists)
                    {
                        continue;
                    }

                    written = file.LastWriteTimeUtc;
                    text = File.ReadAllText(path, Encoding.UTF8);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // deleted by its run as it ended, or unreadable: its run logs itself
                }

                if (TryParse(text.TrimEnd('\n')) is { } run)
                {
                    var fresh = now - written < ReproductionHeartbeat.StaleAfter;
                    heartbeats.Add((path, run with { Outcome = fresh ? ReproductionRun.RunningOutcome : ReproductionRun.KilledOutcome }));
                }
            }

            return heartbeats;
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
