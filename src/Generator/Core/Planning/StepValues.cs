using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The values of a learning step by their names in the paper, so that the planners read like the equations. Each is
    /// an element of one of the class's arrays (<see cref="StatePlanner"/>) or a local of the step.
    /// </summary>
    internal static class StepValues
    {
        /// <summary>A weight w[index] (the index may depend on the input in hand or on output unit k's fan-in).</summary>
        public static Element Weight(Index index) => new Element("w", index);

        /// <summary>The weight change of this step: added to the weights at once (per step) or to the sequence's sum (per sequence).</summary>
        public static Element WeightChange(Index index) => new Element("dw", index);

        /// <summary>A trace dS/dw (Eqs. 25, 27).</summary>
        public static Element Trace(Index index) => new Element("traces", index);

        /// <summary>y^u(t) of source unit u.</summary>
        public static Element Source(int unit) => new Element("y", new Index(unit));

        /// <summary>σ(net) of the unit in batch slot <paramref name="slot"/> (Eq. 3).</summary>
        public static Element SigmaOfNetInput(int slot) => new Element("sigmaNet", new Index(slot));

        /// <summary>s_c(t), the internal state of cell c (Eq. 9).</summary>
        public static Element CellState(int cell) => new Element("s", new Index(cell));

        /// <summary>g(net_c(t)) (Eq. 9).</summary>
        public static Element CellInput(int cell) => new Element("gNetC", new Index(cell));

        /// <summary>g'(net_c(t)).</summary>
        public static Element CellInputDerivative(int cell) => new Element("gPrimeNetC", new Index(cell));

        /// <summary>h(s_c(t)).</summary>
        public static Element SquashedState(int cell) => new Element("hS", new Index(cell));

        /// <summary>h'(s_c(t)).</summary>
        public static Element SquashedStateDerivative(int cell) => new Element("hPrimeS", new Index(cell));

        /// <summary>f'_in(net_in(t)) of block j's input gate.</summary>
        public static Element InputGateDerivative(int block) => new Element("fPrimeIn", new Index(block));

        /// <summary>y^φ(t) of block j's forget gate (Gers 2000).</summary>
        public static Element ForgetGateActivation(int block) => new Element("yForget", new Index(block));

        /// <summary>f'_φ(net_φ(t)) of block j's forget gate (Gers 2000).</summary>
        public static Element ForgetGateDerivative(int block) => new Element("fPrimeForget", new Index(block));

        /// <summary>s_c(t−1), cell c's state before this step's update (the forget gate's traces read it; Gers 2000).</summary>
        public static Element PreviousCellState(int cell) => new Element("sPrev", new Index(cell));

        /// <summary>f'_out(net_out(t)) of block j's output gate.</summary>
        public static Element OutputGateDerivative(int block) => new Element("fPrimeOut", new Index(block));

        /// <summary>y^k(t) of output unit k.</summary>
        public static Element OutputActivation(Index k) => new Element("yOutput", k);

        /// <summary>f'_k(net_k(t)).</summary>
        public static Element OutputDerivative(Index k) => new Element("fPrimeK", k);

        /// <summary>t^k(t), the target (an argument of the step, a double).</summary>
        public static Element Target(Index k) => new Element("target", k);

        /// <summary>e_k(t) (Eq. 19).</summary>
        public static Element OutputError(Index k) => new Element("eK", k);

        /// <summary>Σ_k w_k,c e_k(t): the output units' error reaching cell c's output.</summary>
        public static Element CellError(int cell) => new Element("cellError", new Index(cell));

        /// <summary>e_s_c(t), cell c's internal state error (Eq. 23).</summary>
        public static Element StateError(int cell) => new Element("eS", new Index(cell));

        /// <summary>e_out(t) of block j's output gate (Eq. 21).</summary>
        public static Element OutputGateError(int block) => new Element("eOut", new Index(block));

        /// <summary>α, the learning rate, in the network's precision.</summary>
        public static Local LearningRate => new Local("alpha");

        /// <summary>k, output unit k (a loop variable).</summary>
        public static Index OutputUnit => new Index(0, IndexVariable.OutputUnit);

        /// <summary>The weight of output unit k's fan-in at <paramref name="offset"/> within it.</summary>
        public static Index InOutputFanIn(int offset) => new Index(offset, IndexVariable.OutputFanIn);

        /// <summary>The element <paramref name="offset"/> + i, for the input i in hand.</summary>
        public static Index AtInput(int offset) => new Index(offset, IndexVariable.Input);

        /// <summary>x_i(t), the active input in hand.</summary>
        public static Expr ActiveInput => new ActiveInputValue();

        public static Number Zero => new Number(0.0);
    }
}
