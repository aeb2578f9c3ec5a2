using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace LstmGen.Architecture.Tests.Infrastructure
{
    /// <summary>
    /// The assemblies a built assembly references, read from its metadata (never loaded, so an analyzer's Roslyn
    /// references need not resolve). The assemblies are the copies this test project's build put beside it.
    /// </summary>
    internal static class BuiltAssembly
    {
        /// <summary>The path of our assembly <paramref name="name"/> beside the tests.</summary>
        public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

        /// <summary>The names of the assemblies <paramref name="path"/> references.</summary>
        public static IReadOnlyList<string> References(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences
                .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
                .ToList();
        }

        /// <summary>Whether <paramref name="name"/> is one of .NET's own assemblies (in the shared framework this test runs on, netstandard included).</summary>
        public static bool IsFramework(string name) =>
            name is "mscorlib" || File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll"));
    }
}
