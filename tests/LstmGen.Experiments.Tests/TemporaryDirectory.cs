using System;
using System.IO;

namespace LstmGen.Experiments.Tests
{
    /// <summary>A private temporary directory for one test, deleted with everything in it when the test ends.</summary>
    internal sealed class TemporaryDirectory : IDisposable
    {
        /// <param name="prefix">The start of the directory's name, to tell whose it is if one is ever left behind.</param>
        public TemporaryDirectory(string prefix = "lstmgen-test-")
        {
            Path = Directory.CreateTempSubdirectory(prefix).FullName;
        }

        /// <summary>The directory's full path.</summary>
        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is not worth failing a test over.
            }
        }
    }
}
