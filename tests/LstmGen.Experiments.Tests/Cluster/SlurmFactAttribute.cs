using System;
using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>
    /// A test that needs a real single-node Slurm cluster (deploy/slurm/local-cluster.sh). It is skipped, with the reason,
    /// only where the cluster cannot be installed and started at all: not Linux, not root, or neither Slurm nor apt-get
    /// present. Everywhere else (CI included) it runs, and a failed install or start is a failure, not a skip.
    /// </summary>
    public sealed class SlurmFactAttribute : FactAttribute
    {
        public SlurmFactAttribute()
        {
            if (WhyNot() is { } reason)
            {
                Skip = reason;
            }
        }

        private static string? WhyNot()
        {
            if (!OperatingSystem.IsLinux())
            {
                return "needs Linux: a single-node Slurm cluster from Debian's packages (deploy/slurm/local-cluster.sh)";
            }

            if (Environment.UserName != "root")
            {
                return "needs root to install and start Slurm (apt-get, munged, slurmctld, slurmd); CI runs the tests as root";
            }

            if (!(ShellScript.OnPath("sbatch") && ShellScript.OnPath("slurmctld") && ShellScript.OnPath("slurmd")) && !ShellScript.OnPath("apt-get"))
            {
                return "Slurm is not installed and there is no apt-get to install slurmctld, slurmd, slurm-client and munge";
            }

            return null;
        }
    }
}
