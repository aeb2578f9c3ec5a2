using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Sharding;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen shards</c>: what a sharded <c>reproduce</c> costs and how it splits: each row's expected cost per trial
    /// (<see cref="CostModel"/>), the trials of each of N shards, and the simulated wall time on a number of cores.
    /// </summary>
    public static class ShardsCommand
    {
        public static Command Create(CliConsole console)
        {
            var count = new Argument<int?>("shards") { Description = "Show the split into this many shards (what 'reproduce --shard I/N' runs for each I).", Arity = ArgumentArity.ZeroOrOne };
            count.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1 or > ShardSpec.MaxCount)
                {
                    r.AddError("the number of shards must be between 1 and " + ShardSpec.MaxCount.ToString(CultureInfo.InvariantCulture));
                }
            });
            var quick = new Option<bool>("--quick") { Description = "The quick look's run (2 trials per row, small caps) instead of the paper's." };
            var rows = new Option<string?>("--rows") { Description = "Only these rows (comma-separated ids, see 'lstmgen rows')." };
            var seed = CommonOptions.Seed("Base seed (the projection uses the measured trials of the default seed, expectations otherwise).");
            var cores = new Option<string?>("--cores") { Description = "Simulate the run on these numbers of cores (comma-separated), e.g. 16,64,256.", HelpName = "list" };
            var durations = new Option<string?>("--durations-from") { Description = "With --cores: take each trial's duration from the wall times in these results folders (comma-separated; the first holding a row wins), scaled to the cap for a trial that failed at a lower one; an unmeasured trial takes its row's mean.", HelpName = "dirs" };
            var lanes = new Option<int?>("--lanes") { Description = "With --cores: project runs on lane networks of this many trials per core, from the cost model's lane figures, which hold for the K they were measured with (the committed table: 8, AVX-512's doubles; another K: LANES=K deploy/costs/row-costs.sh, then --costs-from); rows run one after another, as 'reproduce' runs them.", HelpName = "K" };
            lanes.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1 or > 64)
                {
                    r.AddError("--lanes takes a number of lanes between 1 and 64, e.g. 8");
                }
            });
            var costsFrom = new Option<string?>("--costs-from") { Description = "Cost and project from this table (written by deploy/costs/row-costs.sh, e.g. on your own machine) instead of the committed one; the split into shards is always the committed table's, the same on every machine.", HelpName = "file.csv" };
            var costs = new Option<bool>("--costs") { Description = "Show each row's expected cost (the default when neither a number of shards nor --cores is given)." };
            var command = new Command("shards", "Show a sharded reproduction's expected cost per row, its split into N shards, and its simulated wall time on many cores.")
            {
                count, quick, rows, seed, cores, durations, lanes, costsFrom, costs,
            };
            command.WithExamples(
                "lstmgen shards                          # each row's expected CPU time (the cost model)",
                "lstmgen shards 64                       # the trials of each of 64 shards: 'reproduce --shard I/64'",
                "lstmgen shards --cores 16,64,256        # core-hours and simulated wall time of the full reproduction",
                "lstmgen shards --cores 16,64,256 --durations-from results/full,results   # the same from measured wall times",
                "lstmgen shards --cores 2,16,64,256 --lanes 8   # the same on lane networks of 8 trials per core",
                "lstmgen shards 2 --quick --rows 6a,4-100,1-5");
            command.SetAction(parseResult =>
            {
                var selected = RowSelection.Parse(parseResult.GetValue(rows));
                var coreCounts = parseResult.GetValue(cores) is { } text ? CoreCounts(text) : null;
                var isQuick = parseResult.GetValue(quick);
                var planned = ShardedRuns.Reproduction(selected, isQuick);
                var model = parseResult.GetValue(costsFrom) is { } table ? ReadCosts(table) : CostModel.Measured;
                var laneCount = parseResult.GetValue(lanes);
                if (laneCount is not null && (coreCounts is null || parseResult.GetValue(durations) is not null))
                {
                    throw CliException.Usage("--lanes goes with --cores and the cost model: it projects from the lane figures of row-costs.csv, not from measured wall times (--durations-from)");
                }

                // Only where lane figures would be used: a row on lanes by default that has one (else its scalar figure is used).
                if (laneCount is { } lanesAsked && lanesAsked > 1 && lanesAsked != model.LaneCount
                    && planned.Any(r => UsesLanesByDefault(r.Row) && model.Find(r.Row.Id)?.LaneSecondsPerSequence is not null))
                {
                    throw CliException.Usage(string.Create(CultureInfo.InvariantCulture,
                        $"--lanes {lanesAsked}: the cost table's lane figures were measured on lane networks of {model.LaneCount} trials, and a lane's cost depends on K; measure them at {lanesAsked} (LANES={lanesAsked} deploy/costs/row-costs.sh) and pass that table with --costs-from"));
                }

                var trials = planned.Sum(r => r.Trials);
                var expected = planned.Sum(r => r.Trials * model.ExpectedTrialSeconds(r.Row, r.MaxSequences));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"lstmgen reproduce{(isQuick ? " --quick" : string.Empty)}: {planned.Count} rows, {trials} trials, expected CPU time {Duration(expected)} with one core per trial (cost model: docs/cluster.md)"));
                if (parseResult.GetValue(count) is { } n)
                {
                    WritePlan(console, ShardPlan.Create(planned, n, CostModel.Measured));
                }

                if (coreCounts is not null && laneCount is { } k)
                {
                    WriteLaneProjection(console, planned, model, parseResult.GetValue(seed), coreCounts, k);
                }
                else if (coreCounts is not null)
                {
                    var measured = parseResult.GetValue(durations) is { } folders ? MeasuredWallTimes(planned, folders) : null;
                    WriteProjection(console, planned, model, parseResult.GetValue(seed), coreCounts, measured);
                }

                if (parseResult.GetValue(costs) || (parseResult.GetValue(count) is null && coreCounts is null))
                {
                    WriteCosts(console, planned, model);
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        private static void WriteCosts(CliConsole console, IReadOnlyList<PlannedRow> planned, CostModel model)
        {
            var table = new TextTable("row", ">CPU s per sequence", ">cap", ">expected sequences per trial", ">expected CPU time per trial", ">trials", ">row, CPU time", "measured trials");
            foreach (var row in planned)
            {
                var perSequence = model.SecondsPerSequence(row.Row);
                var seconds = model.ExpectedTrialSeconds(row.Row, row.MaxSequences);
                var measured = model.Find(row.Row.Id);
                table.Add(
                    row.Row.Id,
                    perSequence.ToString("0.00E+0", CultureInfo.InvariantCulture),
                    row.MaxSequences.ToString("N0", CultureInfo.InvariantCulture),
                    (seconds / perSequence).ToString("N0", CultureInfo.InvariantCulture),
                    Duration(seconds),
                    row.Trials.ToString(CultureInfo.InvariantCulture),
                    Duration(seconds * row.Trials),
                    measured is null ? "none (fallback cost)" : string.Create(CultureInfo.InvariantCulture, $"{measured.Outcomes.Count(o => o.Success)} of {measured.Outcomes.Count} successful"));
            }

            console.Out.WriteLine();
            table.WriteTo(console.Out);
        }

        private static void WritePlan(CliConsole console, ShardPlan plan)
        {
            var table = new TextTable(">shard", ">trials", ">expected CPU time", "trials (row: indices)");
            for (var shard = 0; shard < plan.Count; shard++)
            {
                var items = plan.ItemsOf(shard);
                table.Add(
                    shard.ToString(CultureInfo.InvariantCulture),
                    items.Count.ToString(CultureInfo.InvariantCulture),
                    Duration(plan.ExpectedSecondsOf(shard)),
                    string.Join("; ", items.GroupBy(i => i.Row).Select(g => g.Key + ": " + string.Join(" ", g.Select(i => i.Trial.ToString(CultureInfo.InvariantCulture))))));
            }

            console.Out.WriteLine();
            table.WriteTo(console.Out);
        }

        private static void WriteProjection(CliConsole console, IReadOnlyList<PlannedRow> planned, CostModel model, ulong seed, IReadOnlyList<int> coreCounts, Func<WorkItem, double>? measured)
        {
            var rowsById = planned.ToDictionary(r => r.Row.Id, StringComparer.Ordinal);
            var seconds = measured ?? (item => model.TrialSeconds(rowsById[item.Row].Row, item.Trial, rowsById[item.Row].MaxSequences, seed));
            var items = ShardPlan.Create(planned, 1, model).AllItems.ToList();
            var durations = items.Select(seconds).ToList();
            var total = durations.Sum();
            var longest = items.Zip(durations).MaxBy(p => p.Second);
            console.Out.WriteLine(measured is null
                ? "Simulated, not measured: each trial takes its row's measured CPU time per sequence times its sequences (the measured trial's for the default seed, else the row's expectation)"
                : "Simulated, not measured: each trial takes the wall time measured for it (scaled to the cap if it failed at a lower one; the row's mean if it was not measured)");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU time {Duration(total)}; the longest trial, {longest.First.Row} #{longest.First.Trial}, {Duration(longest.Second)}."));
            var table = new TextTable(">cores", ">wall time, longest first", ">wall time, N one-core shards (--shard I/N)", ">efficiency of the shards");
            foreach (var cores in coreCounts)
            {
                var listSchedule = ScheduleSimulation.LongestFirst(durations, cores);
                var shards = ScheduleSimulation.Shards(ShardPlan.Create(planned, cores, CostModel.Measured), seconds);
                table.Add(
                    cores.ToString(CultureInfo.InvariantCulture),
                    Duration(listSchedule),
                    Duration(shards),
                    (total / (shards * cores)).ToString("P0", CultureInfo.InvariantCulture));
            }

            console.Out.WriteLine();
            table.WriteTo(console.Out);
        }

        /// <summary>
        /// The projection on lane networks of <paramref name="lanes"/> trials per core: a trial's CPU time is its row's lane
        /// figure times its sequences, and it occupies one of its core's lanes for <paramref name="lanes"/> times that (the
        /// lanes advance together). A lane network holds one row's trials, and the rows run one after another; each row is
        /// simulated as the runner schedules it (<see cref="LaneSimulation"/>: lanes in trial order, then the hand-over of the
        /// row's tail to scalar networks), on one machine of P cores (<c>reproduce --threads P</c>) and in each of N one-core
        /// shards (<c>reproduce --shard I/N --threads 1</c>).
        /// </summary>
        private static void WriteLaneProjection(CliConsole console, IReadOnlyList<PlannedRow> planned, CostModel model, ulong seed, IReadOnlyList<int> coreCounts, int lanes)
        {
            var rowsById = planned.ToDictionary(r => r.Row.Id, StringComparer.Ordinal);
            // A row runs on lanes where its network has a lane class used by default (the machine's K aside); else scalar.
            int LanesOf(string row) => lanes > 1 && UsesLanesByDefault(rowsById[row].Row) ? lanes : 1;
            double Cpu(WorkItem item) => model.TrialSeconds(rowsById[item.Row].Row, item.Trial, rowsById[item.Row].MaxSequences, seed, onLanes: LanesOf(item.Row) > 1);
            double Alone(WorkItem item) => model.TrialSeconds(rowsById[item.Row].Row, item.Trial, rowsById[item.Row].MaxSequences, seed);
            double InLane(WorkItem item) => LanesOf(item.Row) * Cpu(item);

            // The rows one after another; a row on lanes as the runner schedules it, hand-over to scalar networks included
            // (LaneSimulation), where `run` measures it (TrialRunner.HandOverBelow); a scalar row longest first.
            double RowByRow(IEnumerable<WorkItem> items, int cores) => items.GroupBy(i => i.Row).Sum(g =>
            {
                var row = rowsById[g.Key].Row;
                var k = LanesOf(g.Key);
                if (k == 1)
                {
                    return ScheduleSimulation.LongestFirst(g.Select(Alone), cores);
                }

                // The runner's threshold: from the committed table, whichever table the projection costs from.
                var below = CostModel.DefaultHandOverBelow(row, k);
                return LaneSimulation.Row([.. g.OrderBy(i => i.Trial).Select(i => (Alone(i), Cpu(i)))], cores, k, below);
            });
            var items = ShardPlan.Create(planned, 1, model).AllItems.ToList();
            var total = items.Sum(Cpu);
            var longest = items.MaxBy(InLane)!;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Simulated, not measured: lane networks of {lanes} trials per core where the row's network runs on lanes by default (else one trial per core); each trial costs its row's measured CPU time per sequence on lanes (row-costs.csv) times its sequences (the measured trial's for the default seed, else the row's expectation), and holds its lane {lanes} times that long; a lane network holds one row's trials, and the rows run one after another; once a row has no trial left to start, a lane network with fewer busy lanes than its step costs in scalar steps hands its trials to scalar networks, and an idle core takes a trial over (the runner's hand-over)"));
            var holds = LanesOf(longest.Row) > 1
                ? $"lane for {Duration(InLane(longest))} if it is not handed over (alone on a core: {Duration(Alone(longest))})"
                : $"core for {Duration(InLane(longest))}";
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU time {Duration(total)}; the longest trial, {longest.Row} #{longest.Trial}, holds its {holds}."));
            var table = new TextTable(">cores", ">wall time, one machine (reproduce --threads P)", ">wall time, N one-core shards (--shard I/N --threads 1)", ">efficiency of the shards");
            foreach (var cores in coreCounts)
            {
                var machine = RowByRow(items, cores);
                var plan = ShardPlan.Create(planned, cores, CostModel.Measured);
                var shards = Enumerable.Range(0, plan.Count).Max(s => RowByRow(plan.ItemsOf(s), 1));
                table.Add(
                    cores.ToString(CultureInfo.InvariantCulture),
                    Duration(machine),
                    Duration(shards),
                    (total / (shards * cores)).ToString("P0", CultureInfo.InvariantCulture));
            }

            console.Out.WriteLine();
            table.WriteTo(console.Out);
        }

        private static CostModel ReadCosts(string path)
        {
            string text;
            try
            {
                text = System.IO.File.ReadAllText(path);
            }
            catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.IoError, "cannot read the cost table '" + path + "': " + e.Message);
            }

            try
            {
                return CostModel.Parse(text);
            }
            catch (FormatException e)
            {
                throw CliException.Usage(path + ": " + e.Message + " (deploy/costs/row-costs.sh writes such a table)");
            }
        }

        /// <summary>Whether <c>run</c> puts the row's trials on lanes by default on a machine with vector lanes (whatever its width).</summary>
        private static bool UsesLanesByDefault(ExperimentRow row) =>
            Rows.RowNetworks.Find(row.NetworkName) is { CreateLanes: not null, LanesByDefault: true };

        /// <summary>
        /// Each planned trial's wall time as measured in <paramref name="folders"/>: the first folder with results of the row
        /// holds it; a trial that failed below the planned cap is scaled up to the cap (training time grows with the
        /// sequences); a trial the folder lacks takes the row's mean; a row no folder has, the cost model's expectation.
        /// </summary>
        private static Func<WorkItem, double> MeasuredWallTimes(IReadOnlyList<PlannedRow> planned, string folders)
        {
            var byRow = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
            foreach (var row in planned)
            {
                foreach (var folder in folders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!System.IO.Directory.Exists(folder))
                    {
                        throw new CliException(ExitCodes.IoError, "no folder '" + folder + "'");
                    }

                    var trials = ResultsFile.Read(System.IO.Path.Combine(folder, row.Row.Id + ".jsonl")).Where(t => t.Row == row.Row.Id).ToList();
                    if (trials.Count > 0)
                    {
                        // A later line of a trial replaces an earlier one, as in the report.
                        byRow[row.Row.Id] = trials.GroupBy(t => t.Trial).ToDictionary(g => g.Key, g => ScaledToCap(g.Last(), row.MaxSequences));
                        break;
                    }
                }
            }

            var rows = planned.ToDictionary(r => r.Row.Id, StringComparer.Ordinal);
            return item => byRow.TryGetValue(item.Row, out var trials)
                ? trials.TryGetValue(item.Trial, out var seconds) ? seconds : trials.Values.Average()
                : CostModel.Measured.ExpectedTrialSeconds(rows[item.Row].Row, rows[item.Row].MaxSequences);
        }

        private static double ScaledToCap(TrialResult trial, long cap) =>
            !trial.Success && trial.Sequences < cap ? trial.WallSeconds * cap / trial.Sequences : trial.WallSeconds;

        private static IReadOnlyList<int> CoreCounts(string text)
        {
            var counts = new List<int>();
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var cores) || cores is < 1 or > ShardSpec.MaxCount)
                {
                    throw CliException.Usage("--cores takes numbers of cores between 1 and " + ShardSpec.MaxCount.ToString(CultureInfo.InvariantCulture) + ", comma-separated, e.g. 16,64,256; got '" + part + "'");
                }

                counts.Add(cores);
            }

            return counts.Count > 0 ? counts : throw CliException.Usage("--cores needs at least one number of cores, e.g. 16,64,256");
        }

        /// <summary>A duration in hours, minutes or seconds, whichever reads best.</summary>
        private static string Duration(double seconds) => seconds >= 3600
            ? (seconds / 3600).ToString("N2", CultureInfo.InvariantCulture) + " h"
            : seconds >= 60 ? (seconds / 60).ToString("0.0", CultureInfo.InvariantCulture) + " min" : seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }
}
