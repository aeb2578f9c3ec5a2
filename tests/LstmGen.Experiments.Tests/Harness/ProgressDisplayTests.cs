using System.IO;
using System.Linq;
using System.Threading;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Harness
{
    /// <summary>The plain progress line of a log counts the trials a resumed run read from its results file.</summary>
    public sealed class ProgressDisplayTests
    {
        [Fact]
        public void A_resumed_run_counts_the_trials_of_earlier_runs_as_done()
        {
            var row = PaperRows.Find("6a")!;
            var path = Path.Combine(Path.GetTempPath(), "lstmgen-progress-" + Path.GetRandomFileName() + ".jsonl");
            try
            {
                new TrialRunner().Run(row, 2, TrialSeeds.DefaultBaseSeed, new RunOptions { MaxSequences = 300 }, path, 1, CancellationToken.None);
                var earlier = ResultsFile.Read(path);
                var successes = earlier.Count(t => t.Success);
                var log = new StringWriter();
                using (var progress = new ProgressDisplay(log, row, 5, new TrialRunner(), earlier))
                {
                    progress.WriteStatus();
                }

                Assert.StartsWith($"[6a] 2/5 trials done ({successes} successful; 2 from earlier runs);", log.ToString());
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_fresh_run_starts_at_none_done()
        {
            var log = new StringWriter();
            using (var progress = new ProgressDisplay(log, PaperRows.Find("6a")!, 5, new TrialRunner(), []))
            {
                progress.WriteStatus();
            }

            Assert.StartsWith("[6a] 0/5 trials done (0 successful);", log.ToString());
        }
    }
}
