using System.Globalization;

namespace LstmGen.Experiments.Describing
{
    /// <summary>
    /// Numbers as text in the invariant culture, the one every number this project reads or writes uses: the helpers the
    /// commands' tables and summaries share (<c>using static</c> them).
    /// </summary>
    public static class Invariant
    {
        /// <summary>An integer, without grouping: 12345.</summary>
        public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary><paramref name="value"/> with exactly <paramref name="decimals"/> decimals ("F" format): 0.50.</summary>
        public static string Fixed(double value, int decimals) =>
            value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary><paramref name="value"/> in a .NET numeric <paramref name="format"/> such as "0.000" or "G3".</summary>
        public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }
}
