using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LstmGen.Experiments.Tests.Cluster
{
    /// <summary>What the checks found in one manifest file: its schema and type-check messages; valid when there are none.</summary>
    public sealed record ManifestCheck(string File, IReadOnlyList<string> Problems)
    {
        public bool Valid => Problems.Count == 0;
    }

    /// <summary>
    /// The Kubernetes API schema checks of <c>validate-manifests.mjs</c>: the npm packages kubernetes-models (the
    /// OpenAPI schema of Kubernetes 1.34 as validators and TypeScript types), yaml and typescript, installed once into a
    /// folder under /tmp that later runs reuse.
    /// </summary>
    public sealed class KubernetesSchema
    {
        private static readonly string[] Packages = ["kubernetes-models@5.1.0", "yaml@2.8.1", "typescript@5.9.3"];

        private readonly string _folder;

        private KubernetesSchema(string folder)
        {
            _folder = folder;
        }

        public static KubernetesSchema Install()
        {
            var folder = Path.Combine(Path.GetTempPath(), "lstmgen-kubernetes-schema-" + string.Join("-", Packages.Select(p => p.Replace('@', '_'))));
            using var turn = MachineLock.Acquire("lstmgen-kubernetes-schema", TimeSpan.FromMinutes(5));
            if (!File.Exists(Path.Combine(folder, "installed")))
            {
                Directory.CreateDirectory(folder);
                var install = ShellScript.Bash("npm install --prefix \"$1\" --no-audit --no-fund --loglevel=error " + string.Join(' ', Packages), [folder], TimeSpan.FromMinutes(4));
                Assert.True(install.ExitCode == 0, "npm install " + string.Join(' ', Packages) + " failed:\n" + install.Output);
                File.WriteAllText(Path.Combine(folder, "installed"), string.Join('\n', Packages));
            }

            return new KubernetesSchema(folder);
        }

        /// <summary>
        /// Validates every document of <paramref name="manifests"/> against the schema, then type-checks them all in one
        /// tsc run; one result per file.
        /// </summary>
        public IReadOnlyList<ManifestCheck> Check(params string[] manifests)
        {
            // Inside the install folder, so that node and tsc find the packages in its node_modules.
            var work = Path.Combine(_folder, "check-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                var script = Path.Combine(work, "validate-manifests.mjs");
                File.Copy(Path.Combine(CliRunner.RepositoryRoot, "tests", "LstmGen.Experiments.Tests", "Cluster", "validate-manifests.mjs"), script);
                var schema = Node([script, work, .. manifests]);
                File.WriteAllText(Path.Combine(work, "tsconfig.json"),
                    "{ \"compilerOptions\": { \"strict\": true, \"noEmit\": true, \"module\": \"nodenext\", \"moduleResolution\": \"nodenext\", \"target\": \"es2022\", \"skipLibCheck\": true, \"types\": [] }, \"include\": [\"typed-*.ts\"] }\n");
                var types = Node([Path.Combine(_folder, "node_modules", "typescript", "bin", "tsc"), "-p", Path.Combine(work, "tsconfig.json"), "--pretty", "false"]);
                var schemaLines = schema.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var typedFiles = schemaLines.Where(l => l.StartsWith("typed: ", StringComparison.Ordinal)).Select(l => l.Split(' ', 3)).ToDictionary(p => p[1], p => p[2]);
                var typeErrors = types.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => Regex.Match(l, @"(typed-[0-9]+\.ts)\(.*"))
                    .Where(m => m.Success)
                    .Select(m => (File: typedFiles[m.Groups[1].Value], Message: m.Value))
                    .ToList();
                Assert.True(schema.ExitCode is 0 or 1 && types.ExitCode is 0 or 2 && (types.ExitCode == 0) == (typeErrors.Count == 0),
                    "the checks themselves failed:\n" + schema.Output + types.Output);
                return manifests.Select(file => new ManifestCheck(file,
                    schemaLines.Where(l => l.StartsWith("invalid: " + file + ":", StringComparison.Ordinal))
                        .Concat(typeErrors.Where(e => e.File == file).Select(e => e.Message)).ToList())).ToList();
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static ScriptResult Node(IEnumerable<string> args) =>
            ShellScript.Bash("exec node \"$@\"", args, TimeSpan.FromMinutes(2));
    }
}
