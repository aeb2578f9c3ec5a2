using LstmGen.Generator.Layout;

namespace LstmGen.Experiments.Describing
{
    /// <summary>
    /// The memory a network instance holds, in values and bytes, from its layout and precision. The counts follow
    /// what the generated class allocates: the weights, the pending (per-sequence) updates, the RTRL traces (2CSI),
    /// the activations y(t−1), y(t), s_c and y_k, and the per-step scratch the learning rule reads.
    /// </summary>
    public sealed record StateSize(int BytesPerValue, long Weights, long PendingUpdates, long Traces, long Activations, long Scratch)
    {
        /// <summary>All values.</summary>
        public long Values => Weights + PendingUpdates + Traces + Activations + Scratch;

        /// <summary>All bytes.</summary>
        public long Bytes => Values * BytesPerValue;

        public static StateSize Of(NetworkLayout layout, int bytesPerValue)
        {
            long h = layout.HiddenCount;
            long c = layout.CellCount;
            long b = layout.BlockCount;
            long k = layout.OutputCount;

            // y(t-1) and y(t) (2H), the cell states s_c (C), the outputs y_k (K).
            var activations = (2 * h) + c + k;

            // g(net_c), g'(net_c), h(s_c), h'(s_c), e_s, sum_k w_kc e_k per cell (6C); f'_in, f'_out, e_out per
            // block (3B); f'_k and e_k per output (2K).
            // With forget gates (Gers 2000): y_phi and f'_phi per block (2B), s_c(t-1) per cell (C).
            var scratch = (6 * c) + (3 * b) + (2 * k) + (layout.Spec.HasForgetGates ? (2 * b) + c : 0);
            return new StateSize(bytesPerValue, layout.WeightCount, layout.WeightCount, layout.TraceCount, activations, scratch);
        }
    }
}
