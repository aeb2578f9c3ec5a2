using System;
using System.IO;
using System.Threading;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>
    /// An exclusive lock held across processes (an flock on a file in /tmp): a machine has one local Slurm cluster, so two
    /// test runs at once (two worktrees, CI beside a developer) take turns instead of stopping each other's cluster.
    /// </summary>
    public sealed class MachineLock : IDisposable
    {
        private readonly FileStream _file;

        private MachineLock(FileStream file)
        {
            _file = file;
        }

        public static MachineLock Acquire(string name, TimeSpan timeout)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".lock");
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                try
                {
                    // FileShare.None takes an exclusive advisory lock (flock) on Unix; it goes with the process.
                    return new MachineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(1000);
                }
            }
        }

        public void Dispose() => _file.Dispose();
    }
}
