using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using LstmGen.Experiments.Rows;
using LstmGen.Runtime;
using YamlDotNet.RepresentationModel;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// What a sweep varies: one row as its row file declares it (a built-in row of specs/rows/, or a row of the user's
    /// row file), with the text of that file and the spec text of the row's network.
    /// </summary>
    public sealed class SweepBase
    {
        private SweepBase(string rowFilePath, YamlMappingNode? defaults, YamlMappingNode row, RowDefinition definition, string specText, string specFileName)
        {
            RowFilePath = rowFilePath;
            Defaults = defaults;
            Row = row;
            Definition = definition;
            SpecText = specText;
            SpecFileName = specFileName;
        }

        /// <summary>The row file that declares the row (specs/rows/... for a built-in row).</summary>
        public string RowFilePath { get; }

        /// <summary>The file's <c>defaults</c>, or null.</summary>
        internal YamlMappingNode? Defaults { get; }

        /// <summary>The row's own mapping.</summary>
        internal YamlMappingNode Row { get; }

        /// <summary>The row, checked and resolved.</summary>
        public RowDefinition Definition { get; }

        /// <summary>The spec text of the row's network (compiled in: the text its class carries).</summary>
        public string SpecText { get; }

        /// <summary>The spec's file name, e.g. <c>exp6a-temporal-order.lstm.yaml</c>.</summary>
        public string SpecFileName { get; }

        /// <summary>The row <paramref name="id"/> of the row file <paramref name="text"/> (<paramref name="path"/> names it).</summary>
        /// <exception cref="RowFileException">The row file has errors.</exception>
        /// <exception cref="SweepException">The file has no such row.</exception>
        public static SweepBase FromFile(string path, string text, string? id)
        {
            var file = RowFileReader.Read(path, text);
            if (file.HasErrors)
            {
                throw new RowFileException(file.Diagnostics.Where(d => d.IsError).ToList());
            }

            var definition = id is null
                ? file.Definitions.Count == 1 ? file.Definitions[0] : throw new SweepException("'" + path + "' has " + file.Definitions.Count + " rows (" + string.Join(", ", file.Definitions.Select(d => d.Id)) + "): name one")
                : file.Definitions.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase))
                    ?? throw new SweepException("'" + path + "' has no row '" + id + "'; its rows: " + string.Join(", ", file.Definitions.Select(d => d.Id)));
            var root = YamlEdit.ReadMapping(text, "'" + path + "'");
            var defaults = YamlEdit.Find(root, "defaults") as YamlMappingNode;
            var rows = (YamlSequenceNode)YamlEdit.Find(root, "rows")!;
            var row = rows.Children.OfType<YamlMappingNode>()
                .First(r => YamlEdit.Find(r, "id") is YamlScalarNode s && string.Equals(s.Value, definition.Id, StringComparison.OrdinalIgnoreCase));
            var network = Rows.RowNetworks.Find(definition.Settings.NetworkName)!.Create();
            return new SweepBase(path, defaults, row, definition, network.SpecText, network.SpecFileName);
        }

        /// <summary>The built-in row <paramref name="id"/> (<c>lstmgen rows</c>), from the row file built into the program.</summary>
        /// <exception cref="SweepException">No such row.</exception>
        public static SweepBase BuiltIn(string id)
        {
            var assembly = typeof(PaperRows).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(PaperRows.ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var path = "specs/rows/" + name[PaperRows.ResourcePrefix.Length..];
                var text = Read(assembly, name);
                if (RowFileReader.Read(path, text).Definitions.Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)))
                {
                    return FromFile(path, text, id);
                }
            }

            throw new SweepException("no row '" + id + "'; 'lstmgen rows' lists them");
        }

        private static string Read(Assembly assembly, string name)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
