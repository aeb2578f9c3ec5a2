using System.CommandLine;
using System.Globalization;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen profile [rows]</c>: where a trial's time goes, row by row: the network's steps, the task's judging, and
    /// the rest (drawing sequences, the stopping rule). Once the network is stepped in lanes, K times cheaper, what lies
    /// outside it must not become the bottleneck (docs/performance.md, "Do the tasks keep up?").
    /// </summary>
    public static class ProfileCommand
    {
        public static Command Create(CliConsole console)
        {
            var rowsArgument = new Argument<string?>("rows")
            {
                Description = "Comma-separated row ids (default: every row of Tables 1-9).",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var sequences = new Option<long>("--sequences") { Description = "Training sequences of the profiled trial (its cap).", DefaultValueFactory = _ => 2000 };
            sequences.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<long>() < 1)
                {
                    r.AddError("--sequences must be positive");
                }
            });
            var testSetSize = new Option<int>("--test-set-size") { Description = "Size of a final test set, where the row has one (default 256, a tenth of the paper's 2560: the test runs the network forward only).", DefaultValueFactory = _ => 256 };
            var seed = CommonOptions.Seed("Base seed, as in 'lstmgen run'.");
            var command = new Command(
                "profile",
                "Where one trial's time goes, per row: in the network (resets, steps, sequence ends), judging, and the rest (drawing sequences, the stopping rule). "
                + "Trial 0 of each row on the scalar path, with a small cap.")
            {
                rowsArgument,
                sequences,
                testSetSize,
                seed,
            };
            command.WithExamples("lstmgen profile 2a,3b-100-3,6a", "lstmgen profile --sequences 5000");
            command.SetAction((parseResult, cancellationToken) =>
            {
                var rows = RowSelection.Parse(parseResult.GetValue(rowsArgument));
                var output = console.Out;
                output.WriteLine("row          sequences      steps  total s  network  judging  rest   outside");
                foreach (var row in rows)
                {
                    var options = new RunOptions { MaxSequences = parseResult.GetValue(sequences), TestSetSize = parseResult.GetValue(testSetSize), Lanes = 1 };
                    var profile = TrialProfile.Measure(row, 0, TrialSeeds.For(row.Id, 0, parseResult.GetValue(seed)), options, cancellationToken);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{row.Id,-12} {profile.Times.Sequences,9:N0} {profile.Times.Steps,10:N0} {profile.TotalSeconds,8:F2} {Share(profile.Times.NetworkSeconds, profile)} {Share(profile.Times.JudgingSeconds, profile)} {Share(profile.OtherSeconds, profile)} {Share(profile.OutsideSeconds, profile)}"));
                }

                return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
            });
            return command;
        }

        private static string Share(double seconds, TrialProfile profile) =>
            string.Create(CultureInfo.InvariantCulture, $"{100 * seconds / profile.TotalSeconds,6:F1} %");
    }
}
