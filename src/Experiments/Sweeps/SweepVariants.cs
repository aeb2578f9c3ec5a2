using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Rows;
using LstmGen.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// Makes a sweep's variants: for each combination of the grid, the row network's spec with the spec keys set and the
    /// row (its file's defaults merged in, the row keys set, the sweep's trials and cap) as a one-row file. Both are read
    /// back by the spec parser and the row reader, which judge every value: a value of the wrong type is a one-line error
    /// naming the key, before any file is written or any trial runs. The row keeps its id, so trial i of every variant gets
    /// the seed of trial i of the row: the variants are compared on the same trials.
    /// </summary>
    public static class SweepVariants
    {
        /// <summary>Every variant of <paramref name="grid"/> over <paramref name="row"/>, checked; <paramref name="folder"/> is the sweep's.</summary>
        /// <exception cref="SweepException">A key or value is bad, or the grid is too large.</exception>
        public static IReadOnlyList<SweepVariant> Make(SweepBase row, SweepGrid grid, string folder, int maxVariants = SweepGrid.DefaultMaxVariants)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(grid);
            var combinations = grid.Variants(maxVariants);
            var variants = new List<SweepVariant>(combinations.Count);
            for (var i = 0; i < combinations.Count; i++)
            {
                variants.Add(Make(row, grid, folder, "v" + (i + 1).ToString("00", CultureInfo.InvariantCulture), combinations[i]));
            }

            return variants;
        }

        /// <summary>Writes every variant's files (only those whose text changed: a rerun leaves them alone).</summary>
        public static void Write(IEnumerable<SweepVariant> variants)
        {
            foreach (var variant in variants)
            {
                Directory.CreateDirectory(variant.Folder);
                WriteIfChanged(variant.SpecPath, variant.SpecText);
                WriteIfChanged(variant.RowPath, variant.RowText);
            }
        }

        /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> unless the file already holds it.</summary>
        public static void WriteIfChanged(string path, string text)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text);
            }
        }

        private static SweepVariant Make(SweepBase row, SweepGrid grid, string folder, string id, IReadOnlyList<SweepSetting> settings)
        {
            var variantFolder = Path.Combine(folder, id);
            var described = settings.Count == 0 ? "the row as it is" : string.Join(", ", settings.Select(s => s.ToString()));
            var header = "# Variant " + id + " of row " + row.Definition.Id + " (" + described + "), written by 'lstmgen sweep'.";

            // The spec: the network's text as it is unless a spec key varies.
            var specSettings = settings.Where(s => s.Axis.Target == SweepTarget.Spec).ToList();
            var specPath = Path.Combine(variantFolder, row.SpecFileName);
            var specText = row.SpecText;
            if (specSettings.Count > 0)
            {
                var spec = YamlEdit.ReadMapping(row.SpecText, "the spec of " + row.Definition.Settings.NetworkName);
                foreach (var setting in specSettings)
                {
                    YamlEdit.Set(spec, setting.Axis.Path, YamlEdit.Value(setting.Value, setting.Axis.Key), "the spec");
                }

                specText = YamlEdit.Write(spec, [header]);
                var parsed = SpecParser.Parse(specPath, specText);
                if (parsed.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
                {
                    throw new SweepException(string.Join(", ", specSettings) + ": " + error.Message);
                }
            }

            // The row: defaults merged in, so that the file stands alone; the sweep's trials and cap; the row keys.
            var merged = YamlEdit.Merge(row.Defaults, row.Row);
            if (grid.Trials is { } trials)
            {
                YamlEdit.Set(merged, "trials", new YamlScalarNode(trials.ToString(CultureInfo.InvariantCulture)), "the row");
            }

            if (grid.Cap is { } cap)
            {
                YamlEdit.Set(merged, "cap", new YamlScalarNode(cap.ToString(CultureInfo.InvariantCulture)), "the row");
            }

            // The row's learning rate wins over its network's: a varied spec.learningRate reaches training only through the row.
            if (specSettings.LastOrDefault(s => s.Axis.Path == "learningRate") is { } rate && YamlEdit.Find(merged, "learningRate") is null)
            {
                YamlEdit.Set(merged, "learningRate", YamlEdit.Value(rate.Value, rate.Axis.Key), "the row");
            }

            foreach (var setting in settings.Where(s => s.Axis.Target == SweepTarget.Row))
            {
                YamlEdit.Set(merged, setting.Axis.Path, YamlEdit.Value(setting.Value, setting.Axis.Key), "the row");
            }

            YamlEdit.Set(merged, "title", new YamlScalarNode(row.Definition.Settings.Title + " [" + described + "]"), "the row");
            merged = YamlEdit.First(merged, "id", "title");
            var rowPath = Path.Combine(variantFolder, row.Definition.Id + ".rows.yaml");
            var file = new YamlMappingNode
            {
                { "description", "Variant " + id + " of row " + row.Definition.Id + " from " + row.RowFilePath + ": " + described + "." },
                { "rows", new YamlSequenceNode(merged) },
            };
            var variant = new SweepVariant(id, settings, variantFolder, specPath, specText, specSettings.Count > 0, rowPath, string.Empty, null!);
            var rowText = YamlEdit.Write(file, [header, "# Rerun it alone: " + variant.RerunCommand()]);
            var read = RowFileReader.Read(rowPath, rowText);
            if (read.Diagnostics.FirstOrDefault(d => d.IsError) is { } rowError)
            {
                var rowSettings = settings.Where(s => s.Axis.Target == SweepTarget.Row).Select(s => s.ToString()).ToList();
                throw new SweepException((rowSettings.Count > 0 ? string.Join(", ", rowSettings) + ": " : string.Empty) + rowError.Message);
            }

            return variant with { RowText = rowText, Row = read.CreateRows()[0] };
        }
    }
}
