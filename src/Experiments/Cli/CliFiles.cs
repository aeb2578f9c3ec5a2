using System;
using System.IO;

namespace LstmGen.Experiments.Cli
{
    /// <summary>Reading and writing the files a command names, with one-line I/O errors (exit code 4).</summary>
    public static class CliFiles
    {
        public static string Read(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.IoError, "cannot read '" + path + "': " + Reason(e), e);
            }
        }

        public static void Write(string path, string text)
        {
            // Write a temporary file beside the target, then rename it over the target: an interrupted write never
            // leaves a truncated file behind, only the previous version (or none).
            var temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
                {
                    writer.Write(text);
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new CliException(ExitCodes.IoError, "cannot write '" + path + "': " + Reason(e), e);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Nothing more can be done; the target itself is untouched.
            }
        }

        private static string Reason(Exception e) => e switch
        {
            FileNotFoundException => "no such file",
            DirectoryNotFoundException => "no such directory",
            UnauthorizedAccessException => "permission denied",
            _ => e.Message,
        };
    }
}
