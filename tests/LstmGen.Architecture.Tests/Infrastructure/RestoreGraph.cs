using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LstmGen.Architecture.Tests.Infrastructure
{
    /// <summary>One library of a restore graph: a package or a project, with the libraries it depends on.</summary>
    internal sealed record RestoredLibrary(string Name, bool IsProject, IReadOnlyList<string> Dependencies);

    /// <summary>A project's direct dependency as restore saw it.</summary>
    internal sealed record DirectDependency(string Name, bool IsProject, bool IsAutoReferenced);

    /// <summary>
    /// The dependency graph NuGet resolved for one project (its <c>obj/project.assets.json</c>): the packages and projects
    /// it depends on, directly and transitively. What flows in here (a package of a referenced project, a project
    /// reference without PrivateAssets="all") is what the build copies and what a package of the project declares, even
    /// when no code uses it. Analyzer references that do not reference the assembly are not part of it.
    /// </summary>
    internal sealed class RestoreGraph
    {
        private readonly IReadOnlyDictionary<string, RestoredLibrary> _libraries;

        private RestoreGraph(IReadOnlyList<DirectDependency> direct, IReadOnlyDictionary<string, RestoredLibrary> libraries)
        {
            Direct = direct;
            _libraries = libraries;
        }

        /// <summary>The project's own dependencies: its package references (the SDK's implicit ones marked), its project references.</summary>
        public IReadOnlyList<DirectDependency> Direct { get; }

        public static RestoreGraph Of(string projectPath)
        {
            var folder = Path.GetDirectoryName(projectPath)!;
            var assets = Path.Combine(folder, "obj", "project.assets.json");
            if (!File.Exists(assets))
            {
                throw new InvalidOperationException(assets + " is missing: restore " + projectPath + " (reference it from LstmGen.Architecture.Tests.csproj)");
            }

            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            var root = document.RootElement;

            var projectPaths = new Dictionary<string, string>(StringComparer.Ordinal);
            var types = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            foreach (var library in root.GetProperty("libraries").EnumerateObject())
            {
                var name = NameOf(library.Name);
                var isProject = library.Value.GetProperty("type").GetString() == "project";
                types[name] = isProject;
                if (isProject)
                {
                    projectPaths[Path.GetFullPath(Path.Combine(folder, library.Value.GetProperty("path").GetString()!))] = name;
                }
            }

            // One target framework per project here; a second one would have its own graph.
            var target = root.GetProperty("targets").EnumerateObject().Single();
            var libraries = new Dictionary<string, RestoredLibrary>(StringComparer.OrdinalIgnoreCase);
            foreach (var library in target.Value.EnumerateObject())
            {
                var name = NameOf(library.Name);
                var dependencies = library.Value.TryGetProperty("dependencies", out var list)
                    ? list.EnumerateObject().Select(d => d.Name).ToList()
                    : new List<string>();
                libraries[name] = new RestoredLibrary(name, types.TryGetValue(name, out var isProject) && isProject, dependencies);
            }

            var project = root.GetProperty("project");
            var direct = new List<DirectDependency>();
            foreach (var framework in project.GetProperty("frameworks").EnumerateObject())
            {
                if (framework.Value.TryGetProperty("dependencies", out var packages))
                {
                    foreach (var package in packages.EnumerateObject())
                    {
                        var auto = package.Value.TryGetProperty("autoReferenced", out var flag) && flag.GetBoolean();
                        direct.Add(new DirectDependency(package.Name, IsProject: false, auto));
                    }
                }
            }

            foreach (var framework in project.GetProperty("restore").GetProperty("frameworks").EnumerateObject())
            {
                foreach (var reference in framework.Value.GetProperty("projectReferences").EnumerateObject())
                {
                    var path = Path.GetFullPath(reference.Name);
                    direct.Add(new DirectDependency(projectPaths.TryGetValue(path, out var name) ? name : Path.GetFileNameWithoutExtension(path), IsProject: true, IsAutoReferenced: false));
                }
            }

            return new RestoreGraph(direct, libraries);
        }

        /// <summary>Every library reachable from <paramref name="roots"/>, the roots included.</summary>
        public IReadOnlySet<string> Closure(IEnumerable<string> roots)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>(roots);
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (seen.Add(name) && _libraries.TryGetValue(name, out var library))
                {
                    foreach (var dependency in library.Dependencies)
                    {
                        pending.Push(dependency);
                    }
                }
            }

            return seen;
        }

        /// <summary>
        /// The libraries the project depends on, directly or transitively, that no allowed direct dependency accounts for:
        /// whatever <paramref name="allowed"/> direct dependencies bring along (an allowed package's own packages, what an
        /// allowed project of ours declares, the SDK's implicit packages) is theirs to answer for.
        /// </summary>
        public IReadOnlyList<string> NotAccountedFor(Func<DirectDependency, bool> allowed)
        {
            var all = Closure(Direct.Select(d => d.Name));
            var accounted = Closure(Direct.Where(d => d.IsAutoReferenced || allowed(d)).Select(d => d.Name));
            return all.Where(name => !accounted.Contains(name)).OrderBy(name => name, StringComparer.Ordinal).ToList();
        }

        private static string NameOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];
    }
}
