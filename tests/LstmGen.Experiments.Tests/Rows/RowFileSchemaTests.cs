using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>
    /// specs/rows/lstm-rows.schema.json: every row file of the repository validates against it, a file the reader refuses
    /// for its shape fails it too, and its task and stopping rule parameters are the catalogues'.
    /// </summary>
    public sealed class RowFileSchemaTests
    {
        private static readonly string Folder = Path.Combine(CliRunner.RepositoryRoot, "specs", "rows");

        private static JsonSchema Schema => JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "lstm-rows.schema.json")));

        /// <summary>The row files under specs/ (the built-in rows' and the Gers 2000 rows'), relative to specs/.</summary>
        public static TheoryData<string> RowFiles => new(
            Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "specs"), "*.rows.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(CliRunner.RepositoryRoot, "specs"), f).Replace('\\', '/'))
                .Order(System.StringComparer.Ordinal));

        [Theory]
        [MemberData(nameof(RowFiles))]
        public void Every_row_file_validates_against_the_schema(string file)
        {
            var results = Evaluate(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "specs", file)));

            Assert.True(results.IsValid, string.Join("\n", Problems(results)));
        }

        [Theory]
        [InlineData("    learningRate: 0.1", "    learningRat: 0.1")]                      // an unknown key
        [InlineData("    learningRate: 0.1", "    learningRate: fast")]                   // a wrong type
        [InlineData("  task:\n    name: embedded-reber", "  task:\n    name: reber")]     // an unknown task
        [InlineData("    checkEvery: 100", "    checkEvery: 100\n    beta: 0.1")]          // a parameter of another rule
        [InlineData("goodPercent: 0, restPercent: 26", "goodPercent: 0, restPercent: 126", "../gers2000/gers2000.rows.yaml")]   // not a percentage
        [InlineData("goodLength: 1166", "goodLength: -1166", "../gers2000/gers2000.rows.yaml")]                               // not a length
        public void A_row_file_of_the_wrong_shape_fails_the_schema(string original, string broken, string file = "exp1-reber.rows.yaml")
        {
            var text = File.ReadAllText(Path.Combine(Folder, file));
            Assert.Contains(original, text);

            Assert.True(Evaluate(text).IsValid);
            Assert.False(Evaluate(text.Replace(original, broken)).IsValid);
        }

        [Fact]
        public void The_schema_knows_every_task_with_exactly_its_parameters()
        {
            var task = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "lstm-rows.schema.json")))!["definitions"]!["settings"]!["properties"]!["task"]!;
            var names = task["properties"]!["name"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
            Assert.Equal(TaskCatalog.All.Select(t => t.Name), names);
            foreach (var kind in TaskCatalog.All)
            {
                Assert.Equal(["name", .. kind.Parameters.Select(p => p.Key)], KeysAllowedFor(task, "name", kind.Name));
            }
        }

        [Fact]
        public void The_schema_knows_every_stopping_rule_with_exactly_its_parameters()
        {
            var stop = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "lstm-rows.schema.json")))!["definitions"]!["settings"]!["properties"]!["stop"]!;
            var names = stop["properties"]!["rule"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
            Assert.Equal(StoppingRuleCatalog.All.Select(r => r.Name), names);
            foreach (var kind in StoppingRuleCatalog.All)
            {
                Assert.Equal(["rule", .. kind.Parameters.Select(p => p.Key)], KeysAllowedFor(stop, "rule", kind.Name));
            }
        }

        private static EvaluationResults Evaluate(string yaml) =>
            Schema.Evaluate(YamlAsJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

        private static IEnumerable<string> Problems(EvaluationResults results) =>
            results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Key + ": " + e.Value));

        /// <summary>The propertyNames enum of the if/then branch for <paramref name="name"/>.</summary>
        private static IEnumerable<string> KeysAllowedFor(JsonNode level, string nameKey, string name) =>
            level["allOf"]!.AsArray()
                .Single(branch => branch!["if"]!["properties"]![nameKey]!["const"]!.GetValue<string>() == name)!["then"]!["propertyNames"]!["enum"]!
                .AsArray().Select(n => n!.GetValue<string>());
    }
}
