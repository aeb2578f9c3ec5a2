using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LstmGen.Reference;
using LstmGen.Runtime;
#if RUNTIME_COMPILATION
using LstmGen.Compilation;
#endif

namespace LstmGen.Experiments.Compiling
{
    /// <summary>
    /// The network of a spec file that is not compiled in (<c>run --spec</c>, <c>drift --spec</c>, <c>trace --spec</c>,
    /// <c>bench --spec</c>, <c>explain file.lstm.yaml</c>, sweeps): compiled at run time by the generator's core and Roslyn
    /// (LstmGen.Compilation), so that it trains bit for bit like the same spec compiled in and as fast. A NativeAOT binary
    /// cannot load new code: there the reference interpreter runs the spec, and <see cref="Note"/> says so.
    /// </summary>
    public sealed class SpecFileNetwork
    {
        private SpecFileNetwork(string path, string text, CompiledNetwork network, bool isCompiled, TimeSpan compileTime, IReadOnlyList<string> warnings)
        {
            CompileStages = [];
            LaneClassCompileTime = _ => null;
            Path = path;
            Text = text;
            Network = network;
            IsCompiled = isCompiled;
            CompileTime = compileTime;
            Warnings = warnings;
        }

        /// <summary>The spec file.</summary>
        public string Path { get; }

        /// <summary>The spec's text.</summary>
        public string Text { get; }

        /// <summary>The network as a registry entry (name, type, spec file, factory).</summary>
        public CompiledNetwork Network { get; }

        /// <summary>Whether generated code runs (true) or the reference interpreter (false: a NativeAOT binary).</summary>
        public bool IsCompiled { get; }

        /// <summary>How long compiling took; zero when this process had compiled the same text before, or for the interpreter.</summary>
        public TimeSpan CompileTime { get; }

        /// <summary>The spec's warnings (LSTMxxxx), in the compiler's format.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Where <see cref="CompileTime"/> went (generate, Roslyn, load), the processor time it took (CPU) and the JIT's share of that (JIT), for the process's first compile of the text; empty for the interpreter.</summary>
        public IReadOnlyList<(string Stage, TimeSpan Time)> CompileStages { get; private init; }

        /// <summary>How long the lane class of a width took to compile, once the harness asked for it (lanes are compiled on first use); else null.</summary>
        public Func<LaneWidth, TimeSpan?> LaneClassCompileTime { get; private init; }

        /// <summary>Whether this build of the program can compile specs at run time (the JIT build; not a NativeAOT binary).</summary>
        public static bool CanCompile
        {
            get
            {
#if RUNTIME_COMPILATION
                return true;
#else
                return false;
#endif
            }
        }

        /// <summary>A fresh instance (weights zero until initialised).</summary>
        public ILstmNetwork Create() => Network.Create();

        /// <summary>
        /// One line on what runs the spec, for stderr: <paramref name="purpose"/> completes it ("training it", "tracing it").
        /// </summary>
        public string Note(string purpose)
        {
            if (IsCompiled)
            {
                var cpu = CompileStages.FirstOrDefault(s => s.Stage == "CPU").Time;
                var when = CompileTime == TimeSpan.Zero
                    ? "earlier in this run"
                    : "in " + CompileTime.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
                        + (cpu > TimeSpan.Zero ? " (CPU " + cpu.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s)" : string.Empty);
                return "lstmgen: note: compiled '" + Path + "' at run time " + when + "; " + purpose + " as generated code";
            }

            return "lstmgen: note: this native binary cannot compile '" + Path + "' at run time; " + purpose +
                " with the reference interpreter (slower; the JIT build 'dotnet lstmgen.dll' runs generated code, docs/sweeps.md)";
        }

        /// <summary>Compiles (or, in a NativeAOT binary, interprets) the spec <paramref name="text"/> read from <paramref name="path"/>.</summary>
        /// <exception cref="Generator.Diagnostics.SpecException">The spec has errors: the LSTMxxxx diagnostics of a build.</exception>
        public static SpecFileNetwork Load(string path, string text)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(text);
#if RUNTIME_COMPILATION
            // The JIT build. (RuntimeFeature.IsDynamicCodeSupported cannot tell: PublishAot makes the JIT build report false
            // too, to behave as the native binary does; loading an assembly works all the same.)
            var compiled = RuntimeSpecCompiler.Compile(path, text);
            return new SpecFileNetwork(path, text, compiled.Network, true, compiled.CompileTime, compiled.Warnings)
            {
                CompileStages = [("generate", compiled.Stages.Generate), ("Roslyn", compiled.Stages.Roslyn), ("load", compiled.Stages.Load), ("CPU", compiled.Stages.Processor), ("JIT", compiled.Stages.Jit)],
                LaneClassCompileTime = compiled.LaneClassCompileTime,
            };
#else
            return Interpreted(path, text);
#endif
        }

        /// <summary>The spec run by the reference interpreter, whatever the build (bench measures it beside generated code).</summary>
        /// <exception cref="Generator.Diagnostics.SpecException">The spec has errors.</exception>
        public static SpecFileNetwork Interpreted(string path, string text)
        {
            var probe = ReferenceNetwork.FromYaml(path, text);
            var spec = probe.Spec;
            var network = new CompiledNetwork(spec.TypeName, spec.FullTypeName, spec.SpecFileName, () => ReferenceNetwork.FromYaml(path, text));
            var warnings = new List<string>();
            foreach (var diagnostic in Generator.Parsing.SpecParser.Parse(path, text).Diagnostics)
            {
                if (!diagnostic.IsError)
                {
                    warnings.Add(diagnostic.ToCompilerFormat());
                }
            }

            return new SpecFileNetwork(path, text, network, false, TimeSpan.Zero, warnings);
        }
    }
}
