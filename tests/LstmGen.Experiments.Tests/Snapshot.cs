using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace LstmGen.Experiments.Tests
{
    /// <summary>
    /// Snapshot checks of text, following Verify's conventions (notes/toolchain.md): <c>Snapshots/{TestClass}.{TestMethod}.verified.txt</c>
    /// beside the test's file, UTF-8, LF line endings; on a mismatch <c>*.received.txt</c> is written beside it (git-ignored)
    /// and the test fails; with <c>LSTMGEN_ACCEPT_SNAPSHOTS=1</c> the verified file is overwritten instead. The test class
    /// name is the calling file's name (one class per file).
    /// </summary>
    internal static class Snapshot
    {
        public static void Verify(string actual, [CallerFilePath] string callerFile = "", [CallerMemberName] string testMethod = "") =>
            VerifyNamed(Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots"), Path.GetFileNameWithoutExtension(callerFile) + "." + testMethod, actual);

        /// <summary>Compares with <c>{folder}/{name}.verified.txt</c>, for snapshots named otherwise than by their test.</summary>
        public static void VerifyNamed(string folder, string name, string actual)
        {
            var verified = Path.Combine(folder, name + ".verified.txt");
            var received = Path.Combine(folder, name + ".received.txt");
            var text = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
            if (Environment.GetEnvironmentVariable("LSTMGEN_ACCEPT_SNAPSHOTS") == "1")
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(verified, text, new UTF8Encoding(false));
                File.Delete(received);
                return;
            }

            var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
            if (expected == text)
            {
                File.Delete(received);
                return;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(received, text, new UTF8Encoding(false));
            Assert.Fail(expected is null
                ? "No snapshot " + verified + ": review " + received + " and move it over the verified file"
                : "The text differs from " + verified + ": compare with " + received + "\n" + FirstDifference(expected, text));
        }

        private static string FirstDifference(string expected, string actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
            {
                var left = i < e.Length ? e[i] : "(none)";
                var right = i < a.Length ? a[i] : "(none)";
                if (left != right)
                {
                    return "line " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":\n- " + left + "\n+ " + right;
                }
            }

            return string.Empty;
        }
    }
}
