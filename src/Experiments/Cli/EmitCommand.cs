using System.CommandLine;
using LstmGen.Generator;
using LstmGen.Generator.Emitting;
using LstmGen.Generator.Parsing;

namespace LstmGen.Experiments.Cli
{
    /// <summary>
    /// <c>lstmgen emit &lt;file&gt;</c>: the C# the source generator would produce for a spec, through the same
    /// parser and emitter, printed exactly; a spec with errors prints its diagnostics and exits with 3.
    /// </summary>
    public static class EmitCommand
    {
        public static Command Create(CliConsole console)
        {
            var file = new Argument<string>("file") { Description = "A spec file (*.lstm.yaml)." };
            var command = new Command("emit", "Print the C# class the source generator emits for a spec (diagnostics on stderr; exit 3 when the spec has errors).")
            {
                file,
            };
            command.WithExamples("lstmgen emit specs/exp4-adding.lstm.yaml > Exp4Adding.g.cs");
            command.SetAction(parseResult =>
            {
                var path = parseResult.GetRequiredValue(file);
                var result = SpecParser.Parse(path, CliFiles.Read(path));
                foreach (var diagnostic in result.Diagnostics)
                {
                    console.Error.WriteLine(diagnostic.ToCompilerFormat());
                }

                if (result.HasErrors || result.Spec is null)
                {
                    return ExitCodes.SpecError;
                }

                console.Out.Write(NetworkEmitter.Emit(result.Spec, LstmGenVersion.Value));
                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
