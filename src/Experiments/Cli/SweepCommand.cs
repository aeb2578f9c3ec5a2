using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Sharding;
using LstmGen.Experiments.Sweeps;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen sweep &lt;row&gt; --vary key=v1,v2 ...</c> (or <c>--file sweep.yaml</c>): runs every combination of spec
    /// and row settings over one row (docs/sweeps.md). Each variant is written as a complete spec and row file in the sweep's
    /// folder, then run through the row's trial scheduler (threads, <c>--shard I/N</c>, resumable); a varied spec is compiled
    /// at run time. Bad input is a one-line error before anything is written or run.
    /// </summary>
    public static class SweepCommand
    {
        public static Command Create(CliConsole console)
        {
            var rowArgument = new Argument<string?>("row")
            {
                Description = "The row to vary: its id (see 'lstmgen rows') or a row file (*.rows.yaml); omit it with --file.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var idArgument = new Argument<string?>("id") { Description = "With a row file: the id of the row (needed when the file declares more than one).", Arity = ArgumentArity.ZeroOrOne };
            var vary = new Option<string[]>("--vary")
            {
                Description = "A key and its values, key=v1,v2,... (repeatable; every combination runs): a spec key (blocks.inputGateBias, blocks.outputGateBias, initInterval, bias, squashing.cellInput, ...; 'spec.' in front for learningRate/update of the spec) or a row key (learningRate, update, cap, trials, testSetSize, task.<parameter>, stop.<parameter>). List values stay whole: blocks.inputGateBias=[-2,-4],[-1,-2].",
                HelpName = "key=v1,v2",
            };
            var file = new Option<string?>("--file") { Description = "A sweep file (YAML: row, vary, trials, cap, seed; docs/sweeps.md) instead of the row and --vary.", HelpName = "sweep.yaml" };
            var trials = TrialOptions.Trials("Trials per variant (default: the row's).");
            var maxSequences = TrialOptions.MaxSequences("The cap of every variant: training sequences after which a trial counts as failed (default: the row's).");
            var seed = new Option<ulong?>("--seed") { Description = "Base seed (default the row's): trial i of every variant gets the seed of trial i of the row." };
            var folder = new Option<string?>("--folder") { Description = "The sweep's folder (default runs/sweeps/<row>-<hash of the grid>: the same sweep again resumes there).", HelpName = "dir" };
            var threads = TrialOptions.Threads();
            var maxVariants = new Option<int>("--max-variants") { Description = "The largest grid allowed.", DefaultValueFactory = _ => SweepGrid.DefaultMaxVariants };
            maxVariants.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError("--max-variants must be positive");
                }
            });
            var dryRun = new Option<bool>("--dry-run") { Description = "Check the grid and write the variants' files, but run nothing." };
            var shard = ShardOption.Create("Run only shard I of N of the sweep's trials (0 <= I < N; trial j of variant v is in shard (v * trials + j) mod N): shards write results-shard-I-of-N.jsonl beside each other in the variants' folders; 'lstmgen report --sweep' reads them all.");
            var command = new Command("sweep", "Run a grid of variants of one row: spec keys and row settings, every combination, each written as a spec and row file; then a table and a plot.")
            {
                rowArgument, idArgument, vary, file, trials, maxSequences, seed, folder, threads, maxVariants, dryRun, shard,
            };
            command.WithExamples(
                "lstmgen sweep 6a --vary learningRate=0.5,1.0 --trials 2 --max-sequences 20000",
                "lstmgen sweep 6a --vary blocks.inputGateBias=[-2,-4],[-1,-2] --vary learningRate=0.5,1.0 --trials 4",
                "lstmgen sweep 4-100 --vary update=per-step,per-sequence --vary squashing.cellInput=g1,g2",
                "lstmgen sweep --file my-sweep.yaml --shard 0/4 --threads 1",
                "lstmgen report --sweep runs/sweeps/6a-1a2b3c4d");
            command.SetAction((parseResult, cancellationToken) =>
            {
                var (grid, row) = Grid(parseResult.GetValue(rowArgument), parseResult.GetValue(idArgument), parseResult.GetValue(vary) ?? [], parseResult.GetValue(file),
                    parseResult.GetValue(trials), parseResult.GetValue(maxSequences), parseResult.GetValue(seed));
                var directory = parseResult.GetValue(folder) ?? DefaultFolder(grid, parseResult.GetValue(file));
                var variants = Checked(() => SweepVariants.Make(row, grid, directory, parseResult.GetValue(maxVariants)));
                Directory.CreateDirectory(directory);
                SweepVariants.Write(variants);
                SweepVariants.WriteIfChanged(Path.Combine(directory, SweepFile.FileName), SweepFile.Write(grid, variants));
                console.Error.WriteLine("lstmgen: sweep of row " + row.Definition.Id + ": " + variants.Count.ToString(CultureInfo.InvariantCulture) + " variants in " + directory);
                if (parseResult.GetValue(dryRun))
                {
                    foreach (var variant in variants)
                    {
                        console.Out.WriteLine(variant.Id + ": " + variant.Describe() + "  (" + variant.RerunCommand() + ")");
                    }

                    return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
                }

                var shardSpec = ShardOption.Value(parseResult, shard);
                Run(console, grid, variants, parseResult.GetValue(threads), shardSpec, cancellationToken);
                if (shardSpec is null)
                {
                    WriteReport(console, grid, variants, directory);
                }
                else
                {
                    console.Out.WriteLine("shard " + shardSpec.Value + " done; when every shard is: lstmgen report --sweep " + directory);
                }

                return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
            });
            return command;
        }

        /// <summary>The sweep in <paramref name="directory"/> (its sweep.yaml), for <c>lstmgen report --sweep</c>.</summary>
        public static (SweepGrid Grid, IReadOnlyList<SweepVariant> Variants) Read(string directory)
        {
            var path = Path.Combine(directory, SweepFile.FileName);
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.IoError, "'" + directory + "' is no sweep folder: it has no " + SweepFile.FileName);
            }

            var (grid, row) = Grid(null, null, [], path, null, null, null);
            return (grid, Checked(() => SweepVariants.Make(row, grid, directory, int.MaxValue)));
        }

        /// <summary>Writes the sweep's report.md and report.svg into its folder and prints the table.</summary>
        public static void WriteReport(CliConsole console, SweepGrid grid, IReadOnlyList<SweepVariant> variants, string directory)
        {
            ArgumentNullException.ThrowIfNull(console);
            var outcomes = variants.Select(SweepReport.Outcome).ToList();
            var markdown = SweepReport.Markdown(grid, outcomes, "lstmgen report --sweep " + directory);
            CliFiles.Write(Path.Combine(directory, SweepReport.MarkdownName), markdown);
            CliFiles.Write(Path.Combine(directory, SweepReport.PlotName), SweepPlot.Svg("Sweep of row " + grid.Row + ": " + string.Join(" x ", grid.Axes.Select(a => a.Key)), outcomes));
            console.Out.Write(markdown);
            console.Out.WriteLine();
            console.Out.WriteLine("wrote " + Path.Combine(directory, SweepReport.MarkdownName) + " and " + Path.Combine(directory, SweepReport.PlotName));
        }

        private static void Run(CliConsole console, SweepGrid grid, IReadOnlyList<SweepVariant> variants, int threads, ShardSpec? shard, CancellationToken cancellationToken)
        {
            var offset = 0;
            foreach (var variant in variants)
            {
                var row = variant.Row;
                var count = row.Trials;
                var only = Enumerable.Range(0, count).Where(j => shard is not { } s || (offset + j) % s.Count == s.Index).ToList();
                offset += count;
                if (only.Count == 0)
                {
                    continue;
                }

                var results = shard is { } share ? variant.ShardResultsPath(share.Index, share.Count) : variant.ResultsPath;
                // A rerun resumes: the trials already in the variant's results file are not run (nor its spec compiled) again.
                var done = File.Exists(results) ? ResultsFile.Read(results).Count(t => t.Row == row.Id && only.Contains(t.Trial)) : 0;
                console.Error.WriteLine("lstmgen: " + variant.Id + " (" + variant.Describe() + ")"
                    + (done == 0 ? string.Empty : ": " + done.ToString(CultureInfo.InvariantCulture) + " of " + only.Count.ToString(CultureInfo.InvariantCulture) + " trials done earlier, resuming"));
                if (done == only.Count)
                {
                    continue;
                }

                var options = new RunOptions
                {
                    Network = variant.SpecChanged ? SpecVariant.Load(console, row, variant.SpecPath, "training it") : null,
                };
                RunCommand.RunRow(console, row, count, grid.Seed, options, results, threads, cancellationToken, only);
            }
        }

        private static (SweepGrid Grid, SweepBase Row) Grid(string? rowText, string? id, IReadOnlyList<string> vary, string? file, int? trials, long? cap, ulong? seed)
        {
            SweepBase? row = null;
            SweepBase Load(string name, string? rowFile, string? rowId) => row ??= Checked(() => rowFile is not null
                ? SweepBase.FromFile(rowFile, CliFiles.Read(rowFile), rowId ?? name)
                : RowSelection.IsRowFile(name) ? SweepBase.FromFile(name, CliFiles.Read(name), rowId) : SweepBase.BuiltIn(name));
            Func<string, (SweepTarget, string)> Resolver(SweepBase b) => key => Checked(() => SweepKeys.Resolve(key,
                b.Definition.Task.Parameters.Select(p => p.Key).ToList(), b.Definition.Stop.Parameters.Select(p => p.Key).ToList()));

            SweepGrid grid;
            if (file is not null)
            {
                if (rowText is not null || vary.Count > 0)
                {
                    throw CliException.Usage("give either --file or a row with --vary, not both");
                }

                var fromFile = Checked(() => SweepFile.Read(file, CliFiles.Read(file), (name, rowFile) => Resolver(Load(name, rowFile, null))));
                grid = new SweepGrid(fromFile.Row, fromFile.RowFile, fromFile.Axes, trials ?? fromFile.Trials, cap ?? fromFile.Cap, seed ?? fromFile.Seed);
            }
            else
            {
                if (rowText is null)
                {
                    throw CliException.Usage("name the row to vary (e.g. 'lstmgen sweep 6a --vary learningRate=0.5,1.0') or give --file");
                }

                if (vary.Count == 0)
                {
                    throw CliException.Usage("give at least one --vary key=v1,v2,... (e.g. --vary learningRate=0.5,1.0)");
                }

                var b = Load(rowText, null, id);
                var resolve = Resolver(b);
                var axes = new List<SweepAxis>();
                foreach (var text in vary)
                {
                    var (key, values) = Checked(() => SweepGrid.ParseVary(text));
                    if (axes.Any(a => a.Key == key))
                    {
                        throw CliException.Usage("--vary " + key + " is given twice");
                    }

                    var (target, path) = resolve(key);
                    axes.Add(new SweepAxis(key, target, path, values.Select(v => Checked(() => SweepFile.Normalize(v, key))).ToList()));
                }

                grid = new SweepGrid(b.Definition.Id, RowSelection.IsRowFile(rowText) ? rowText : null, axes, trials, cap, seed ?? TrialSeeds.DefaultBaseSeed);
            }

            return (grid, row!);
        }

        /// <summary>A sweep file that is its folder's own sweep.yaml runs in that folder; otherwise runs/sweeps/&lt;row&gt;-&lt;hash&gt;.</summary>
        private static string DefaultFolder(SweepGrid grid, string? file) =>
            file is not null && Path.GetFileName(file) == SweepFile.FileName
                ? Path.GetDirectoryName(file) is { Length: > 0 } parent ? parent : "."
                : Path.Combine("runs", "sweeps", grid.Row + "-" + grid.Hash());

        private static T Checked<T>(Func<T> make)
        {
            try
            {
                return make();
            }
            catch (SweepException e)
            {
                throw CliException.Usage(e.Message);
            }
        }
    }
}
