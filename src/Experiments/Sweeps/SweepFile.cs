using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// A sweep file (docs/sweeps.md): the grid in YAML. <c>lstmgen sweep --file</c> reads one, and every sweep writes its
    /// own as <c>sweep.yaml</c> in its folder, which <c>lstmgen report --sweep</c> reads back.
    /// </summary>
    /// <example>
    /// <code>
    /// row: 6a                      # a built-in row, or with rowFile: the id of a row of that file
    /// rowFile: my.rows.yaml        # optional
    /// trials: 4                    # optional: the row's
    /// cap: 20000                   # optional: the row's
    /// seed: 19979                  # optional
    /// vary:
    ///   blocks.inputGateBias: [[-2, -4], [-1, -2]]
    ///   learningRate: [0.5, 1.0]
    /// </code>
    /// </example>
    public static class SweepFile
    {
        /// <summary>The name of the file a sweep writes into its folder.</summary>
        public const string FileName = "sweep.yaml";

        private static readonly string[] Keys = ["row", "rowFile", "trials", "cap", "seed", "vary"];

        /// <summary>
        /// The grid of the sweep file <paramref name="text"/> (<paramref name="path"/> names it); <paramref name="resolve"/>
        /// resolves each key to its target and path against the file's row.
        /// </summary>
        /// <exception cref="SweepException">The file is not a sweep file.</exception>
        public static SweepGrid Read(string path, string text, Func<string, string?, Func<string, (SweepTarget, string)>> resolve)
        {
            ArgumentNullException.ThrowIfNull(resolve);
            var root = YamlEdit.ReadMapping(text, "'" + path + "'");
            foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty))
            {
                if (!Keys.Contains(key, StringComparer.Ordinal))
                {
                    throw new SweepException("'" + path + "': unknown key '" + key + "'" + Rows.RowScalars.Hint(key, Keys) + " (keys: " + string.Join(", ", Keys) + ")");
                }
            }

            var row = Scalar(root, "row", path) ?? throw new SweepException("'" + path + "' names no 'row'");
            var rowFile = Scalar(root, "rowFile", path);
            var resolver = resolve(row, rowFile);
            var axes = new List<SweepAxis>();
            if (YamlEdit.Find(root, "vary") is not YamlMappingNode vary || vary.Children.Count == 0)
            {
                throw new SweepException("'" + path + "' has no 'vary': a mapping of keys to their values, e.g. 'learningRate: [0.5, 1.0]'");
            }

            foreach (var entry in vary.Children)
            {
                var key = ((YamlScalarNode)entry.Key).Value ?? string.Empty;
                var values = entry.Value is YamlSequenceNode list ? list.Children.Select(Text).ToList() : [Text(entry.Value)];
                var (target, keyPath) = resolver(key);
                axes.Add(new SweepAxis(key, target, keyPath, values));
            }

            return new SweepGrid(row, rowFile, axes, (int?)Integer(root, "trials", path, 1, Rows.RowFileReader.MaxTrials),
                Integer(root, "cap", path, 1, long.MaxValue), (ulong?)Integer(root, "seed", path, 0, long.MaxValue) ?? Harness.TrialSeeds.DefaultBaseSeed);
        }

        /// <summary>The sweep file of <paramref name="grid"/>, with its variants listed as comments.</summary>
        public static string Write(SweepGrid grid, IReadOnlyList<SweepVariant> variants)
        {
            ArgumentNullException.ThrowIfNull(grid);
            ArgumentNullException.ThrowIfNull(variants);
            var text = new StringBuilder();
            text.Append("# A sweep written by 'lstmgen sweep' (docs/sweeps.md). 'lstmgen sweep --file <this file>' runs it again (it resumes);\n");
            text.Append("# 'lstmgen report --sweep <this folder>' writes its table and plot.\n");
            text.Append("row: ").Append(grid.Row).Append('\n');
            if (grid.RowFile is not null)
            {
                text.Append("rowFile: ").Append(Quote(grid.RowFile)).Append('\n');
            }

            if (grid.Trials is { } trials)
            {
                text.Append("trials: ").Append(trials.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            if (grid.Cap is { } cap)
            {
                text.Append("cap: ").Append(cap.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            text.Append("seed: ").Append(grid.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("vary:\n");
            foreach (var axis in grid.Axes)
            {
                text.Append("  ").Append(axis.Key).Append(": [").Append(string.Join(", ", axis.Values)).Append("]\n");
            }

            text.Append("# variants:\n");
            foreach (var variant in variants)
            {
                text.Append("#   ").Append(variant.Id).Append(": ").Append(variant.Describe()).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>
        /// A value given on the command line in the form a sweep file writes it (<c>[-2,-4]</c> becomes <c>[-2, -4]</c>), so that
        /// a sweep reads the same from its command and from its file.
        /// </summary>
        /// <exception cref="SweepException">The value is not valid YAML.</exception>
        public static string Normalize(string value, string key) => Text(YamlEdit.Value(value, key));

        /// <summary>A value node as YAML text in flow style: <c>0.5</c>, <c>[-2, -4]</c>, <c>{ name: adding, T: 100 }</c>.</summary>
        public static string Text(YamlNode node) => node switch
        {
            YamlScalarNode scalar => scalar.Value ?? string.Empty,
            YamlSequenceNode list => "[" + string.Join(", ", list.Children.Select(Text)) + "]",
            YamlMappingNode map => "{ " + string.Join(", ", map.Children.Select(e => Text(e.Key) + ": " + Text(e.Value))) + " }",
            _ => string.Empty,
        };

        private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

        private static string? Scalar(YamlMappingNode root, string key, string path) => YamlEdit.Find(root, key) switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw new SweepException("'" + path + "': '" + key + "' must be a single value"),
        };

        private static long? Integer(YamlMappingNode root, string key, string path, long minimum, long maximum)
        {
            var text = Scalar(root, key, path);
            if (text is null)
            {
                return null;
            }

            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
                ? value
                : throw new SweepException("'" + path + "': '" + key + "' must be a whole number from " + minimum.ToString(CultureInfo.InvariantCulture) + ", got '" + text + "'");
        }
    }
}
