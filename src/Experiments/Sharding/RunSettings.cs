using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using LstmGen.Experiments.Harness;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Sharding
{
    /// <summary>
    /// The settings that shape a row's results besides its trial count, cap and base seed, in words: a shard records them
    /// (<see cref="ShardManifest"/>) so that <c>lstmgen merge</c> never puts trials run with different settings into one row.
    /// The results lines do not carry them.
    /// </summary>
    public static class RunSettings
    {
        /// <summary>Describes <paramref name="options"/>; <paramref name="specPath"/> is the <c>--spec</c> file trained instead of the row's network, if any.</summary>
        public static string Describe(RunOptions options, string? specPath)
        {
            ArgumentNullException.ThrowIfNull(options);
            return string.Join("; ",
                "update: " + (options.Update switch { UpdateTiming.PerStep => "per step", UpdateTiming.PerSequence => "per sequence", _ => "the spec's" }),
                "training error: " + (options.ErrorMeasure == TrainingErrorMeasure.Absolute ? "absolute" : "squared"),
                "learning rate: " + (options.LearningRate?.ToString("R", CultureInfo.InvariantCulture) ?? "the row's"),
                "stopping test every: " + (options.CheckEvery?.ToString(CultureInfo.InvariantCulture) ?? "the row's default"),
                "test set: " + (options.TestSetSize?.ToString(CultureInfo.InvariantCulture) ?? "the paper's"),
                "network: " + (specPath is null ? "compiled" : "spec sha256 " + Sha256(specPath)));
        }

        private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
    }
}
