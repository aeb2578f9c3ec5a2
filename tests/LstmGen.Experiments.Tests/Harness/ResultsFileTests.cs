using System.Collections.Generic;
using System.IO;
using System.Text;
using LstmGen.Experiments.Harness;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    public sealed class ResultsFileTests
    {
        private static TrialResult Result(int trial) => new()
        {
            Row = "6a",
            Trial = trial,
            Seed = 12345678901234567890UL,
            Success = trial % 2 == 0,
            Sequences = 31_390 + trial,
            TestSize = 2560,
            TestWrong = trial,
            TestMse = 0.1 / 3.0,
            TestMeanAbsError = 1e-17,
            WallSeconds = 1.5,
            Extra = new Dictionary<string, double> { ["st1Sequences"] = 27_380 },
            Curve = new List<CurvePoint> { new(100, 0.5), new(200, 0.25) },
        };

        [Fact]
        public void A_trial_round_trips_exactly()
        {
            var original = Result(3);
            var back = ResultsFile.Parse(ResultsFile.Format(original));
            Assert.Equal(original.Row, back.Row);
            Assert.Equal(original.Seed, back.Seed);
            Assert.Equal(original.Sequences, back.Sequences);
            Assert.Equal(original.TestMse, back.TestMse);
            Assert.Equal(original.TestMeanAbsError, back.TestMeanAbsError);
            Assert.Equal(original.Extra["st1Sequences"], back.Extra["st1Sequences"]);
            Assert.Equal(original.Curve, back.Curve);
            Assert.Equal(LstmGen.Generator.LstmGenVersion.Value, back.Version);
        }

        [Fact]
        public void A_partial_last_line_is_ignored_and_cut_off_before_appending()
        {
            var path = Path.Combine(Path.GetTempPath(), "lstmgen-results-" + Path.GetRandomFileName() + ".jsonl");
            try
            {
                using (var writer = ResultsFile.OpenForAppend(path))
                {
                    ResultsFile.Append(writer, Result(0));
                    ResultsFile.Append(writer, Result(1));
                }

                // An interruption in the middle of the third line.
                var third = ResultsFile.Format(Result(2));
                File.AppendAllText(path, third.Substring(0, third.Length / 2), new UTF8Encoding(false));
                Assert.Equal(2, ResultsFile.Read(path).Count);

                using (var writer = ResultsFile.OpenForAppend(path))
                {
                    ResultsFile.Append(writer, Result(2));
                }

                var all = ResultsFile.Read(path);
                Assert.Equal(new[] { 0, 1, 2 }, all.ConvertAll(r => r.Trial));
                Assert.EndsWith("\n", File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
