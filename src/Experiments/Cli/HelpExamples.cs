using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;

namespace LstmGen.Experiments.Cli
{
    /// <summary>Adds an "Examples:" section to the <c>--help</c> of every command that registered examples.</summary>
    public static class HelpExamples
    {
        private static readonly ConditionalWeakTable<Command, string[]> Examples = new ConditionalWeakTable<Command, string[]>();

        /// <summary>Registers the command lines shown under "Examples:" in <paramref name="command"/>'s help.</summary>
        public static T WithExamples<T>(this T command, params string[] examples)
            where T : Command
        {
            Examples.AddOrUpdate(command, examples);
            return command;
        }

        /// <summary>Makes the root's (recursive) help option print the examples after the default help.</summary>
        public static void Install(RootCommand root)
        {
            foreach (var option in root.Options)
            {
                if (option is HelpOption { Action: HelpAction help })
                {
                    option.Action = new HelpWithExamples(help);
                }
            }
        }

        /// <summary>Whether the command line asks for help (then parse errors such as a missing argument do not matter).</summary>
        public static bool IsHelp(ParseResult parseResult) => parseResult.Action is HelpWithExamples or HelpAction;

        /// <summary>The default help, then an "Examples:" section for the command asked about.</summary>
        private sealed class HelpWithExamples : SynchronousCommandLineAction
        {
            private readonly HelpAction _help;

            public HelpWithExamples(HelpAction help)
            {
                _help = help;
            }

            public override int Invoke(ParseResult parseResult)
            {
                var result = _help.Invoke(parseResult);
                if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Length > 0)
                {
                    var output = parseResult.InvocationConfiguration.Output;
                    output.WriteLine("Examples:");
                    foreach (var example in examples)
                    {
                        output.WriteLine("  " + example);
                    }

                    output.WriteLine();
                }

                return result;
            }
        }
    }
}
