using System.Text.Json;
using LstmGen.Experiments.Describing;
using Xunit;

namespace LstmGen.Experiments.Tests.Describing
{
    /// <summary>JSON holds no NaN or infinity: writing one is an error of the describing layer's own type, which the CLI reports as a run failure.</summary>
    public sealed class JsonTextTests
    {
        [Theory]
        [InlineData(double.NaN, "NaN")]
        [InlineData(double.PositiveInfinity, "Infinity")]
        [InlineData(double.NegativeInfinity, "-Infinity")]
        public void A_non_finite_number_throws_its_own_exception_naming_the_value(double value, string shown)
        {
            var exception = Assert.Throws<NonFiniteValueException>(() => JsonText.Write(w =>
            {
                w.WriteStartArray();
                JsonText.Number(w, value);
            }));

            Assert.Equal(value, exception.Value);
            Assert.Equal("a value is " + shown + "; JSON cannot hold it (did the run diverge?)", exception.Message);
        }

        [Fact]
        public void A_finite_number_is_written_round_trip()
        {
            var text = JsonText.Write(w =>
            {
                w.WriteStartObject();
                JsonText.Number(w, "x", 0.1 + 0.2);
                w.WriteEndObject();
            });

            using var document = JsonDocument.Parse(text);
            Assert.Equal(0.1 + 0.2, document.RootElement.GetProperty("x").GetDouble());
        }
    }
}
