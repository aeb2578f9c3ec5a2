namespace LstmGen.Generator.Model
{
    /// <summary>
    /// One network, as declared by one <c>*.lstm.yaml</c> spec. This record is the generator's cache
    /// boundary: it holds only strings, numbers, enums, other records and <see cref="EquatableArray{T}"/>.
    /// </summary>
    /// <param name="TypeName">The C# type name of the generated class.</param>
    /// <param name="Namespace">The C# namespace of the generated class.</param>
    /// <param name="SpecFileName">The spec's file name (no directory: the generated text must not depend on the machine).</param>
    /// <param name="Description">Free text from the spec, emitted as the class summary.</param>
    /// <param name="InputCount">Number of input units (Table 10 "in").</param>
    /// <param name="OutputCount">Number of output units (Table 10 "out").</param>
    /// <param name="Blocks">The memory cell blocks (Table 10 "b" and "s").</param>
    /// <param name="Connectivity">Which units feed which (Table 10 "c").</param>
    /// <param name="Bias">Which units are biased (Table 10 "bias").</param>
    /// <param name="CellInput">The squashing function g (Table 10 "g").</param>
    /// <param name="CellOutput">The squashing function h (Table 10 "h").</param>
    /// <param name="InitInterval">Half-width a of the uniform initialisation interval [−a, a] (Table 11 "interval").</param>
    /// <param name="LearningRate">The learning rate α (Table 10 "α").</param>
    /// <param name="Update">When weight changes are applied (extraction §2.4).</param>
    /// <param name="Precision">The floating-point type of the generated code.</param>
    /// <param name="SpecText">The spec's YAML text, embedded in the generated class so tools can describe it.</param>
    public sealed record NetworkSpec(
        string TypeName,
        string Namespace,
        string SpecFileName,
        string Description,
        int InputCount,
        int OutputCount,
        EquatableArray<BlockSpec> Blocks,
        Connectivity Connectivity,
        BiasPolicy Bias,
        CellInputSquash CellInput,
        CellOutputSquash CellOutput,
        double InitInterval,
        double LearningRate,
        UpdateTiming Update,
        Precision Precision,
        string SpecText)
    {
        /// <summary>
        /// What the spec promises about x(t) (docs/spec-language.md, "Input encoding"). An init-only property rather than
        /// a constructor parameter so that the specs built in code stay valid; record equality compares it all the same.
        /// </summary>
        public InputEncoding InputEncoding { get; init; } = InputEncoding.Dense;

        /// <summary>
        /// The value the activations of the non-input units, y(t−1) of the hidden units (cells, input gates, output gates)
        /// and the outputs y^k, are reset to at the start of a sequence (docs/spec-language.md, "resetActivation"). 0 is the
        /// paper's ("All activations are reset to zero at the beginning of a new sequence", §5.3); the 1997 JKU simulator's
        /// <c>reset_net</c> uses 0.5. The cell states s_c and the traces ∂s_c/∂w start at zero either way. Init-only, like
        /// <see cref="InputEncoding"/>.
        /// </summary>
        public double ResetActivation { get; init; }

        /// <summary>Whether the generated code reads only the non-zero inputs of each step ('one-hot' or 'sparse').</summary>
        public bool SkipsInactiveInputs => InputEncoding != InputEncoding.Dense;

        /// <summary>The full name of the generated type.</summary>
        public string FullTypeName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;

        /// <summary>Whether the input gates carry a bias weight.</summary>
        public bool GatesBiased => Bias != BiasPolicy.None;

        /// <summary>Whether the cell inputs carry a bias weight.</summary>
        public bool CellsBiased => Bias == BiasPolicy.Hidden || Bias == BiasPolicy.All;

        /// <summary>Whether the output units carry a bias weight.</summary>
        public bool OutputsBiased => Bias == BiasPolicy.All;

        /// <summary>Whether some block has a forget gate (Gers 2000): the traces then decay with y^φ.</summary>
        public bool HasForgetGates
        {
            get
            {
                foreach (var block in Blocks)
                {
                    if (block.HasForgetGate)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Whether some block has peephole connections (Gers 2002): the gates then read the cell states.</summary>
        public bool HasPeepholes
        {
            get
            {
                foreach (var block in Blocks)
                {
                    if (block.HasPeepholes)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>A memory cell block: S cells sharing one input gate and (optionally) one output gate (App. A.1).</summary>
    /// <param name="Cells">The block size S_j.</param>
    /// <param name="InputGateBias">The initial input gate bias (Table 10 "igb").</param>
    /// <param name="OutputGateBias">The initial output gate bias (Table 10 "ogb").</param>
    /// <param name="HasOutputGate">False for the paper's 2a/2b blocks ("no og").</param>
    public sealed record BlockSpec(int Cells, GateBias InputGateBias, GateBias OutputGateBias, bool HasOutputGate)
    {
        /// <summary>
        /// Whether the block has a forget gate φ, which scales the state it keeps: s_c(t) = y^φ(t) s_c(t−1) + y^in(t) g(net_c(t))
        /// (Gers, Schmidhuber &amp; Cummins 2000, Eq. 3). False is the 1997 cell, whose forget gate is fixed open (y^φ = 1).
        /// Init-only, like <see cref="NetworkSpec.InputEncoding"/>, so that the blocks built in code stay valid.
        /// </summary>
        public bool HasForgetGate { get; init; }

        /// <summary>The initial forget gate bias (Gers 2000 starts forget gates open, with positive biases).</summary>
        public GateBias ForgetGateBias { get; init; } = GateBias.Random;

        /// <summary>
        /// Whether the block has peephole connections (Gers &amp; Schmidhuber 2000; Gers, Schraudolph &amp; Schmidhuber 2002):
        /// one weight from each of its cells' states s_c to its input gate and its forget gate (if any), which read s_c(t−1),
        /// and to its output gate (if any), which reads s_c(t), so the output gate is computed after the state update.
        /// False is the 1997 cell. Init-only, like <see cref="HasForgetGate"/>.
        /// </summary>
        public bool HasPeepholes { get; init; }
    }

    /// <summary>An initial gate bias: a fixed value, or random within the initialisation interval.</summary>
    public sealed record GateBias(bool IsRandom, double Value)
    {
        public static GateBias Random { get; } = new GateBias(true, 0.0);

        public static GateBias Fixed(double value) => new GateBias(false, value);
    }

    /// <summary>The sources of each kind of unit's net input.</summary>
    /// <param name="Kind">F, B or custom.</param>
    /// <param name="CellInputs">Sources of every cell's net input net_c.</param>
    /// <param name="InputGates">Sources of every input gate's net input net_in.</param>
    /// <param name="OutputGates">Sources of every output gate's net input net_out.</param>
    /// <param name="Outputs">Sources of the output units (inputs and/or cells; gates never feed outputs, §4).</param>
    public sealed record Connectivity(
        ConnectivityKind Kind,
        SourceSet CellInputs,
        SourceSet InputGates,
        SourceSet OutputGates,
        SourceSet Outputs)
    {
        /// <summary>The paper's "F": a fully connected hidden layer; outputs see the cells only.</summary>
        public static Connectivity Full { get; } =
            new Connectivity(ConnectivityKind.Full, SourceSet.All, SourceSet.All, SourceSet.All, SourceSet.Cells);

        /// <summary>The paper's "B": every layer sees all layers below it.</summary>
        public static Connectivity Layered { get; } =
            new Connectivity(ConnectivityKind.Layered, SourceSet.Input, SourceSet.Input, SourceSet.Input, SourceSet.Input | SourceSet.Cells);
    }
}
