using System;
using System.Collections.Generic;
using LstmGen.Experiments.Tasks;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Layout;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Every row of the paper's result tables (Tables 1-9) with the settings of Tables 10 and 11 and the paper's figures.
    /// </summary>
    public static class PaperRows
    {
        /// <summary>The paper's cap on training for Exp 2: "Training is stopped after 5 million sequence presentations".</summary>
        public const long FiveMillion = 5_000_000;

        private static readonly Lazy<IReadOnlyList<ExperimentRow>> Rows = new(Build);

        public static IReadOnlyList<ExperimentRow> All => Rows.Value;

        /// <summary>The row with id <paramref name="id"/> (case-insensitive), or null.</summary>
        public static ExperimentRow? Find(string id)
        {
            foreach (var row in All)
            {
                if (string.Equals(row.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return row;
                }
            }

            return null;
        }

        private static IReadOnlyList<ExperimentRow> Build()
        {
            var rows = new List<ExperimentRow>();

            // Table 1: embedded Reber grammar, LSTM rows (means of 30 trials: 3 data set pairs x 10).
            rows.Add(new ReberRow("1-1", "Exp 1, 4 blocks of size 1, learning rate 0.1", "Exp1Reber4x1", 0.1, new PaperFigures("Table 1", 30, 100, 39_740, null)));
            rows.Add(new ReberRow("1-2", "Exp 1, 3 blocks of size 2, learning rate 0.1", "Exp1Reber3x2", 0.1, new PaperFigures("Table 1", 30, 100, 21_730, null)));
            rows.Add(new ReberRow("1-3", "Exp 1, 3 blocks of size 2, learning rate 0.2", "Exp1Reber3x2", 0.2, new PaperFigures("Table 1", 30, 97, 14_060, null)));
            rows.Add(new ReberRow("1-4", "Exp 1, 4 blocks of size 1, learning rate 0.5", "Exp1Reber4x1", 0.5, new PaperFigures("Table 1", 30, 97, 9_500, null)));
            rows.Add(new ReberRow("1-5", "Exp 1, 3 blocks of size 2, learning rate 0.5", "Exp1Reber3x2", 0.5, new PaperFigures("Table 1", 30, 100, 8_440, null)));

            // Table 2 (2a) and the text of §5.2 (2b): p = 100, means of 18 trials, success = 10,000 successive correct.
            rows.Add(new StreamRow("2a", "Exp 2a, noise-free sequences, p = 100", "Exp2LongLag", 1.0, FiveMillion,
                new PaperFigures("Table 2", 18, 100, 5_040, null),
                () => new LongLagTask(LongLagVariant.NoiseFree, 100), _ => new SuccessiveCorrectRule(10_000), 0, 100, sequentialConstruction: true));
            rows.Add(new StreamRow("2b", "Exp 2b, no local regularities, p = 100", "Exp2LongLag", 1.0, FiveMillion,
                new PaperFigures("§5.2 text", 18, 100, 5_680, null),
                () => new LongLagTask(LongLagVariant.NoLocalRegularities, 100), _ => new SuccessiveCorrectRule(10_000), 0, 100, sequentialConstruction: true));

            // Table 3: 2c, means of 20 trials.
            var table3 = new (int Q, int P, double Paper)[]
            {
                (50, 50, 30_000), (100, 100, 31_000), (200, 200, 33_000), (500, 500, 38_000), (1000, 1000, 49_000),
                (1000, 500, 49_000), (1000, 200, 75_000), (1000, 100, 135_000), (1000, 50, 203_000),
            };
            for (var i = 0; i < table3.Length; i++)
            {
                var (q, p, paper) = table3[i];
                rows.Add(new StreamRow("2c-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Exp 2c, q = " + q.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", p = " + p.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Exp2cP" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), 0.01, FiveMillion,
                    new PaperFigures("Table 3", 20, null, paper, null),
                    () => new VeryLongLagTask(p, q), _ => new SuccessiveCorrectRule(10_000), 0, q + 13));
            }

            // Tables 4-6: Exp 3, means of 10 trials.
            rows.Add(Exp3("3a-100-3", NoiseSignalVariant.TwoSequence, 100, 3, 1.0, 0, 0.01, "Table 4", 39_850, "0.000195", 27_380));
            rows.Add(Exp3("3a-100-1", NoiseSignalVariant.TwoSequence, 100, 1, 1.0, 0, 0.01, "Table 4", 64_330, "0.000117", 58_370));
            rows.Add(Exp3("3a-1000-3", NoiseSignalVariant.TwoSequence, 1000, 3, 1.0, 0, 0.01, "Table 4", 452_460, "0.000078", 446_850));
            rows.Add(Exp3("3b-100-3", NoiseSignalVariant.NoisyInformation, 100, 3, 1.0, 5, 0.04, "Table 5", 43_250, "0.00828", 41_740));
            rows.Add(Exp3("3b-100-1", NoiseSignalVariant.NoisyInformation, 100, 1, 1.0, 5, 0.04, "Table 5", 78_430, "0.01500", 74_950));
            rows.Add(Exp3("3b-1000-1", NoiseSignalVariant.NoisyInformation, 1000, 1, 1.0, 5, 0.04, "Table 5", 485_080, "0.01207", 481_060));
            rows.Add(Exp3("3c-100-3", NoiseSignalVariant.NoisyTargets, 100, 3, 0.1, 0, 0.015, "Table 6", 269_650, "0.00558", null));
            rows.Add(Exp3("3c-100-1", NoiseSignalVariant.NoisyTargets, 100, 1, 0.1, 0, 0.015, "Table 6", 565_640, "0.00441", null));

            // Table 7: Exp 4, adding, means of 10 trials; ST3(0.01), ABS(0.04), 2560 test sequences.
            foreach (var (t, paper, wrong) in new[] { (100, 74_000.0, "1 out of 2560"), (500, 209_000.0, "0 out of 2560"), (1000, 853_000.0, "1 out of 2560") })
            {
                var length = t;
                rows.Add(new StreamRow("4-" + t.ToString(System.Globalization.CultureInfo.InvariantCulture), "Exp 4, adding, T = " + t.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Exp4Adding", 0.5, FiveMillion, new PaperFigures("Table 7", 10, null, paper, wrong),
                    () => new AddingTask(length), options => new St3Rule(0.01, options.ErrorMeasure), 2560, length + (length / 20)));
            }

            // Table 8: Exp 5, multiplication, T = 100, means of 10 trials; all weights (gate biases too) random.
            foreach (var (nSeq, paper, wrong, mse) in new[] { (140, 482_000.0, "139 out of 2560", "0.0223"), (13, 1_273_000.0, "14 out of 2560", "0.0139") })
            {
                var n = nSeq;
                rows.Add(new StreamRow("5-" + nSeq.ToString(System.Globalization.CultureInfo.InvariantCulture), "Exp 5, multiplication, T = 100, n_seq = " + nSeq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Exp4Adding", 0.1, FiveMillion, new PaperFigures("Table 8", 10, null, paper, wrong) { Extra = new Dictionary<string, string> { ["MSE"] = mse } },
                    () => new MultiplicationTask(100), _ => new FewWrongRule(n), 2560, 105, RandomizeInputGateBiases));
            }

            // Table 9: Exp 6, temporal order; ST3(0.1), ABS(0.3), 2560 test sequences.
            rows.Add(new StreamRow("6a", "Exp 6a, temporal order, 2 relevant symbols", "Exp6aTemporalOrder", 0.5, FiveMillion,
                new PaperFigures("Table 9", 20, null, 31_390, "1 out of 2560"),
                () => new TemporalOrderTask(TemporalOrderVariant.TwoSymbols), options => new St3Rule(0.1, options.ErrorMeasure), 2560, 105));
            rows.Add(new StreamRow("6b", "Exp 6b, temporal order, 3 relevant symbols", "Exp6bTemporalOrder", 0.1, FiveMillion,
                new PaperFigures("Table 9", 10, null, 571_100, "2 out of 2560"),
                () => new TemporalOrderTask(TemporalOrderVariant.ThreeSymbols), options => new St3Rule(0.1, options.ErrorMeasure), 2560, 105));
            return rows;
        }

        private static NoiseSignalRow Exp3(string id, NoiseSignalVariant variant, int t, int n, double rate, int st1MaxWrong, double st2, string table, double paperSt2, string fraction, double? paperSt1)
        {
            var extra = new Dictionary<string, string>();
            if (paperSt1 is { } st1)
            {
                extra["ST1"] = st1.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            }

            return new NoiseSignalRow(id, "Exp " + id.Substring(0, 2) + ", T = " + t.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", N = " + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                rate, t >= 1000 ? 3_000_000 : 2_000_000, new PaperFigures(table, 10, null, paperSt2, fraction) { Extra = extra },
                () => new NoiseSignalTask(variant, t, n), st1MaxWrong, st2, t + (t / 20));
        }

        /// <summary>
        /// Exp 5 initialises every weight, the input gate biases included, in [-0.1, 0.1] (Table 10 igb "r"), while the
        /// shared Exps 4/5 spec fixes them for Exp 4: redraw them from their own stream.
        /// </summary>
        private static void RandomizeInputGateBiases(ILstmNetwork network, ulong seed)
        {
            var spec = SpecParser.Parse(network.SpecFileName, network.SpecText).Spec
                ?? throw new InvalidOperationException("The compiled spec of " + network.Name + " does not parse.");
            var layout = NetworkLayout.Create(spec);
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            var random = new SeededRandom(seed);
            for (var j = 0; j < layout.BlockCount; j++)
            {
                var row = layout.InputGateFanIn(j);
                if (row.HasBias)
                {
                    weights[row.BiasOffset] = random.NextSymmetric(spec.InitInterval);
                }
            }

            network.SetWeights(weights);
        }
    }
}
