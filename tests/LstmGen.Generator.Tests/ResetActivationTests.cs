using System.Globalization;
using System.Linq;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;
using LstmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests
{
    /// <summary>
    /// <c>resetActivation</c> (docs/spec-language.md): the value the activations of the hidden and output units start every
    /// sequence at, 0 by default (the paper's §5.3), 0.5 in the 1997 JKU simulator's <c>reset_net</c>. The parser reads it
    /// and refuses what is not a number in [0, 1]; the default plans the reset as before (the paper specs' snapshots pin the
    /// code byte for byte); a spec that sets it is emitted as reviewed here (scalar and lane class). That the code computes
    /// what the reference interpreter computes is proved in LstmGen.Runtime.Tests.
    /// </summary>
    public sealed class ResetActivationTests
    {
        private const string File = "reset.lstm.yaml";

        private const string Valid =
            "name: ResetNet\n" +        // 1
            "inputs: 2\n" +             // 2
            "outputs: 1\n" +            // 3
            "blocks:\n" +               // 4
            "  count: 1\n" +            // 5
            "  cells: 2\n" +            // 6
            "learningRate: 0.1\n";      // 7

        [Theory]
        [InlineData("", 0.0)]
        [InlineData("resetActivation: 0\n", 0.0)]
        [InlineData("resetActivation: -0\n", 0.0)]
        [InlineData("resetActivation: 0.5\n", 0.5)]
        [InlineData("resetActivation: .25\n", 0.25)]
        [InlineData("resetActivation: 1\n", 1.0)]
        [InlineData("resetActivation: 5e-1\n", 0.5)]
        public void The_parser_reads_the_reset_activation_and_defaults_to_the_papers_zero(string line, double expected)
        {
            var result = SpecParser.Parse(File, Valid + line);

            Assert.Empty(result.Diagnostics);
            Assert.Equal(expected, result.Spec!.ResetActivation);
            Assert.False(double.IsNegative(result.Spec.ResetActivation), "-0 reads as 0");
        }

        [Theory]
        [InlineData("1.5", "1.5")]
        [InlineData("-0.1", "-0.1")]
        [InlineData("2", "2")]
        public void A_value_outside_0_to_1_is_LSTM0014_at_the_value_with_what_to_write(string value, string shown)
        {
            var run = GeneratorHarness.Run((File, Valid + "resetActivation: " + value + "\n"));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM0014", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            var span = d.Location.GetLineSpan();
            Assert.Equal(File, span.Path);
            Assert.Equal((8, 18), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Equal(
                "'resetActivation' must be a number in [0, 1] (the activation of a logistic unit: 0 is the paper's reset, §5.3; 0.5 the 1997 JKU simulator's), got " + shown,
                d.GetMessage(CultureInfo.InvariantCulture));
            Assert.Empty(run.Sources);
        }

        [Theory]
        [InlineData("half", "'resetActivation' must be a number in [0, 1], got 'half'")]
        [InlineData("\"0.5\"", "'resetActivation' must be a number in [0, 1], got the quoted string '0.5'")]
        [InlineData(".nan", "'resetActivation' must be a number in [0, 1], got '.nan'")]
        [InlineData("[0.5]", "'resetActivation' must be a number in [0, 1], got a list")]
        [InlineData("", "'resetActivation' must be a number in [0, 1], got nothing (null)")]
        public void A_value_that_is_not_a_number_is_LSTM0004(string value, string message)
        {
            var run = GeneratorHarness.Run((File, Valid + "resetActivation: " + value + "\n"));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM0004", d.Id);
            Assert.Equal(message, d.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(8, d.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void A_misspelt_key_is_pointed_at_the_right_one()
        {
            var run = GeneratorHarness.Run((File, Valid + "resetActivations: 0.5\n"));

            var d = Assert.Single(run.Diagnostics);
            Assert.Equal("LSTM0002", d.Id);
            Assert.Equal("Unknown key 'resetActivations' in the spec: did you mean 'resetActivation'?", d.GetMessage(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The default keeps today's reset: a spec that writes <c>resetActivation: 0</c> is planned exactly as one without the
        /// key (no reset to a value anywhere), and its class differs only in the spec text it embeds.
        /// </summary>
        [Fact]
        public void Zero_plans_and_emits_the_reset_of_a_spec_without_the_key()
        {
            var without = SpecParser.Parse(File, Valid).Spec!;
            var zero = SpecParser.Parse(File, Valid + "resetActivation: 0\n").Spec!;
            var half = SpecParser.Parse(File, Valid + "resetActivation: 0.5\n").Spec!;

            var planWithout = NetworkPlanner.Plan(without);
            Assert.Equal(planWithout.Reset, NetworkPlanner.Plan(zero).Reset);
            Assert.Equal(planWithout.Forward, NetworkPlanner.Plan(half).Forward);
            Assert.Equal(planWithout.Traces, NetworkPlanner.Plan(half).Traces);
            Assert.DoesNotContain(planWithout.Reset, a => a.Kind == ResetKind.HiddenUnitsToValue || a.Kind == ResetKind.AllToValue);
            Assert.Equal(
                new[]
                {
                    new ResetAction(ResetKind.ZeroButBiasUnit, "yPrev"),
                    new ResetAction(ResetKind.HiddenUnitsToValue, "yPrev") { Value = 0.5 },
                    new ResetAction(ResetKind.ZeroButBiasUnit, "y"),
                    new ResetAction(ResetKind.HiddenUnitsToValue, "y") { Value = 0.5 },
                    new ResetAction(ResetKind.Zero, "s"),
                    new ResetAction(ResetKind.Zero, "traces"),
                    new ResetAction(ResetKind.AllToValue, "yOutput") { Value = 0.5 },
                },
                NetworkPlanner.Plan(half).Reset);

            static string WithoutSpecText(string code) =>
                string.Join("\n", code.Split('\n').Where(l => !l.TrimStart().StartsWith("public const string Spec = ", System.StringComparison.Ordinal)));
            Assert.Equal(WithoutSpecText(NetworkEmitter.Emit(without, "test")), WithoutSpecText(NetworkEmitter.Emit(zero, "test")));
            Assert.NotEqual(WithoutSpecText(NetworkEmitter.Emit(without, "test")), WithoutSpecText(NetworkEmitter.Emit(half, "test")));
        }

        /// <summary>
        /// The embedded Reber grammar network of Exp 1 (3 blocks of 2) with the JKU simulator's reset, scalar class and
        /// 512-bit lane class, checked in under Snapshots/ and reviewed like code: Reset (and a new network) puts 0.5 into the
        /// hidden units of y(t-1) and y(t) and into the outputs; the forward pass, traces and learning rule are the paper
        /// spec's unchanged.
        /// </summary>
        [Fact]
        public void Exp1_network_with_the_simulators_reset()
        {
            var yaml = PaperSpecs.Read("exp1-reber-3x2").Yaml + "resetActivation: 0.5   # the 1997 JKU simulator's reset_net\n";
            var run = GeneratorHarness.Run(("exp1-reber-3x2.lstm.yaml", yaml));

            Assert.Empty(run.Diagnostics);
            Snapshot.VerifyGenerated(
                run.Sources.Where(s => s.HintName != RegistryEmitter.HintName)
                    .Concat(run.LaneSources.Where(s => s.HintName.EndsWith(".Lanes512.g.cs", System.StringComparison.Ordinal)))
                    .ToList(),
                "spec=exp1-reber-3x2-reset-half");

            var compiled = GeneratorHarness.Run(("exp1-reber-3x2.lstm.yaml", yaml.Replace("namespace: LstmGen.Networks", "namespace: LstmGen.GeneratorTests.Compiled", System.StringComparison.Ordinal)));
            Assert.Empty(compiled.Diagnostics);
            GeneratorHarness.AssertCompilesCleanly(compiled);
        }
    }
}
