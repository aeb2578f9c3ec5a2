using System;
using System.Collections.Generic;
using System.Globalization;
using LstmGen.Experiments.Benchmarking;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Dispatch;
using LstmGen.Experiments.Harness;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen bench --tasks</c>: per row, the share of its trials' time spent outside the network (drawing and
    /// presenting sequences, judging, the stopping rule), on the lane path <c>run</c> takes by default and on the scalar
    /// path (<c>--lanes 1</c>), measured by <see cref="TaskShareBenchmark"/> (docs/performance.md, "Do the tasks keep up?").
    /// </summary>
    public static class BenchTasks
    {
        /// <summary>The goal of #16: at most this share of a trial outside the network, on every row.</summary>
        public const double Goal = 0.25;

        /// <summary>Settings of one <c>bench --tasks</c> run.</summary>
        /// <param name="Sequences">Training sequences per trial (each trial's cap); null: <see cref="DefaultSequences"/>.</param>
        /// <param name="Trials">Trials per pass; null: the row's K (a full lane network).</param>
        /// <param name="Lanes">K of the lane path; null: the row's default (<c>run</c>'s).</param>
        public sealed record Settings(long? Sequences, int? Trials, int? Lanes, int TestSetSize, int Repetitions);

        /// <summary>The cap of a row's trials unless given: about 100,000 trial-steps each (1,000 sequences of Exp 4's 100 steps), 20 at least.</summary>
        public static long DefaultSequences(ExperimentRow row) => Math.Max(20, 100_000 / Math.Max(1, row.TypicalLength));

        /// <summary>One row measured on both paths.</summary>
        public sealed record Row(ExperimentRow Experiment, TaskShare Lanes, TaskShare Scalar);

        public static void Run(CliConsole console, IReadOnlyList<ExperimentRow> rows, Settings settings, bool json)
        {
            ArgumentNullException.ThrowIfNull(console);
            ArgumentNullException.ThrowIfNull(rows);
            ArgumentNullException.ThrowIfNull(settings);
            var measured = new List<Row>();
            foreach (var row in rows)
            {
                var options = new RunOptions { MaxSequences = settings.Sequences ?? DefaultSequences(row), TestSetSize = settings.TestSetSize, Lanes = settings.Lanes };
                var lanes = row.LaneCount(options);
                var trials = settings.Trials ?? lanes;
                var inLanes = TaskShareBenchmark.Measure(row, options with { Lanes = lanes }, trials, settings.Repetitions);
                var scalar = lanes == 1 ? inLanes : TaskShareBenchmark.Measure(row, options with { Lanes = 1 }, trials, settings.Repetitions);
                measured.Add(new Row(row, inLanes, scalar));
            }

            if (json)
            {
                WriteJson(console, measured, settings);
            }
            else
            {
                WriteTable(console, measured, settings);
            }
        }

        private static void WriteTable(CliConsole console, List<Row> rows, Settings settings)
        {
            var table = new TextTable("row", "network", ">K", ">sequences", ">trial-steps", ">lanes ns/step", ">outside ns", ">outside", ">scalar ns/step", ">outside ns", ">outside");
            foreach (var row in rows)
            {
                table.Add(
                    row.Experiment.Id,
                    row.Experiment.NetworkName,
                    row.Lanes.Lanes.ToString(CultureInfo.InvariantCulture),
                    row.Lanes.Sequences.ToString("N0", CultureInfo.InvariantCulture),
                    row.Lanes.Steps.ToString("N0", CultureInfo.InvariantCulture),
                    Fixed(row.Lanes.TrialNanosecondsPerStep, 1),
                    Fixed(row.Lanes.OutsideNanosecondsPerStep, 1),
                    Percent(row.Lanes.OutsideShare),
                    Fixed(row.Scalar.TrialNanosecondsPerStep, 1),
                    Fixed(row.Scalar.OutsideNanosecondsPerStep, 1),
                    Percent(row.Scalar.OutsideShare));
            }

            table.WriteTo(console.Out);
            console.Out.WriteLine();
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trials of {(settings.Sequences is { } cap ? cap.ToString("N0", CultureInfo.InvariantCulture) : "about 100,000 steps of")} training sequences (test sets of {settings.TestSetSize}); sequences = all a pass presents, tests included; K trials per pass unless --trials; median of {settings.Repetitions} repetitions, each the trials on the real network and on a silent one that does nothing, fed the real run's verdicts."));
            console.Out.WriteLine("ns/step = " + (ThreadCpuClock.IsCpuTime ? "thread CPU time" : "wall time") + " per trial-step, all of it; outside ns = the silent network's; outside = outside ns / ns per step (goal: at most "
                + Percent(Goal).Trim() + "). K = lanes of run's default path (1: the row runs scalar).");
            console.Out.WriteLine("binary: " + ThisProcess.Describe() + ".");
        }

        private static void WriteJson(CliConsole console, List<Row> rows, Settings settings)
        {
            var binary = ThisProcess.Describe();
            console.Out.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartArray();
                foreach (var row in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("row", row.Experiment.Id);
                    w.WriteString("network", row.Experiment.NetworkName);
                    w.WriteNumber("sequencesPerTrial", settings.Sequences ?? DefaultSequences(row.Experiment));
                    w.WriteNumber("testSetSize", settings.TestSetSize);
                    w.WriteNumber("repetitions", settings.Repetitions);
                    w.WriteString("clock", ThreadCpuClock.IsCpuTime ? "thread CPU time" : "wall time");
                    w.WriteStartObject("binary");
                    w.WriteString("name", binary.Name);
                    w.WriteString("build", binary.Build);
                    w.WriteString("widestLanes", binary.Widest.ToString());
                    w.WriteEndObject();
                    WritePath(w, "lanes", row.Lanes);
                    WritePath(w, "scalar", row.Scalar);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }));
        }

        private static void WritePath(System.Text.Json.Utf8JsonWriter w, string name, TaskShare share)
        {
            w.WriteStartObject(name);
            w.WriteNumber("count", share.Lanes);
            w.WriteNumber("trials", share.Trials);
            w.WriteNumber("sequences", share.Sequences);
            w.WriteNumber("trialSteps", share.Steps);
            JsonText.Number(w, "seconds", share.TrialSeconds);
            JsonText.Number(w, "outsideSeconds", share.OutsideSeconds);
            JsonText.Number(w, "nsPerTrialStep", share.TrialNanosecondsPerStep);
            JsonText.Number(w, "outsideNsPerTrialStep", share.OutsideNanosecondsPerStep);
            JsonText.Number(w, "outsideShare", share.OutsideShare);
            JsonText.Number(w, "wallSeconds", share.TrialWallSeconds);
            JsonText.Number(w, "outsideWallSeconds", share.OutsideWallSeconds);
            JsonText.Number(w, "outsideWallShare", share.OutsideWallShare);
            w.WriteBoolean("withinGoal", share.OutsideShare <= Goal);
            w.WriteEndObject();
        }

        private static string Percent(double share) => (100 * share).ToString("F1", CultureInfo.InvariantCulture) + " %";
    }
}
