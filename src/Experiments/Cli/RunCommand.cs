using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Reference;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen run &lt;row&gt;</c>: runs the trials of one row of the paper's tables, in parallel, appending one JSON
    /// line per finished trial to a results file, and prints the row's summary next to the paper's figures.
    /// Interrupted runs resume: trials already in the results file are not run again.
    /// </summary>
    public static class RunCommand
    {
        public static Command Create(CliConsole console)
        {
            var rowArgument = new Argument<string>("row")
            {
                Description = "The row to run: its id (see 'lstmgen rows'), e.g. 1-5, 2a, 2c-1, 3a-100-3, 4-100, 5-140, 6a; or a row file (*.rows.yaml, docs/rows.md) that declares it.",
            };
            var idArgument = new Argument<string?>("id")
            {
                Description = "With a row file: the id of the row to run (needed when the file declares more than one).",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var trials = TrialOptions.Trials("Number of trials (default: the row's, the paper's count for the paper's rows).");
            var seed = CommonOptions.Seed("Base seed; trial i of a row always gets the seed derived from (base seed, row, i).");
            var maxSequences = TrialOptions.MaxSequences("Training sequences after which a trial counts as failed (default: the row's cap, e.g. 5,000,000 for Exp 2).");
            var results = new Option<string?>("--results") { Description = "The results file (JSON lines, appended; default runs/<row>.jsonl in a working folder git ignores, runs/<row>-seed5-cap1000.jsonl etc. when the base seed, cap or settings differ from the row's; the published results/<row>.jsonl only when named).", HelpName = "file" };
            var threads = TrialOptions.Threads();
            var checkEvery = TrialOptions.CheckEvery();
            var update = TrialOptions.Update();
            var measure = new Option<string?>("--error-measure") { Description = "What ST3's 'average training error' averages (Exps 4, 6; default: the row's, squared for the paper's rows)." };
            measure.AcceptOnlyFromAmong("squared", "absolute");
            var learningRate = TrialOptions.LearningRate();
            var spec = CommonOptions.Spec("Train this spec instead of the row's network: compiled at run time, lane classes included (the reference interpreter in a NativeAOT binary; docs/sweeps.md).");
            var json = CommonOptions.Json("Print the summary as JSON.");
            var checkpoints = new Option<string?>("--checkpoints") { Description = "Save each running trial's training state in this directory (Exps 2-6); a rerun resumes trials from it, bit-identically.", HelpName = "dir" };
            var checkpointEvery = new Option<long?>("--checkpoint-every") { Description = "Training sequences between two checkpoints (default 10,000)." };
            checkpointEvery.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<long?>() is < 1)
                {
                    r.AddError("--checkpoint-every must be positive");
                }
            });
            var lanes = LanesOption.Create();
            var handOver = LanesOption.HandOverBelow();
            var shard = ShardOption.Create("Run only shard I of N of the row's trials (0 <= I < N; docs/cluster.md): the same split on every machine; default results file results/<row>-shard-I-of-N/<row>.jsonl; 'lstmgen merge' joins the shards.");
            var command = new Command("run", "Run the trials of one row of the paper's tables and compare with the paper.")
            {
                rowArgument, idArgument, trials, seed, maxSequences, results, threads, checkEvery, update, measure, learningRate, spec, json, checkpoints, checkpointEvery, shard, lanes, handOver,
            };
            command.WithExamples(
                "lstmgen run 6a",
                "lstmgen run 1-5 --trials 30 --update per-sequence",
                "lstmgen run 4-100 --trials 3 --max-sequences 200000 --results runs/4-100-short.jsonl",
                "lstmgen run 6a --spec my-variant.lstm.yaml --trials 2",
                "lstmgen run my-variants.rows.yaml 6a-slow --trials 4",
                "lstmgen run 4-1000 --checkpoints results/checkpoints --checkpoint-every 20000",
                "lstmgen run 2c-5 --shard 0/4 --threads 1",
                "lstmgen run 6a --trials 16 --threads 1 --lanes 1     # the scalar path: one network per trial");
            command.SetAction((parseResult, cancellationToken) =>
            {
                var row = RowSelection.Resolve(parseResult.GetValue(rowArgument)!, parseResult.GetValue(idArgument));
                var options = new RunOptions
                {
                    MaxSequences = parseResult.GetValue(maxSequences),
                    CheckEvery = parseResult.GetValue(checkEvery),
                    Update = TrialOptions.UpdateValue(parseResult.GetValue(update)),
                    ErrorMeasure = parseResult.GetValue(measure) switch { "absolute" => TrainingErrorMeasure.Absolute, "squared" => TrainingErrorMeasure.Squared, _ => null },
                    LearningRate = parseResult.GetValue(learningRate),
                    Network = SpecVariant.Load(console, row, parseResult.GetValue(spec), "training it"),
                    SpecPath = parseResult.GetValue(spec),
                    CheckpointDirectory = parseResult.GetValue(checkpoints),
                    CheckpointEvery = parseResult.GetValue(checkpointEvery),
                    Lanes = parseResult.GetValue(lanes),
                    HandOverBelow = parseResult.GetValue(handOver),
                };
                var count = parseResult.GetValue(trials) ?? row.Trials;
                var shardSpec = ShardOption.Value(parseResult, shard);
                var name = DefaultFileName(row, parseResult.GetValue(seed), options);
                var path = parseResult.GetValue(results)
                    ?? (shardSpec is { } s ? Path.Combine(WorkingFolder, name + "-" + s.FolderName, name + ".jsonl") : Path.Combine(WorkingFolder, name + ".jsonl"));
                var only = shardSpec is { } share ? ShardOption.ClaimRow(row, count, parseResult.GetValue(seed), options, parseResult.GetValue(spec), share, path) : null;
                var summary = RunRow(console, row, count, parseResult.GetValue(seed), options, path, parseResult.GetValue(threads), cancellationToken, only);
                if (parseResult.GetValue(json))
                {
                    console.Out.WriteLine(SummaryText.Json(row, summary, path));
                }
                else
                {
                    SummaryText.Write(console.Out, row, summary, path);
                }

                return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
            });
            return command;
        }

        /// <summary>
        /// Where a user's runs go unless they name a folder (a working folder, in .gitignore): the published results under
        /// results/ change only when a command names them.
        /// </summary>
        public const string WorkingFolder = "runs";

        /// <summary>
        /// The default results file's name (without .jsonl) of a run: the row's id, then whatever the run changes from the
        /// row's defaults, so that runs of different base seeds, caps or settings land in different files and their
        /// summaries never mix: <c>6a</c>, <c>6a-seed5</c>, <c>6a-cap1000</c>, <c>6a-settings-1a2b3c4d</c> (a hash of
        /// <see cref="Sharding.RunSettings.Describe"/>).
        /// </summary>
        public static string DefaultFileName(ExperimentRow row, ulong seed, RunOptions options)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(options);
            var name = row.Id;
            if (seed != TrialSeeds.DefaultBaseSeed)
            {
                name += "-seed" + seed.ToString(CultureInfo.InvariantCulture);
            }

            if (options.MaxSequences is { } cap && cap != row.DefaultMaxSequences)
            {
                name += "-cap" + cap.ToString(CultureInfo.InvariantCulture);
            }

            var settings = Sharding.RunSettings.Describe(options, options.SpecPath);
            if (settings != Sharding.RunSettings.Describe(new RunOptions(), null))
            {
                var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settings));
                name += "-settings-" + Convert.ToHexStringLower(hash)[..8];
            }

            return name;
        }

        /// <summary>
        /// Runs a row with progress on stderr; shared with <c>reproduce</c>. The summary stands on the trials of this base
        /// seed only, and counts those this call ran and those read from earlier runs (<see cref="RowTrials"/>). <paramref name="only"/> is a shard's share of the
        /// trials 0 … <paramref name="trials"/> − 1 (null: all of them).
        /// </summary>
        public static RowSummary RunRow(CliConsole console, ExperimentRow row, int trials, ulong seed, RunOptions options, string resultsPath, int threads, CancellationToken cancellationToken, IReadOnlyList<int>? only = null)
        {
            var selected = only ?? Enumerable.Range(0, trials).ToList();
            options = options with { BaseSeed = seed };
            var runner = new TrialRunner();
            var runNow = 0;
            runner.TrialFinished += _ => Interlocked.Increment(ref runNow);
            try
            {
                var inFile = ResultsFile.Read(resultsPath).Where(t => t.Row == row.Id).ToList();
                RowTrials.CheckResumable(row.Id, inFile, options.MaxSequences ?? row.DefaultMaxSequences, Sharding.RunSettings.Describe(options, options.SpecPath), resultsPath);
                IReadOnlyList<TrialResult> all;
                if (TerminalProgress.IsAvailable(console))
                {
                    all = TerminalProgress.Show(row, options.MaxSequences ?? row.DefaultMaxSequences, runner,
                        () => runner.Run(row, selected, seed, options, resultsPath, threads, cancellationToken));
                }
                else
                {
                    var earlier = inFile.Where(t => RowTrials.OfBaseSeed(t, row.Id, seed) && selected.Contains(t.Trial)).DistinctBy(t => t.Trial).ToList();
                    using var progress = new ProgressDisplay(console.Error, row, selected.Count, runner, earlier);
                    runner.TrialFinished += progress.OnTrialFinished;
                    all = runner.Run(row, selected, seed, options, resultsPath, threads, cancellationToken);
                }

                var ofSeed = all.Where(t => RowTrials.OfBaseSeed(t, row.Id, seed)).ToList();
                return RowSummary.Of(row.Id, ofSeed) with
                {
                    TrialsRun = runNow,
                    TrialsOfOtherBaseSeeds = inFile.Where(t => !RowTrials.OfBaseSeed(t, row.Id, seed)).Select(t => t.Trial).Distinct().Count(),
                };
            }
            catch (OperationCanceledException)
            {
                throw new CliException(ExitCodes.Interrupted, "interrupted; finished trials are saved in " + resultsPath + ": run the same command again to resume");
            }
            catch (ResultsVersionException e)
            {
                throw CliException.Usage(e.Message);
            }
            catch (MixedTrialsException e)
            {
                throw CliException.Usage(e.Message);
            }
            catch (NumericalException e)
            {
                throw new CliException(ExitCodes.RunFailure, e.Message);
            }
        }
    }
}
