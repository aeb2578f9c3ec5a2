using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Parsing
{
    /// <summary>
    /// Turns the text of a <c>*.lstm.yaml</c> spec into a <see cref="NetworkSpec"/> and diagnostics.
    /// The language is documented in docs/spec-language.md and specs/lstm-spec.schema.json.
    /// This is the only spec parser: the source generator, the reference interpreter and the CLI all call it.
    /// It never throws.
    /// </summary>
    public sealed class SpecParser
    {
        public const string DefaultNamespace = "LstmGen.Networks";
        public const double DefaultInitInterval = 0.1;

        /// <summary>
        /// The paper's reset: "All activations are reset to zero at the beginning of a new sequence" (§5.3). The 1997 JKU
        /// simulator's <c>reset_net</c> resets them to 0.5 instead (docs/spec-language.md, "resetActivation").
        /// </summary>
        public const double DefaultResetActivation = 0.0;

        /// <summary>
        /// The longest spec, in characters (docs/spec-language.md, "Limits"). The generated class embeds the spec's text
        /// as a string constant, and every YAML node costs memory: the largest spec of the paper has 1,300 characters.
        /// </summary>
        public const int MaxSpecLength = 1000000;

        /// <summary>A spec with more problems than this reports only the first ones: the rest add noise, not help.</summary>
        public const int MaxDiagnostics = 100;

        /// <summary>Beyond this magnitude a fixed gate bias leaves the gate almost shut or open: f'(±10) is 4.5e-5 (LSTM1001).</summary>
        public const double UsualGateBiasMagnitude = 10.0;

        private static readonly string[] TopLevelKeys =
        {
            "name", "namespace", "description", "inputs", "outputs", "blocks", "connectivity", "bias",
            "squashing", "initInterval", "learningRate", "update", "precision", "inputEncoding", "resetActivation",
        };

        private static readonly string[] UniformBlockKeys = { "count", "cells", "inputGateBias", "outputGateBias", "outputGate", "forgetGate", "forgetGateBias", "peepholes" };
        private static readonly string[] BlockKeys = { "cells", "inputGateBias", "outputGateBias", "outputGate", "forgetGate", "forgetGateBias", "peepholes" };
        private static readonly string[] SquashingKeys = { "cellInput", "cellOutput", "gates", "outputs" };
        private static readonly string[] ConnectivityKeys = { "cellInputs", "inputGates", "outputGates", "outputs" };

        private readonly string _path;
        private readonly List<SpecDiagnostic> _diagnostics = new List<SpecDiagnostic>();
        private SourceLocation? _nameLocation;

        private readonly string _defaultNamespace;

        private SpecParser(string path, string defaultNamespace)
        {
            _path = path;
            _defaultNamespace = defaultNamespace;
        }

        /// <summary>Parses one spec. <paramref name="path"/> is used in diagnostics and, by file name, in the generated header.</summary>
        /// <param name="path">The spec file's path.</param>
        /// <param name="text">The spec's YAML text.</param>
        /// <param name="defaultNamespace">
        /// The namespace of a spec that names none: the generator passes the project's root namespace, so that a user's
        /// networks never collide with the runtime's own (<see cref="DefaultNamespace"/> when null or empty).
        /// </param>
        public static ParseResult Parse(string path, string text, string? defaultNamespace = null)
        {
            var parser = new SpecParser(path, string.IsNullOrEmpty(defaultNamespace) || CSharpNames.CheckNamespace(defaultNamespace!) != null ? DefaultNamespace : defaultNamespace!);
            NetworkSpec? spec;
            try
            {
                spec = parser.ParseText(text);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // Defence in depth: a bug here must surface as a diagnostic, never as a crashed build (CS8785).
                parser._diagnostics.Add(SpecDiagnostic.Create(
                    DiagnosticCatalog.MalformedYaml, SourceLocation.FileStart(path), "internal error while reading the spec (" + e.GetType().Name + ": " + YamlNode.Shown(e.Message) + "); please report it"));
                spec = null;
            }

            var diagnostics = new EquatableArray<SpecDiagnostic>(parser._diagnostics);
            var result = new ParseResult(null, diagnostics, parser._nameLocation);
            return result.HasErrors ? result : new ParseResult(spec, diagnostics, parser._nameLocation);
        }

        private NetworkSpec? ParseText(string text)
        {
            if (text.Length > MaxSpecLength)
            {
                // Checked before reading the YAML: a hostile file costs no more than its own length.
                Report(DiagnosticCatalog.SizeLimit, SourceLocation.FileStart(_path), "The spec's length in characters", text.Length.ToString(CultureInfo.InvariantCulture), MaxSpecLength.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            var root = YamlTreeReader.Read(_path, text, _diagnostics);
            if (root is null)
            {
                if (_diagnostics.Count == 0)
                {
                    Report(DiagnosticCatalog.WrongType, SourceLocation.FileStart(_path), "the spec", "a mapping with at least 'name', 'inputs', 'outputs', 'blocks' and 'learningRate'", "an empty file");
                }

                return null;
            }

            if (root.Kind != YamlNodeKind.Mapping)
            {
                Report(DiagnosticCatalog.WrongType, root.Location, "the spec", "a mapping with at least 'name', 'inputs', 'outputs', 'blocks' and 'learningRate'", root.Describe());
                return null;
            }

            var top = ReadMapping(root, "the spec", TopLevelKeys);

            var name = RequiredIdentifier(top, root, "name");
            var ns = OptionalNamespace(top, "namespace") ?? _defaultNamespace;
            if (name != null && ns == "LstmGen" && (name == "Runtime" || name == "Generated"))
            {
                // The generated code names global::LstmGen.Runtime and global::LstmGen.Generated: a class there hides them.
                Report(DiagnosticCatalog.InvalidIdentifier, _nameLocation ?? root.Location, "name", "type name", name,
                    ": LstmGen.Runtime and LstmGen.Generated are LstmGen's own namespaces; choose another name or namespace");
                name = null;
            }

            var description = OptionalString(top, "description") ?? string.Empty;
            var inputs = RequiredCount(top, root, "inputs", SpecLimits.MaxInputs);
            var outputs = RequiredCount(top, root, "outputs", SpecLimits.MaxOutputs);
            var bias = OptionalEnum(top, "bias", BiasPolicy.All, new[]
            {
                ("none", BiasPolicy.None), ("gates", BiasPolicy.Gates), ("hidden", BiasPolicy.Hidden), ("all", BiasPolicy.All),
                ("ga", BiasPolicy.Gates), ("b1", BiasPolicy.Hidden),
            });
            var blocks = RequiredBlocks(top, root, bias);
            var connectivity = OptionalConnectivity(top);
            var (cellInput, cellOutput) = OptionalSquashing(top);
            var initInterval = OptionalPositiveNumber(top, "initInterval", DefaultInitInterval);
            var learningRate = RequiredPositiveNumber(top, root, "learningRate");
            var update = OptionalEnum(top, "update", UpdateTiming.PerSequence, new[]
            {
                ("per-sequence", UpdateTiming.PerSequence), ("per-step", UpdateTiming.PerStep),
            });
            var precision = OptionalEnum(top, "precision", Precision.Double, new[]
            {
                ("double", Precision.Double), ("float", Precision.Float),
            });

            var inputEncoding = OptionalEnum(top, "inputEncoding", InputEncoding.Dense, new[]
            {
                ("dense", InputEncoding.Dense), ("one-hot", InputEncoding.OneHot), ("sparse", InputEncoding.Sparse),
            });

            var resetActivation = OptionalResetActivation(top);

            if (initInterval.HasValue && (initInterval.Value > 10.0 || initInterval.Value < 1e-6))
            {
                Report(DiagnosticCatalog.UnsafeSetting, top["initInterval"].Location, "initInterval", Format(initInterval.Value), "[1e-6, 10]",
                    "the paper initialises in [-0.2, 0.2] or [-0.1, 0.1] (§5); large weights saturate the sigmoids at once");
            }

            if (learningRate.HasValue && (learningRate.Value > 100.0 || learningRate.Value < 1e-7))
            {
                Report(DiagnosticCatalog.UnsafeSetting, top["learningRate"].Location, "learningRate", Format(learningRate.Value), "[1e-7, 100]",
                    "the paper uses 0.01 to 1.0 (Table 10); rates far above diverge, far below never learn");
            }

            if (name is null || !inputs.HasValue || !outputs.HasValue || blocks is null || connectivity is null || !learningRate.HasValue || !initInterval.HasValue || !resetActivation.HasValue)
            {
                return null;
            }

            CheckWeightCount(root, inputs.Value, outputs.Value, blocks, connectivity, bias);
            if (inputEncoding != InputEncoding.Dense && blocks.Any(b => b.HasForgetGate))
            {
                // The active inputs' passes add to the traces of the active inputs only; with a forget gate every trace
                // decays at every step (Gers 2000), which those passes do not do.
                Report(DiagnosticCatalog.Contradiction, top["inputEncoding"].Location,
                    "'inputEncoding: " + (inputEncoding == InputEncoding.OneHot ? "one-hot" : "sparse") + "' is not supported with forget gates yet: every trace decays with y^phi at every step, so the inputs cannot be skipped; write 'inputEncoding: dense' (feed one-hot inputs as vectors)");
                return null;
            }

            return new NetworkSpec(
                name,
                ns,
                Path.GetFileName(_path),
                description,
                inputs.Value,
                outputs.Value,
                new EquatableArray<BlockSpec>(blocks),
                connectivity,
                bias,
                cellInput,
                cellOutput,
                initInterval.Value,
                learningRate.Value,
                update,
                precision,
                text)
            {
                InputEncoding = inputEncoding,
                ResetActivation = resetActivation.Value,
            };
        }

        /// <summary>
        /// The value the activations of the hidden and output units are reset to at the start of a sequence: a number in
        /// [0, 1], the range of a logistic unit (the gates, and σ(0) = 0.5 the JKU simulator's value).
        /// </summary>
        private double? OptionalResetActivation(Dictionary<string, YamlNode> top)
        {
            const string key = "resetActivation";
            const string expected = "a number in [0, 1]";
            if (!top.TryGetValue(key, out var node))
            {
                return DefaultResetActivation;
            }

            if (node.Kind != YamlNodeKind.Scalar || !node.IsPlain || node.IsNull)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, key, expected, node.Describe());
                return null;
            }

            var value = Number(node, key, expected);
            if (!value.HasValue)
            {
                return null;
            }

            if (value.Value < 0.0 || value.Value > 1.0)
            {
                Report(DiagnosticCatalog.NumberOutOfRange, node.Location, key,
                    expected + " (the activation of a logistic unit: 0 is the paper's reset, §5.3; 0.5 the 1997 JKU simulator's)", Shown(node.Value));
                return null;
            }

            return value;
        }

        // ---------------------------------------------------------------- blocks

        private List<BlockSpec>? RequiredBlocks(Dictionary<string, YamlNode> top, YamlNode root, BiasPolicy bias)
        {
            if (!top.TryGetValue("blocks", out var node))
            {
                Report(DiagnosticCatalog.MissingKey, root.Location, "blocks", "the spec", "declare the memory cell blocks, e.g. 'blocks: { count: 2, cells: 2 }'");
                return null;
            }

            List<BlockSpec>? blocks;
            if (node.Kind == YamlNodeKind.Mapping)
            {
                blocks = UniformBlocks(node, bias);
            }
            else if (node.Kind == YamlNodeKind.Sequence)
            {
                blocks = ListedBlocks(node, bias);
            }
            else
            {
                Report(DiagnosticCatalog.WrongType, node.Location, "blocks", "a mapping ({ count, cells, ... }) or a list of blocks", node.Describe());
                return null;
            }

            if (blocks is null)
            {
                return null;
            }

            var totalCells = blocks.Sum(b => (long)b.Cells);
            if (totalCells > SpecLimits.MaxCells)
            {
                Report(DiagnosticCatalog.SizeLimit, node.Location, "The total number of memory cells", totalCells.ToString(CultureInfo.InvariantCulture), SpecLimits.MaxCells.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            return blocks;
        }

        private List<BlockSpec>? UniformBlocks(YamlNode node, BiasPolicy bias)
        {
            var map = ReadMapping(node, "blocks", UniformBlockKeys);
            int? count;
            if (!map.ContainsKey("count"))
            {
                Report(DiagnosticCatalog.MissingKey, node.Location, "count", "blocks", "say how many blocks the network has (Table 10 'b'), or write 'blocks' as a list");
                count = null;
            }
            else
            {
                count = Count(map["count"], "blocks.count", SpecLimits.MaxBlocks);
            }

            var cells = map.TryGetValue("cells", out var cellsNode) ? Count(cellsNode, "blocks.cells", SpecLimits.MaxCellsPerBlock) : 1;
            var outputGate = map.TryGetValue("outputGate", out var ogNode) ? Boolean(ogNode, "blocks.outputGate") : true;
            // The biases are read even when a key before them is wrong: every problem is reported, not only the first.
            var inputBiases = BiasValues(map, "inputGateBias", "blocks.inputGateBias", count);
            var outputBiases = BiasValues(map, "outputGateBias", "blocks.outputGateBias", count);
            var forgetGate = map.TryGetValue("forgetGate", out var fgNode) ? Boolean(fgNode, "blocks.forgetGate") : false;
            var forgetBiases = BiasValues(map, "forgetGateBias", "blocks.forgetGateBias", count);
            var peepholes = map.TryGetValue("peepholes", out var phNode) ? Boolean(phNode, "blocks.peepholes") : false;
            if (!count.HasValue || !cells.HasValue || !outputGate.HasValue || inputBiases is null || outputBiases is null || !forgetGate.HasValue || forgetBiases is null || !peepholes.HasValue)
            {
                return null;
            }

            var blocks = new List<BlockSpec>();
            for (var j = 0; j < count.Value; j++)
            {
                blocks.Add(new BlockSpec(cells.Value, inputBiases[j], outputBiases[j], outputGate.Value) { HasForgetGate = forgetGate.Value, ForgetGateBias = forgetBiases[j], HasPeepholes = peepholes.Value });
            }

            return CheckBiasContradictions(blocks, map, bias, "blocks") ? blocks : null;
        }

        private List<BlockSpec>? ListedBlocks(YamlNode node, BiasPolicy bias)
        {
            if (node.Items.Count == 0)
            {
                Report(DiagnosticCatalog.NotPositive, node.Location, "blocks", "at least one block", "an empty list");
                return null;
            }

            if (node.Items.Count > SpecLimits.MaxBlocks)
            {
                Report(DiagnosticCatalog.SizeLimit, node.Location, "The number of blocks", node.Items.Count.ToString(CultureInfo.InvariantCulture), SpecLimits.MaxBlocks.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            var blocks = new List<BlockSpec>();
            var ok = true;
            for (var j = 0; j < node.Items.Count; j++)
            {
                var item = node.Items[j];
                var where = "blocks[" + j.ToString(CultureInfo.InvariantCulture) + "]";
                if (item.Kind != YamlNodeKind.Mapping)
                {
                    Report(DiagnosticCatalog.WrongType, item.Location, where, "a mapping such as '{ cells: 2, inputGateBias: -1 }'", item.Describe());
                    ok = false;
                    continue;
                }

                var map = ReadMapping(item, where, BlockKeys);
                var cells = map.TryGetValue("cells", out var cellsNode) ? Count(cellsNode, where + ".cells", SpecLimits.MaxCellsPerBlock) : 1;
                var outputGate = map.TryGetValue("outputGate", out var ogNode) ? Boolean(ogNode, where + ".outputGate") : true;
                var inputBias = map.TryGetValue("inputGateBias", out var ibNode) ? SingleBias(ibNode, where + ".inputGateBias") : GateBias.Random;
                var outputBias = map.TryGetValue("outputGateBias", out var obNode) ? SingleBias(obNode, where + ".outputGateBias") : GateBias.Random;
                var forgetGate = map.TryGetValue("forgetGate", out var fgNode) ? Boolean(fgNode, where + ".forgetGate") : false;
                var forgetBias = map.TryGetValue("forgetGateBias", out var fbNode) ? SingleBias(fbNode, where + ".forgetGateBias") : GateBias.Random;
                var peepholes = map.TryGetValue("peepholes", out var phNode) ? Boolean(phNode, where + ".peepholes") : false;
                if (!cells.HasValue || !outputGate.HasValue || inputBias is null || outputBias is null || !forgetGate.HasValue || forgetBias is null || !peepholes.HasValue)
                {
                    ok = false;
                    continue;
                }

                var block = new BlockSpec(cells.Value, inputBias, outputBias, outputGate.Value) { HasForgetGate = forgetGate.Value, ForgetGateBias = forgetBias, HasPeepholes = peepholes.Value };
                ok &= CheckBiasContradictions(new List<BlockSpec> { block }, map, bias, where);
                blocks.Add(block);
            }

            return ok ? blocks : null;
        }

        private bool CheckBiasContradictions(List<BlockSpec> blocks, Dictionary<string, YamlNode> map, BiasPolicy bias, string where)
        {
            var ok = true;
            if (map.TryGetValue("outputGateBias", out var ob) && blocks.Any(b => !b.HasOutputGate && !b.OutputGateBias.IsRandom))
            {
                Report(DiagnosticCatalog.Contradiction, ob.Location,
                    where + ": 'outputGateBias' is set but 'outputGate' is false: a block without an output gate has no output gate bias; remove one of them");
                ok = false;
            }

            if (map.TryGetValue("forgetGateBias", out var fb) && blocks.Any(b => !b.HasForgetGate && !b.ForgetGateBias.IsRandom))
            {
                Report(DiagnosticCatalog.Contradiction, fb.Location,
                    where + ": 'forgetGateBias' is set but 'forgetGate' is false (the default, the 1997 cell): a block without a forget gate has no forget gate bias; add 'forgetGate: true' or remove 'forgetGateBias'");
                ok = false;
            }

            if (bias == BiasPolicy.None)
            {
                foreach (var key in new[] { "inputGateBias", "outputGateBias", "forgetGateBias" })
                {
                    if (map.TryGetValue(key, out var node) && blocks.Any(b => !(key == "inputGateBias" ? b.InputGateBias : key == "outputGateBias" ? b.OutputGateBias : b.ForgetGateBias).IsRandom))
                    {
                        Report(DiagnosticCatalog.Contradiction, node.Location,
                            where + ": '" + key + "' sets a gate bias but 'bias: none' gives the gates no bias weight; remove '" + key + "' or choose 'bias: gates', 'hidden' or 'all'");
                        ok = false;
                    }
                }
            }

            return ok;
        }

        /// <summary>
        /// The gate biases of <paramref name="count"/> uniform blocks, or null after reporting what is wrong. Every value
        /// is checked even when <paramref name="count"/> is unknown (null: 'count' itself is wrong) or the list's length is.
        /// </summary>
        private GateBias[]? BiasValues(Dictionary<string, YamlNode> map, string key, string where, int? count)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return count.HasValue ? Repeat(GateBias.Random, count.Value) : null;
            }

            if (node.Kind == YamlNodeKind.Sequence)
            {
                var lengthMatches = !count.HasValue || node.Items.Count == count.Value;
                if (!lengthMatches)
                {
                    Report(DiagnosticCatalog.BiasListLength, node.Location, where, node.Items.Count.ToString(CultureInfo.InvariantCulture), count!.Value.ToString(CultureInfo.InvariantCulture));
                }

                var values = new GateBias[node.Items.Count];
                var ok = count.HasValue && lengthMatches;
                for (var j = 0; j < values.Length; j++)
                {
                    var value = SingleBias(node.Items[j], where + "[" + j.ToString(CultureInfo.InvariantCulture) + "]");
                    if (value is null)
                    {
                        ok = false;
                    }
                    else
                    {
                        values[j] = value;
                    }
                }

                return ok ? values : null;
            }

            var single = SingleBias(node, where);
            return single is null || !count.HasValue ? null : Repeat(single, count.Value);
        }

        private static GateBias[] Repeat(GateBias bias, int count)
        {
            var result = new GateBias[count];
            for (var j = 0; j < count; j++)
            {
                result[j] = bias;
            }

            return result;
        }

        private GateBias? SingleBias(YamlNode node, string where)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Value == "random")
            {
                return GateBias.Random;
            }

            if (node.Kind != YamlNodeKind.Scalar || !node.IsPlain || node.IsNull)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, where, "a number or 'random'", node.Describe());
                return null;
            }

            var value = Number(node, where, "a number or 'random'");
            if (!value.HasValue)
            {
                return null;
            }

            if (Math.Abs(value.Value) > SpecLimits.MaxGateBiasMagnitude)
            {
                Report(DiagnosticCatalog.BiasOutOfRange, node.Location, where, Format(value.Value), Format(SpecLimits.MaxGateBiasMagnitude));
                return null;
            }

            if (Math.Abs(value.Value) > UsualGateBiasMagnitude)
            {
                Report(DiagnosticCatalog.UnsafeSetting, node.Location, where, Format(value.Value), "[-10, 10]",
                    "the gate starts almost " + (value.Value < 0 ? "shut" : "fully open") + " and its derivative f' is below 5e-5, so it barely learns; the paper's gate biases lie in [-6, 0] (Table 10)");
            }

            return GateBias.Fixed(value.Value);
        }

        // ---------------------------------------------------------------- connectivity and squashing

        private Connectivity? OptionalConnectivity(Dictionary<string, YamlNode> top)
        {
            if (!top.TryGetValue("connectivity", out var node))
            {
                return Connectivity.Full;
            }

            if (node.Kind == YamlNodeKind.Scalar && !node.IsNull)
            {
                switch (node.Value)
                {
                    case "F":
                    case "full":
                        return Connectivity.Full;
                    case "B":
                    case "layered":
                        return Connectivity.Layered;
                    default:
                        Report(DiagnosticCatalog.InvalidValue, node.Location, "connectivity", "'F', 'B' or a mapping of sources (cellInputs, inputGates, outputGates, outputs)", Shown(node.Value), Hint(node.Value, new[] { "F", "B", "full", "layered" }));
                        return null;
                }
            }

            if (node.Kind != YamlNodeKind.Mapping)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, "connectivity", "'F', 'B' or a mapping of sources (cellInputs, inputGates, outputGates, outputs)", node.Describe());
                return null;
            }

            var map = ReadMapping(node, "connectivity", ConnectivityKeys);
            var ok = true;
            var sets = new SourceSet[ConnectivityKeys.Length];
            for (var i = 0; i < ConnectivityKeys.Length; i++)
            {
                var key = ConnectivityKeys[i];
                if (!map.TryGetValue(key, out var list))
                {
                    Report(DiagnosticCatalog.MissingKey, node.Location, key, "connectivity", "an explicit connectivity lists the sources of each kind of unit, e.g. '" + key + ": [input, cells]'");
                    ok = false;
                    continue;
                }

                var set = Sources(list, "connectivity." + key, key == "outputs");
                if (set is null)
                {
                    ok = false;
                }
                else
                {
                    sets[i] = set.Value;
                }
            }

            if (!ok)
            {
                return null;
            }

            if ((sets[3] & SourceSet.Cells) == 0)
            {
                Report(DiagnosticCatalog.Contradiction, map["outputs"].Location,
                    "connectivity.outputs must include 'cells': without them the memory cells cannot influence any output");
                return null;
            }

            return new Connectivity(ConnectivityKind.Custom, sets[0], sets[1], sets[2], sets[3]);
        }

        private SourceSet? Sources(YamlNode node, string where, bool forOutputs)
        {
            var allowed = forOutputs ? "'input' and 'cells'" : "'input', 'cells', 'inputGates', 'outputGates' and 'gates'";
            if (node.Kind != YamlNodeKind.Sequence)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, where, "a list of sources drawn from " + allowed, node.Describe());
                return null;
            }

            // Every item is checked: a wrong source does not hide the next one.
            var set = SourceSet.None;
            var ok = true;
            foreach (var item in node.Items)
            {
                SourceSet source;
                switch (item.Kind == YamlNodeKind.Scalar ? item.Value : string.Empty)
                {
                    case "input":
                        source = SourceSet.Input;
                        break;
                    case "cells":
                        source = SourceSet.Cells;
                        break;
                    case "inputGates":
                        source = SourceSet.InputGates;
                        break;
                    case "outputGates":
                        source = SourceSet.OutputGates;
                        break;
                    case "gates":
                        source = SourceSet.InputGates | SourceSet.OutputGates;
                        break;
                    default:
                        Report(DiagnosticCatalog.InvalidValue, item.Location, where, allowed, item.Kind == YamlNodeKind.Scalar ? Shown(item.Value) : item.Describe(),
                            Hint(item.Value, new[] { "input", "cells", "inputGates", "outputGates", "gates" }));
                        ok = false;
                        continue;
                }

                if (forOutputs && (source & (SourceSet.InputGates | SourceSet.OutputGates)) != 0)
                {
                    Report(DiagnosticCatalog.Contradiction, item.Location,
                        where + ": gate activations never feed output units (§4, App. A.1); the outputs may see 'input' and 'cells' only");
                    ok = false;
                    continue;
                }

                set |= source;
            }

            return ok ? set : (SourceSet?)null;
        }

        private (CellInputSquash CellInput, CellOutputSquash CellOutput) OptionalSquashing(Dictionary<string, YamlNode> top)
        {
            if (!top.TryGetValue("squashing", out var node))
            {
                return (CellInputSquash.G2, CellOutputSquash.H1);
            }

            if (node.Kind != YamlNodeKind.Mapping)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, "squashing", "a mapping such as '{ cellInput: g2, cellOutput: h1 }'", node.Describe());
                return (CellInputSquash.G2, CellOutputSquash.H1);
            }

            var map = ReadMapping(node, "squashing", SquashingKeys);
            var g = OptionalEnum(map, "cellInput", CellInputSquash.G2, new[]
            {
                ("g2", CellInputSquash.G2), ("g1", CellInputSquash.G1), ("logistic", CellInputSquash.G1), ("identity", CellInputSquash.Identity), ("id", CellInputSquash.Identity),
            }, "squashing.");
            var h = OptionalEnum(map, "cellOutput", CellOutputSquash.H1, new[]
            {
                ("h1", CellOutputSquash.H1), ("identity", CellOutputSquash.Identity), ("id", CellOutputSquash.Identity),
            }, "squashing.");
            OptionalEnum(map, "gates", 0, new[] { ("logistic", 0) }, "squashing.");
            OptionalEnum(map, "outputs", 0, new[] { ("logistic", 0) }, "squashing.");
            return (g, h);
        }

        // ---------------------------------------------------------------- weight count

        private void CheckWeightCount(YamlNode root, int inputs, int outputs, List<BlockSpec> blocks, Connectivity connectivity, BiasPolicy bias)
        {
            long cells = blocks.Sum(b => (long)b.Cells);
            long inputGates = blocks.Count;
            long outputGates = blocks.Count(b => b.HasOutputGate);
            long forgetGates = blocks.Count(b => b.HasForgetGate);

            // Peepholes (Gers 2002): one weight per cell of the block into each of its gates.
            long peepholes = blocks.Where(b => b.HasPeepholes).Sum(b => (long)b.Cells * (1 + (b.HasForgetGate ? 1 : 0) + (b.HasOutputGate ? 1 : 0)));

            long FanIn(SourceSet set) =>
                ((set & SourceSet.Input) != 0 ? inputs : 0) +
                ((set & SourceSet.Cells) != 0 ? cells : 0) +
                ((set & SourceSet.InputGates) != 0 ? inputGates : 0) +
                ((set & SourceSet.OutputGates) != 0 ? outputGates : 0);

            var gateBias = bias != BiasPolicy.None ? 1 : 0;
            var cellBias = bias == BiasPolicy.Hidden || bias == BiasPolicy.All ? 1 : 0;
            var outputBias = bias == BiasPolicy.All ? 1 : 0;
            var weights =
                (inputGates * (FanIn(connectivity.InputGates) + gateBias)) +
                (forgetGates * (FanIn(connectivity.InputGates) + gateBias)) +
                (outputGates * (FanIn(connectivity.OutputGates) + gateBias)) +
                (cells * (FanIn(connectivity.CellInputs) + cellBias)) +
                (outputs * (FanIn(connectivity.Outputs) + outputBias)) +
                peepholes;
            if (weights > SpecLimits.MaxWeights)
            {
                Report(DiagnosticCatalog.SizeLimit, root.Location, "The number of weights", weights.ToString(CultureInfo.InvariantCulture), SpecLimits.MaxWeights.ToString(CultureInfo.InvariantCulture));
            }
        }

        // ---------------------------------------------------------------- scalar readers

        private Dictionary<string, YamlNode> ReadMapping(YamlNode node, string where, string[] validKeys)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var entry in node.Entries)
            {
                var key = entry.Key.Value;
                if (Array.IndexOf(validKeys, key) < 0)
                {
                    var suggestion = KeySuggester.Closest(key, validKeys);
                    var hint = suggestion != null
                        ? ": did you mean '" + suggestion + "'?"
                        : " (valid keys: " + string.Join(", ", validKeys) + ")";
                    Report(DiagnosticCatalog.UnknownKey, entry.Key.Location, Shown(key), where, hint);
                    continue;
                }

                result[key] = entry.Value;
            }

            return result;
        }

        private string? RequiredIdentifier(Dictionary<string, YamlNode> map, YamlNode parent, string key)
        {
            if (!map.TryGetValue(key, out var node))
            {
                Report(DiagnosticCatalog.MissingKey, parent.Location, key, "the spec", "give the C# type name of the generated class, e.g. 'name: AddingNetwork'");
                return null;
            }

            var value = StringValue(node, key);
            if (value is null)
            {
                return null;
            }

            _nameLocation = node.Location;
            var problem = CSharpNames.CheckTypeName(value);
            if (problem != null)
            {
                Report(DiagnosticCatalog.InvalidIdentifier, node.Location, key, "type name", Shown(value), ": " + problem);
                return null;
            }

            return value;
        }

        private string? OptionalNamespace(Dictionary<string, YamlNode> map, string key)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return null;
            }

            var value = StringValue(node, key);
            if (value is null)
            {
                return null;
            }

            var problem = CSharpNames.CheckNamespace(value);
            if (problem != null)
            {
                Report(DiagnosticCatalog.InvalidIdentifier, node.Location, key, "namespace", Shown(value), ": " + problem);
                return null;
            }

            return value;
        }

        private string? OptionalString(Dictionary<string, YamlNode> map, string key)
        {
            return map.TryGetValue(key, out var node) ? StringValue(node, key) : null;
        }

        private string? StringValue(YamlNode node, string key)
        {
            if (node.Kind != YamlNodeKind.Scalar || node.IsNull)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, key, "a string", node.Describe());
                return null;
            }

            return node.Value;
        }

        private int? RequiredCount(Dictionary<string, YamlNode> map, YamlNode parent, string key, int limit)
        {
            if (!map.TryGetValue(key, out var node))
            {
                Report(DiagnosticCatalog.MissingKey, parent.Location, key, "the spec", "give the number of " + (key == "inputs" ? "input" : "output") + " units (Table 10 '" + (key == "inputs" ? "in" : "out") + "')");
                return null;
            }

            return Count(node, key, limit);
        }

        private int? Count(YamlNode node, string where, int limit)
        {
            if (node.Kind != YamlNodeKind.Scalar || !node.IsPlain || node.IsNull)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, where, "a positive integer", node.Describe());
                return null;
            }

            var text = node.Value;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                if (IntegerText.IsInteger(text) && text[0] == '-')
                {
                    Report(DiagnosticCatalog.NotPositive, node.Location, where, "a positive integer", Shown(text));
                }
                else if (IntegerText.IsInteger(text))
                {
                    Report(DiagnosticCatalog.SizeLimit, node.Location, "'" + where + "'", Shown(text), limit.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    Report(DiagnosticCatalog.WrongType, node.Location, where, "a positive integer", node.Describe());
                }

                return null;
            }

            if (value <= 0)
            {
                Report(DiagnosticCatalog.NotPositive, node.Location, where, "a positive integer", Shown(text));
                return null;
            }

            if (value > limit)
            {
                Report(DiagnosticCatalog.SizeLimit, node.Location, "'" + where + "'", text, limit.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            return (int)value;
        }

        private bool? Boolean(YamlNode node, string where)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.IsPlain)
            {
                switch (node.Value)
                {
                    case "true":
                    case "True":
                    case "TRUE":
                        return true;
                    case "false":
                    case "False":
                    case "FALSE":
                        return false;
                }
            }

            // 'yes', 'on' and the like get a hint (YAML 1.1 read them as booleans); a quoted true is a string.
            var hint = node.Kind != YamlNodeKind.Scalar || node.IsNull ? string.Empty
                : !node.IsPlain && (node.Value == "true" || node.Value == "false") ? ": write it without quotes"
                : Hint(node.Value, new[] { "true", "false" });
            Report(DiagnosticCatalog.WrongType, node.Location, where, "true or false", node.Describe() + hint);
            return null;
        }

        private double? RequiredPositiveNumber(Dictionary<string, YamlNode> map, YamlNode parent, string key)
        {
            if (!map.ContainsKey(key))
            {
                Report(DiagnosticCatalog.MissingKey, parent.Location, key, "the spec", "give the learning rate α (Table 10), e.g. 'learningRate: 0.5'");
                return null;
            }

            return OptionalPositiveNumber(map, key, 0.0);
        }

        private double? OptionalPositiveNumber(Dictionary<string, YamlNode> map, string key, double fallback)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return fallback;
            }

            if (node.Kind != YamlNodeKind.Scalar || !node.IsPlain || node.IsNull)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, key, "a positive number", node.Describe());
                return null;
            }

            var value = Number(node, key, "a positive number");
            if (!value.HasValue)
            {
                return null;
            }

            if (value.Value <= 0.0)
            {
                Report(DiagnosticCatalog.NumberOutOfRange, node.Location, key, "a positive number", Shown(node.Value));
                return null;
            }

            return value;
        }

        private double? Number(YamlNode node, string where, string expected)
        {
            var text = node.Value;
            // Only decimal notation: YAML's .inf/.nan and C#'s NaN/Infinity are refused, as are hex and other bases.
            var isDecimal = text.Length > 0 && text.All(c => (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E');
            if (!isDecimal || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (isDecimal && IsOverflowingDecimal(text))
                {
                    // .NET Framework's parser (Visual Studio runs generators on it) fails on 1e400 where .NET gives infinity.
                    Report(DiagnosticCatalog.NumberOutOfRange, node.Location, where, "a finite number", Shown(text));
                    return null;
                }

                Report(DiagnosticCatalog.WrongType, node.Location, where, expected, node.Describe());
                return null;
            }

            if (double.IsInfinity(value) || double.IsNaN(value))
            {
                Report(DiagnosticCatalog.NumberOutOfRange, node.Location, where, "a finite number", Shown(text));
                return null;
            }

            // -0 reads as 0: a signed zero has no meaning for a bias or a rate.
            return value == 0.0 ? 0.0 : value;
        }

        /// <summary>True for decimal text that failed to parse only because it overflows a double: a valid mantissa other than 0 and a non-negative integer exponent.</summary>
        private static bool IsOverflowingDecimal(string text)
        {
            var e = text.IndexOfAny(new[] { 'e', 'E' });
            if (e <= 0)
            {
                return false;
            }

            var exponent = text.Substring(e + 1);
            return IntegerText.IsInteger(exponent) && exponent[0] != '-' &&
                double.TryParse(text.Substring(0, e), NumberStyles.Float, CultureInfo.InvariantCulture, out var mantissa) && mantissa != 0.0;
        }

        private T OptionalEnum<T>(Dictionary<string, YamlNode> map, string key, T fallback, (string Name, T Value)[] values, string prefix = "")
        {
            if (!map.TryGetValue(key, out var node))
            {
                return fallback;
            }

            var allowed = string.Join(", ", values.Select(v => "'" + v.Name + "'"));
            if (node.Kind != YamlNodeKind.Scalar || node.IsNull)
            {
                Report(DiagnosticCatalog.WrongType, node.Location, prefix + key, "one of " + allowed, node.Describe());
                return fallback;
            }

            foreach (var (name, value) in values)
            {
                if (name == node.Value)
                {
                    return value;
                }
            }

            Report(DiagnosticCatalog.InvalidValue, node.Location, prefix + key, allowed, Shown(node.Value), Hint(node.Value, values.Select(v => v.Name)));
            return fallback;
        }

        /// <summary>": did you mean 'x'?" for a known synonym of an allowed value (<see cref="ValueSynonyms"/>) or a near spelling; else empty.</summary>
        private static string Hint(string value, IEnumerable<string> candidates)
        {
            var allowed = candidates.ToList();
            var suggestion = ValueSynonyms.Find(value, allowed) ?? KeySuggester.Closest(value, allowed);
            return suggestion != null ? ": did you mean '" + suggestion + "'?" : string.Empty;
        }

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>A value from the spec as a message shows it: <see cref="YamlNode.Shown"/>.</summary>
        private static string Shown(string value) => YamlNode.Shown(value);

        private void Report(DiagnosticKind kind, SourceLocation location, params string[] arguments)
        {
            if (_diagnostics.Count < MaxDiagnostics)
            {
                _diagnostics.Add(SpecDiagnostic.Create(kind, location, arguments));
            }
        }
    }
}
