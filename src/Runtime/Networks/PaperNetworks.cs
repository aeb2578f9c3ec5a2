using System;
using System.Collections.Generic;
using LstmGen.Generated;

namespace LstmGen.Runtime
{
    /// <summary>The networks of the paper's Table 10, compiled into this assembly from the specs in specs/.</summary>
    public static class PaperNetworks
    {
        /// <summary>Every compiled network, ordered by name.</summary>
        public static IReadOnlyList<CompiledNetwork> All => LstmGenNetworks.All;

        /// <summary>The network named <paramref name="name"/> (case-insensitive), or null.</summary>
        public static CompiledNetwork? Find(string name)
        {
            foreach (var entry in All)
            {
                if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry;
                }
            }

            return null;
        }
    }
}
