using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Experiments.Cli;
using LstmGen.Runtime;

namespace LstmGen.Experiments
{
    /// <summary>
    /// Entry point of <c>lstmgen</c>: builds the command tree (one file per command under Cli/) and turns every
    /// failure into one line on stderr and an exit code (<see cref="ExitCodes"/>), never a stack trace.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs one command line, writing to the given writers (tests capture them).</summary>
        public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            try
            {
                var root = BuildRootCommand(new CliConsole(output, error));
                var parseResult = root.Parse(args);
                if (parseResult.Errors.Count > 0 && !HelpExamples.IsHelp(parseResult))
                {
                    var messages = parseResult.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
                    var command = parseResult.CommandResult.Command;
                    var help = command is RootCommand ? "lstmgen --help" : "lstmgen " + command.Name + " --help";
                    return Fail(error, ExitCodes.UsageError, string.Join("; ", messages) + " (see '" + help + "')");
                }

                return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            }
            catch (CliException e)
            {
                return Fail(error, e.ExitCode, e.Message);
            }
            catch (SpecException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToCompilerFormat());
                }

                return ExitCodes.SpecError;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Fail(error, ExitCodes.IoError, e.Message);
            }
            catch (Exception e)
            {
                return Fail(error, ExitCodes.RunFailure, e.Message + " (" + e.GetType().Name + ")");
            }
        }

        /// <summary>The command tree.</summary>
        public static RootCommand BuildRootCommand(CliConsole console)
        {
            var root = new RootCommand(
                "lstmgen: the experiments program of LstmGen, a compiler for the original LSTM (Hochreiter & Schmidhuber 1997). "
                + "Lists, explains, emits, traces and benchmarks the networks declared in *.lstm.yaml specs.")
            {
                SpecsCommand.Create(console),
                ExplainCommand.Create(console),
                EmitCommand.Create(console),
                TraceCommand.Create(console),
                BenchCommand.Create(console),
                RowsCommand.Create(console),
                RunCommand.Create(console),
                DriftCommand.Create(console),
                ReproduceCommand.Create(console),
                ReportCommand.Create(console),
            };
            root.WithExamples("lstmgen specs", "lstmgen explain Exp4Adding", "lstmgen trace Exp4Adding --seed 3 --length 12 -o trace.json");
            HelpExamples.Install(root);
            return root;
        }

        private static int Fail(TextWriter error, int exitCode, string message)
        {
            // One line, whatever the message holds (System.CommandLine's lists come with newlines and tabs).
            error.WriteLine("lstmgen: error: " + string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            return exitCode;
        }
    }
}
