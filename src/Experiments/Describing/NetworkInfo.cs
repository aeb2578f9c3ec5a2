using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Describing
{
    /// <summary>
    /// A network's spec and layout, obtained the one sanctioned way: the spec text through <see cref="SpecParser"/>,
    /// then <see cref="NetworkLayout.Create"/>. Never parse YAML anywhere else.
    /// </summary>
    public sealed class NetworkInfo
    {
        private NetworkInfo(NetworkSpec spec, NetworkLayout layout, IReadOnlyList<string> warnings)
        {
            Spec = spec;
            Layout = layout;
            Warnings = warnings;
        }

        public NetworkSpec Spec { get; }

        public NetworkLayout Layout { get; }

        /// <summary>The spec's warnings, in the compiler's format.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Bytes per stored value: 8 for double, 4 for float.</summary>
        public int BytesPerValue => Spec.Precision == Precision.Float ? 4 : 8;

        /// <summary>The compiled network called <paramref name="name"/> (case-insensitive).</summary>
        /// <exception cref="UnknownNetworkException">No compiled network has that name (the CLI reports a usage error).</exception>
        public static CompiledNetwork FindCompiled(string name)
        {
            return PaperNetworks.Find(name)
                ?? throw new UnknownNetworkException(name, PaperNetworks.All.Select(n => n.Name).ToList());
        }

        /// <summary>
        /// Whether the network's spec declares <c>inputEncoding: one-hot</c>: such a network refuses a step with more than
        /// one non-zero input, so synthetic data for it (bench, trace) must be one-hot too.
        /// </summary>
        public static bool DeclaresOneHotInput(ILstmNetwork network) => Of(network).Spec.InputEncoding == InputEncoding.OneHot;

        /// <summary>Parses the spec text a network carries.</summary>
        public static NetworkInfo Of(ILstmNetwork network) => Parse(network.SpecFileName, network.SpecText);

        /// <summary>Parses a spec; a spec with errors throws <see cref="SpecException"/> (the CLI prints its diagnostics).</summary>
        public static NetworkInfo Parse(string path, string text)
        {
            var result = SpecParser.Parse(path, text);
            if (result.HasErrors || result.Spec is null)
            {
                throw new SpecException(result.Diagnostics.ToList());
            }

            var warnings = result.Diagnostics.Where(d => !d.IsError).Select(d => d.ToCompilerFormat()).ToList();
            return new NetworkInfo(result.Spec, NetworkLayout.Create(result.Spec), warnings);
        }

        /// <summary>The block sizes, e.g. "2,2".</summary>
        public string BlockSizes => string.Join(",", Spec.Blocks.Select(b => b.Cells.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>The spec's blocks, for enumeration without the model's equatable array.</summary>
        public IReadOnlyList<BlockSpec> Blocks => Spec.Blocks.ToList();

        /// <summary>Checks that a network's weight count equals its layout's (a generated class and its spec must agree).</summary>
        public void CheckAgainst(ILstmNetwork network)
        {
            if (network.WeightCount != Layout.WeightCount)
            {
                throw new InvalidOperationException(
                    network.Name + " has " + network.WeightCount + " weights but its spec's layout has " + Layout.WeightCount);
            }
        }
    }
}
