using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace LstmGen.Compilation
{
    /// <summary>
    /// The collectible load context of one spec compiled at run time: its scalar class and, when lanes are asked for, the
    /// lane class of a width, which is compiled into an assembly of its own against the scalar one (it reads the scalar
    /// class's constants and description). Assemblies loaded here resolve each other by name; everything else (the
    /// runtime, the framework) comes from the default context, so the classes implement the very interfaces the harness
    /// holds.
    /// </summary>
    internal sealed class SpecLoadContext : AssemblyLoadContext
    {
        private readonly ConcurrentDictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

        public SpecLoadContext(string name)
            : base(name, isCollectible: true)
        {
        }

        /// <summary>Loads the assembly <paramref name="image"/> (a compiled class) into this context.</summary>
        public Assembly Load(byte[] image)
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = LoadFromStream(stream);
            _loaded[assembly.GetName().Name!] = assembly;
            return assembly;
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && _loaded.TryGetValue(name, out var assembly) ? assembly : null;
    }
}
