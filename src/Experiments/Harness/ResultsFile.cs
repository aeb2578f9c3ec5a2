using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// A results file: one JSON line per finished trial. Lines are appended and flushed one at a time, so an interrupted
    /// run loses at most the line being written; reading ignores (and <see cref="OpenForAppend"/> cuts off) a trailing
    /// partial line, so a resumed run continues from the last complete trial and never leaves a corrupt file.
    /// </summary>
    public static class ResultsFile
    {
        /// <summary>The version of the lines written before results carried a version.</summary>
        public const string VersionBeforeTheField = "0.1.0";

        /// <summary>Reads every complete trial line of <paramref name="path"/> (none when the file does not exist).</summary>
        public static List<TrialResult> Read(string path) => ReadLines(path).ConvertAll(l => l.Result);

        /// <summary>
        /// Every complete trial line of <paramref name="path"/> with the trial it holds (none when the file does not exist),
        /// for copying lines unchanged (<c>lstmgen merge</c>).
        /// </summary>
        public static List<(string Line, TrialResult Result)> ReadLines(string path)
        {
            var results = new List<(string, TrialResult)>();
            if (!File.Exists(path))
            {
                return results;
            }

            var text = File.ReadAllText(path, Encoding.UTF8);
            var lines = text.Split('\n');

            // The last element is the text after the last newline: empty for a complete file, a partial line otherwise.
            for (var i = 0; i < lines.Length - 1; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                results.Add((lines[i], Parse(lines[i])));
            }

            return results;
        }

        /// <summary>Opens <paramref name="path"/> for appending, first cutting off a partial last line left by an interruption.</summary>
        public static StreamWriter OpenForAppend(string path)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var complete = LengthOfCompleteLines(stream);
            stream.SetLength(complete);
            stream.Seek(0, SeekOrigin.End);
            return new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = false };
        }

        /// <summary>Appends one trial as one line and flushes it to disk.</summary>
        public static void Append(StreamWriter writer, TrialResult result)
        {
            writer.Write(Format(result));
            writer.Write('\n');
            writer.Flush();
            if (writer.BaseStream is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }
        }

        /// <summary>One trial as a single JSON line (no newline).</summary>
        public static string Format(TrialResult result)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("row", result.Row);
                json.WriteNumber("trial", result.Trial);
                json.WriteString("seed", result.Seed.ToString(CultureInfo.InvariantCulture));
                json.WriteBoolean("success", result.Success);
                json.WriteNumber("sequences", result.Sequences);
                json.WriteNumber("testSize", result.TestSize);
                json.WriteNumber("testWrong", result.TestWrong);
                json.WriteNumber("testMse", result.TestMse);
                json.WriteNumber("testMeanAbsError", result.TestMeanAbsError);
                json.WriteNumber("wallSeconds", result.WallSeconds);
                json.WriteString("version", result.Version);

                // Added in 0.5.0, after every field the earlier lines have, so that those stay comparable field by field.
                if (result.BaseSeed is { } baseSeed)
                {
                    json.WriteString("baseSeed", baseSeed.ToString(CultureInfo.InvariantCulture));
                }

                if (result.MaxSequences is { } cap)
                {
                    json.WriteNumber("maxSequences", cap);
                }

                if (result.Settings is { } settings)
                {
                    json.WriteString("settings", settings);
                }

                json.WriteStartObject("extra");
                foreach (var pair in result.Extra)
                {
                    json.WriteNumber(pair.Key, pair.Value);
                }

                json.WriteEndObject();
                json.WriteStartArray("curve");
                foreach (var point in result.Curve)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(point.Sequences);
                    json.WriteNumberValue(point.Error);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>Reads one line written by <see cref="Format"/>.</summary>
        public static TrialResult Parse(string line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var extra = new Dictionary<string, double>();
            if (root.TryGetProperty("extra", out var extraElement))
            {
                foreach (var property in extraElement.EnumerateObject())
                {
                    extra[property.Name] = property.Value.GetDouble();
                }
            }

            var curve = new List<CurvePoint>();
            if (root.TryGetProperty("curve", out var curveElement))
            {
                foreach (var point in curveElement.EnumerateArray())
                {
                    curve.Add(new CurvePoint(point[0].GetInt64(), point[1].GetDouble()));
                }
            }

            return new TrialResult
            {
                Row = root.GetProperty("row").GetString() ?? string.Empty,
                Trial = root.GetProperty("trial").GetInt32(),
                Seed = ulong.Parse(root.GetProperty("seed").GetString() ?? "0", NumberStyles.None, CultureInfo.InvariantCulture),
                Success = root.GetProperty("success").GetBoolean(),
                Sequences = root.GetProperty("sequences").GetInt64(),
                TestSize = root.GetProperty("testSize").GetInt32(),
                TestWrong = root.GetProperty("testWrong").GetInt32(),
                TestMse = root.GetProperty("testMse").GetDouble(),
                TestMeanAbsError = root.GetProperty("testMeanAbsError").GetDouble(),
                WallSeconds = root.GetProperty("wallSeconds").GetDouble(),
                Version = root.TryGetProperty("version", out var version) ? version.GetString() ?? VersionBeforeTheField : VersionBeforeTheField,
                BaseSeed = root.TryGetProperty("baseSeed", out var baseSeed) ? ulong.Parse(baseSeed.GetString() ?? "0", NumberStyles.None, CultureInfo.InvariantCulture) : null,
                MaxSequences = root.TryGetProperty("maxSequences", out var cap) ? cap.GetInt64() : null,
                Settings = root.TryGetProperty("settings", out var settings) ? settings.GetString() : null,
                Extra = extra,
                Curve = curve,
            };
        }

        private static long LengthOfCompleteLines(FileStream stream)
        {
            var length = stream.Length;
            if (length == 0)
            {
                return 0;
            }

            // Scan back from the end to the last newline.
            var buffer = new byte[4096];
            var position = length;
            while (position > 0)
            {
                var count = (int)Math.Min(buffer.Length, position);
                position -= count;
                stream.Seek(position, SeekOrigin.Begin);
                stream.ReadExactly(buffer, 0, count);
                for (var i = count - 1; i >= 0; i--)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        return position + i + 1;
                    }
                }
            }

            return 0;
        }
    }
}
