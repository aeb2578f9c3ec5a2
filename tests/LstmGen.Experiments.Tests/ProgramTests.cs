using Xunit;

namespace LstmGen.Experiments.Tests
{
    public sealed class ProgramTests
    {
        [Fact]
        public void Program_runs()
        {
            Assert.Equal(0, Program.Main(System.Array.Empty<string>()));
        }
    }
}
