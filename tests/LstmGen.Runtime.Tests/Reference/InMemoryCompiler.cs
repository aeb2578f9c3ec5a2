using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Runtime.Tests.Reference
{
    /// <summary>Compiles emitted network classes in memory with Roslyn and loads them.</summary>
    internal static class InMemoryCompiler
    {
        // What the emitted code and the ILstmNetwork contract touch (Span, Math, GeneratedCodeAttribute, and the vector
        // types among Squash.Logistic's overloads). Referencing only these, rather than every trusted platform assembly,
        // keeps the compilation quick.
        private static readonly HashSet<string> FrameworkAssemblies = new(StringComparer.OrdinalIgnoreCase)
        {
            "System.Private.CoreLib", "System.Runtime", "System.Memory", "System.Runtime.InteropServices", "System.Runtime.Intrinsics", "netstandard",
        };

        /// <summary>Compiles <paramref name="sources"/> into one assembly (Release) and loads it.</summary>
        public static Assembly Compile(string assemblyName, IEnumerable<string> sources)
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, options)).ToList();
            var compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                References(),
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
                throw new InvalidOperationException("The emitted code does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            return Assembly.Load(stream.ToArray());
        }

        /// <summary>The framework's assemblies and LstmGen.Runtime (which the generated code implements).</summary>
        private static List<MetadataReference> References()
        {
            var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(path)))
                {
                    paths[Path.GetFileName(path)] = path;
                }
            }

            var runtime = typeof(ILstmNetwork).Assembly.Location;
            paths[Path.GetFileName(runtime)] = runtime;
            return paths.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        }
    }
}
