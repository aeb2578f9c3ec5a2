using System;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests.LaneContracts
{
    /// <summary>
    /// <see cref="ScalarLanes"/>, <see cref="LaneView"/> and <see cref="LaneNetworks"/> keep the lane contract, and the
    /// contract checker (<see cref="LaneContract"/>) catches lane networks that break it.
    /// </summary>
    public sealed class ScalarLanesTests
    {
        public static TheoryData<string, int, UpdateTiming?> Networks => new()
        {
            { "Exp6aTemporalOrder", 3, null },
            { "Exp4Adding", 4, null },
            { "Exp4Adding", 5, UpdateTiming.PerSequence },
            { "Exp1Reber3x2", 8, UpdateTiming.PerStep },
            { "Exp2cP50", 2, null },
            { "Exp3NoiseSignal", 7, UpdateTiming.PerSequence },
        };

        [Theory]
        [MemberData(nameof(Networks))]
        public void Scalar_lanes_are_K_scalar_networks_bit_for_bit(string name, int laneCount, UpdateTiming? update)
        {
            var compiled = PaperNetworks.Find(name)!;
            Assert.Null(LaneContract.FirstDifference(() => new ScalarLanes(compiled.Create, laneCount), compiled.Create, seed: 7, update: update));
        }

        [Theory]
        [InlineData("ignores TargetLanes")]
        [InlineData("steps idle lanes")]
        [InlineData("ends every lane's sequence")]
        [InlineData("reads the neighbour's input")]
        [InlineData("shares one learning rate")]
        [InlineData("writes outputs not asked for")]
        public void The_contract_check_catches_a_lane_network_that_breaks_it(string mutation)
        {
            // Per-sequence updates, so that a sequence ended in the wrong lane changes weights.
            var compiled = PaperNetworks.Find("Exp4Adding")!;
            var difference = LaneContract.FirstDifference(() => new Mutant(new ScalarLanes(compiled.Create, 4), mutation), compiled.Create, seed: 7, update: UpdateTiming.PerSequence);
            Assert.NotNull(difference);
        }

        [Fact]
        public void A_lane_view_is_its_lane_as_a_scalar_network()
        {
            var compiled = PaperNetworks.Find("Exp6aTemporalOrder")!;
            var spec = compiled.Create();
            Assert.Null(LaneContract.FirstDifference(
                () => new ScalarLanes(Views(new ScalarLanes(compiled.Create, 3), spec)),
                compiled.Create,
                seed: 11));
        }

        [Fact]
        public void The_factory_falls_back_to_scalar_lanes_where_a_network_has_no_lane_class()
        {
            var plain = new CompiledNetwork("Exp4Adding", "x", "y", PaperNetworks.Find("Exp4Adding")!.Create);
            Assert.Equal(1, global::LstmGen.Runtime.LaneNetworks.DefaultCount(plain));
            var lanes = global::LstmGen.Runtime.LaneNetworks.Create(plain, 3);
            Assert.IsType<ScalarLanes>(lanes);
            Assert.Equal(3, lanes.LaneCount);
            Assert.Equal(LaneWidth.Scalar, lanes.Width);
        }

        [Fact]
        public void The_factory_picks_the_generated_lane_class_at_the_widest_width()
        {
            var scalar = PaperNetworks.Find("Exp4Adding")!;
            LaneWidth? asked = null;
            var withLanes = scalar with { CreateLanes = width => { asked = width; return new WidthLanes(new ScalarLanes(scalar.Create, Lanes.Count<double>(width)), width); } };
            var k = global::LstmGen.Runtime.LaneNetworks.DefaultCount(withLanes);
            Assert.Equal(Lanes.Count<double>(), k);
            if (k > 1)
            {
                var lanes = global::LstmGen.Runtime.LaneNetworks.Create(withLanes, k);
                Assert.Equal(Lanes.Widest, asked);
                Assert.Equal(Lanes.Widest, lanes.Width);
            }

            // A count no width gives: scalar lanes.
            Assert.IsType<ScalarLanes>(global::LstmGen.Runtime.LaneNetworks.Create(withLanes, 3));
        }

        [Fact]
        public void Lanes_are_the_default_only_where_the_generator_found_them_faster()
        {
            // SpeedDecisions.LanesByDefault: Exp 2c's networks (a touched set, outputs that do not read the inputs, no forget
            // gates) run in lanes with rows by input (LaneInputRows), Exp 4's in the vector layout; Exp 2a/2b's (a touched set,
            // its outputs read the inputs: no rows by input) runs scalar by default, its whole trials being cheaper there.
            Assert.True(PaperNetworks.Find("Exp2cP1000")!.LanesByDefault);
            Assert.True(PaperNetworks.Find("Exp2cP50")!.LanesByDefault);
            Assert.False(PaperNetworks.Find("Exp2LongLag")!.LanesByDefault);
            Assert.NotNull(PaperNetworks.Find("Exp2LongLag")!.CreateLanes);
            Assert.True(PaperNetworks.Find("Exp4Adding")!.LanesByDefault);
            var rows = PaperNetworks.Find("Exp2cP1000")!;
            Assert.NotNull(rows.CreateLanes);
            Assert.Equal(Lanes.Count<double>(), global::LstmGen.Runtime.LaneNetworks.DefaultCount(rows));
            Assert.Equal(1, global::LstmGen.Runtime.LaneNetworks.DefaultCount(rows with { LanesByDefault = false }));
            var faster = PaperNetworks.Find("Exp4Adding")! with { CreateLanes = width => new WidthLanes(new ScalarLanes(PaperNetworks.Find("Exp4Adding")!.Create, Lanes.Count<double>(width)), width) };
            Assert.Equal(Lanes.Count<double>(), global::LstmGen.Runtime.LaneNetworks.DefaultCount(faster));
            Assert.Equal(1, global::LstmGen.Runtime.LaneNetworks.DefaultCount(faster with { LanesByDefault = false }));
        }

        private static ILstmNetwork[] Views(ScalarLanes lanes, ILstmNetwork spec)
        {
            var views = new ILstmNetwork[lanes.LaneCount];
            for (var k = 0; k < views.Length; k++)
            {
                views[k] = new LaneView(lanes, k, spec.SpecText, spec.SpecFileName);
            }

            return views;
        }

        /// <summary>A lane network that claims a vector width (as a generated class would).</summary>
        private sealed class WidthLanes(ILaneNetwork inner, LaneWidth width) : Forwarding(inner)
        {
            public override LaneWidth Width => width;
        }

        /// <summary>Scalar lanes with one deliberate bug each.</summary>
        private sealed class Mutant(ILaneNetwork inner, string mutation) : Forwarding(inner)
        {
            public override void EndSequence(int lane)
            {
                if (mutation == "ends every lane's sequence")
                {
                    for (var k = 0; k < LaneCount; k++)
                    {
                        Inner.EndSequence(k);
                    }

                    return;
                }

                Inner.EndSequence(lane);
            }

            public override void SetLearningRate(int lane, double learningRate)
            {
                if (mutation == "shares one learning rate")
                {
                    for (var k = 0; k < LaneCount; k++)
                    {
                        Inner.SetLearningRate(k, learningRate);
                    }

                    return;
                }

                Inner.SetLearningRate(lane, learningRate);
            }

            public override void Step(scoped in LaneStep step)
            {
                var all = LaneStep.AllLanes(LaneCount);
                var inputs = step.Inputs;
                if (mutation == "reads the neighbour's input" && !inputs.IsEmpty)
                {
                    var shifted = new double[inputs.Length];
                    inputs[InputCount..].CopyTo(shifted);
                    inputs[..InputCount].CopyTo(shifted.AsSpan(inputs.Length - InputCount));
                    inputs = shifted;
                }

                Inner.Step(new LaneStep
                {
                    ActiveLanes = mutation == "steps idle lanes" ? all : step.ActiveLanes,
                    LearningLanes = mutation == "steps idle lanes" ? all : step.LearningLanes,
                    TargetLanes = mutation == "ignores TargetLanes" ? step.LearningLanes : step.TargetLanes,
                    OutputLanes = mutation == "writes outputs not asked for" ? step.ActiveLanes : step.OutputLanes,
                    Inputs = inputs,
                    ActiveInputs = step.ActiveInputs,
                    Targets = step.Targets,
                    Outputs = step.Outputs,
                });
            }
        }

        private abstract class Forwarding(ILaneNetwork inner) : ILaneNetwork
        {
            protected ILaneNetwork Inner => inner;

            public string Name => inner.Name;

            public NetworkDescription Description => inner.Description;

            public int InputCount => inner.InputCount;

            public int OutputCount => inner.OutputCount;

            public int WeightCount => inner.WeightCount;

            public int LaneCount => inner.LaneCount;

            public virtual LaneWidth Width => inner.Width;

            public bool AcceptsActiveInputs => inner.AcceptsActiveInputs;

            public UpdateTiming Update { get => inner.Update; set => inner.Update = value; }

            public void InitializeWeights(int lane, ulong seed) => inner.InitializeWeights(lane, seed);

            public void Reset(int lane) => inner.Reset(lane);

            public virtual void EndSequence(int lane) => inner.EndSequence(lane);

            public double GetLearningRate(int lane) => inner.GetLearningRate(lane);

            public virtual void SetLearningRate(int lane, double learningRate) => inner.SetLearningRate(lane, learningRate);

            public void CopyWeightsTo(int lane, Span<double> destination) => inner.CopyWeightsTo(lane, destination);

            public void SetWeights(int lane, ReadOnlySpan<double> source) => inner.SetWeights(lane, source);

            public virtual void Step(scoped in LaneStep step) => inner.Step(step);
        }
    }
}
