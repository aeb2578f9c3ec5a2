using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>How one measured trial ended: stopped by its row's rule after <see cref="Sequences"/> training sequences, or not before its cap.</summary>
    /// <param name="Sequences">Training sequences until success, or the cap the trial ran to without success.</param>
    /// <param name="Success">Whether the stopping rule was met.</param>
    public readonly record struct TrialOutcome(long Sequences, bool Success)
    {
        /// <summary>
        /// The sequences this trial presents under cap <paramref name="cap"/>: its count if it succeeded by then, else the cap.
        /// A trial that failed at a lower cap is taken to fail at this one too (the cost of an unknown is its upper bound).
        /// </summary>
        public long SequencesUnder(long cap) => Success && Sequences <= cap ? Sequences : cap;
    }

    /// <summary>A row's measured cost: CPU seconds per training sequence, and how its measured trials ended.</summary>
    /// <param name="Row">The row id.</param>
    /// <param name="SecondsPerSequence">CPU seconds per training sequence on one core, tests included, one trial at a time.</param>
    /// <param name="Outcomes">The measured trials of the default base seed, trial 0 first.</param>
    /// <param name="LaneSecondsPerSequence">
    /// CPU seconds per training sequence of one trial when the trials of the row share a lane network on one core (the
    /// table's comment says how many lanes); null where not measured.
    /// </param>
    public sealed record RowCost(string Row, double SecondsPerSequence, IReadOnlyList<TrialOutcome> Outcomes, double? LaneSecondsPerSequence = null);

    /// <summary>
    /// The expected cost of a trial, in CPU seconds on one core: the row's measured seconds per training sequence times the
    /// sequences a trial is expected to present under the run's cap, which is the mean over the row's measured trials of
    /// their sequences until success (or the cap). So a 2c trial at q = 1000 that runs to the 5,000,000 cap costs about a
    /// hundred times a 6a trial that stops after some 26,000 sequences, and a quick look's cap makes every trial short.
    /// The figures are data committed with the program (<c>row-costs.csv</c>, made by <c>deploy/costs/row-costs.sh</c>),
    /// so every machine computes the same costs and hence the same shards (docs/cluster.md, "Cost model").
    /// </summary>
    public sealed partial class CostModel
    {
        /// <summary>The cost of a learning step for rows without measured figures: the order of the generated steps (docs/performance.md).</summary>
        public const double FallbackSecondsPerStep = 250e-9;

        private const string ResourceName = "LstmGen.Experiments.Sharding.row-costs.csv";

        private static readonly Lazy<CostModel> Committed = new(() => Parse(ReadResource()));

        private readonly Dictionary<string, RowCost> _rows;

        /// <param name="rows">The rows' measured costs.</param>
        /// <param name="laneCount">
        /// The lanes of the lane networks the lane figures were measured with (<see cref="LaneCount"/>); null where the
        /// table does not say (<see cref="DefaultLaneCount"/>).
        /// </param>
        public CostModel(IEnumerable<RowCost> rows, int? laneCount = null)
        {
            if (laneCount is { } k)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
            }

            _rows = rows.ToDictionary(r => r.Row, StringComparer.Ordinal);
            LaneCount = laneCount ?? DefaultLaneCount;
            LaneCountStated = laneCount is not null;
        }

        /// <summary>The figures committed with the program (<c>src/Experiments/Sharding/row-costs.csv</c>).</summary>
        public static CostModel Measured => Committed.Value;

        /// <summary>The measured figures of <paramref name="row"/>, or null for a row the table does not know.</summary>
        public RowCost? Find(string row) => _rows.GetValueOrDefault(row);

        /// <summary>CPU seconds per training sequence: measured, or the fallback per step times the row's typical sequence length.</summary>
        public double SecondsPerSequence(ExperimentRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return Find(row.Id)?.SecondsPerSequence ?? FallbackSecondsPerStep * Math.Max(1, row.TypicalLength);
        }

        /// <summary>
        /// CPU seconds per training sequence of one trial on a lane network (<see cref="RowCost.LaneSecondsPerSequence"/>):
        /// measured, or the one-trial figure where the lanes were not measured (a row without a lane class runs scalar).
        /// </summary>
        public double LaneSecondsPerSequence(ExperimentRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return Find(row.Id)?.LaneSecondsPerSequence ?? SecondsPerSequence(row);
        }

        /// <summary>
        /// The lanes taken for a table whose comments do not state them: 8, the K of the lane figures measured before tables
        /// stated it (AVX-512's 8 doubles).
        /// </summary>
        public const int DefaultLaneCount = 8;

        /// <summary>
        /// The lanes of the lane networks whose costs the table holds (<see cref="RowCost.LaneSecondsPerSequence"/>): its
        /// comment line <c># laneSecondsPerSequence: ... one of K trials sharing a lane network ...</c>, which
        /// deploy/costs/row-costs.sh writes, else <see cref="DefaultLaneCount"/>. A lane figure holds at this K only.
        /// </summary>
        public int LaneCount { get; }

        /// <summary>Whether the table said <see cref="LaneCount"/> (its comment) rather than leaving it to the default.</summary>
        public bool LaneCountStated { get; }

        /// <summary>
        /// What one step of a lane network of <see cref="LaneCount"/> lanes costs in steps of a scalar network: K times a
        /// lane's share over a trial's cost on its own (3.7-7.1 on the paper's rows here). A lane network with fewer busy
        /// lanes than this runs its trials slower than scalar networks on the same core would. Null where the lanes were not measured.
        /// </summary>
        public double? LaneStepInScalarSteps(ExperimentRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return Find(row.Id) is { LaneSecondsPerSequence: { } lane } cost ? LaneCount * lane / cost.SecondsPerSequence : null;
        }

        /// <summary>
        /// Busy lanes below which a lane network of <paramref name="lanes"/> lanes running <paramref name="row"/>'s last trials
        /// hands them to scalar networks by default (the runner's <c>LaneHandOver.Below</c>, the projection's
        /// <c>LaneSimulation</c>): the committed table's cost of a lane step in scalar steps where its lanes were measured at
        /// this K (<see cref="LaneStepInScalarSteps"/>), else half the lanes.
        /// </summary>
        public static double DefaultHandOverBelow(ExperimentRow row, int lanes) =>
            (lanes == Measured.LaneCount ? Measured.LaneStepInScalarSteps(row) : null) ?? lanes / 2.0;

        /// <summary>
        /// The expected CPU seconds of one trial of <paramref name="row"/> under cap <paramref name="cap"/>, whatever its
        /// seed: seconds per sequence times the mean of the measured trials' sequences under that cap (the cap itself for a
        /// row without measured trials).
        /// </summary>
        public double ExpectedTrialSeconds(ExperimentRow row, long cap)
        {
            ArgumentNullException.ThrowIfNull(row);
            return SecondsPerSequence(row) * ExpectedSequences(row, cap);
        }

        /// <summary>The mean of the measured trials' sequences under <paramref name="cap"/> (the cap for a row without measured trials).</summary>
        private double ExpectedSequences(ExperimentRow row, long cap)
        {
            var outcomes = Find(row.Id)?.Outcomes;
            return outcomes is { Count: > 0 } ? outcomes.Average(o => (double)o.SequencesUnder(cap)) : cap;
        }

        /// <summary>
        /// The CPU seconds of trial <paramref name="trial"/> itself, for a projection: with the default base seed a trial
        /// presents the same sequences in every version that computes the same bits, so a measured trial's count stands for
        /// it; any other trial gets the row's expectation.
        /// </summary>
        /// <param name="onLanes">Cost the trial on a lane network (<see cref="LaneSecondsPerSequence"/>): its share of the CPU time.</param>
        public double TrialSeconds(ExperimentRow row, int trial, long cap, ulong baseSeed, bool onLanes = false)
        {
            ArgumentNullException.ThrowIfNull(row);
            var outcomes = Find(row.Id)?.Outcomes;
            var sequences = baseSeed == TrialSeeds.DefaultBaseSeed && outcomes is not null && trial < outcomes.Count
                ? outcomes[trial].SequencesUnder(cap)
                : ExpectedSequences(row, cap);
            return (onLanes ? LaneSecondsPerSequence(row) : SecondsPerSequence(row)) * sequences;
        }

        /// <summary>
        /// Reads the table: comment lines start with '#'; then a header <c>row,secondsPerSequence,outcomes</c> (optionally
        /// followed by <c>,laneSecondsPerSequence</c>) and one line per row, the outcomes separated by spaces, trial 0 first:
        /// <c>26114</c> for a success after 26,114 sequences, <c>&gt;50000</c> for a trial that ran to a cap of 50,000
        /// without success; the lane column may be empty, and a comment says how many lanes it was measured with
        /// (<see cref="LaneCount"/>).
        /// </summary>
        public static CostModel Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var rows = new List<RowCost>();
            var header = false;
            var columns = 3;
            var number = 0;
            int? laneCount = null;
            foreach (var raw in text.Split('\n'))
            {
                number++;
                var line = raw.TrimEnd('\r');
                if (line.StartsWith('#') && LaneFiguresComment().IsMatch(line))
                {
                    // The comment row-costs.sh writes above the lane column: a table's lane figures hold for this K only.
                    var comment = LaneCountComment().Match(line);
                    if (!comment.Success
                        || !int.TryParse(comment.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                        || k is < 1 or > 64)
                    {
                        throw new FormatException("row costs, line " + number.ToString(CultureInfo.InvariantCulture)
                            + ": expected '# laneSecondsPerSequence: ... one of K trials sharing a lane network ...' with K from 1 to 64, as deploy/costs/row-costs.sh writes it");
                    }

                    laneCount = k;
                }

                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                if (!header)
                {
                    columns = line switch
                    {
                        "row,secondsPerSequence,outcomes" => 3,
                        "row,secondsPerSequence,outcomes,laneSecondsPerSequence" => 4,
                        _ => throw new FormatException("row costs, line " + number.ToString(CultureInfo.InvariantCulture) + ": expected the header 'row,secondsPerSequence,outcomes' or 'row,secondsPerSequence,outcomes,laneSecondsPerSequence'"),
                    };
                    header = true;
                    continue;
                }

                var fields = line.Split(',');
                if (fields.Length != columns || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || !double.IsFinite(seconds))
                {
                    throw new FormatException("row costs, line " + number.ToString(CultureInfo.InvariantCulture) + (columns == 3
                        ? ": expected 'row,seconds per sequence > 0,outcomes'"
                        : ": expected 'row,seconds per sequence > 0,outcomes,lane seconds per sequence > 0 or nothing'"));
                }

                double? laneSeconds = null;
                if (columns == 4 && fields[3].Length > 0)
                {
                    if (!double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lane) || !(lane > 0) || !double.IsFinite(lane))
                    {
                        throw new FormatException("row costs, line " + number.ToString(CultureInfo.InvariantCulture) + ": the lane seconds per sequence '" + fields[3] + "' is not a number > 0");
                    }

                    laneSeconds = lane;
                }

                var outcomes = new List<TrialOutcome>();
                foreach (var token in fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var failed = token.StartsWith('>');
                    if (!long.TryParse(failed ? token.AsSpan(1) : token.AsSpan(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequences) || sequences < 1)
                    {
                        throw new FormatException("row costs, line " + number.ToString(CultureInfo.InvariantCulture) + ": outcome '" + token + "' is neither N nor >N");
                    }

                    outcomes.Add(new TrialOutcome(sequences, !failed));
                }

                rows.Add(new RowCost(fields[0], seconds, outcomes, laneSeconds));
            }

            return new CostModel(rows, laneCount);
        }

        /// <summary>A comment about the lane column (deploy/costs/row-costs.sh writes one): it must say its K (<see cref="LaneCountComment"/>).</summary>
        [GeneratedRegex(@"^#\s*laneSecondsPerSequence:", RegexOptions.CultureInvariant)]
        private static partial Regex LaneFiguresComment();

        /// <summary>How many lanes the lane figures were measured with, as deploy/costs/row-costs.sh says it.</summary>
        [GeneratedRegex(@"^#\s*laneSecondsPerSequence:.*\bone of ([0-9]+) trials sharing a lane network", RegexOptions.CultureInvariant)]
        private static partial Regex LaneCountComment();

        private static string ReadResource()
        {
            using var stream = typeof(CostModel).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The row costs (" + ResourceName + ") are not embedded in this build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
