using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Model;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>
    /// Random specs covering everything the spec language can say, emitted by the real emitter and compiled in
    /// memory once for all tests.
    /// </summary>
    internal static class RandomTopologies
    {
        public const string Namespace = "LstmGen.Runtime.Tests.Reference.Emitted";

        /// <summary>Number of random double-precision specs.</summary>
        public const int Count = 12;

        /// <summary>The index of the single-precision spec in <see cref="Specs"/>.</summary>
        public const int FloatIndex = Count;

        /// <summary>
        /// The index of a wide spec in <see cref="Specs"/>: more inputs and cells than the emitter unrolls
        /// (<see cref="Generator.Planning.SpeedDecisions.UnrollLimit"/>), so its Kernels paths run too.
        /// </summary>
        public const int WideIndex = Count + 1;

        /// <summary>The index of the wide spec again, with <c>inputEncoding: sparse</c>: the vector scan for active inputs runs too.</summary>
        public const int WideSparseIndex = Count + 2;

        /// <summary>Number of random double-precision specs with forget gates (Gers 2000), after the wide sparse spec.</summary>
        public const int ForgetCount = 12;

        /// <summary>The index of the first random spec with forget gates in <see cref="Specs"/>.</summary>
        public const int FirstForgetIndex = Count + 3;

        /// <summary>The index of the single-precision spec with forget gates.</summary>
        public const int ForgetFloatIndex = FirstForgetIndex + ForgetCount;

        /// <summary>The index of the wide spec with forget gates (Kernels paths and Dot4 groups with forget gate slots).</summary>
        public const int ForgetWideIndex = ForgetFloatIndex + 1;

        /// <summary>
        /// Number of random double-precision specs with peepholes (Gers 2002), after the wide forget gate spec: the even ones
        /// with forget gates too (dense inputs), the odd ones without (their drawn input encoding kept).
        /// </summary>
        public const int PeepholeCount = 12;

        /// <summary>The index of the first random spec with peepholes in <see cref="Specs"/>.</summary>
        public const int FirstPeepholeIndex = ForgetWideIndex + 1;

        /// <summary>The index of the wide spec with forget gates and peepholes (Kernels paths beside the peephole terms).</summary>
        public const int PeepholeWideIndex = FirstPeepholeIndex + PeepholeCount;

        /// <summary>
        /// Number of specs that start their sequences at a reset activation other than zero (<c>resetActivation</c>, the
        /// 1997 JKU simulator's 0.5 and two other values), after the wide peephole spec: copies of the twelve random 1997
        /// specs (every connectivity, bias, g, h and input encoding), the float one, the wide one, two with forget gates and
        /// two with peepholes, renamed.
        /// </summary>
        public const int ResetCount = Count + 6;

        /// <summary>The index of the first spec with a reset activation in <see cref="Specs"/>.</summary>
        public const int FirstResetIndex = PeepholeWideIndex + 1;

        private static readonly Lazy<(IReadOnlyList<NetworkSpec> Specs, Assembly Assembly)> Compiled = new(Build);

        public static IReadOnlyList<NetworkSpec> Specs => Compiled.Value.Specs;

        /// <summary>A fresh instance of the emitted class of spec <paramref name="index"/>.</summary>
        public static ILstmNetwork Create(int index)
        {
            var spec = Specs[index];
            var type = Compiled.Value.Assembly.GetType(spec.FullTypeName, throwOnError: true)!;
            return (ILstmNetwork)Activator.CreateInstance(type)!;
        }

        private static (IReadOnlyList<NetworkSpec>, Assembly) Build()
        {
            var random = new SeededRandom(20251117);
            var specs = new List<NetworkSpec>();
            for (var i = 0; i < Count; i++)
            {
                specs.Add(Draw(random, i, Precision.Double));
            }

            // The single-precision spec reads its inputs sparsely: its test feeds dense inputs through that path too.
            specs.Add(Draw(random, Count, Precision.Float) with { InputEncoding = InputEncoding.Sparse });
            var wide = Wide(random);
            specs.Add(wide);
            specs.Add(wide with { TypeName = "WideSparse", SpecFileName = "wide-sparse.lstm.yaml", SpecText = "name: WideSparse\n", InputEncoding = InputEncoding.Sparse });

            // The forget gate specs draw from their own stream, so that the 1997 specs above stay as they were.
            var forgetRandom = new SeededRandom(20261202);
            for (var i = 0; i < ForgetCount; i++)
            {
                specs.Add(WithForgetGates(forgetRandom, Draw(forgetRandom, i, Precision.Double), "RandomForget" + i.ToString(CultureInfo.InvariantCulture)));
            }

            specs.Add(WithForgetGates(forgetRandom, Draw(forgetRandom, ForgetCount, Precision.Float), "RandomForgetFloat"));
            specs.Add(WithForgetGates(forgetRandom, Wide(forgetRandom), "WideForget"));

            // The peephole specs draw from their own stream too, so that the specs above stay as they were.
            var peepholeRandom = new SeededRandom(20261203);
            for (var i = 0; i < PeepholeCount; i++)
            {
                var name = "RandomPeephole" + i.ToString(CultureInfo.InvariantCulture);
                var drawn = Draw(peepholeRandom, i, Precision.Double);
                specs.Add(WithPeepholes(peepholeRandom, i % 2 == 0 ? WithForgetGates(peepholeRandom, drawn, name) : drawn with
                {
                    TypeName = name,
                    SpecFileName = name + ".lstm.yaml",
                    SpecText = "name: " + name + "\n# (drawn at random by the reference tests)\n",
                }));
            }

            specs.Add(WithPeepholes(peepholeRandom, WithForgetGates(peepholeRandom, Wide(peepholeRandom), "WidePeephole")));

            // The reset activation specs copy specs above (no draw: the specs above stay as they were), mostly at 0.5.
            var resetCopies = Enumerable.Range(0, Count).Concat(new[] { FloatIndex, WideIndex, FirstForgetIndex, FirstForgetIndex + 1, FirstPeepholeIndex, FirstPeepholeIndex + 1 }).ToList();
            for (var n = 0; n < resetCopies.Count; n++)
            {
                var name = "ResetAt" + specs[resetCopies[n]].TypeName;
                specs.Add(specs[resetCopies[n]] with
                {
                    TypeName = name,
                    SpecFileName = name + ".lstm.yaml",
                    SpecText = "name: " + name + "\n# (drawn at random by the reference tests)\n",
                    ResetActivation = n % 6 == 1 ? 1.0 : n % 6 == 4 ? 0.3 : 0.5,
                });
            }

            var assembly = InMemoryCompiler.Compile("LstmGen.Runtime.Tests.Reference.Emitted", specs.Select(s => NetworkEmitter.Emit(s, "test")));
            return (specs, assembly);
        }

        /// <summary>
        /// One random spec. The enumerated choices (connectivity kind, bias policy, g, h, update timing, input encoding)
        /// rotate with <paramref name="index"/> so that the set covers every value (and every pair of connectivity kind and
        /// input encoding, of bias policy and input encoding); the rest is drawn.
        /// </summary>
        private static NetworkSpec Draw(SeededRandom random, int index, Precision precision)
        {
            var blockCount = random.NextInclusive(1, 4);
            var blocks = new List<BlockSpec>();
            for (var j = 0; j < blockCount; j++)
            {
                blocks.Add(new BlockSpec(
                    random.NextInclusive(1, 3),
                    DrawGateBias(random),
                    DrawGateBias(random),
                    HasOutputGate: random.NextBool(0.7)));
            }

            var kind = (ConnectivityKind)(index % 3);
            var connectivity = kind switch
            {
                ConnectivityKind.Full => Connectivity.Full,
                ConnectivityKind.Layered => Connectivity.Layered,
                _ => new Connectivity(
                    ConnectivityKind.Custom,
                    DrawSources(random),
                    DrawSources(random),
                    DrawSources(random),
                    SourceSet.Cells | (random.NextBool() ? SourceSet.Input : SourceSet.None)),
            };

            var name = "Random" + index.ToString(CultureInfo.InvariantCulture);
            return new NetworkSpec(
                TypeName: name,
                Namespace: Namespace,
                SpecFileName: name + ".lstm.yaml",
                Description: "A random topology for the reference tests.",
                InputCount: random.NextInclusive(1, 6),
                OutputCount: random.NextInclusive(1, 4),
                Blocks: new EquatableArray<BlockSpec>(blocks),
                Connectivity: connectivity,
                Bias: (BiasPolicy)((index / 3) % 4),
                CellInput: (CellInputSquash)((index / 4) % 3),
                CellOutput: (CellOutputSquash)((index / 2) % 2),
                InitInterval: random.NextUniform(0.1, 0.5),
                LearningRate: random.NextUniform(0.1, 1.0),
                Update: index % 2 == 0 ? Generator.Model.UpdateTiming.PerSequence : Generator.Model.UpdateTiming.PerStep,
                Precision: precision,
                SpecText: "name: " + name + "\n# (drawn at random by the reference tests)\n")
            {
                InputEncoding = (InputEncoding)((index + (index / 3)) % 3),
            };
        }

        /// <summary>30 inputs and 9 blocks of 3 cells (27 cells), some without an output gate; F connectivity.</summary>
        private static NetworkSpec Wide(SeededRandom random)
        {
            var blocks = new List<BlockSpec>();
            for (var j = 0; j < 9; j++)
            {
                blocks.Add(new BlockSpec(3, DrawGateBias(random), DrawGateBias(random), HasOutputGate: j % 3 != 1));
            }

            return new NetworkSpec(
                "Wide", Namespace, "wide.lstm.yaml", "A network wider than the emitter unrolls.", 30, 3,
                new EquatableArray<BlockSpec>(blocks), Connectivity.Full, BiasPolicy.All, CellInputSquash.G2, CellOutputSquash.H1,
                0.2, 0.5, Generator.Model.UpdateTiming.PerSequence, Precision.Double, "name: Wide\n");
        }

        /// <summary>
        /// <paramref name="spec"/> with forget gates in most of its blocks (a block without one stays the 1997 cell), forget
        /// gate biases drawn in [0, 3] or random (Gers 2000 starts forget gates open), and dense inputs (forget gates need
        /// them).
        /// </summary>
        private static NetworkSpec WithForgetGates(SeededRandom random, NetworkSpec spec, string name)
        {
            var blocks = spec.Blocks.Select((b, j) => b with
            {
                HasForgetGate = j == 0 || random.NextBool(0.7),
                ForgetGateBias = random.NextBool() ? GateBias.Random : GateBias.Fixed(Math.Round(random.NextUniform(0.0, 3.0), 1)),
            }).Select(b => b.HasForgetGate ? b : b with { ForgetGateBias = GateBias.Random }).ToList();
            return spec with
            {
                TypeName = name,
                SpecFileName = name + ".lstm.yaml",
                SpecText = "name: " + name + "\n# (drawn at random by the reference tests)\n",
                Blocks = new EquatableArray<BlockSpec>(blocks),
                InputEncoding = InputEncoding.Dense,
            };
        }

        /// <summary><paramref name="spec"/> with peepholes (Gers 2002) in most of its blocks, always in its first.</summary>
        private static NetworkSpec WithPeepholes(SeededRandom random, NetworkSpec spec)
        {
            var blocks = spec.Blocks.Select((b, j) => b with { HasPeepholes = j == 0 || random.NextBool(0.7) }).ToList();
            return spec with { Blocks = new EquatableArray<BlockSpec>(blocks) };
        }

        private static GateBias DrawGateBias(SeededRandom random) =>
            random.NextBool() ? GateBias.Random : GateBias.Fixed(Math.Round(random.NextUniform(-4.0, 2.0), 1));

        /// <summary>A random subset of inputs, cells, input gates and output gates.</summary>
        private static SourceSet DrawSources(SeededRandom random) => (SourceSet)random.NextInt(16);
    }
}
