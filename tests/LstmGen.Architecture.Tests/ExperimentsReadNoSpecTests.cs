using System.IO;
using LstmGen.Architecture.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Architecture.Tests
{
    /// <summary>
    /// The experiments program does not parse YAML outside the run-time spec path (issue #15): what it needs to know about
    /// a compiled network (layout, fan-ins, traces, state, names) it reads from <c>ILstmNetwork.Description</c>, which the
    /// generator emits. Only the files in <see cref="Layering.MayReadYaml"/> may name the parser, YamlDotNet, the layout
    /// or a network's spec text (<see cref="Layering.YamlReadingNames"/>).
    /// </summary>
    public sealed class ExperimentsReadNoSpecTests
    {
        [Fact]
        public void Only_the_run_time_spec_path_and_the_row_files_read_yaml()
        {
            var offenders = SourceScan.Offenders("src/Experiments", Layering.YamlReadingNames, Layering.MayReadYaml);

            Assert.True(offenders.Count == 0, "Only " + string.Join(", ", Layering.MayReadYaml) + " may name " + string.Join(", ", Layering.YamlReadingNames)
                + "; read what a network is from ILstmNetwork.Description:\n" + string.Join("\n", offenders));
        }

        [Fact]
        public void The_allowed_files_exist()
        {
            Assert.All(Layering.MayReadYaml, path => Assert.True(File.Exists(RepoPaths.Full(path)) || Directory.Exists(RepoPaths.Full(path)), path + " does not exist"));
        }
    }
}
