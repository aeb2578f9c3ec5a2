using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Sharding;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>
    /// The Kubernetes manifests (deploy/kubernetes/) without a cluster: each pod of the Indexed Job runs the shard of its
    /// completion index into its own folder on the results volume, as lstmgen's own parser reads the expanded arguments;
    /// the merge reads those folders; and, where node and npm exist, every manifest is valid for the Kubernetes API
    /// (the OpenAPI schema in the npm package kubernetes-models) and has no field the API does not know (tsc).
    /// </summary>
    public sealed class KubernetesManifestTests
    {
        private const string IndexAnnotation = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

        private static readonly string Folder = Path.Combine(CliRunner.RepositoryRoot, "deploy", "kubernetes");

        [Fact]
        public void Each_completion_index_runs_its_own_shard_into_its_own_folder_on_the_results_volume()
        {
            var job = Load("shards-job.yaml");
            Assert.Equal(("batch/v1", "Job"), (Text(job, "apiVersion"), Text(job, "kind")));
            var spec = Map(job, "spec");
            Assert.Equal("Indexed", Text(spec, "completionMode"));
            var completions = int.Parse(Text(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(int.Parse(Text(spec, "parallelism"), System.Globalization.CultureInfo.InvariantCulture), 1, completions);
            var pod = Map(Map(spec, "template"), "spec");
            Assert.Equal("Never", Text(pod, "restartPolicy"));   // the API server requires it with backoffLimitPerIndex
            Assert.True(pod.Children.ContainsKey("terminationGracePeriodSeconds"));
            var container = (YamlMappingNode)Assert.Single(List(pod, "containers"));
            Assert.False(container.Children.ContainsKey("command"));   // the image's entrypoint, /lstmgen, gets the arguments
            var index = List(container, "env").Cast<YamlMappingNode>().Single(e => Text(e, "name") == "JOB_COMPLETION_INDEX");
            Assert.Equal(IndexAnnotation, Text(Map(Map(index, "valueFrom"), "fieldRef"), "fieldPath"));
            var mount = (YamlMappingNode)Assert.Single(List(container, "volumeMounts"));
            var mountPath = Text(mount, "mountPath");
            Assert.Equal(ClaimOf(pod, Text(mount, "name")), Text(Map(Load("results-volume.yaml"), "metadata"), "name"));
            Assert.Contains("ReadWriteMany", List(Map(Load("results-volume.yaml"), "spec"), "accessModes").Select(n => n.ToString()));

            var args = List(container, "args").Select(n => ((YamlScalarNode)n).Value!).ToList();
            var folders = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < completions; i++)
            {
                // What the kubelet runs in pod i: $(JOB_COMPLETION_INDEX) expanded from the container's environment.
                var expanded = args.Select(a => a.Replace("$(JOB_COMPLETION_INDEX)", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();
                var parse = Parse(expanded);
                Assert.Empty(parse.Errors);
                Assert.Equal("reproduce", parse.CommandResult.Command.Name);
                var shard = ShardSpec.TryParse(parse.GetValue<string>("--shard")!, out _);
                Assert.Equal(new ShardSpec(i, completions), shard);
                var folder = parse.GetValue<string>("--results-dir")!;
                Assert.Equal(mountPath + "/" + shard!.Value.FolderName, folder);   // the name 'merge --from' and a rerun expect
                Assert.True(folders.Add(folder));
            }

            // The merge reads every shard folder under the mount and writes beside them; the report reads the merge.
            var merge = Load("merge-job.yaml");
            var mergePod = Map(Map(Map(merge, "spec"), "template"), "spec");
            var mergeInit = (YamlMappingNode)Assert.Single(List(mergePod, "initContainers"));
            var mergeArgs = Parse(List(mergeInit, "args").Select(n => n.ToString()).ToArray());
            Assert.Empty(mergeArgs.Errors);
            Assert.Equal("merge", mergeArgs.CommandResult.Command.Name);
            Assert.Equal(new[] { mountPath }, mergeArgs.GetValue<string[]>("--from"));
            var into = mergeArgs.GetValue<string>("--into")!;
            Assert.Equal(mountPath, Path.GetDirectoryName(into));
            Assert.DoesNotContain(into, folders);
            var report = Parse(List((YamlMappingNode)Assert.Single(List(mergePod, "containers")), "args").Select(n => n.ToString()).ToArray());
            Assert.Empty(report.Errors);
            Assert.Equal(("report", into), (report.CommandResult.Command.Name, report.GetValue<string>("--results-dir")));
            foreach (var c in List(mergePod, "initContainers").Concat(List(mergePod, "containers")).Cast<YamlMappingNode>())
            {
                Assert.Equal(Text(container, "image"), Text(c, "image"));
                var m = (YamlMappingNode)Assert.Single(List(c, "volumeMounts"));
                Assert.Equal((mountPath, ClaimOf(pod, Text(mount, "name"))), (Text(m, "mountPath"), ClaimOf(mergePod, Text(m, "name"))));
            }
        }

        [Fact]
        public void The_image_runs_lstmgen_itself_from_an_empty_base()
        {
            var containerfile = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "deploy", "container", "Containerfile"));
            Assert.Matches(new Regex("^FROM scratch$", RegexOptions.Multiline), containerfile);
            Assert.Matches(new Regex("^COPY lstmgen /lstmgen$", RegexOptions.Multiline), containerfile);
            Assert.Matches(new Regex("^ENTRYPOINT \\[\"/lstmgen\"\\]$", RegexOptions.Multiline), containerfile);
            Assert.Matches(new Regex("^USER 65534:65534$", RegexOptions.Multiline), containerfile);   // the pods' runAsUser
        }

        [NodeFact]
        public void The_manifests_are_valid_for_the_Kubernetes_API_and_name_no_unknown_field()
        {
            var manifests = Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(3, manifests.Length);
            var broken = Directory.CreateTempSubdirectory("lstmgen-manifests-").FullName;
            try
            {
                // The checks can fail: a misspelt enum value fails the schema (and the types), a misspelt field only the types.
                var job = File.ReadAllText(Path.Combine(Folder, "shards-job.yaml"));
                var badValue = Path.Combine(broken, "value.yaml");
                var badField = Path.Combine(broken, "field.yaml");
                File.WriteAllText(badValue, job.Replace("completionMode: Indexed", "completionMode: Indexd", StringComparison.Ordinal));
                File.WriteAllText(badField, job.Replace("backoffLimitPerIndex:", "backofLimitPerIndex:", StringComparison.Ordinal));

                var checks = KubernetesSchema.Install().Check([.. manifests, badValue, badField]).ToDictionary(c => c.File);

                Assert.All(manifests, m => Assert.True(checks[m].Valid, m + ":\n" + string.Join('\n', checks[m].Problems)));
                Assert.Contains(checks[badValue].Problems, p => p.Contains("completionMode must be equal to one of the allowed values", StringComparison.Ordinal));   // the schema
                Assert.Contains("'\"backofLimitPerIndex\"' does not exist in type 'IJobSpec'", Assert.Single(checks[badField].Problems), StringComparison.Ordinal);   // only the types
            }
            finally
            {
                Directory.Delete(broken, recursive: true);
            }
        }

        private static System.CommandLine.ParseResult Parse(string[] args) =>
            Program.BuildRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null)).Parse(args);

        private static string ClaimOf(YamlMappingNode pod, string volume) =>
            Text(Map(List(pod, "volumes").Cast<YamlMappingNode>().Single(v => Text(v, "name") == volume), "persistentVolumeClaim"), "claimName");

        private static YamlMappingNode Load(string file)
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, file))))
            {
                stream.Load(reader);
            }

            return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
        }

        private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

        private static IReadOnlyList<YamlNode> List(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children.ToList();

        private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? string.Empty;
    }
}
