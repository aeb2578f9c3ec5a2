using System;
using System.Collections.Generic;

namespace LstmGen.Experiments.Rows
{
    /// <summary>The kinds of value a task or stopping rule parameter takes in a row file.</summary>
    public enum RowParameterKind
    {
        /// <summary>A whole number of at least <see cref="RowParameter.Minimum"/>.</summary>
        Integer,

        /// <summary>A finite decimal number, positive unless <see cref="RowParameter.Minimum"/> allows 0 and less.</summary>
        Number,

        /// <summary>One of <see cref="RowParameter.Choices"/>.</summary>
        Choice,
    }

    /// <summary>
    /// One parameter of a task or a stopping rule, as a row file gives it (e.g. <c>task.T</c>, <c>stop.beta</c>): its key,
    /// its kind, what it is in the paper's words, and its default (none: the row must give it).
    /// </summary>
    public sealed record RowParameter(string Key, RowParameterKind Kind, string Meaning)
    {
        /// <summary>The value when the row gives none (an int, a double or a string), or null when the row must give one.</summary>
        public object? Default { get; init; }

        /// <summary>The allowed values of a <see cref="RowParameterKind.Choice"/>.</summary>
        public IReadOnlyList<string> Choices { get; init; } = Array.Empty<string>();

        /// <summary>
        /// The smallest integer allowed (default 1); for numbers, 0 means "positive" and anything less "any finite
        /// number" (the task's constructor checks its own range then).
        /// </summary>
        public long Minimum { get; init; } = 1;

        public bool IsRequired => Default is null;

        public static RowParameter Integer(string key, string meaning, int? defaultValue = null, long minimum = 1) =>
            new(key, RowParameterKind.Integer, meaning) { Default = defaultValue, Minimum = minimum };

        public static RowParameter Number(string key, string meaning, double? defaultValue = null, bool positive = true) =>
            new(key, RowParameterKind.Number, meaning) { Default = defaultValue, Minimum = positive ? 0 : -1 };

        /// <summary>A choice; the first of <paramref name="choices"/> is the default unless <paramref name="required"/>.</summary>
        public static RowParameter Choice(string key, string meaning, bool required, params string[] choices) =>
            new(key, RowParameterKind.Choice, meaning) { Default = required ? null : choices[0], Choices = choices };
    }
}
