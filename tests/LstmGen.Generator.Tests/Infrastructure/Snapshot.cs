using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace LstmGen.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Snapshot checks of generated sources, following Verify.SourceGenerators' conventions (toolchain.md) so that
    /// switching to Verify later changes no checked-in file:
    /// <list type="bullet">
    /// <item>one file per generated source, <c>Snapshots/{TestClass}.{TestMethod}[_{param}={value}]#{HintName without .cs}.verified.cs</c>;</item>
    /// <item>its first line is <c>//HintName: {HintName}</c>; UTF-8 with BOM (Verify's text setting), LF line endings;</item>
    /// <item>the generator version is scrubbed, so a version bump does not churn every snapshot;</item>
    /// <item>on a mismatch <c>*.received.cs</c> is written beside the verified file (git-ignored) and the test fails
    /// with the first differing lines; with <c>LSTMGEN_ACCEPT_SNAPSHOTS=1</c> the verified file is overwritten instead.</item>
    /// </list>
    /// The test class name is taken from the calling file's name (one class per file, named like the file).
    /// </summary>
    internal static class Snapshot
    {
        public const string AcceptVariable = "LSTMGEN_ACCEPT_SNAPSHOTS";

        public const string VersionPlaceholder = "{LstmGenVersion}";

        private static readonly UTF8Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

        public static string Folder => Path.Combine(RepoPaths.TestProject, "Snapshots");

        private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

        /// <summary>Compares every generated file with its verified snapshot.</summary>
        /// <param name="files">The generated sources.</param>
        /// <param name="parameter">For a theory: <c>name=value</c>, appended as Verify does (<c>_name=value</c>).</param>
        public static void VerifyGenerated(
            IReadOnlyList<GeneratedFile> files,
            string? parameter = null,
            [CallerFilePath] string callerFile = "",
            [CallerMemberName] string testMethod = "")
        {
            Assert.NotEmpty(files);
            var prefix = Path.GetFileNameWithoutExtension(callerFile) + "." + testMethod + (parameter is null ? string.Empty : "_" + parameter) + "#";
            Directory.CreateDirectory(Folder);
            var failures = new List<string>();
            var expectedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var hint = file.HintName.EndsWith(".cs", StringComparison.Ordinal) ? file.HintName.Substring(0, file.HintName.Length - 3) : file.HintName;
                var verifiedName = prefix + hint + ".verified.cs";
                expectedNames.Add(verifiedName);
                var failure = Compare(Path.Combine(Folder, verifiedName), "//HintName: " + file.HintName + "\n" + Scrub(file.Text));
                if (failure != null)
                {
                    failures.Add(failure);
                }
            }

            // A verified file for a source that is no longer generated is as much a change as a differing one.
            foreach (var stale in Directory.GetFiles(Folder, prefix + "*.verified.cs").Select(Path.GetFileName))
            {
                if (!expectedNames.Contains(stale!))
                {
                    if (Accepting)
                    {
                        File.Delete(Path.Combine(Folder, stale!));
                    }
                    else
                    {
                        failures.Add(stale + ": the generator no longer produces this file (delete it, or set " + AcceptVariable + "=1)");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }

        /// <summary>Line endings to LF and the generator version to a placeholder.</summary>
        public static string Scrub(string text) =>
            text.Replace("\r\n", "\n")
                .Replace("LstmGen " + LstmGenVersion.Value, "LstmGen " + VersionPlaceholder)
                .Replace("\"" + LstmGenVersion.Value + "\"", "\"" + VersionPlaceholder + "\"");

        private static string? Compare(string verifiedPath, string received)
        {
            var receivedPath = verifiedPath.Substring(0, verifiedPath.Length - ".verified.cs".Length) + ".received.cs";
            var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath, Encoding.UTF8).Replace("\r\n", "\n") : null;
            if (verified == received)
            {
                File.Delete(receivedPath);
                return null;
            }

            if (Accepting)
            {
                File.WriteAllText(verifiedPath, received, Utf8WithBom);
                File.Delete(receivedPath);
                return null;
            }

            File.WriteAllText(receivedPath, received, Utf8WithBom);
            var name = Path.GetFileName(verifiedPath);
            return verified is null
                ? name + ": no verified snapshot yet; review " + Path.GetFileName(receivedPath) + " and rename it, or rerun with " + AcceptVariable + "=1"
                : name + " differs (received file: " + Path.GetFileName(receivedPath) + "; accept with " + AcceptVariable + "=1):\n" + Diff(verified, received);
        }

        /// <summary>The first few differing lines, numbered 1-based.</summary>
        private static string Diff(string verified, string received)
        {
            var a = verified.Split('\n');
            var b = received.Split('\n');
            var lines = new StringBuilder();
            var shown = 0;
            for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 5; i++)
            {
                var left = i < a.Length ? a[i] : null;
                var right = i < b.Length ? b[i] : null;
                if (left == right)
                {
                    continue;
                }

                var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines.Append("  line ").Append(number).Append('\n')
                    .Append("  - verified: ").Append(left ?? "(end of file)").Append('\n')
                    .Append("  + received: ").Append(right ?? "(end of file)").Append('\n');
                shown++;
            }

            if (a.Length != b.Length)
            {
                lines.Append("  (verified has ").Append(a.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append(" lines, received ").Append(b.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(")\n");
            }

            return lines.ToString();
        }
    }
}
