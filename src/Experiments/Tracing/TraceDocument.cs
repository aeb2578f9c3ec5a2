using System.Text.Json;
using LstmGen.Experiments.Describing;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tracing
{
    /// <summary>
    /// The trace format: one JSON document from which anyone can recompute a sequence's outputs and trained weights
    /// with the paper's equations alone. Weights are named by the units they connect (<c>to</c>, <c>from</c>),
    /// so the reader needs no knowledge of LstmGen's weight order. Numbers are round-trippable doubles.
    /// </summary>
    public static class TraceDocument
    {
        /// <summary>The processing order and learning rule the numbers follow, written into every document.</summary>
        public const string Conventions =
            "One training sequence, starting from the reset state (all activations, cell states s_c and traces zero). "
            + "Per step t, in the paper's order (section 5, App. A.1): the inputs x(t) ('input[i]') are set; every input gate, output gate and cell "
            + "computes net = sum over its weights ('to' = that unit) of weight * source, where source 'input[i]' is x_i(t), 'bias' is 1, and a hidden unit "
            + "('block[j].cell[v]', 'block[j].input_gate', 'block[j].output_gate') is its activation y(t-1) of the PREVIOUS step (0 at t = 0). "
            + "y_in = f(net_in), y_out = f(net_out), f = logistic 1/(1+e^-x) ('gate'); a block with no 'block[j].output_gate' weights has no output gate and y_out = 1. "
            + "Each cell: s_c(t) = s_c(t-1) + y_in * g(net_c) (Eq. 9, no forget gate), y_c(t) = y_out * h(s_c(t)), with g = 'cellInput' "
            + "(g2: 4/(1+e^-x) - 2; g1: 1/(1+e^-x); identity: x) and h = 'cellOutput' (h1: 2/(1+e^-x) - 1; identity: x). "
            + "Then each output unit reads THIS step's y_c(t) (and x(t) where 'from' is 'input[i]', and 1 for 'bias'): y_k(t) = f(net_k) ('output', logistic); "
            + "'output' of a step is y_k(t). "
            + "Learning, truncated RTRL (App. A.1): traces are updated every step BEFORE use: dS_c/dw_in,m += g(net_c) f'(net_in) src_m (Eq. 25) for the weights "
            + "of the cell's block input gate, dS_c/dw_c,m += g'(net_c) y_in src_m (Eq. 27) for the cell's own weights, src_m being x(t), y(t-1) or 1 as above; "
            + "no error flows back through y(t-1). At a step with a target (a step whose 'target' is null has no error): e_k = f'(net_k) (t_k - y_k) "
            + "(Eq. 19 without the factor 2); E_c = sum_k w_k,c e_k with the weights as they are before this step's changes; e_s_c = y_out h'(s_c) E_c (Eq. 23); "
            + "e_out_j = f'(net_out_j) sum_v h(s_v) E_v over the block's cells (Eq. 21); with lr = 'learningRate': dw_k,m = lr e_k src_m (src: y_c(t), x(t), 1); "
            + "dw_out,m = lr e_out src_m (x(t), y(t-1), 1) (Eq. 22); dw_in,m = lr sum_v e_s_v dS_v/dw_in,m over the block's cells (Eq. 26); "
            + "dw_c,m = lr e_s_c dS_c/dw_c,m (Eq. 28); f'(x) = f(x)(1 - f(x)), g2' = 4 f'(x), h1' = 2 f'(x). "
            + "'update' per-step: each step's changes are added to the weights right after that step, so the next step runs with the new weights; "
            + "per-sequence: all steps run with the 'initial' weights and the summed changes are added once, after the last step. "
            + "'initial' is each weight before the first step, 'trained' after the end of the sequence.";

        /// <summary>
        /// How a network whose spec sets <c>resetActivation</c> starts the sequence (docs/spec-language.md), written into its documents
        /// only (the document of a network that resets to zero is unchanged).
        /// </summary>
        public const string ResetConventions =
            "The reset state differs from the conventions' in one respect: the activations of the hidden units y(0) (cells, input gates, "
            + "output gates) and of the outputs start at resetActivation (the 1997 JKU simulator's reset_net: 0.5), not zero; the inputs, "
            + "cell states s_c and traces start at zero. So at the first step src_m of a hidden unit is resetActivation.";

        /// <summary>
        /// What a network with forget gates (Gers, Schmidhuber &amp; Cummins 2000) computes differently, written into its
        /// documents only (a 1997 network's document is unchanged).
        /// </summary>
        public const string ForgetGateConventions =
            "Blocks whose 'forgetGates' entry is true have a forget gate 'block[j].forget_gate', which reads the same sources as the block's input gate "
            + "(y(t-1) of the hidden units, x(t), 1) and is not itself a source of any unit: y_phi = f(net_phi) (logistic). "
            + "Each cell of such a block: s_c(t) = y_phi * s_c(t-1) + y_in * g(net_c). Its traces: every trace of the cell (its block's input gate weights, "
            + "forget gate weights and its own weights) is first multiplied by y_phi(t), then the step's term is added: dS_c/dw_in,m = dS_c/dw_in,m * y_phi + g(net_c) f'(net_in) src_m; "
            + "dS_c/dw_phi,m = dS_c/dw_phi,m * y_phi + s_c(t-1) f'(net_phi) src_m; dS_c/dw_c,m = dS_c/dw_c,m * y_phi + g'(net_c) y_in src_m. "
            + "At a target: dw_phi,m = lr sum_v e_s_v dS_v/dw_phi,m over the block's cells, as for the input gate. Blocks whose entry is false are the 1997 cells above.";

        /// <summary>
        /// What a network with peepholes (Gers &amp; Schmidhuber 2000; Gers, Schraudolph &amp; Schmidhuber 2002) computes
        /// differently, written into its documents only (a network without peepholes has an unchanged document).
        /// </summary>
        public const string PeepholeConventions =
            "Blocks whose 'peepholes' entry is true have one weight from each of their cells' states, named 'block[j].cell[v].state' in 'from', "
            + "into each of their gates (after the gate's other sources, before its bias). The input gate and the forget gate read s_c(t-1), the state "
            + "before this step's update; the output gate reads s_c(t), so it is computed after the states: net_out = sum_m w_out,m src_m + sum_v w_out,c_v s_c_v(t), "
            + "then y_c = y_out * h(s_c). Learning uses s_c as the source activation of these weights: in the traces of the input and forget gate weights "
            + "src_m is s_c'(t-1), and dw_out,c' = lr e_out s_c'(t). No error flows from a gate back into s_c through a peephole (e_s_c is unchanged).";

        public static string Write(NetworkDescription description, SequenceTrace trace) =>
            JsonText.Write(w => Write(w, description, trace));

        public static void Write(Utf8JsonWriter w, NetworkDescription description, SequenceTrace trace)
        {
            var d = description;
            w.WriteStartObject();
            w.WriteString("format", "lstmgen-trace/1");
            w.WriteString("network", d.Name);
            w.WriteString("specFile", d.SpecFileName);
            w.WriteNumber("seed", trace.Seed);
            w.WriteNumber("dataSeed", trace.DataSeed);
            w.WriteNumber("length", trace.Steps.Count);
            JsonText.Number(w, "learningRate", trace.LearningRate);
            w.WriteString("update", SpecNames.Of(trace.Update));
            w.WriteStartObject("activations");
            w.WriteString("cellInput", SpecNames.Of(d.CellInput));
            w.WriteString("cellOutput", SpecNames.Of(d.CellOutput));
            w.WriteString("gate", "logistic");
            w.WriteString("output", "logistic");
            w.WriteEndObject();
            w.WriteStartObject("connectivity");
            w.WriteString("kind", SpecNames.Of(d.Connectivity.Pattern));
            JsonText.Strings(w, "cellInputs", SpecNames.Sources(d.Connectivity.CellInputs));
            JsonText.Strings(w, "inputGates", SpecNames.Sources(d.Connectivity.InputGates));
            JsonText.Strings(w, "outputGates", SpecNames.Sources(d.Connectivity.OutputGates));
            JsonText.Strings(w, "outputs", SpecNames.Sources(d.Connectivity.Outputs));
            w.WriteString("bias", SpecNames.Of(d.Bias));
            w.WriteEndObject();
            w.WriteString("conventions", Conventions);
            if (d.ResetActivation != 0.0)
            {
                // The reset state of the conventions, but with the hidden units' and outputs' activations at this value.
                w.WriteString("resetConventions", ResetConventions);
                JsonText.Number(w, "resetActivation", d.ResetActivation);
            }

            if (d.HasForgetGates)
            {
                w.WriteString("forgetGateConventions", ForgetGateConventions);
                w.WriteStartArray("forgetGates");
                foreach (var block in d.Blocks)
                {
                    w.WriteBooleanValue(block.HasForgetGate);
                }

                w.WriteEndArray();
            }

            if (d.HasPeepholes)
            {
                w.WriteString("peepholeConventions", PeepholeConventions);
                w.WriteStartArray("peepholes");
                foreach (var block in d.Blocks)
                {
                    w.WriteBooleanValue(block.HasPeepholes);
                }

                w.WriteEndArray();
            }

            w.WriteNumber("inputs", d.InputCount);
            w.WriteNumber("outputs", d.OutputCount);
            w.WriteStartArray("blockSizes");
            foreach (var block in d.Blocks)
            {
                w.WriteNumberValue(block.Cells);
            }

            w.WriteEndArray();
            w.WriteStartArray("weights");
            for (var i = 0; i < d.WeightCount; i++)
            {
                var (to, from) = d.DescribeWeight(i);
                w.WriteStartObject();
                w.WriteNumber("index", i);
                w.WriteString("to", to);
                w.WriteString("from", from);
                JsonText.Number(w, "initial", trace.InitialWeights[i]);
                JsonText.Number(w, "trained", trace.TrainedWeights[i]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("steps");
            foreach (var step in trace.Steps)
            {
                w.WriteStartObject();
                JsonText.Numbers(w, "input", step.Input);
                if (step.Target is null)
                {
                    w.WriteNull("target");
                }
                else
                {
                    JsonText.Numbers(w, "target", step.Target);
                }

                JsonText.Numbers(w, "output", step.Output);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
