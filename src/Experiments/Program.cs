using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using LstmGen.Experiments.Cli;
using LstmGen.Experiments.Describing;
using LstmGen.Experiments.Dispatch;
using LstmGen.Experiments.Rows;
using LstmGen.Generator.Diagnostics;

namespace LstmGen.Experiments
{
    /// <summary>
    /// Entry point of <c>lstmgen</c>: builds the command tree (one file per command under Cli/) and turns every
    /// failure into one line on stderr and an exit code (<see cref="ExitCodes"/>), never a stack trace.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            // The portable native binary hands over to its AVX-512 sibling where the CPU has AVX-512 (Dispatch/).
            DispatchDecision decision;
            try
            {
                decision = Avx512Dispatch.Decide(ThisProcess.Facts());
            }
            catch (ArgumentException e)
            {
                return Fail(Console.Error, ExitCodes.UsageError, e.Message);
            }

            if (decision.Sibling is { } sibling && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            {
                var errno = ReExecution.Exec(sibling, args, Avx512Dispatch.StartedByVariable, Environment.ProcessPath ?? "lstmgen");
                Console.Error.WriteLine(
                    "lstmgen: note: cannot start " + sibling + " (" + Marshal.GetPInvokeErrorMessage(errno) + "); running this binary instead ("
                    + Avx512Dispatch.ChoiceVariable + "=0 skips the attempt)");
            }

            // The JIT build restarts itself once with a larger gen0 budget (the native binary carries it; Dispatch/Gen0Budget.cs).
            var budget = Gen0Budget.Decide(ThisProcess.Gen0Facts());
            if (budget.Program is { } program && OperatingSystem.IsLinux())
            {
                var errno = ReExecution.Exec(program, budget.Arguments, Gen0Budget.Variable, Gen0Budget.Value);
                Console.Error.WriteLine(
                    "lstmgen: note: cannot restart " + program + " with " + Gen0Budget.Variable + "=" + Gen0Budget.Value + " ("
                    + Marshal.GetPInvokeErrorMessage(errno) + "); running with the runtime's default gen0 budget");
            }

            return Run(args, Console.Out, Console.Error);
        }

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

                // For the commands that take a cancellation token ('run', 'reproduce'), Ctrl+C, SIGINT and SIGTERM cancel
                // it instead of killing the process: they stop between two sequences and say how to resume (exit 130).
                // The other commands keep the default: the signal ends them at once.
                using var termination = new CancellationTokenSource();
                var cancellable = parseResult.Action is AsynchronousCommandLineAction;
                using var sigInt = cancellable ? PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, termination)) : null;
                using var sigTerm = cancellable ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, termination)) : null;
                return parseResult.InvokeAsync(
                    new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                    termination.Token).GetAwaiter().GetResult();
            }
            catch (CliException e)
            {
                return Fail(error, e.ExitCode, e.Message);
            }
            catch (UnknownNetworkException e)
            {
                return Fail(error, ExitCodes.UsageError, e.Message);
            }
            catch (NonFiniteValueException e)
            {
                return Fail(error, ExitCodes.RunFailure, e.Message);
            }
            catch (SpecException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToCompilerFormat());
                }

                return ExitCodes.SpecError;
            }
            catch (RowFileException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToCompilerFormat());
                }

                return ExitCodes.SpecError;
            }
            catch (LstmGen.Runtime.Checkpoints.CheckpointException e)
            {
                // A damaged training checkpoint, or one of another trial: its path and reason say what to do.
                return Fail(error, ExitCodes.RunFailure, e.Message);
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
                RecallCommand.Create(console),
                ProfileCommand.Create(console),
                ReproduceCommand.Create(console),
                SweepCommand.Create(console),
                ReportCommand.Create(console),
                ShardsCommand.Create(console),
                MergeCommand.Create(console),
            };
            root.WithExamples("lstmgen specs", "lstmgen explain Exp4Adding", "lstmgen trace Exp4Adding --seed 3 --length 12 -o trace.json");
            HelpExamples.Install(root);
            return root;
        }

        /// <summary>A second signal ends the process as usual; the first one only asks the command to stop.</summary>
        private static void Cancel(PosixSignalContext context, CancellationTokenSource termination)
        {
            if (!termination.IsCancellationRequested)
            {
                context.Cancel = true;
                termination.Cancel();
            }
        }

        private static int Fail(TextWriter error, int exitCode, string message)
        {
            // One line, whatever the message holds (System.CommandLine's lists come with newlines and tabs).
            error.WriteLine("lstmgen: error: " + string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            return exitCode;
        }
    }
}
