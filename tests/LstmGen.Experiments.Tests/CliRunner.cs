using System;
using System.IO;

namespace LstmGen.Experiments.Tests
{
    /// <summary>What one in-process run of <c>lstmgen</c> gave.</summary>
    public sealed record CliResult(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs the command line in-process with captured writers (no Console redirection, so tests run in parallel).</summary>
    public static class CliRunner
    {
        public static CliResult Run(params string[] args)
        {
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var code = Program.Run(args, output, error);
            return new CliResult(code, output.ToString(), error.ToString());
        }

        /// <summary>The repository root (the folder holding LstmGen.sln), found from the test assembly's folder.</summary>
        public static string RepositoryRoot
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LstmGen.sln")))
                {
                    directory = directory.Parent;
                }

                return directory?.FullName ?? throw new InvalidOperationException("LstmGen.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
