using System;
using System.Collections.Generic;

namespace LstmGen.Experiments.Describing
{
    /// <summary>No compiled network has the name asked for; the message names the ones there are.</summary>
    public sealed class UnknownNetworkException : Exception
    {
        public UnknownNetworkException(string name, IReadOnlyList<string> knownNames)
            : base("unknown network '" + name + "'; compiled networks: " + string.Join(", ", knownNames))
        {
            Name = name;
            KnownNames = knownNames;
        }

        /// <summary>The name asked for.</summary>
        public string Name { get; }

        /// <summary>The names of the compiled networks.</summary>
        public IReadOnlyList<string> KnownNames { get; }
    }
}
