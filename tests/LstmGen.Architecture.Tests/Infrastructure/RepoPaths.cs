using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace LstmGen.Architecture.Tests.Infrastructure
{
    /// <summary>The source tree: the first folder above this source file that holds <c>LstmGen.sln</c>.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot(ThisFile());

        /// <summary>The absolute path of a '/'-separated path relative to the repository root.</summary>
        public static string Full(string relative) => Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));

        /// <summary>The '/'-separated path of <paramref name="path"/> relative to the repository root.</summary>
        public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

        private static string ThisFile([CallerFilePath] string path = "") => path;

        private static string FindRoot(string start)
        {
            for (var dir = Path.GetDirectoryName(start); dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "LstmGen.sln")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("No LstmGen.sln above " + start + ": the tests must run from a build of the source tree.");
        }
    }
}
