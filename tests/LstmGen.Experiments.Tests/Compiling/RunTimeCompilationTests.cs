using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LstmGen.Compilation;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Tracing;
using LstmGen.Generator.Diagnostics;
using LstmGen.Lanes.Testing;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Experiments.Tests.Compiling
{
    /// <summary>
    /// A spec compiled at run time (LstmGen.Compilation) is the class a build generates: for every paper spec it trains bit
    /// for bit like the same spec compiled into the runtime, under both update timings; a broken spec gives the LSTMxxxx
    /// diagnostics of a build; the same text is compiled once per process. Its lane classes are those of a build too,
    /// compiled when first asked for: every lane trains bit for bit like the compiled-in scalar class.
    /// </summary>
    public sealed class RunTimeCompilationTests
    {
        /// <summary>The width this machine steps lanes at (the name Lanes is also the lane tests' namespace).</summary>
        private static LaneWidth Widest => global::LstmGen.Runtime.Lanes.Widest;

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

        [Theory]
        [MemberData(nameof(PaperSpecs))]
        public void A_paper_spec_compiled_at_run_time_has_lanes_that_train_bit_for_bit_like_the_compiled_in_class(string fileName)
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", fileName);
            var compiled = RuntimeSpecCompiler.Compile(path, File.ReadAllText(path));
            var compiledIn = PaperNetworks.Find(compiled.Network.Name)!;

            // A build gives a spec lane classes or none (forget gates, too many weights): so does the run-time compiler.
            Assert.Equal(compiledIn.CreateLanes is null, compiled.Network.CreateLanes is null);
            if (compiled.Network.CreateLanes is not { } createLanes || Widest == LaneWidth.Scalar)
            {
                return;
            }

            foreach (var timing in new[] { UpdateTiming.PerStep, UpdateTiming.PerSequence })
            {
                var atRunTime = createLanes(Widest);
                var builtIn = compiledIn.CreateLanes!(Widest);
                Assert.NotSame(builtIn.GetType(), atRunTime.GetType());
                Assert.Equal(builtIn.GetType().FullName, atRunTime.GetType().FullName);
                Assert.Equal(builtIn.LaneCount, atRunTime.LaneCount);

                // Every lane against the compiled-in scalar class: staggered sequences, idle lanes, own seeds and rates.
                Assert.Null(LaneEquivalence.Check(compiledIn.Create, atRunTime, timing, seed: 11));
            }
        }

        [Fact]
        public void Lane_classes_are_compiled_only_when_asked_for_and_only_at_that_width()
        {
            var path = Path.Combine(CliRunner.RepositoryRoot, "specs", "exp6a-temporal-order.lstm.yaml");
            var text = File.ReadAllText(path) + "\n# a comment of the laziness test, so that no other test compiled this text before\n";
            var compiled = RuntimeSpecCompiler.Compile(path, text);
            var widths = new[] { LaneWidth.Vector128, LaneWidth.Vector256, LaneWidth.Vector512 };
            Assert.All(widths, width => Assert.False(compiled.IsLaneClassCompiled(width)));
            if (Widest == LaneWidth.Scalar)
            {
                return;
            }

            var lanes = LaneNetworks.Create(compiled.Network, LaneNetworks.DefaultCount(compiled.Network));

            Assert.Equal(Widest, lanes.Width);
            Assert.IsNotType<ScalarLanes>(lanes);
            Assert.All(widths, width => Assert.Equal(width == Widest, compiled.IsLaneClassCompiled(width)));
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
