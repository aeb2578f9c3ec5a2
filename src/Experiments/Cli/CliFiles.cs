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
            try
            {
                File.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.IoError, "cannot write '" + path + "': " + Reason(e), e);
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
