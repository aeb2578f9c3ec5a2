using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;
using LstmGen.Generator.Tests.Infrastructure;

namespace LstmGen.Generator.Tests.Fuzzing
{
    /// <summary>The kinds of damage the fuzzer does to a valid spec.</summary>
    internal enum MutationKind
    {
        DeleteLine,
        DuplicateLine,
        ReplaceValue,
        PerturbNumber,
        SwapValues,
        InsertCharacters,
        Truncate,
        Reindent,
    }

    /// <summary>One mutation: its kind and the random numbers that place it (taken modulo the spec's size).</summary>
    internal sealed record Mutation(MutationKind Kind, int A, int B, int Pick)
    {
        public override string ToString() => Kind + "(" + A.ToString(CultureInfo.InvariantCulture) + ", " + B.ToString(CultureInfo.InvariantCulture) + ", " + Pick.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>A valid spec and the mutations to apply to it, in order.</summary>
    internal sealed record FuzzCase(int SeedSpec, Mutation[] Mutations)
    {
        public override string ToString() => SpecMutator.SeedNames[SeedSpec] + ": " + string.Join(", ", Mutations.Select(m => m.ToString()));
    }

    /// <summary>
    /// Mutates the valid specs of the repository (the paper's 12 in specs/ and the runtime tests' own) the way a user,
    /// an editor or a merge damages a file: a line lost or doubled, a value of the wrong type, a number pushed to an
    /// extreme, values swapped between keys, stray characters, a file cut short, an indentation changed.
    /// </summary>
    internal static class SpecMutator
    {
        private static readonly string[] Values =
        {
            string.Empty, "~", "null", "[1, 2]", "{ a: 1 }", "\"2\"", "true", "yes", "0", "-1", "1", "2", "7", "99999999999", "100001",
            "1e-300", "1e300", "1e400", "NaN", ".nan", ".inf", "-.inf", "random", "-0", "0x10", "0o17", "1_000", "abc", "0.5", "-3",
            "-31", "12", "F", "B", "none", "gates", "hidden", "all", "per-step", "float", "identity", "g1", "h1", "[input, cells]", "[cells]",
            "[input, gates]", "[inputGates, outputGates, cells]", "&a 1", "*a", "!!str x", "'quoted'", "|\n  block", "Ωmega", "class", "Step",
            "{ count: 3, cells: 2 }", "[{ cells: 1 }, { cells: 2, outputGate: false }]", "[-1, -2]", "false",
        };

        private static readonly string[] Numbers =
        {
            "0", "-1", "1e308", "1e-308", "99999999999999999999", "NaN", "0.0000001", "1000", "100000", "-0", "4.9e-324", "2", "3",
            "31", "-30", "10.5", "1e-8", "500", "0.0", "+4",
        };

        private static readonly string[] Characters =
        {
            ":", "-", "[", "]", "{", "}", ",", "\"", "'", "#", "\t", " ", "\n", "&", "*", "!", "|", ">", "%", "@", "`", "é", "\u2028",
            "\u0085", "\u0000", "\r", "?", "\uFEFF", "\\", "\r\n", "  ", "- ",
        };

        private static readonly Regex NumberPattern = new Regex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?", RegexOptions.CultureInvariant);

        /// <summary>The valid specs the fuzzer starts from: (file name, text with LF line endings).</summary>
        public static IReadOnlyList<(string Name, string Text)> Seeds { get; } = LoadSeeds();

        public static IReadOnlyList<string> SeedNames { get; } = Seeds.Select(s => s.Name).ToList();

        public static Gen<Mutation> MutationGen { get; } =
            Gen.Select(Gen.Int[0, 7], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20])
                .Select(t => new Mutation((MutationKind)t.Item1, t.Item2, t.Item3, t.Item4));

        public static Gen<FuzzCase> CaseGen { get; } =
            Gen.Select(Gen.Int[0, Seeds.Count - 1], MutationGen.Array[1, 2], (seed, mutations) => new FuzzCase(seed, mutations));

        public static string Apply(FuzzCase fuzzCase)
        {
            var text = Seeds[fuzzCase.SeedSpec].Text;
            foreach (var mutation in fuzzCase.Mutations)
            {
                text = Apply(text, mutation);
            }

            return text;
        }

        public static string Apply(string text, Mutation m)
        {
            var lines = text.Split('\n').ToList();
            var line = m.A % lines.Count;
            switch (m.Kind)
            {
                case MutationKind.DeleteLine:
                    lines.RemoveAt(line);
                    break;
                case MutationKind.DuplicateLine:
                    lines.Insert(m.B % lines.Count, lines[line]);
                    break;
                case MutationKind.ReplaceValue:
                {
                    var at = ValueLine(lines, m.A);
                    if (at >= 0)
                    {
                        lines[at] = KeyPart(lines[at]) + " " + Values[m.Pick % Values.Length];
                    }

                    break;
                }

                case MutationKind.PerturbNumber:
                {
                    var numbers = NumberPattern.Matches(text).Cast<Match>().ToList();
                    if (numbers.Count > 0)
                    {
                        var n = numbers[m.A % numbers.Count];
                        return text.Substring(0, n.Index) + Numbers[m.Pick % Numbers.Length] + text.Substring(n.Index + n.Length);
                    }

                    break;
                }

                case MutationKind.SwapValues:
                {
                    var first = ValueLine(lines, m.A);
                    var second = ValueLine(lines, m.B);
                    if (first >= 0 && second >= 0)
                    {
                        var firstValue = ValuePart(lines[first]);
                        lines[first] = KeyPart(lines[first]) + " " + ValuePart(lines[second]);
                        lines[second] = KeyPart(lines[second]) + " " + firstValue;
                    }

                    break;
                }

                case MutationKind.InsertCharacters:
                {
                    var position = m.A % (text.Length + 1);
                    var inserted = Characters[m.Pick % Characters.Length] + (m.B % 3 == 0 ? Characters[m.B % Characters.Length] : string.Empty);
                    return text.Substring(0, position) + inserted + text.Substring(position);
                }

                case MutationKind.Truncate:
                    return text.Substring(0, m.A % (text.Length + 1));
                case MutationKind.Reindent:
                {
                    var body = lines[line].TrimStart(' ');
                    var indent = lines[line].Length - body.Length;
                    var change = m.B % 6;
                    lines[line] = change == 5 ? "\t" + body : new string(' ', Math.Max(0, indent + change - 2)) + body;
                    break;
                }
            }

            return string.Join("\n", lines);
        }

        /// <summary>The <paramref name="pick"/>-th line (cyclically) that holds "key: value", or -1.</summary>
        private static int ValueLine(List<string> lines, int pick)
        {
            var candidates = Enumerable.Range(0, lines.Count).Where(i => !lines[i].TrimStart().StartsWith("#", StringComparison.Ordinal) && lines[i].Contains(": ")).ToList();
            return candidates.Count == 0 ? -1 : candidates[pick % candidates.Count];
        }

        private static string KeyPart(string line) => line.Substring(0, line.IndexOf(": ", StringComparison.Ordinal) + 1);

        private static string ValuePart(string line) => line.Substring(line.IndexOf(": ", StringComparison.Ordinal) + 2);

        private static List<(string, string)> LoadSeeds()
        {
            var folders = new[] { RepoPaths.Specs, Path.Combine(RepoPaths.Root, "tests", "LstmGen.Runtime.Tests", "Specs") };
            return folders
                .SelectMany(folder => Directory.GetFiles(folder, "*.lstm.yaml"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetFileName(p), File.ReadAllText(p).Replace("\r\n", "\n")))
                .ToList();
        }
    }
}
