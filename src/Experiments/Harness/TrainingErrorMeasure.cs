namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// What ST3's "average training error" averages (Exps 4 and 6). The paper does not say (extraction §7, item 3);
    /// the default is the mean squared error at the sequence end, the quantity Eq. 16 minimises.
    /// </summary>
    public enum TrainingErrorMeasure
    {
        /// <summary>Mean over recent sequences of Σ_k (t_k − y_k)² at the judged steps.</summary>
        Squared,

        /// <summary>Mean over recent sequences of the largest absolute output error at the sequence end.</summary>
        Absolute,
    }
}
