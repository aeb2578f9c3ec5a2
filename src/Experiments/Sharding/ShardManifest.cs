using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>A row of a shard's plan as its manifest records it.</summary>
    /// <param name="Row">The row id.</param>
    /// <param name="Trials">The run's trials of the row are 0 … Trials − 1 (all shards together).</param>
    /// <param name="MaxSequences">The cap of every trial.</param>
    /// <param name="Settings">The other settings that shape the results (<see cref="RunSettings"/>).</param>
    public sealed record ManifestRow(string Row, int Trials, long MaxSequences, string Settings);

    /// <summary>
    /// <c>shard.json</c>, the first file a shard writes into its results folder: which run it is a shard of (the command, the
    /// rows with their trial counts, caps and settings, the base seed, N), which shard it is, the trials that are its share,
    /// and the LstmGen version that planned it. A resumed shard checks it, and <c>lstmgen merge</c> recomputes the whole plan
    /// from it and checks every shard folder against it.
    /// </summary>
    public sealed record ShardManifest(string Command, ShardSpec Shard, ulong Seed, IReadOnlyList<ManifestRow> Rows, IReadOnlyList<(string Row, int Trial)> Trials, string Version)
    {
        public const string FileName = "shard.json";

        /// <summary>The format this build writes and reads.</summary>
        public const int Format = 1;

        /// <summary>The manifest of shard <paramref name="shard"/> of <paramref name="plan"/>.</summary>
        public static ShardManifest For(ShardPlan plan, int shard, string command, ulong seed)
        {
            ArgumentNullException.ThrowIfNull(plan);
            return new ShardManifest(
                command,
                new ShardSpec(shard, plan.Count),
                seed,
                plan.Rows.Select(r => new ManifestRow(r.Row.Id, r.Trials, r.MaxSequences, r.Settings)).ToList(),
                plan.ItemsOf(shard).Select(i => (i.Row, i.Trial)).ToList(),
                LstmGen.Generator.LstmGenVersion.Value);
        }

        /// <summary>The plan this manifest is a shard of, recomputed with <paramref name="costs"/>.</summary>
        /// <exception cref="ShardException">A row that this build does not know.</exception>
        public ShardPlan Plan(CostModel costs) => ShardPlan.Create(
            Rows.Select(r => new PlannedRow(RowOf(r.Row), r.Trials, r.MaxSequences, r.Settings)).ToList(),
            Shard.Count,
            costs);

        /// <summary>The row with id <paramref name="id"/>: a sharded run runs the paper's rows only.</summary>
        /// <exception cref="ShardException">A row that this build does not know.</exception>
        private static ExperimentRow RowOf(string id) =>
            PaperRows.Find(id) ?? throw new ShardException("the shards are of a run with row '" + id + "', which this build of lstmgen does not know");

        /// <summary>
        /// How this manifest's run differs from <paramref name="other"/>'s (command, N, base seed, rows, trial counts, caps,
        /// settings), in words; null when they are shards of the same run.
        /// </summary>
        public string? RunDifference(ShardManifest other)
        {
            ArgumentNullException.ThrowIfNull(other);
            if (Command != other.Command)
            {
                return "one is a shard of 'lstmgen " + Command + "', the other of 'lstmgen " + other.Command + "'";
            }

            if (Shard.Count != other.Shard.Count)
            {
                return string.Create(CultureInfo.InvariantCulture, $"one run has {Shard.Count} shards, the other {other.Shard.Count}");
            }

            if (Seed != other.Seed)
            {
                return string.Create(CultureInfo.InvariantCulture, $"base seeds {Seed} and {other.Seed}");
            }

            var rows = string.Join(",", Rows.Select(r => r.Row));
            var otherRows = string.Join(",", other.Rows.Select(r => r.Row));
            if (rows != otherRows)
            {
                return "rows " + rows + " and " + otherRows;
            }

            for (var i = 0; i < Rows.Count; i++)
            {
                var (a, b) = (Rows[i], other.Rows[i]);
                if (a.Trials != b.Trials)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"row {a.Row} has {a.Trials} trials in one, {b.Trials} in the other");
                }

                if (a.MaxSequences != b.MaxSequences)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"row {a.Row} is capped at {a.MaxSequences} sequences in one, {b.MaxSequences} in the other");
                }

                if (a.Settings != b.Settings)
                {
                    return "row " + a.Row + " runs with other settings (" + a.Settings + ", against " + b.Settings + ")";
                }
            }

            return null;
        }

        /// <summary>The manifest in <paramref name="directory"/>, or null when there is none.</summary>
        /// <exception cref="ShardException">The file is not a readable manifest of this format.</exception>
        public static ShardManifest? Read(string directory)
        {
            var path = Path.Combine(directory, FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
                var root = document.RootElement;
                var format = root.GetProperty("format").GetInt32();
                if (format != Format)
                {
                    throw new ShardException(string.Create(CultureInfo.InvariantCulture, $"{path} has format {format}; this build of lstmgen reads format {Format}"));
                }

                var rows = root.GetProperty("rows").EnumerateArray().Select(r => new ManifestRow(
                    r.GetProperty("row").GetString() ?? string.Empty,
                    r.GetProperty("trials").GetInt32(),
                    r.GetProperty("maxSequences").GetInt64(),
                    r.GetProperty("settings").GetString() ?? string.Empty)).ToList();
                var trials = new List<(string, int)>();
                foreach (var row in root.GetProperty("trials").EnumerateObject())
                {
                    if (!rows.Any(r => r.Row == row.Name))
                    {
                        throw new ShardException(path + " lists trials of row " + row.Name + ", which is not among its rows");
                    }

                    trials.AddRange(row.Value.EnumerateArray().Select(t => (row.Name, t.GetInt32())));
                }

                var shard = ShardSpec.TryParse(root.GetProperty("shard").GetString() ?? string.Empty, out _)
                    ?? throw new ShardException(path + " names no valid shard");
                return new ShardManifest(
                    root.GetProperty("command").GetString() ?? string.Empty,
                    shard,
                    ulong.Parse(root.GetProperty("seed").GetString() ?? string.Empty, NumberStyles.None, CultureInfo.InvariantCulture),
                    rows,
                    trials,
                    root.GetProperty("version").GetString() ?? string.Empty);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
            {
                throw new ShardException(path + " is not a readable shard manifest: " + e.Message, e);
            }
        }

        /// <summary>The manifest as indented JSON (trials grouped by row, in the plan's row order).</summary>
        public string ToJson() => JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("command", Command);
            w.WriteString("shard", Shard.ToString());
            w.WriteString("seed", Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteString("version", Version);
            w.WriteStartArray("rows");
            foreach (var row in Rows)
            {
                w.WriteStartObject();
                w.WriteString("row", row.Row);
                w.WriteNumber("trials", row.Trials);
                w.WriteNumber("maxSequences", row.MaxSequences);
                w.WriteString("settings", row.Settings);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("trials");
            foreach (var row in Rows)
            {
                var mine = Trials.Where(t => t.Row == row.Row).Select(t => t.Trial).ToList();
                if (mine.Count > 0)
                {
                    w.WriteStartArray(row.Row);
                    foreach (var trial in mine)
                    {
                        w.WriteNumberValue(trial);
                    }

                    w.WriteEndArray();
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }) + "\n";
    }
}
