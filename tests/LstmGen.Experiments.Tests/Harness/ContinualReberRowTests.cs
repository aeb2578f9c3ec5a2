using System;
using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using LstmGen.Experiments.Tasks;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>
    /// The Gers 2000 rows (specs/gers2000/): their row files, the continual protocol's carried state, a small-cap run
    /// (deterministic, the same in lanes as scalar), and the mistakes a row file can make with the new task and rule.
    /// </summary>
    public sealed class ContinualReberRowTests : IDisposable
    {
        private const string Valid = """
            rows:
              - id: mine
                title: CERG
                network: Gers2000ReberForgetGates
                task: { name: continual-embedded-reber }
                stop: { rule: continual-solution, testStreams: 2, testStreamSymbols: 500, trainingStreamSymbols: 200 }
                trials: 2
                cap: 40
            """;

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lstmgen-cerg-" + Guid.NewGuid().ToString("N"));

        public ContinualReberRowTests() => Directory.CreateDirectory(_directory);

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        private static RowFile Read(string text) => RowFileReader.Read("my.rows.yaml", text);

        private static ContinualReberRow Row(string text) =>
            Assert.IsType<ContinualReberRow>(RowFactory.Create(Assert.Single(Read(text).Definitions)));

        private static string Path2(params string[] parts) => Path.Combine([CliRunner.RepositoryRoot, .. parts]);

        [Fact]
        public void The_gers2000_row_files_read_without_diagnostics_into_their_protocols_and_networks()
        {
            var cerg = RowFileReader.Read("gers2000.rows.yaml", File.ReadAllText(Path2("specs", "gers2000", "gers2000.rows.yaml")));
            var erg = RowFileReader.Read("gers2000-erg.rows.yaml", File.ReadAllText(Path2("specs", "gers2000", "gers2000-erg.rows.yaml")));

            Assert.Empty(cerg.Diagnostics);
            Assert.Empty(erg.Diagnostics);
            var rows = cerg.CreateRows().Concat(erg.CreateRows()).ToDictionary(r => r.Id);
            Assert.Equal(["cerg-forget", "cerg-standard", "cerg-standard-reset", "erg-forget", "erg-standard"], rows.Keys.Order(StringComparer.Ordinal));
            Assert.True(((ContinualEmbeddedReberTask)rows["cerg-standard-reset"].CreateTask()).ExternalReset);
            Assert.False(((ContinualEmbeddedReberTask)rows["cerg-forget"].CreateTask()).ExternalReset);
            Assert.Equal((10, 100_000), (((ContinualReberRow)rows["cerg-forget"]).TestStreams, ((ContinualReberRow)rows["cerg-forget"]).TestStreamSymbols));
            Assert.Equal("Gers2000ReberForgetGates", rows["cerg-forget"].NetworkName);
            Assert.Equal("Gers2000ReberStandard", rows["cerg-standard"].NetworkName);
            Assert.IsType<ReberRow>(rows["erg-forget"]);
            Assert.Equal((18.0, 18_889.0), (rows["cerg-forget"].Paper.SuccessPercent, rows["cerg-forget"].Paper.MeanSequences));
            Assert.Equal((74.0, 7_441.0), (rows["cerg-standard-reset"].Paper.SuccessPercent, rows["cerg-standard-reset"].Paper.MeanSequences));
            Assert.Equal(0.0, rows["cerg-standard"].Paper.SuccessPercent);
            // Table 2's columns b and c, as docs/gers2000.md quotes them.
            Assert.Equal(new GoodAndRest(0, null, 26, 31), rows["cerg-standard-reset"].Paper.GoodAndRest);
            Assert.Equal(new GoodAndRest(1, 1166, 99, 37), rows["cerg-standard"].Paper.GoodAndRest);
            Assert.Equal(new GoodAndRest(29, 39171, 53, 145), rows["cerg-forget"].Paper.GoodAndRest);
            Assert.All(cerg.CreateRows(), r => Assert.Equal(100, r.Trials));
        }

        [Fact]
        public void The_rows_are_not_built_in_rows_of_the_1997_paper()
        {
            Assert.DoesNotContain(PaperRows.All, r => r.Id.StartsWith("cerg", StringComparison.Ordinal) || r.Id.StartsWith("erg", StringComparison.Ordinal));
        }

        [Fact]
        public void A_string_that_continues_the_stream_starts_from_the_state_the_previous_one_left()
        {
            var network = Row(Valid).CreateInitialNetwork(5, new RunOptions());
            var task = new ContinualEmbeddedReberTask();
            var first = task.FromString("BTBTXSETE");
            var second = task.FromString("BPBPVVEPE");
            var outputs = first.NewOutputBuffer();
            var continued = second.NewOutputBuffer();
            var fresh = second.NewOutputBuffer();

            SequenceRunner.TestSteps(network, first, outputs);
            SequenceRunner.TestSteps(network, second, continued, reset: false);
            SequenceRunner.TestSteps(network, second, fresh);

            Assert.NotEqual(fresh, continued);
        }

        [Fact]
        public void A_small_cap_run_is_deterministic()
        {
            var row = Row(Valid);

            var a = Run(row);
            var b = Run(row);

            Assert.Equal(40, a.Sequences);
            Assert.False(a.Success);
            Assert.Equal(2, a.TestSize);
            Assert.True(a.Extra["trainingStrings"] >= 40);
            Assert.InRange(a.Extra["meanErrorFreeLength"], 0, 500);
            Assert.True(Same(a, b));
            Assert.False(Same(a, row.RunTrial(1, 4321, new RunOptions(), new TrialProgress(row.Id, 1), CancellationToken.None)));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_stream_carries_the_state_from_string_to_string_until_its_first_wrong_string_unless_reset_externally(bool externalReset)
        {
            var text = externalReset ? Valid.Replace("name: continual-embedded-reber }", "name: continual-embedded-reber, reset: every-string }", StringComparison.Ordinal) : Valid;
            var row = Row(text);
            var network = row.NewNetwork(new RunOptions());
            var trial = row.Start(0, 99, network, new RunOptions(), new TrialProgress(row.Id, 0), CancellationToken.None);

            // The verdicts are made up: the third training string is wrong at its step 2, everything else correct. The
            // first stream ends there; the second runs its 200 symbols, and the solution test (2 streams of 500) passes.
            var works = new System.Collections.Generic.List<(bool Learn, bool Continue, int Length)>();
            var trainingStrings = 0;
            while (trial.Work.MoveNext())
            {
                var work = trial.Work.Current;
                works.Add((work.Learn, work.ContinueState, work.Sequence.Length));
                var wrong = work.Learn && ++trainingStrings == 3;
                work.Judgement = new SequenceJudgement(!wrong, wrong ? 1 : 0, 0, 0, 0, 0, 0) { ErrorFreeSteps = wrong ? 2 : work.Sequence.Length };
            }

            var result = trial.Finish();
            Assert.True(result.Success);
            Assert.Equal(2, result.Sequences);
            var training = works.Where(w => w.Learn).ToList();
            var starts = training.Select((w, i) => (w, i)).Where(p => !p.w.Continue).Select(p => p.i).ToList();
            Assert.Equal(externalReset ? Enumerable.Range(0, training.Count).ToList() : [0, 3], starts);
            var second = training.Skip(3).Sum(w => w.Length);
            Assert.True(second >= 200 && second - training[^1].Length < 200, "the second stream ends at the string that reaches 200 symbols");
            Assert.Equal(training.Take(2).Sum(w => w.Length) + 2 + second, (int)result.Extra["trainingSymbols"]);
            var tests = works.Where(w => !w.Learn).ToList();
            Assert.Equal(externalReset ? tests.Count : 4, tests.Count(w => !w.Continue)); // 2 streams: the solution test, the final test
        }

        [Fact]
        public void A_run_in_lanes_carries_the_streams_state_as_the_scalar_path_does()
        {
            // A row whose trials train and test strings that all continue one stream, whatever the verdicts, and record
            // every string's squared error: the lanes must give the scalar path's errors, which depend on the state carried.
            var row = new CarryingRow();
            var scalar = new TrialRunner().Run(row, 3, 7, new RunOptions { Lanes = 1 }, Path.Combine(_directory, "scalar.jsonl"), 1, CancellationToken.None);
            var lanes = new TrialRunner().Run(row, 3, 7, new RunOptions { Lanes = 2 }, Path.Combine(_directory, "lanes.jsonl"), 1, CancellationToken.None);

            Assert.Equal(3, scalar.Count);
            Assert.All(scalar.Zip(lanes), pair => Assert.Equal(pair.First.Extra.OrderBy(e => e.Key), pair.Second.Extra.OrderBy(e => e.Key)));
            Assert.NotEqual(scalar[0].Extra["train3"], new CarryingRow(carry: false).RunTrial(0, scalar[0].Seed, new RunOptions(), new TrialProgress("carry", 0), CancellationToken.None).Extra["train3"]);
        }

        [Theory]
        [InlineData("task: { name: continual-embedded-reber }", "task: { name: continual-embedded-reber, reset: sometimes }")]
        [InlineData("    trials: 2", "    testSetSize: 10\n    trials: 2")]
        [InlineData("task: { name: continual-embedded-reber }", "task: { name: embedded-reber }")]
        [InlineData("testStreams: 2", "testStreams: 0")]
        [InlineData("trainingStreamSymbols: 200", "trainingStreamSymbol: 200")]
        public void A_mistake_in_a_continual_row_is_a_diagnostic_not_a_row(string valid, string wrong)
        {
            var file = Read(Valid.Replace(valid, wrong, StringComparison.Ordinal));

            Assert.Empty(file.Definitions);
            Assert.NotEmpty(file.Diagnostics);
        }

        [Fact]
        public void The_paper_figures_carry_Table_2_s_good_and_rest_columns()
        {
            var figures = Assert.Single(Read(Valid + "\n    paper: { table: Gers 2000 Table 2, trials: 100, successPercent: 0, goodPercent: 1, goodLength: 1166, restPercent: 99, restLength: 37 }").Definitions).Settings.Paper;
            var none = Assert.Single(Read(Valid + "\n    paper: { table: Gers 2000 Table 2, trials: 100, successPercent: 74, goodPercent: 0, restPercent: 26, restLength: 31 }").Definitions).Settings.Paper;

            Assert.Equal(new GoodAndRest(1, 1166, 99, 37), figures.GoodAndRest);
            Assert.Equal(new GoodAndRest(0, null, 26, 31), none.GoodAndRest);
            Assert.Null(Assert.Single(Read(Valid).Definitions).Settings.Paper.GoodAndRest);
        }

        [Theory]
        [InlineData("goodPercent: 1, goodLength: 1166, restLength: 37", "LSTM0003")]                  // good without rest
        [InlineData("goodLength: 1166", "LSTM0010")]                                                  // a length without its percentage
        [InlineData("goodPercent: 101, restPercent: 0", "LSTM0014")]                                   // not a percentage
        [InlineData("goodPercent: 1, restPercent: 99, restLength: -37", "LSTM0014")]                   // not a length
        [InlineData("goodPercent: 1, restPercent: 99, restLenght: 37", "LSTM0002")]                    // an unknown key
        public void A_mistake_in_Table_2_s_figures_is_a_diagnostic_not_a_row(string figures, string id)
        {
            var file = Read(Valid + "\n    paper: { table: Gers 2000 Table 2, trials: 100, " + figures + " }");

            Assert.Empty(file.Definitions);
            Assert.Contains(file.Diagnostics, d => d.Id == id);
        }

        private static TrialResult Run(ExperimentRow row) =>
            row.RunTrial(0, 1234, new RunOptions(), new TrialProgress(row.Id, 0), CancellationToken.None);

        /// <summary>Two trials' results, wall times aside.</summary>
        private static bool Same(TrialResult x, TrialResult y) =>
            x.Success == y.Success && x.Sequences == y.Sequences && x.TestWrong == y.TestWrong &&
            x.Extra.OrderBy(e => e.Key).SequenceEqual(y.Extra.OrderBy(e => e.Key)) &&
            x.Curve.SequenceEqual(y.Curve);

        /// <summary>Trains 6 strings and tests 4, each continuing the previous one's state (or not), and records their errors.</summary>
        private sealed class CarryingRow(bool carry = true)
            : ExperimentRow(new RowSettings("carry", "carry", "Gers2000ReberStandard", 0.5, 3, 6, PaperFigures.None, 13))
        {
            public override string StoppingRule => "none";

            public override ISequenceTask CreateTask() => new ContinualEmbeddedReberTask();

            protected override System.Collections.Generic.IEnumerable<SequenceWork> Train(LstmGen.Runtime.ILstmNetwork network, int trial, ulong seed, RunOptions options, TrialProgress progress, TrialOutcome outcome, CancellationToken cancellationToken)
            {
                var task = new ContinualEmbeddedReberTask();
                var random = TrainingRandom(seed);
                var work = new SequenceWork();
                var extra = new System.Collections.Generic.Dictionary<string, double>();
                for (var i = 0; i < 6; i++)
                {
                    yield return work.Train(task, task.Next(random), i + 1, continueState: carry && i > 0);
                    extra["train" + i] = work.Judgement.SquaredError;
                }

                for (var i = 0; i < 4; i++)
                {
                    yield return work.Test(task, task.Next(random), continueState: carry && i > 0);
                    extra["test" + i] = work.Judgement.SquaredError;
                }

                outcome.Result = Result(trial, seed, false, 6, default, [], extra);
            }
        }
    }
}
