using System.Collections.Generic;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>What a sweep key changes: the network's spec, or the row (its protocol settings and task).</summary>
    public enum SweepTarget
    {
        /// <summary>A key of the network's spec (docs/spec-language.md), e.g. <c>blocks.inputGateBias</c>.</summary>
        Spec,

        /// <summary>A key of the row (docs/rows.md), e.g. <c>learningRate</c>, <c>cap</c>, <c>task.T</c>, <c>stop.beta</c>.</summary>
        Row,
    }

    /// <summary>One dimension of a sweep's grid: a key and the values it takes, as YAML text (<c>-1</c>, <c>[-2, -4]</c>, <c>g2</c>).</summary>
    /// <param name="Key">The key as given (dotted path; may start with <c>spec.</c> or <c>row.</c>).</param>
    /// <param name="Target">Whether it changes the spec or the row.</param>
    /// <param name="Path">The dotted path inside the spec or the row (without the <c>spec.</c>/<c>row.</c> prefix).</param>
    /// <param name="Values">The values, in the order given.</param>
    public sealed record SweepAxis(string Key, SweepTarget Target, string Path, IReadOnlyList<string> Values);

    /// <summary>One setting of one variant: an axis and the value it takes there.</summary>
    public sealed record SweepSetting(SweepAxis Axis, string Value)
    {
        public override string ToString() => Axis.Key + "=" + Value;
    }
}
