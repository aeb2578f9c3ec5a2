using System.Collections.Generic;
using System.CommandLine;
using LstmGen.Experiments.Describing;
using LstmGen.Runtime;
using static LstmGen.Experiments.Describing.Invariant;

namespace LstmGen.Experiments.Cli
{
    /// <summary><c>lstmgen specs</c>: every network compiled into LstmGen.Runtime, one line each.</summary>
    public static class SpecsCommand
    {
        public static Command Create(CliConsole console)
        {
            var json = CommonOptions.Json("Write a JSON array instead of a table.");
            var command = new Command("specs", "List every compiled network: inputs, outputs, blocks and their sizes, weight count W, spec file.")
            {
                json,
            };
            command.WithExamples("lstmgen specs", "lstmgen specs --json");
            command.SetAction(parseResult =>
            {
                Run(console, parseResult.GetValue(json));
                return ExitCodes.Ok;
            });
            return command;
        }

        private static void Run(CliConsole console, bool json)
        {
            var rows = new List<(ILstmNetwork Network, NetworkDescription Info)>();
            foreach (var entry in PaperNetworks.All)
            {
                var network = entry.Create();
                rows.Add((network, network.Description));
            }

            if (json)
            {
                console.Out.WriteLine(JsonText.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var (network, info) in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", network.Name);
                        w.WriteString("type", info.FullTypeName);
                        w.WriteNumber("inputs", network.InputCount);
                        w.WriteNumber("outputs", network.OutputCount);
                        w.WriteNumber("blocks", info.BlockCount);
                        w.WriteStartArray("blockSizes");
                        foreach (var block in info.Blocks)
                        {
                            w.WriteNumberValue(block.Cells);
                        }

                        w.WriteEndArray();
                        w.WriteNumber("cells", info.CellCount);
                        w.WriteNumber("weightCount", network.WeightCount);
                        w.WriteNumber("traceCount", info.TraceCount);
                        w.WriteString("specFile", network.SpecFileName);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }));
                return;
            }

            var table = new TextTable("network", ">in", ">out", ">blocks", "sizes", ">W", ">traces", "spec file");
            foreach (var (network, info) in rows)
            {
                table.Add(
                    network.Name,
                    Int(network.InputCount),
                    Int(network.OutputCount),
                    Int(info.BlockCount),
                    NetworkInfo.BlockSizes(info),
                    Int(network.WeightCount),
                    Int(info.TraceCount),
                    network.SpecFileName);
            }

            table.WriteTo(console.Out);
        }
    }
}
