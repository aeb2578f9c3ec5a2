using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>A test that needs node and npm (to install a schema validator into a temporary folder); skipped, with the reason, without them.</summary>
    public sealed class NodeFactAttribute : FactAttribute
    {
        public NodeFactAttribute()
        {
            if (!(ShellScript.OnPath("node") && ShellScript.OnPath("npm")))
            {
                Skip = "needs node and npm to validate the Kubernetes manifests against the Job API schema (npm package kubernetes-models)";
            }
        }
    }
}
