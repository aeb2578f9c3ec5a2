using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Harness;

namespace LstmGen.Experiments.Cli
{
    /// <summary>The <c>--rows</c> option of <c>reproduce</c> and <c>shards</c>: comma-separated row ids, or every row.</summary>
    public static class RowSelection
    {
        /// <summary>The rows named in <paramref name="ids"/>, in the order given; every row when null.</summary>
        public static List<ExperimentRow> Parse(string? ids) => ids is null
            ? PaperRows.All.ToList()
            : ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => PaperRows.Find(id) ?? throw CliException.Usage("no row '" + id + "'; 'lstmgen rows' lists them")).ToList();
    }
}
