using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Architecture.Tests
{
    /// <summary>
    /// The layers of LstmGen and what each may depend on: the one place that states the rules. Every project under
    /// src/ is a layer; a layer may reference only the layers and the third-party packages (or assemblies) listed here, in
    /// its project file, in its built assembly and in the dependencies NuGet resolved for it. .NET's own assemblies are
    /// always allowed. To add a project or a dependency, add it here (and say why).
    /// </summary>
    /// <remarks>
    /// The graph, from the bottom: Core (spec model, parser, layout, emitter) and Runtime (what generated networks stand
    /// on, and the compiled paper networks) know nothing of ours and nothing of each other; the source generator hosts
    /// the core in the compiler; Reference (the interpreter of the paper's equations) stands on both, and so does Compilation
    /// (specs compiled at run time, with Roslyn); the experiments
    /// program and the benchmark suite may use anything. src/Generator is everything that understands specs; src/Runtime
    /// never sees one.
    /// </remarks>
    internal static class Layering
    {
        public const string Core = "LstmGen.Generator.Core";
        public const string Generator = "LstmGen.Generator";
        public const string Runtime = "LstmGen.Runtime";
        public const string Reference = "LstmGen.Reference";
        public const string Compilation = "LstmGen.Compilation";
        public const string Experiments = "lstmgen";
        public const string Benchmarks = "LstmGen.Benchmarks";

        /// <summary>The parser's own dependency: a layer that may reference it may read YAML.</summary>
        public const string YamlDotNet = "YamlDotNet";

        public static IReadOnlyList<Layer> Layers { get; } = new[]
        {
            // The Roslyn-free compiler: spec model, YAML parser, weight layout, emitter, diagnostics.
            new Layer(Core, "src/Generator/Core/LstmGen.Generator.Core.csproj", Allowed.None, Allowed.Only(YamlDotNet)),

            // The incremental generator: the core inside the C# compiler (YamlDotNet is handed to the compiler beside it).
            new Layer(
                Generator,
                "src/Generator/SourceGenerator/LstmGen.Generator.csproj",
                Allowed.Only(Core),
                Allowed.Only("Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis", YamlDotNet)),

            // What generated networks stand on (contract, squashing, kernels, RNG, checkpoints) and the paper's networks:
            // nothing of ours and no package; the generator only runs as an analyzer to compile the paper's specs.
            new Layer(Runtime, "src/Runtime/LstmGen.Runtime.csproj", Allowed.None, Allowed.None, Allowed.Only(Generator)),

            // The reference interpreter: parses specs with the core, implements the runtime's contract.
            new Layer(Reference, "src/Generator/Reference/LstmGen.Reference.csproj", Allowed.Only(Core, Runtime), Allowed.Only(YamlDotNet)),

            // Specs compiled at run time: the core emits, Roslyn compiles, the class is loaded beside the runtime. Its own
            // assembly so that neither the runtime nor the core references the compiler; only the JIT build of the
            // experiments program uses it (its NativeAOT publish leaves it out).
            new Layer(Compilation, "src/Generator/Compilation/LstmGen.Compilation.csproj", Allowed.Only(Core, Runtime),
                Allowed.Only("Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.Common", "Microsoft.CodeAnalysis.Analyzers", YamlDotNet)),

            // The experiments program and the benchmark suite sit on top: anything.
            // The generator as an analyzer: the networks of rows beyond the 1997 paper (specs/gers2000/) are compiled into
            // lstmgen itself, so that LstmGen.Runtime holds the paper's networks and nothing else (docs/gers2000.md).
            new Layer(Experiments, "src/Experiments/LstmGen.Experiments.csproj", Allowed.Anything, Allowed.Anything, Allowed.Only(Generator)),
            new Layer(Benchmarks, "src/Benchmarks/LstmGen.Benchmarks.csproj", Allowed.Anything, Allowed.Anything, Allowed.Only(Generator)),
        };

        /// <summary>
        /// Inside the experiments program, only the commands (Cli/) and the entry point (Program.cs, which maps every
        /// failure to an exit code) may name the CLI: its exception, its exit codes, its namespace. The layers below
        /// (Describing, Harness, Tracing, Tasks, Reporting, Benchmarking) throw exceptions of their own.
        /// </summary>
        public static IReadOnlyList<string> CliNames { get; } = new[] { "CliException", "ExitCodes", "LstmGen.Experiments.Cli" };

        /// <summary>The files and folders of src/Experiments that may name the CLI (paths relative to the repository, '/'-separated).</summary>
        public static IReadOnlyList<string> MayNameTheCli { get; } = new[] { "src/Experiments/Cli/", "src/Experiments/Program.cs" };

        /// <summary>
        /// The names through which code reads YAML or a spec's text (issue #15: a compiled network describes itself through
        /// <c>ILstmNetwork.Description</c>; YAML is parsed by the generator and by the run-time spec path only).
        /// </summary>
        public static IReadOnlyList<string> YamlReadingNames { get; } = new[]
        {
            "YamlDotNet", "LstmGen.Generator.Parsing", "SpecParser", "YamlTreeReader", "LocatedYaml", "FromYaml", "SpecText", "NetworkLayout",
        };

        /// <summary>The files and folders of src/Experiments that may read YAML or a spec's text, and why.</summary>
        public static IReadOnlyList<string> MayReadYaml { get; } = new[]
        {
            // The run-time spec path: a spec that is not compiled in (run, drift, trace --spec, explain FILE).
            "src/Experiments/Cli/SpecVariant.cs",
            "src/Experiments/Cli/TraceCommand.cs",

            // Spec files compiled at run time (or interpreted where the program cannot compile), and the sweeps, whose
            // variants are spec and row files written from the row's own (docs/sweeps.md).
            "src/Experiments/Compiling/",
            "src/Experiments/Sweeps/",

            // The reference interpreter of a compiled network, for bench and the drift probe: it runs the network's spec.
            "src/Experiments/Harness/ReferenceCopy.cs",

            // `lstmgen emit`: the generator itself, on a spec file.
            "src/Experiments/Cli/EmitCommand.cs",

            // The row files of Tables 1-9 (specs/rows/*.rows.yaml): data read at run time, with the parser's YAML reader.
            "src/Experiments/Rows/",

            // The base of the harness's stand-ins for a network (a trial's lane or scalar network, `bench --tasks`' silent
            // network): it forwards ILstmNetwork's members, SpecText among them, to the network behind it, and reads none of them.
            "src/Experiments/Harness/ForwardingNetwork.cs",
        };

        public static Layer Named(string assembly) =>
            Layers.SingleOrDefault(l => l.Assembly == assembly) ?? throw new ArgumentException("no layer " + assembly, nameof(assembly));

        /// <summary>Whether <paramref name="name"/> (an assembly or a package) is one of ours.</summary>
        public static bool IsOurs(string name) => Layers.Any(l => string.Equals(l.Assembly, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One project under src/ and what it may depend on.</summary>
    /// <param name="Assembly">Its assembly name (also its package id in a resolved dependency graph).</param>
    /// <param name="Project">Its project file, relative to the repository root.</param>
    /// <param name="Ours">Which of our assemblies it may reference.</param>
    /// <param name="ThirdParty">Which packages, and the assemblies they bring, it may reference.</param>
    /// <param name="Analyzers">Which of our projects it may run as an analyzer (a project reference with OutputItemType="Analyzer").</param>
    internal sealed record Layer(string Assembly, string Project, Allowed Ours, Allowed ThirdParty, Allowed? Analyzers = null)
    {
        public Allowed AnalyzersAllowed => Analyzers ?? Allowed.None;

        /// <summary>A layer that may use anything needs no check of its assembly.</summary>
        public bool IsUnrestricted => Ours.IsAnything && ThirdParty.IsAnything;

        public override string ToString() => Assembly;
    }

    /// <summary>A set of names a layer may depend on, or anything.</summary>
    internal sealed class Allowed
    {
        private readonly HashSet<string>? _names;

        private Allowed(HashSet<string>? names)
        {
            _names = names;
        }

        public static Allowed None { get; } = new Allowed(new HashSet<string>(StringComparer.OrdinalIgnoreCase));

        public static Allowed Anything { get; } = new Allowed(null);

        public bool IsAnything => _names is null;

        public static Allowed Only(params string[] names) => new Allowed(new HashSet<string>(names, StringComparer.OrdinalIgnoreCase));

        public bool Contains(string name) => _names is null || _names.Contains(name);

        public override string ToString() => _names is null ? "anything" : _names.Count == 0 ? "nothing" : string.Join(", ", _names.OrderBy(n => n, StringComparer.Ordinal));
    }
}
