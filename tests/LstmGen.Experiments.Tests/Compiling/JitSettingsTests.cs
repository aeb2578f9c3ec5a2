using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace LstmGen.Experiments.Tests.Compiling
{
    /// <summary>
    /// The JIT build's runtime settings that specs compiled at run time depend on for their speed (docs/performance.md,
    /// "Specs compiled at run time and sweeps"): methods with loops are compiled fully optimised at once, so that the
    /// harness does not wait at tier 0 behind Roslyn's tier-1 recompilations after a spec is compiled.
    /// </summary>
    public sealed class JitSettingsTests
    {
        [Fact]
        public void Lstmgen_compiles_methods_with_loops_fully_optimised_at_once()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "lstmgen.runtimeconfig.json");
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
            Assert.True(properties.TryGetProperty("System.Runtime.TieredCompilation.QuickJitForLoops", out var quickJitForLoops), path + " sets no QuickJitForLoops");
            Assert.False(quickJitForLoops.GetBoolean());
        }
    }
}
