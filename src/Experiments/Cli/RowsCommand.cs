using System.CommandLine;
using System.Globalization;
using System.Linq;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Cli
{
    /// <summary><c>lstmgen rows</c>: every row of the paper's result tables that <c>run</c> reproduces.</summary>
    public static class RowsCommand
    {
        public static Command Create(CliConsole console)
        {
            var file = new Argument<string?>("file")
            {
                Description = "A row file (*.rows.yaml, docs/rows.md) to check and list instead of the built-in rows.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            file.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<string?>() is { } path && !RowSelection.IsRowFile(path))
                {
                    r.AddError("'" + path + "' is not a row file (*.rows.yaml)");
                }
            });
            var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print each row's stopping rule." };
            var command = new Command("rows", "List the rows of the paper's Tables 1-9 that 'run' reproduces (specs/rows/*.rows.yaml, built in), or the rows of a row file: id, network, learning rate, trials and the paper's figures.")
            {
                file, verbose,
            };
            command.WithExamples("lstmgen rows", "lstmgen rows --verbose", "lstmgen rows my-variants.rows.yaml");
            command.SetAction(parseResult =>
            {
                var rows = parseResult.GetValue(file) is { } path ? RowSelection.ReadFile(path) : PaperRows.All;
                var table = new TextTable("row", "table", "network", "alpha", "trials", "paper success %", "paper sequences", "paper test", "title");
                foreach (var row in rows)
                {
                    table.Add(
                        row.Id,
                        row.Paper.Table,
                        row.NetworkName,
                        row.LearningRate.ToString("R", CultureInfo.InvariantCulture),
                        row.Trials.ToString(CultureInfo.InvariantCulture),
                        row.Paper.SuccessPercent?.ToString("0", CultureInfo.InvariantCulture) ?? "-",
                        row.Paper.MeanSequences?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                        row.Paper.TestWrong ?? "-",
                        row.Title);
                }

                table.WriteTo(console.Out);
                if (parseResult.GetValue(verbose))
                {
                    console.Out.WriteLine();
                    foreach (var row in rows)
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
