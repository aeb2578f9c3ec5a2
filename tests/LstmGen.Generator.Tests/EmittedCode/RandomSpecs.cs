using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LstmGen.Generator.Tests.EmittedCode
{
    /// <summary>
    /// Random valid specs (YAML), the same ones on every machine and every .NET version (their own SplitMix64 stream):
    /// small networks mostly, wide ones sometimes, so that every path of the emitter is taken (written-out and kernel
    /// sums, Dot4 groups, loops over the output units, one-hot and sparse inputs with and without the vector scan and
    /// the touched set, identity g and h, blocks without output gates, custom connectivity, float).
    /// </summary>
    internal static class RandomSpecs
    {
        public const ulong Seed = 20261207;

        /// <summary>Spec <paramref name="index"/> of the stream of <paramref name="seed"/>: (file name, YAML).</summary>
        public static IEnumerable<(string FileName, string Yaml)> Draw(int count, ulong seed = Seed)
        {
            var random = new SplitMix64(seed);
            for (var i = 0; i < count; i++)
            {
                yield return ("r" + i.ToString("D4", CultureInfo.InvariantCulture) + ".lstm.yaml", Spec(random, i));
            }
        }

        private static string Spec(SplitMix64 r, int index)
        {
            var s = new StringBuilder();
            s.Append("name: R").Append(Text(index)).Append('\n');
            var wide = r.Chance(0.15);
            s.Append("inputs: ").Append(Text(wide ? r.Next(1, 1200) : r.Next(1, 30))).Append('\n');
            s.Append("outputs: ").Append(Text(r.Chance(0.15) ? r.Next(1, 40) : r.Next(1, 8))).Append('\n');
            var blockCount = r.Chance(0.1) ? r.Next(1, 12) : r.Next(1, 5);
            var bias = new[] { "none", "gates", "hidden", "all" }[r.Next(0, 4)];
            var gatesBiased = bias != "none";
            if (r.Chance(0.5))
            {
                s.Append("blocks: { count: ").Append(Text(blockCount)).Append(", cells: ").Append(Text(r.Next(1, wide ? 9 : 4)));
                if (gatesBiased && r.Chance(0.5))
                {
                    s.Append(", inputGateBias: ").Append(Text(-r.Next(0, 5)));
                }

                if (r.Chance(0.2))
                {
                    s.Append(", outputGate: false");
                }
                else if (gatesBiased && r.Chance(0.3))
                {
                    s.Append(", outputGateBias: -1.5");
                }

                s.Append(" }\n");
            }
            else
            {
                s.Append("blocks:\n");
                for (var j = 0; j < blockCount; j++)
                {
                    s.Append("  - { cells: ").Append(Text(r.Next(1, wide ? 9 : 4)));
                    if (r.Chance(0.25))
                    {
                        s.Append(", outputGate: false");
                    }
                    else if (gatesBiased && r.Chance(0.3))
                    {
                        s.Append(", outputGateBias: ").Append(Text(-r.Next(0, 4)));
                    }

                    if (gatesBiased && r.Chance(0.4))
                    {
                        s.Append(", inputGateBias: ").Append((0.5 - r.Next(0, 4)).ToString(CultureInfo.InvariantCulture));
                    }

                    s.Append(" }\n");
                }
            }

            switch (r.Next(0, 5))
            {
                case 0:
                    s.Append("connectivity: B\n");
                    break;
                case 1:
                    s.Append("connectivity:\n  cellInputs: ").Append(Sources(r, false)).Append("\n  inputGates: ").Append(Sources(r, false))
                        .Append("\n  outputGates: ").Append(Sources(r, false)).Append("\n  outputs: ").Append(Sources(r, true)).Append('\n');
                    break;
                case 2:
                    s.Append("connectivity: full\n");
                    break;
            }

            s.Append("bias: ").Append(bias).Append('\n');
            s.Append("squashing: { cellInput: ").Append(new[] { "g2", "g1", "identity" }[r.Next(0, 3)])
                .Append(", cellOutput: ").Append(new[] { "h1", "identity" }[r.Next(0, 2)]).Append(" }\n");
            s.Append("learningRate: ").Append(new[] { "0.1", "0.5", "1", "0.01" }[r.Next(0, 4)]).Append('\n');
            if (r.Chance(0.5))
            {
                s.Append("update: per-step\n");
            }

            if (r.Chance(0.2))
            {
                s.Append("precision: float\n");
            }

            switch (r.Next(0, 4))
            {
                case 1:
                    s.Append("inputEncoding: one-hot\n");
                    break;
                case 2:
                    s.Append("inputEncoding: sparse\n");
                    break;
            }

            return s.ToString();
        }

        private static string Sources(SplitMix64 r, bool outputs)
        {
            var all = outputs ? new[] { "input", "cells" } : new[] { "input", "cells", "inputGates", "outputGates", "gates" };
            var chosen = all.Where(_ => r.Chance(0.5)).ToList();
            if (outputs && !chosen.Contains("cells"))
            {
                chosen.Add("cells");
            }

            return "[" + string.Join(", ", chosen) + "]";
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a fixed stream, whatever System.Random does.</summary>
        private sealed class SplitMix64
        {
            private ulong _state;

            public SplitMix64(ulong seed)
            {
                _state = seed;
            }

            /// <summary>An integer in [low, high).</summary>
            public int Next(int low, int high) => low + (int)(NextUInt64() % (ulong)(high - low));

            public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0) < p;

            private ulong NextUInt64()
            {
                var z = _state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
