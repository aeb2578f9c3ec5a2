using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// The networks a row can name (<c>network</c>): the 1997 paper's, compiled into LstmGen.Runtime
    /// (<see cref="PaperNetworks"/>), and the networks of the rows beyond that paper (specs/gers2000/, Gers, Schmidhuber
    /// &amp; Cummins 2000), compiled into lstmgen itself.
    /// </summary>
    public static class RowNetworks
    {
        /// <summary>Every network a row can name: the paper's first, then lstmgen's own, each by name.</summary>
        public static IReadOnlyList<CompiledNetwork> All { get; } = PaperNetworks.All.Concat(Generated.LstmGenNetworks.All).ToList();

        /// <summary>The network named <paramref name="name"/> (case-insensitive, as <see cref="PaperNetworks.Find"/>), or null.</summary>
        public static CompiledNetwork? Find(string name) =>
            PaperNetworks.Find(name) ?? Generated.LstmGenNetworks.All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
