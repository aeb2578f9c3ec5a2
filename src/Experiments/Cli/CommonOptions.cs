using System.CommandLine;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Cli
{
    /// <summary>Options many commands declare alike, each with the description its command gives it: the base seed, a spec file instead of a row's network, JSON output.</summary>
    public static class CommonOptions
    {
        /// <summary><c>--seed</c>: the base seed trials derive theirs from, by default <see cref="TrialSeeds.DefaultBaseSeed"/>.</summary>
        public static Option<ulong> Seed(string description) =>
            new("--seed") { Description = description, DefaultValueFactory = _ => TrialSeeds.DefaultBaseSeed };

        /// <summary><c>--spec</c>: a spec file used instead of the row's compiled-in network.</summary>
        public static Option<string?> Spec(string description) =>
            new("--spec") { Description = description, HelpName = "file.lstm.yaml" };

        /// <summary><c>--json</c>: write JSON instead of text.</summary>
        public static Option<bool> Json(string description) =>
            new("--json") { Description = description };
    }
}
