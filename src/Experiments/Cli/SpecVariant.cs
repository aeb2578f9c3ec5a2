using System;
using System.Globalization;
using LstmGen.Experiments.Compiling;
using LstmGen.Experiments.Harness;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>--spec file.lstm.yaml</c> of <c>run</c>, <c>drift</c> and <c>recall</c>: a spec that is not compiled in, standing in for a row's
    /// network. It is compiled at run time (<see cref="SpecFileNetwork"/>; the reference interpreter in a NativeAOT binary)
    /// and must have the row's input and output counts.
    /// </summary>
    public static class SpecVariant
    {
        /// <summary>
        /// The spec's network (its class, and its lane classes where it has them), or null without a spec.
        /// <paramref name="purpose"/> completes the note on stderr ("training it", "probing it").
        /// </summary>
        public static CompiledNetwork? Load(CliConsole console, ExperimentRow row, string? specPath, string purpose)
        {
            ArgumentNullException.ThrowIfNull(console);
            ArgumentNullException.ThrowIfNull(row);
            if (specPath is null)
            {
                return null;
            }

            var loaded = Load(console, specPath, purpose);
            Check(row, specPath, loaded.Create());
            return loaded.Network;
        }

        /// <summary>The network of a spec file, its warnings and a one-line note on what runs it written to stderr.</summary>
        public static SpecFileNetwork Load(CliConsole console, string specPath, string purpose)
        {
            ArgumentNullException.ThrowIfNull(console);
            var loaded = SpecFileNetwork.Load(specPath, CliFiles.Read(specPath));
            foreach (var warning in loaded.Warnings)
            {
                console.Error.WriteLine(warning);
            }

            console.Error.WriteLine(loaded.Note(purpose));
            return loaded;
        }

        /// <summary>
        /// The description of a spec file's network, from the parser and the layout alone (nothing is compiled), its
        /// warnings written to stderr.
        /// </summary>
        public static NetworkDescription Describe(CliConsole console, string specPath)
        {
            ArgumentNullException.ThrowIfNull(console);
            var reference = LstmGen.Reference.ReferenceNetwork.FromYaml(specPath, CliFiles.Read(specPath));
            foreach (var warning in reference.Warnings)
            {
                console.Error.WriteLine(warning.ToCompilerFormat());
            }

            return reference.Description;
        }

        /// <summary>A spec standing in for a row's network must have its input and output counts.</summary>
        public static void Check(ExperimentRow row, string specPath, ILstmNetwork probe)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(probe);
            var expected = Rows.RowNetworks.Find(row.NetworkName)!.Create();
            if (probe.InputCount != expected.InputCount || probe.OutputCount != expected.OutputCount)
            {
                throw CliException.Usage(string.Create(CultureInfo.InvariantCulture,
                    $"'{specPath}' has {probe.InputCount} inputs and {probe.OutputCount} outputs; row {row.Id} needs {expected.InputCount} and {expected.OutputCount}"));
            }
        }
    }
}
