using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LstmGen.Compilation;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Tracing;
using LstmGen.Generator.Diagnostics;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Compiling
{
    /// <summary>
    /// A spec compiled at run time (LstmGen.Compilation) is the class a build generates: for every paper spec it trains bit
    /// for bit like the same spec compiled into the runtime, under both update timings; a broken spec gives the LSTMxxxx
    /// diagnostics of a build; the same text is compiled once per process.
    /// </summary>
    public sealed class RunTimeCompilationTests
    {
        public static TheoryData<string> PaperSpecs()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "specs"), "*.lstm.yaml").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(PaperSpecs))]
        public void A_paper_spec_compiled_at_run_time_trains_bit_for_bit_like_the_compiled_in_class(string fileName)
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", fileName);
            var compiled = RuntimeSpecCompiler.Compile(path, File.ReadAllText(path));
            var compiledIn = PaperNetworks.Find(compiled.Network.Name);
            Assert.NotNull(compiledIn);

            foreach (var timing in new[] { UpdateTiming.PerStep, UpdateTiming.PerSequence })
            {
                var atRunTime = compiled.Create();
                var builtIn = compiledIn!.Create();
                Assert.NotSame(builtIn.GetType(), atRunTime.GetType());
                Assert.Equal(builtIn.GetType().FullName, atRunTime.GetType().FullName);
                Assert.Equal(Train(builtIn, timing), Train(atRunTime, timing));
            }
        }

        [Fact]
        public void A_spec_is_compiled_once_per_process()
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", "exp4-adding.lstm.yaml");
            var text = File.ReadAllText(path) + "\n# a comment of this test, so that no other test compiled this text before\n";

            var first = RuntimeSpecCompiler.Compile(path, text);
            var second = RuntimeSpecCompiler.Compile("elsewhere.lstm.yaml", text);

            Assert.True(first.CompileTime > TimeSpan.Zero);
            Assert.Equal(TimeSpan.Zero, second.CompileTime);
            Assert.Same(first.Network, second.Network);
            Assert.True(RuntimeSpecCompiler.IsCached(text));
        }

        [Fact]
        public void A_broken_spec_gives_the_diagnostics_of_a_build()
        {
            var text = "name: Broken\ninputs: 2\noutputs: 1\nlearningRate: 0.5\nblocks:\n  count: 1\n  cells: 1\n  inputGateBias: -1\nconectivity: F\n";

            var error = Assert.Throws<SpecException>(() => RuntimeSpecCompiler.Compile("broken.lstm.yaml", text));

            var diagnostic = Assert.Single(error.Diagnostics, d => d.IsError);
            Assert.StartsWith("broken.lstm.yaml(9,1): error LSTM0002", diagnostic.ToCompilerFormat(), StringComparison.Ordinal);
            Assert.Contains("connectivity", diagnostic.ToCompilerFormat(), StringComparison.Ordinal);
            Assert.False(RuntimeSpecCompiler.IsCached(text));
        }

        /// <summary>
        /// Three sequences of random data (one-hot where the spec says so), trained from the weights of seed 5: every
        /// output and every weight after each sequence, as their bits.
        /// </summary>
        private static List<long> Train(ILstmNetwork network, UpdateTiming timing)
        {
            network.Update = timing;
            network.InitializeWeights(5);
            var oneHot = NetworkInfo.DeclaresOneHotInput(network);
            var bits = new List<long>();
            var weights = new double[network.WeightCount];
            for (var sequence = 0; sequence < 3; sequence++)
            {
                var data = SequenceTrace.MakeData((ulong)(100 + sequence), 25, network.InputCount, network.OutputCount, oneHot);
                foreach (var step in SequenceTrace.Train(network, data))
                {
                    bits.AddRange(step.Output.Select(BitConverter.DoubleToInt64Bits));
                }

                network.CopyWeightsTo(weights);
                bits.AddRange(weights.Select(BitConverter.DoubleToInt64Bits));
            }

            return bits;
        }
    }
}
