using System.CommandLine;
using System.Globalization;
using System.Linq;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Cli
{
    /// <summary><c>lstmgen rows</c>: every row of the paper's result tables that <c>run</c> reproduces.</summary>
    public static class RowsCommand
    {
        public static Command Create(CliConsole console)
        {
            var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print each row's stopping rule." };
            var command = new Command("rows", "List the rows of the paper's Tables 1-9 that 'run' reproduces: id, network, learning rate, trials and the paper's figures.")
            {
                verbose,
            };
            command.WithExamples("lstmgen rows", "lstmgen rows --verbose");
            command.SetAction(parseResult =>
            {
                var table = new TextTable("row", "table", "network", "alpha", "trials", "paper success %", "paper sequences", "paper test", "title");
                foreach (var row in PaperRows.All)
                {
                    table.Add(
                        row.Id,
                        row.Paper.Table,
                        row.NetworkName,
                        row.LearningRate.ToString("R", CultureInfo.InvariantCulture),
                        row.Paper.Trials.ToString(CultureInfo.InvariantCulture),
                        row.Paper.SuccessPercent?.ToString("0", CultureInfo.InvariantCulture) ?? "-",
                        row.Paper.MeanSequences?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                        row.Paper.TestWrong ?? "-",
                        row.Title);
                }

                table.WriteTo(console.Out);
                if (parseResult.GetValue(verbose))
                {
                    console.Out.WriteLine();
                    foreach (var row in PaperRows.All)
                    {
                        console.Out.WriteLine(row.Id + ": " + row.StoppingRule);
                    }
                }

                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
