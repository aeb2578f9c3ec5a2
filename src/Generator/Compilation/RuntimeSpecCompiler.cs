using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LstmGen.Generator;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Parsing;
using LstmGen.Generator.Planning;
using LstmGen.Runtime;

namespace LstmGen.Compilation
{
    /// <summary>
    /// Compiles a spec at run time: the generator's core parses, plans and emits it (<see cref="NetworkEmitter"/>, the very
    /// emitter of the source generator, so the class is the one a build would generate), Roslyn compiles the class with the
    /// settings of a Release build into a collectible in-memory assembly, and the class is loaded beside the runtime it
    /// stands on. A spec with errors throws <see cref="SpecException"/> with the LSTMxxxx diagnostics a build reports.
    /// Compiled specs are cached by the hash of their text for the life of the process.
    /// </summary>
    public static class RuntimeSpecCompiler
    {
        /// <summary>The namespace of a spec that declares none (a build would use the project's root namespace).</summary>
        public const string DefaultNamespace = "LstmGen.RuntimeCompiled";

        private static readonly ConcurrentDictionary<string, Lazy<CompiledSpec>> Cache = new(StringComparer.Ordinal);

        /// <summary>The compiled class of the spec <paramref name="text"/>; <paramref name="path"/> names it in diagnostics.</summary>
        /// <exception cref="SpecException">The spec has errors.</exception>
        /// <exception cref="InvalidOperationException">The emitted class did not compile (a generator bug; the message holds the compiler's errors).</exception>
        public static CompiledSpec Compile(string path, string text)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(text);
            var hash = ContentHash(text);
            var entry = Cache.GetOrAdd(hash, key => new Lazy<CompiledSpec>(() => CompileNew(path, text, key)));
            try
            {
                var cached = entry.IsValueCreated;
                var compiled = entry.Value;
                return cached ? compiled with { CompileTime = TimeSpan.Zero } : compiled;
            }
            catch
            {
                // A spec with errors is not cached: the next call reports its diagnostics again, under its own path.
                Cache.TryRemove(new KeyValuePair<string, Lazy<CompiledSpec>>(hash, entry));
                throw;
            }
        }

        /// <summary>Whether the cache already holds the spec <paramref name="text"/> (compiling it again costs nothing).</summary>
        public static bool IsCached(string text) =>
            Cache.TryGetValue(ContentHash(text), out var entry) && entry.IsValueCreated;

        /// <summary>The C# source of the class the spec compiles to (what <c>lstmgen emit</c> prints).</summary>
        /// <exception cref="SpecException">The spec has errors.</exception>
        public static string Emit(string path, string text) => NetworkEmitter.Emit(Parse(path, text).Spec!, LstmGenVersion.Value);

        /// <summary>Hex SHA-256 of the spec's text (UTF-8).</summary>
        public static string ContentHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        private static CompiledSpec CompileNew(string path, string text, string hash)
        {
            var clock = Stopwatch.StartNew();
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
            var parsed = Parse(path, text);
            var spec = parsed.Spec!;
            var plan = NetworkPlanner.Plan(spec);
            var source = NetworkEmitter.Emit(plan, LstmGenVersion.Value);
            var generated = clock.Elapsed;

            var assemblyName = "LstmGen.RuntimeCompiled." + spec.TypeName + "." + hash[..16];
            var tree = RoslynCompiler.Parse(NetworkEmitter.HintName(spec), source);
            var image = RoslynCompiler.Compile(assemblyName, path, tree);
            var compiled = clock.Elapsed;

            var context = new SpecLoadContext(assemblyName);
            var type = context.Load(image).GetType(spec.FullTypeName, throwOnError: true)!;
            var constructor = type.GetConstructor(Type.EmptyTypes)
                ?? throw new InvalidOperationException("the class generated from '" + path + "' has no parameterless constructor");
            var create = (Func<ILstmNetwork>)(() => (ILstmNetwork)constructor.Invoke(null));

            // The lane classes, as a build makes them for the same spec (NetworkEmitter.HasLanes), compiled when first asked for.
            var lanes = NetworkEmitter.HasLanes(spec) ? new RuntimeLaneClasses(plan, path, assemblyName, tree, context) : null;
            var network = new CompiledNetwork(spec.TypeName, spec.FullTypeName, spec.SpecFileName, create, lanes is null ? null : lanes.Create);
            var warnings = parsed.Diagnostics.Where(d => !d.IsError).Select(d => d.ToCompilerFormat()).ToList();
            var stages = new CompileStages(generated, compiled - generated, clock.Elapsed - compiled, Process.GetCurrentProcess().TotalProcessorTime - processor)
            {
                Jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jit,
            };
            return new CompiledSpec(network, hash, clock.Elapsed, warnings) { Stages = stages, LaneClasses = lanes };
        }

        private static ParseResult Parse(string path, string text)
        {
            var result = SpecParser.Parse(path, text, DefaultNamespace);
            if (result.HasErrors || result.Spec is null)
            {
                throw new SpecException(result.Diagnostics.ToList());
            }

            return result;
        }
    }
}
