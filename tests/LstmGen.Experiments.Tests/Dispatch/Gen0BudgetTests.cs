using System;
using System.IO;
using System.Xml.Linq;
using System.Linq;
using LstmGen.Experiments.Dispatch;
using Xunit;

namespace LstmGen.Experiments.Tests.Dispatch
{
    /// <summary>
    /// The JIT build re-executes itself with DOTNET_GCgen0size=1000000 (16 MiB, hexadecimal) exactly when it can and no
    /// budget is set yet; the native binary never does (its image carries the same value, checked in the project file).
    /// </summary>
    public sealed class Gen0BudgetTests
    {
        private const string Dotnet = "/usr/share/dotnet/dotnet";

        private static readonly string[] Arguments = ["exec", "/opt/lstmgen/lstmgen.dll", "run", "4-100"];

        /// <summary>The JIT build on Linux with nothing set: the one case that re-executes.</summary>
        private static readonly Gen0BudgetFacts JitUnset = new(
            IsNative: false, Current: null, Legacy: null, CanReExecute: true, Program: Dotnet, CommandLine: Arguments);

        [Fact]
        public void The_value_is_16_MiB_in_hexadecimal_as_the_runtime_reads_it()
        {
            Assert.Equal("1000000", Gen0Budget.Value);
            Assert.Equal(16L * 1024 * 1024, Convert.ToInt64(Gen0Budget.Value, 16));
            Assert.Equal("DOTNET_GCgen0size", Gen0Budget.Variable);
        }

        [Fact]
        public void The_JIT_build_with_nothing_set_re_executes_its_own_command_line()
        {
            var decision = Gen0Budget.Decide(JitUnset);
            Assert.Equal(Dotnet, decision.Program);
            Assert.Equal(Arguments, decision.Arguments);
            Assert.Equal(decision.Program, Gen0Budget.Decide(JitUnset with { Current = "" }).Program);
        }

        [Theory]
        [InlineData("native", "the native binary carries GCgen0size=1000000 in its image")]
        [InlineData("set by the user", "DOTNET_GCgen0size=400000 is set")]
        [InlineData("re-executed", "DOTNET_GCgen0size=1000000 is set")]
        [InlineData("kept default", "DOTNET_GCgen0size=0 is set")]
        [InlineData("legacy", "COMPlus_GCgen0size=2000000 is set")]
        [InlineData("no exec", "re-executing needs Linux (the command line from /proc/self/cmdline); the runtime's default gen0 budget")]
        [InlineData("no command line", "re-executing needs Linux (the command line from /proc/self/cmdline); the runtime's default gen0 budget")]
        [InlineData("no process path", "re-executing needs Linux (the command line from /proc/self/cmdline); the runtime's default gen0 budget")]
        public void Every_other_case_runs_here_and_says_why(string change, string reason)
        {
            var facts = change switch
            {
                "native" => JitUnset with { IsNative = true },
                "set by the user" => JitUnset with { Current = "400000" },
                "re-executed" => JitUnset with { Current = Gen0Budget.Value },
                "kept default" => JitUnset with { Current = "0" },
                "legacy" => JitUnset with { Legacy = "2000000" },
                "no exec" => JitUnset with { CanReExecute = false },
                "no command line" => JitUnset with { CommandLine = null },
                "no process path" => JitUnset with { Program = null },
                _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
            };
            var decision = Gen0Budget.Decide(facts);
            Assert.Null(decision.Program);
            Assert.Empty(decision.Arguments);
            Assert.Equal(reason, decision.Reason);
        }

        [Fact]
        public void This_process_reads_its_command_line_after_argv0()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            // The kernel's copy holds the host's arguments too (the test host's dll and options): it ends with the managed ones.
            var commandLine = ThisProcess.CommandLine();
            var managed = Environment.GetCommandLineArgs()[1..];
            Assert.NotNull(commandLine);
            Assert.True(commandLine!.Count >= managed.Length);
            Assert.Equal(managed, commandLine.Skip(commandLine.Count - managed.Length));
        }

        [Fact]
        public void The_native_image_carries_the_same_value()
        {
            var project = Path.Combine(CliRunner.RepositoryRoot, "src", "Experiments", "LstmGen.Experiments.csproj");
            var options = XDocument.Load(project).Descendants("IlcArg")
                .Select(e => (string?)e.Attribute("Include"))
                .Where(a => a is not null && a.StartsWith("--runtimeopt:GCgen0size=", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(["--runtimeopt:GCgen0size=" + Gen0Budget.Value], options);
        }
    }
}
