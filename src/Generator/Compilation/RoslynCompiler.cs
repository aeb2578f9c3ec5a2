using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LstmGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Compilation
{
    /// <summary>
    /// Roslyn, set up once per process: the parse options, the compilation options of a Release build and the metadata
    /// references are made once and shared by every spec compiled at run time (a reference's metadata is read once).
    /// </summary>
    internal static class RoslynCompiler
    {
        /// <summary>The settings of the Release build that compiles the paper's networks into the runtime
        /// (Directory.Build.props): optimised, deterministic, nullable on, no overflow checks. The same IL means the same bits.</summary>
        private static readonly CSharpCompilationOptions Options = new(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            checkOverflow: false,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);

        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

        private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

        /// <summary>The syntax tree of <paramref name="source"/>, a generated file named <paramref name="hintName"/>.</summary>
        public static SyntaxTree Parse(string hintName, string source) =>
            CSharpSyntaxTree.ParseText(source, ParseOptions, path: hintName, encoding: Encoding.UTF8);

        /// <summary>
        /// Compiles <paramref name="trees"/> into the assembly <paramref name="assemblyName"/>, against the framework and the
        /// runtime; the image of the assembly. A class of the source hides one of the same name in the runtime (a paper
        /// spec's class is compiled into the runtime too).
        /// </summary>
        /// <exception cref="InvalidOperationException">The source does not compile (a generator bug; the message holds the compiler's errors).</exception>
        public static byte[] Compile(string assemblyName, string specPath, params SyntaxTree[] trees)
        {
            var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value, Options);
            using var image = new MemoryStream();
            // No PDB stream: no debug information is written; the class is loaded, never debugged from source.
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
                throw new InvalidOperationException("the class generated from '" + specPath + "' does not compile (please report it): " + string.Join("; ", errors));
            }

            return image.ToArray();
        }

        /// <summary>
        /// What generated classes are compiled against: the few framework assemblies generated code names (spans, Math,
        /// vectors, exceptions, the GeneratedCode attribute; the facades and the core library they forward to), taken from
        /// the framework this process runs on, and the runtime (LstmGen.Runtime), the very assembly the class will be
        /// loaded beside. Few references keep a compile short.
        /// </summary>
        private static IReadOnlyList<MetadataReference> LoadReferences()
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal)
            {
                "System.Private.CoreLib", "System.Runtime", "System.Runtime.Intrinsics", "System.Numerics.Vectors", "System.Memory",
                "System.Collections", "netstandard",
            };
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var file in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (wanted.Contains(Path.GetFileNameWithoutExtension(file)))
                {
                    paths.Add(file);
                }
            }

            paths.Add(typeof(ILstmNetwork).Assembly.Location);
            return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        }
    }
}
