using LstmGen.Architecture.Tests.Infrastructure;
using Xunit;

namespace LstmGen.Architecture.Tests
{
    /// <summary>
    /// Inside the experiments program, only the commands and the entry point know the CLI (<see cref="Layering.CliNames"/>,
    /// <see cref="Layering.MayNameTheCli"/>): a lower layer throws its own exception, which the CLI maps to an exit code.
    /// </summary>
    public sealed class CliBoundaryTests
    {
        [Fact]
        public void Only_the_commands_and_the_entry_point_name_the_cli()
        {
            var offenders = SourceScan.Offenders("src/Experiments", Layering.CliNames, Layering.MayNameTheCli);

            Assert.True(offenders.Count == 0, "Only " + string.Join(" and ", Layering.MayNameTheCli) + " may name " + string.Join(", ", Layering.CliNames)
                + "; a lower layer throws an exception of its own and the CLI maps it to an exit code:\n" + string.Join("\n", offenders));
        }
    }
}
