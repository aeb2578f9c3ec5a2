namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// How one training or test sequence went, in the terms the paper's stopping and success rules use.
    /// </summary>
    /// <param name="Correct">Whether the task judges the sequence processed correctly (ABS(β) or the task's own rule).</param>
    /// <param name="MaxAbsError">The largest absolute output error at the judged steps (ABS(β) compares it with β).</param>
    /// <param name="SquaredError">Σ_k (t_k − y_k)² summed over the judged steps (Eq. 16).</param>
    /// <param name="AbsError">Σ_k |t_k − y_k| averaged over the output units at the judged steps.</param>
    public readonly record struct SequenceOutcome(bool Correct, double MaxAbsError, double SquaredError, double AbsError);
}
