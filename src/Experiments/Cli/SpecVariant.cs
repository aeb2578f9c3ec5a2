using System;
using System.Globalization;
using LstmGen.Experiments.Harness;
using LstmGen.Reference;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>--spec file.lstm.yaml</c> of <c>run</c> and <c>drift</c>: a spec that is not compiled in, standing in for a row's
    /// network. It runs in the reference interpreter and must have the row's input and output counts.
    /// </summary>
    public static class SpecVariant
    {
        /// <summary>
        /// The factory of the spec's network, or null without a spec. <paramref name="purpose"/> completes the note on
        /// stderr ("training it", "probing it").
        /// </summary>
        public static Func<ILstmNetwork>? Load(CliConsole console, ExperimentRow row, string? specPath, string purpose)
        {
            ArgumentNullException.ThrowIfNull(console);
            ArgumentNullException.ThrowIfNull(row);
            if (specPath is null)
            {
                return null;
            }

            var text = CliFiles.Read(specPath);
            var probe = ReferenceNetwork.FromYaml(specPath, text);
            var expected = PaperNetworks.Find(row.NetworkName)!.Create();
            if (probe.InputCount != expected.InputCount || probe.OutputCount != expected.OutputCount)
            {
                throw CliException.Usage(string.Create(CultureInfo.InvariantCulture,
                    $"'{specPath}' has {probe.InputCount} inputs and {probe.OutputCount} outputs; row {row.Id} needs {expected.InputCount} and {expected.OutputCount}"));
            }

            console.Error.WriteLine("lstmgen: note: '" + specPath + "' is not compiled in; " + purpose + " with the reference interpreter (slower path)");
            return () => ReferenceNetwork.FromYaml(specPath, text);
        }
    }
}
