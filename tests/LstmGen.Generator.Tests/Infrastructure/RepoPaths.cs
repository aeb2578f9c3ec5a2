using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace LstmGen.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Finds files in the source tree (not in bin/): the repository root is the first folder above this source
    /// file that holds <c>LstmGen.sln</c>. Snapshots and specs are read from there, so that accepting a snapshot
    /// changes the checked-in file.
    /// </summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot(ThisFile());

        public static string Specs => Path.Combine(Root, "specs");

        public static string Samples => Path.Combine(Root, "samples");

        /// <summary>The folder of the test project (where <c>Snapshots/</c> lives).</summary>
        public static string TestProject { get; } = Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

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
