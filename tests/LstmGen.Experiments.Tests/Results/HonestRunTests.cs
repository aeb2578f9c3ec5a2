using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using LstmGen.Experiments.Harness;
using Xunit;

namespace LstmGen.Experiments.Tests.Results
{
    /// <summary>
    /// A user's runs do not touch the published results: they go to runs/, which git ignores, unless a results file or
    /// folder is named; every summary says how many trials ran now and how many were read from earlier runs; a summary
    /// never mixes trials of different base seeds, caps or settings.
    /// </summary>
    public sealed class HonestRunTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("lstmgen-honest-").FullName;

        [Fact]
        public void A_run_on_a_clone_trains_into_the_ignored_working_folder_and_a_second_run_reads_it_back()
        {
            // A fresh clone's .gitignore, in a repository of its own.
            File.Copy(Path.Combine(CliRunner.RepositoryRoot, ".gitignore"), Path.Combine(_folder, ".gitignore"));
            Assert.Equal(0, Process(_folder, "git", "init", "-q").Code);

            var first = Lstmgen(_folder, "run", "6a", "--trials", "2", "--max-sequences", "300", "--threads", "1", "--json");
            var second = Lstmgen(_folder, "run", "6a", "--trials", "2", "--max-sequences", "300", "--threads", "1", "--json");

            Assert.Equal((2, 0), Account(first));
            Assert.Equal((0, 2), Account(second));
            Assert.True(File.Exists(Path.Combine(_folder, "runs", "6a-cap300.jsonl")));
            Assert.Equal("?? .gitignore", Process(_folder, "git", "status", "--porcelain").Out.Trim());
        }

        [Fact]
        public void The_default_results_file_tells_base_seeds_caps_and_settings_apart()
        {
            var row = LstmGen.Experiments.Rows.PaperRows.Find("6a")!;

            Assert.Equal("6a", Cli.RunCommand.DefaultFileName(row, TrialSeeds.DefaultBaseSeed, new RunOptions()));
            Assert.Equal("6a", Cli.RunCommand.DefaultFileName(row, TrialSeeds.DefaultBaseSeed, new RunOptions { MaxSequences = row.DefaultMaxSequences }));
            Assert.Equal("6a-seed5", Cli.RunCommand.DefaultFileName(row, 5, new RunOptions()));
            Assert.Equal("6a-seed5-cap300", Cli.RunCommand.DefaultFileName(row, 5, new RunOptions { MaxSequences = 300 }));
            Assert.StartsWith("6a-settings-", Cli.RunCommand.DefaultFileName(row, TrialSeeds.DefaultBaseSeed, new RunOptions { LearningRate = 0.1 }), StringComparison.Ordinal);
            Assert.NotEqual(
                Cli.RunCommand.DefaultFileName(row, TrialSeeds.DefaultBaseSeed, new RunOptions { LearningRate = 0.1 }),
                Cli.RunCommand.DefaultFileName(row, TrialSeeds.DefaultBaseSeed, new RunOptions { LearningRate = 0.2 }));
        }

        [Fact]
        public void A_summary_leaves_other_base_seeds_out_and_says_so()
        {
            var results = Path.Combine(_folder, "6a.jsonl");
            var common = new[] { "--max-sequences", "300", "--threads", "2", "--json", "--results", results };

            var first = Json(CliRunner.Run(["run", "6a", "--trials", "2", .. common]));
            var otherSeed = Json(CliRunner.Run(["run", "6a", "--trials", "1", "--seed", "5", .. common]));
            var again = Json(CliRunner.Run(["run", "6a", "--trials", "2", .. common]));

            Assert.Equal((2, 0, 0, 2), Counts(first));
            Assert.Equal((1, 0, 2, 1), Counts(otherSeed));
            Assert.Equal((0, 2, 1, 2), Counts(again));
            Assert.Equal(3, ResultsFile.Read(results).Count);
        }

        [Fact]
        public void A_run_refuses_a_file_whose_trials_of_the_row_have_another_cap_or_other_settings()
        {
            var results = Path.Combine(_folder, "6a.jsonl");
            Assert.Equal(0, CliRunner.Run("run", "6a", "--trials", "1", "--max-sequences", "300", "--results", results).ExitCode);

            var cap = CliRunner.Run("run", "6a", "--trials", "1", "--max-sequences", "400", "--results", results);
            var settings = CliRunner.Run("run", "6a", "--trials", "1", "--max-sequences", "300", "--learning-rate", "0.1", "--results", results);

            Assert.Equal(2, cap.ExitCode);
            Assert.Equal("lstmgen: error: " + results + " holds 1 trial of row 6a run with a cap of 300 sequences (this run: 400); a summary never mixes caps: pass --results <another file>", Assert.Single(cap.ErrorLines));
            Assert.Equal(2, settings.ExitCode);
            Assert.Equal("lstmgen: error: " + results + " holds 1 trial of row 6a run with other settings (learning rate: the row's instead of learning rate: 0.1); a summary never mixes settings: pass --results <another file>", Assert.Single(settings.ErrorLines));
            Assert.Single(ResultsFile.Read(results));
        }

        [Fact]
        public void A_results_line_records_base_seed_cap_and_settings_and_old_lines_stay_as_they_were()
        {
            var results = Path.Combine(_folder, "6a.jsonl");
            Assert.Equal(0, CliRunner.Run("run", "6a", "--trials", "1", "--max-sequences", "300", "--seed", "7", "--results", results).ExitCode);

            var trial = Assert.Single(ResultsFile.Read(results));
            Assert.Equal(7UL, trial.BaseSeed);
            Assert.Equal(300L, trial.MaxSequences);
            Assert.Equal(Sharding.RunSettings.Describe(new RunOptions(), null), trial.Settings);

            // The committed lines carry none of the new fields and read back to the same bytes: results/quick stays
            // comparable with a new 'reproduce --quick' once the new fields (and wall times, versions) are left out.
            var committed = Path.Combine(CliRunner.RepositoryRoot, "results", "quick", "6a.jsonl");
            foreach (var (line, result) in ResultsFile.ReadLines(committed))
            {
                Assert.Null(result.MaxSequences);
                Assert.Equal(line, ResultsFile.Format(result));
            }
        }

        [Fact]
        public void A_report_refuses_a_row_that_mixes_base_seeds_and_counts_what_it_read()
        {
            var results = Path.Combine(_folder, "runs");
            Directory.CreateDirectory(results);
            using (var writer = ResultsFile.OpenForAppend(Path.Combine(results, "6a.jsonl")))
            {
                ResultsFile.Append(writer, Trial(0, TrialSeeds.For("6a", 0)));
                ResultsFile.Append(writer, Trial(1, TrialSeeds.For("6a", 1)));
            }

            var report = CliRunner.Run("report", "--results-dir", results);
            Assert.Equal(0, report.ExitCode);
            Assert.Equal("wrote " + Path.Combine(results, "report.md").Replace('\\', '/') + " (1 rows with results; trials: 0 run now, 2 read from earlier runs)", report.Out.Trim());

            using (var writer = ResultsFile.OpenForAppend(Path.Combine(results, "6a-seed5.jsonl")))
            {
                ResultsFile.Append(writer, Trial(0, TrialSeeds.For("6a", 0, 5)));
            }

            var mixed = CliRunner.Run("report", "--results-dir", results);
            Assert.Equal(2, mixed.ExitCode);
            Assert.Equal("lstmgen: error: the trials of row 6a in " + results.Replace('\\', '/') + " mix base seeds (trial 0 appears with two seeds); a summary never mixes them: report each set from its own folder", Assert.Single(mixed.ErrorLines));
        }

        [Fact]
        public void A_reproduction_says_per_row_and_in_total_how_many_trials_ran_now()
        {
            var results = Path.Combine(_folder, "quick");
            string[] command = ["reproduce", "--quick", "--rows", "3b-100-3", "--threads", "2", "--results-dir", results];

            var first = CliRunner.Run(command);
            var second = CliRunner.Run(command);

            Assert.Equal(0, first.ExitCode);
            Assert.Contains("3b-100-3: 2/2 successful", first.Out, StringComparison.Ordinal);
            Assert.Contains("; 2 trials run now, 0 read from earlier runs (", first.Out, StringComparison.Ordinal);
            Assert.Contains("(1 rows with results; trials: 2 run now, 0 read from earlier runs)", first.Out, StringComparison.Ordinal);
            Assert.Contains("; 0 trials run now, 2 read from earlier runs (", second.Out, StringComparison.Ordinal);
            Assert.Contains("(1 rows with results; trials: 0 run now, 2 read from earlier runs)", second.Out, StringComparison.Ordinal);
        }

        private static TrialResult Trial(int trial, ulong seed) =>
            new() { Row = "6a", Trial = trial, Seed = seed, Success = false, Sequences = 300, WallSeconds = 1 };

        private static JsonElement Json(CliResult result)
        {
            Assert.True(result.ExitCode == 0, result.Error);
            return JsonDocument.Parse(result.Out).RootElement.Clone();
        }

        /// <summary>Run now, read from earlier runs, of other base seeds, in the summary.</summary>
        private static (int, int, int, int) Counts(JsonElement json) => (
            json.GetProperty("trialsRun").GetInt32(),
            json.GetProperty("trialsReused").GetInt32(),
            json.GetProperty("trialsOfOtherBaseSeeds").GetInt32(),
            json.GetProperty("measured").GetProperty("trials").GetInt32());

        private static (int, int) Account(string json)
        {
            var root = JsonDocument.Parse(json).RootElement;
            return (root.GetProperty("trialsRun").GetInt32(), root.GetProperty("trialsReused").GetInt32());
        }

        private static string Lstmgen(string folder, params string[] args)
        {
            var result = Process(folder, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "lstmgen.dll"), .. args]);
            Assert.True(result.Code == 0, "lstmgen " + string.Join(' ', args) + ": " + result.Error);
            return result.Out;
        }

        private static (int Code, string Out, string Error) Process(string folder, string program, params string[] args)
        {
            var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in args)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
