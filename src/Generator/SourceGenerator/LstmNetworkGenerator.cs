using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Model;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Planning;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generator
{
    /// <summary>
    /// The pipeline: every <c>*.lstm.yaml</c> AdditionalFile is parsed into a <see cref="NetworkSpec"/>, planned
    /// (<see cref="NetworkPlanner"/>) and emitted as one network class; a registry lists them all. Diagnostics travel
    /// apart from source, so that a spec edit that only moves an error re-reports it without re-emitting, and an
    /// unrelated C# edit re-runs nothing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class LstmNetworkGenerator : IIncrementalGenerator
    {
        public const string SpecExtension = ".lstm.yaml";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // A spec without 'namespace' lands in the project's root namespace (build_property.RootNamespace, made
            // visible by the package's props), so that it cannot collide with the runtime's own networks.
            var rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) =>
                    options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) ? value : string.Empty);

            var parsed = context.AdditionalTextsProvider
                .Where(static file => file.Path.EndsWith(SpecExtension, StringComparison.OrdinalIgnoreCase))
                .Combine(rootNamespace)
                .Select(static (pair, cancellationToken) =>
                    SpecParser.Parse(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty, pair.Right))
                .WithTrackingName(TrackingNames.Parse);

            // Type names declared by more than one spec: reported on each, and none of them is emitted (LSTM0008).
            // Names are compared without their namespace: the generated file is named after the type, and tools
            // (PaperNetworks.Find, the CLI) look networks up by type name.
            var duplicates = parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => new DeclaredName(result.Spec!.TypeName, result.Spec.SpecFileName, result.NameLocation ?? SourceLocation.FileStart(result.Spec.SpecFileName)))
                .Collect()
                .Select(static (names, _) => FindDuplicates(names))
                .WithTrackingName(TrackingNames.Names);

            var specs = parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.Model);

            var emitted = specs
                .Combine(duplicates.Select(static (d, _) => d.Names))
                .Where(static pair => !pair.Right.Contains(pair.Left.TypeName, StringComparer.OrdinalIgnoreCase))
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(TrackingNames.Emit);

            // The plan (what a step computes, in which order) is the cache boundary of the emitted source.
            var plans = emitted
                .Select(static (spec, _) => NetworkPlanner.Plan(spec))
                .WithTrackingName(TrackingNames.Plan);

            context.RegisterSourceOutput(plans, static (output, plan) =>
            {
                output.AddSource(NetworkEmitter.HintName(plan), NetworkEmitter.Emit(plan, LstmGenVersion.Value));
                foreach (var (hintName, source) in NetworkEmitter.EmitLanes(plan, LstmGenVersion.Value))
                {
                    output.AddSource(hintName, source);
                }
            });

            var registry = emitted
                .Select(static (spec, _) => new RegistryEntry(spec.TypeName, spec.FullTypeName, spec.SpecFileName, NetworkEmitter.HasLanes(spec), NetworkEmitter.LanesByDefault(spec)))
                .Collect()
                .Select(static (entries, _) => new EquatableArray<RegistryEntry>(entries))
                .WithTrackingName(TrackingNames.Registry);

            context.RegisterSourceOutput(registry, static (output, entries) =>
            {
                if (entries.Count > 0)
                {
                    output.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(entries, LstmGenVersion.Value));
                }
            });

            context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (output, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(RoslynDiagnostics.ToDiagnostic(diagnostic));
                }
            });

            context.RegisterSourceOutput(duplicates.Select(static (d, _) => d.Diagnostics), static (output, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(RoslynDiagnostics.ToDiagnostic(diagnostic));
                }
            });

            // No spec at all, or a spec named *.yaml: warnings instead of a silent build (LSTM1002, LSTM1003).
            SpecFileChecks.Register(context);
        }

        private static DuplicateNames FindDuplicates(ImmutableArray<DeclaredName> names)
        {
            var diagnostics = new List<SpecDiagnostic>();
            var duplicated = new List<string>();
            // Case-insensitive: the compiler compares generated file names (Step.g.cs, step.g.cs) without case.
            foreach (var group in names.GroupBy(n => n.TypeName, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var all = group.OrderBy(n => n.Location.FilePath, StringComparer.Ordinal).ToList();
                if (all.Count < 2)
                {
                    continue;
                }

                foreach (var name in all)
                {
                    duplicated.Add(name.TypeName);
                    var other = all.First(n => !ReferenceEquals(n, name));
                    diagnostics.Add(SpecDiagnostic.Create(DiagnosticCatalog.DuplicateTypeName, name.Location, name.TypeName, other.SpecFileName));
                }
            }

            return new DuplicateNames(new EquatableArray<string>(duplicated), new EquatableArray<SpecDiagnostic>(diagnostics));
        }

        private sealed record DeclaredName(string TypeName, string SpecFileName, SourceLocation Location);

        private sealed record DuplicateNames(EquatableArray<string> Names, EquatableArray<SpecDiagnostic> Diagnostics);
    }
}
