using System.Globalization;
using LstmGen.Experiments.Describing;
using Xunit;

namespace LstmGen.Experiments.Tests.Describing
{
    /// <summary>The commands' number formatting ignores the current culture: one with decimal commas still gets points.</summary>
    public sealed class InvariantTests
    {
        [Fact]
        public void Numbers_are_written_alike_under_a_culture_with_decimal_commas()
        {
            var saved = CultureInfo.CurrentCulture;
            try
            {
                // Built by hand: the project runs with invariant globalization, which has no named cultures.
                var commas = (CultureInfo)CultureInfo.InvariantCulture.Clone();
                commas.NumberFormat.NumberDecimalSeparator = ",";
                commas.NumberFormat.NegativeSign = "~";
                CultureInfo.CurrentCulture = commas;
                Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture));   // the culture is in force
                Assert.Equal("-1234567", Invariant.Int(-1_234_567));
                Assert.Equal("-0.50", Invariant.Fixed(-0.5, 2));
                Assert.Equal("-2", Invariant.Fixed(-2.4999, 0));
                Assert.Equal("0.125", Invariant.Number(0.125, "0.000"));
                Assert.Equal("1.23E-05", Invariant.Number(0.0000123, "G3"));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }
    }
}
