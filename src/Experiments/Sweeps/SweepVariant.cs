using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// One variant of a sweep, written as a complete spec and row file in its own folder (so that it can be rerun alone with
    /// <c>lstmgen run</c>), its trials appended to results files there.
    /// </summary>
    /// <param name="Id">v01, v02, ... in grid order.</param>
    /// <param name="Settings">The value of every axis.</param>
    /// <param name="Folder">The variant's folder inside the sweep's.</param>
    /// <param name="SpecPath">The variant's spec file.</param>
    /// <param name="SpecText">Its text.</param>
    /// <param name="SpecChanged">Whether a spec key varies (else the spec is the row network's, and the compiled-in class runs).</param>
    /// <param name="RowPath">The variant's row file.</param>
    /// <param name="RowText">Its text.</param>
    /// <param name="Row">The runnable row it declares.</param>
    public sealed record SweepVariant(
        string Id,
        IReadOnlyList<SweepSetting> Settings,
        string Folder,
        string SpecPath,
        string SpecText,
        bool SpecChanged,
        string RowPath,
        string RowText,
        ExperimentRow Row)
    {
        /// <summary>The results file of an unsharded run.</summary>
        public string ResultsPath => Path.Combine(Folder, "results.jsonl");

        /// <summary>The results file of shard I of N (shards may run on different machines over one shared folder).</summary>
        public string ShardResultsPath(int index, int count) =>
            Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"results-shard-{index}-of-{count}.jsonl"));

        /// <summary>The settings in words, e.g. <c>learningRate=0.5, blocks.inputGateBias=[-1, -2]</c>.</summary>
        public string Describe() => Settings.Count == 0 ? "the row as it is" : string.Join(", ", Settings.Select(s => s.ToString()));

        /// <summary>The command that reruns this variant alone (the same trials, the same results file).</summary>
        public string RerunCommand() =>
            "lstmgen run " + RowPath + (SpecChanged ? " --spec " + SpecPath : string.Empty) + " --results " + ResultsPath;
    }
}
