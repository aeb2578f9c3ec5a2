using System;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Rows;
using Xunit;

namespace LstmGen.Experiments.Tests.Rows
{
    /// <summary>docs/rows.md lists every task, stopping rule and parameter a row file can use, by its dotted path.</summary>
    public sealed class RowDocsTests
    {
        private static readonly string Page = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "docs", "rows.md"));

        [Fact]
        public void Every_task_and_its_parameters_are_documented()
        {
            var missing = TaskCatalog.All
                .SelectMany(t => new[] { "`" + t.Name + "`" }.Concat(t.Parameters.Select(p => "`task." + p.Key + "`")))
                .Where(term => !Page.Contains(term, StringComparison.Ordinal));

            Assert.Empty(missing);
        }

        [Fact]
        public void Every_stopping_rule_and_its_parameters_are_documented()
        {
            var missing = StoppingRuleCatalog.All
                .SelectMany(r => new[] { "`" + r.Name + "`" }.Concat(r.Parameters.Select(p => "`stop." + p.Key + "`")))
                .Where(term => !Page.Contains(term, StringComparison.Ordinal));

            Assert.Empty(missing);
        }
    }
}
