using System;
using System.Collections.Generic;
using System.Linq;
using LstmGen.Experiments.Rows;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// Which keys a sweep may vary, and whether each changes the spec or the row. A key of both (<c>learningRate</c>,
    /// <c>update</c>) is the row's, which overrides the spec's; <c>spec.</c> or <c>row.</c> in front picks one explicitly.
    /// An unknown key is an error with the closest known key as a suggestion, as the spec diagnostics give.
    /// </summary>
    public static class SweepKeys
    {
        /// <summary>The spec's keys that may vary (docs/spec-language.md); inputs, outputs and the names may not.</summary>
        public static IReadOnlyList<string> SpecKeys { get; } =
        [
            "blocks.count", "blocks.cells", "blocks.inputGateBias", "blocks.outputGateBias", "blocks.outputGate",
            "connectivity", "bias", "squashing.cellInput", "squashing.cellOutput", "squashing.gates", "squashing.outputs",
            "initInterval", "learningRate", "update", "precision", "resetActivation",
        ];

        /// <summary>The row's keys that may vary (docs/rows.md), besides its task's and stopping rule's parameters.</summary>
        public static IReadOnlyList<string> RowKeys { get; } =
        [
            "learningRate", "update", "trials", "cap", "testSetSize", "sequentialConstruction", "initialization.inputGateBias",
        ];

        /// <summary>
        /// Resolves <paramref name="key"/> against a row whose task and stopping rule take <paramref name="taskParameters"/>
        /// and <paramref name="stopParameters"/>.
        /// </summary>
        /// <exception cref="SweepException">No such key.</exception>
        public static (SweepTarget Target, string Path) Resolve(string key, IReadOnlyList<string> taskParameters, IReadOnlyList<string> stopParameters)
        {
            ArgumentNullException.ThrowIfNull(key);
            var rowKeys = RowKeys.Concat(taskParameters.Select(p => "task." + p)).Concat(stopParameters.Select(p => "stop." + p)).ToList();
            if (key.StartsWith("spec.", StringComparison.Ordinal) && SpecKeys.Contains(key[5..], StringComparer.Ordinal))
            {
                return (SweepTarget.Spec, key[5..]);
            }

            if (key.StartsWith("row.", StringComparison.Ordinal) && rowKeys.Contains(key[4..], StringComparer.Ordinal))
            {
                return (SweepTarget.Row, key[4..]);
            }

            if (rowKeys.Contains(key, StringComparer.Ordinal))
            {
                return (SweepTarget.Row, key);
            }

            if (SpecKeys.Contains(key, StringComparer.Ordinal))
            {
                return (SweepTarget.Spec, key);
            }

            var all = rowKeys.Concat(SpecKeys).Concat(SpecKeys.Select(k => "spec." + k)).Distinct(StringComparer.Ordinal).ToList();
            var hint = RowScalars.Hint(key, all);
            throw new SweepException("unknown sweep key '" + key + "'" + (hint.Length > 0 ? hint : "; spec keys: " + string.Join(", ", SpecKeys) +
                "; row keys: " + string.Join(", ", rowKeys)));
        }
    }
}
