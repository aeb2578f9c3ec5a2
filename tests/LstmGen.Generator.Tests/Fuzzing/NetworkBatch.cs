using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using LstmGen.Generator.Tests.Infrastructure;
using LstmGen.Runtime;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LstmGen.Generator.Tests.Fuzzing
{
    /// <summary>What running one compiled network gave.</summary>
    internal sealed record NetworkOutcome(string Case, bool Finite, string Detail);

    /// <summary>
    /// Compiles many generated networks in one Roslyn compilation (one compilation costs about a second, whatever it
    /// holds), loads the assembly and trains each network for one short sequence. Each spec is renamed
    /// <c>FuzzN</c> first so that the classes cannot collide.
    /// </summary>
    internal static class NetworkBatch
    {
        public const int Steps = 10;

        /// <summary>
        /// Generates, compiles and runs <paramref name="specs"/> (case description, spec text, each without errors).
        /// Fails the test when the generated code does not compile cleanly; returns each network's outcome.
        /// </summary>
        public static IReadOnlyList<NetworkOutcome> CompileAndRun(IReadOnlyList<(string Case, string Text)> specs, int batchNumber)
        {
            var files = specs.Select((s, i) =>
            {
                var name = "Fuzz" + batchNumber.ToString(CultureInfo.InvariantCulture) + "x" + i.ToString(CultureInfo.InvariantCulture);
                return (s.Case, File: name + ".lstm.yaml", Name: name, Text: Rename(s.Text, name));
            }).ToList();

            var driver = GeneratorHarness.CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.File, f.Text)));
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var output, out _);
            var run = GeneratorHarness.ToRun(driver, output);
            var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "renamed specs gained errors:\n" + string.Join("\n", errors.Select(e => Describe(e, files.Select(f => (f.File, f.Case))))));

            using var image = new MemoryStream();
            var emit = output.Emit(image);
            var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0 && emit.Success, "the generated code does not compile cleanly:\n" +
                string.Join("\n", problems.Take(20).Select(d => Describe(d, files.Select(f => (f.Name + ".g.cs", f.Case + "\n" + f.Text))))));

            image.Position = 0;
            var context = new AssemblyLoadContext("fuzz" + batchNumber.ToString(CultureInfo.InvariantCulture), isCollectible: true);
            try
            {
                var assembly = context.LoadFromStream(image);
                var outcomes = new List<NetworkOutcome>();
                foreach (var file in files)
                {
                    var type = assembly.GetTypes().SingleOrDefault(t => t.Name == file.Name)
                        ?? throw new Xunit.Sdk.XunitException("no class " + file.Name + " from " + file.Case + ":\n" + file.Text);
                    var network = (ILstmNetwork)Activator.CreateInstance(type)!;
                    outcomes.Add(Train(network, file.Case));
                }

                return outcomes;
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>
        /// The spec with its name value replaced by <paramref name="name"/>, where the parser says the value is: a
        /// damaged spec may hold its name anywhere YAML allows (after a NEL line break, in a flow mapping, quoted).
        /// </summary>
        private static string Rename(string text, string name)
        {
            var location = LstmGen.Generator.Parsing.SpecParser.Parse("spec.lstm.yaml", text).NameLocation
                ?? throw new Xunit.Sdk.XunitException("a valid spec without a name location:\n" + text);
            return text.Substring(0, location.Start) + name + text.Substring(location.Start + location.Length);
        }

        /// <summary>InitializeWeights(1), then one sequence of <see cref="Steps"/> training steps with random inputs and targets.</summary>
        private static NetworkOutcome Train(ILstmNetwork network, string fuzzCase)
        {
            var random = new Random(12345);
            var input = new double[network.InputCount];
            var target = new double[network.OutputCount];
            var output = new double[network.OutputCount];
            network.InitializeWeights(1);
            network.Reset();

            // A network declared one-hot refuses other inputs by design: it gets one non-zero input per step.
            var oneHot = LstmGen.Generator.Parsing.SpecParser.Parse(network.SpecFileName, network.SpecText).Spec?.InputEncoding == LstmGen.Generator.Model.InputEncoding.OneHot;
            for (var t = 0; t < Steps; t++)
            {
                for (var i = 0; i < input.Length; i++)
                {
                    input[i] = oneHot ? 0.0 : (random.NextDouble() * 2) - 1;
                }

                if (oneHot)
                {
                    input[random.Next(input.Length)] = (random.NextDouble() * 2) - 1;
                }

                for (var k = 0; k < target.Length; k++)
                {
                    target[k] = random.NextDouble();
                }

                network.TrainStep(input, target, output);
                var bad = Array.FindIndex(output, v => !double.IsFinite(v));
                if (bad >= 0)
                {
                    return new NetworkOutcome(fuzzCase, false, "output " + bad + " is " + output[bad].ToString(CultureInfo.InvariantCulture) + " at step " + t);
                }
            }

            network.EndSequence();
            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            var badWeight = Array.FindIndex(weights, v => !double.IsFinite(v));
            return badWeight >= 0
                ? new NetworkOutcome(fuzzCase, false, "weight " + badWeight + " is " + weights[badWeight].ToString(CultureInfo.InvariantCulture) + " after the sequence")
                : new NetworkOutcome(fuzzCase, true, string.Empty);
        }

        private static string Describe(Diagnostic d, IEnumerable<(string File, string Case)> files)
        {
            var path = Path.GetFileName(d.Location.GetLineSpan().Path ?? string.Empty);
            var match = files.FirstOrDefault(f => f.File == path);
            return d + (match.Case != null ? "\n  from " + match.Case : string.Empty);
        }
    }
}
