using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// A sweep's grid: the row it varies, the axes (key and values), and the trials and cap every variant runs. Its variants
    /// are every combination of the axes' values, the first axis varying slowest; their number is checked against a limit
    /// before anything is written or run.
    /// </summary>
    public sealed class SweepGrid
    {
        /// <summary>The default largest number of variants (<c>--max-variants</c>).</summary>
        public const int DefaultMaxVariants = 64;

        public SweepGrid(string row, string? rowFile, IReadOnlyList<SweepAxis> axes, int? trials, long? cap, ulong seed)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(axes);
            Row = row;
            RowFile = rowFile;
            Axes = axes;
            Trials = trials;
            Cap = cap;
            Seed = seed;
        }

        /// <summary>The row's id (a built-in row, or a row of <see cref="RowFile"/>).</summary>
        public string Row { get; }

        /// <summary>The row file that declares the row, or null for a built-in row.</summary>
        public string? RowFile { get; }

        public IReadOnlyList<SweepAxis> Axes { get; }

        /// <summary>Trials per variant (null: the row's).</summary>
        public int? Trials { get; }

        /// <summary>Training sequences after which a trial fails (null: the row's cap).</summary>
        public long? Cap { get; }

        /// <summary>The base seed: trial i of every variant gets the seed of trial i of the row (paired variants).</summary>
        public ulong Seed { get; }

        /// <summary>How many variants the grid has.</summary>
        public long Count => Axes.Aggregate(1L, (product, axis) => product * axis.Values.Count);

        /// <summary>Every variant's settings, the first axis varying slowest.</summary>
        /// <exception cref="SweepException">More than <paramref name="maxVariants"/> variants.</exception>
        public IReadOnlyList<IReadOnlyList<SweepSetting>> Variants(int maxVariants = DefaultMaxVariants)
        {
            if (Count > maxVariants)
            {
                throw new SweepException(string.Create(CultureInfo.InvariantCulture,
                    $"the grid has {Count} variants ({string.Join(" x ", Axes.Select(a => a.Values.Count + " " + a.Key))}), more than the limit of {maxVariants}; vary fewer values or raise --max-variants"));
            }

            IEnumerable<IReadOnlyList<SweepSetting>> variants = [[]];
            foreach (var axis in Axes)
            {
                variants = variants.SelectMany(prefix => axis.Values.Select(value => (IReadOnlyList<SweepSetting>)[.. prefix, new SweepSetting(axis, value)]));
            }

            return variants.ToList();
        }

        /// <summary>
        /// A short hash of everything that decides the sweep's results (row, axes, trials, cap, seed), naming its default
        /// folder: the same sweep again finds its folder and resumes.
        /// </summary>
        public string Hash()
        {
            var text = new StringBuilder();
            text.Append(Row).Append('\n').Append(RowFile ?? "-").Append('\n');
            foreach (var axis in Axes)
            {
                text.Append(axis.Key).Append('=').Append(string.Join("\u001f", axis.Values)).Append('\n');
            }

            text.Append(Trials?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n')
                .Append(Cap?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n')
                .Append(Seed.ToString(CultureInfo.InvariantCulture));
            var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
            return Convert.ToHexStringLower(hash)[..8];
        }

        /// <summary>
        /// The values of one <c>--vary key=v1,v2,...</c>: split at the commas outside brackets and braces, so that a list
        /// value stays whole (<c>blocks.inputGateBias=[-2,-4],[-1,-2]</c>).
        /// </summary>
        /// <exception cref="SweepException">No '=', no key, or an empty value.</exception>
        public static (string Key, IReadOnlyList<string> Values) ParseVary(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SweepException("--vary '" + text + "' needs the form key=value1,value2,... e.g. learningRate=0.5,1.0");
            }

            var key = text[..equals].Trim();
            var values = new List<string>();
            var depth = 0;
            var start = equals + 1;
            for (var i = start; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ',';
                if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    var value = text[start..i].Trim();
                    if (value.Length == 0)
                    {
                        throw new SweepException("--vary '" + text + "' has an empty value");
                    }

                    values.Add(value);
                    start = i + 1;
                }
            }

            return (key, values);
        }
    }
}
