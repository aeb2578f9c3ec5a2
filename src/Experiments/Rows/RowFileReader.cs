using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LstmGen.Experiments.Harness;
using LstmGen.Experiments.Tasks;
using LstmGen.Generator.Diagnostics;
using LstmGen.Generator.Parsing;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Rows
{
    /// <summary>
    /// Reads a row file (<c>*.rows.yaml</c>, docs/rows.md, specs/rows/lstm-rows.schema.json) into checked row definitions
    /// and diagnostics. The one reader of row files: the built-in rows (<see cref="PaperRows"/>) and a user's file given to
    /// <c>lstmgen run</c> go through it alike. It never throws on bad input; every problem is a diagnostic with file, line
    /// and column, in the kinds of the spec diagnostics (LSTM0001-LSTM0015).
    /// </summary>
    public sealed partial class RowFileReader
    {
        /// <summary>The most trials a row may ask for (as <c>run --trials</c>).</summary>
        public const int MaxTrials = 100_000;

        private static readonly string[] FileKeys = ["description", "defaults", "rows"];

        /// <summary>Every key of a row, in the order docs/rows.md lists them.</summary>
        private static readonly string[] RowKeys =
        [
            "id", "title", "network", "learningRate", "update", "initialization", "task", "stop", "testSetSize",
            "sequentialConstruction", "trials", "cap", "paper",
        ];

        /// <summary>What <c>defaults</c> may hold: every key of a row but the two that name it.</summary>
        private static readonly string[] DefaultKeys = RowKeys.Where(k => k != "id" && k != "title").ToArray();

        private static readonly string[] InitializationKeys = ["inputGateBias"];

        private static readonly string[] PaperKeys = ["table", "trials", "successPercent", "meanSequences", "testWrong", "st1Sequences", "mse", "goodPercent", "goodLength", "restPercent", "restLength"];

        private readonly string _path;
        private readonly RowDiagnostics _diagnostics = new();

        private RowFileReader(string path)
        {
            _path = path;
        }

        /// <summary>Reads the row file <paramref name="text"/>; <paramref name="path"/> names it in diagnostics.</summary>
        public static RowFile Read(string path, string text)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(text);
            var reader = new RowFileReader(path);
            List<RowDefinition> rows;
            try
            {
                rows = reader.ReadFile(text);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Defence in depth, as in the spec parser: a bug here is a diagnostic, never a crash.
                reader._diagnostics.Report(DiagnosticCatalog.MalformedYaml, SourceLocation.FileStart(path),
                    "internal error while reading the row file (" + e.GetType().Name + ": " + LocatedYaml.Shown(e.Message) + "); please report it");
                rows = [];
            }

            return new RowFile(path, reader._diagnostics.ErrorCount > 0 ? [] : rows, reader._diagnostics.All);
        }

        private List<RowDefinition> ReadFile(string text)
        {
            var rows = new List<RowDefinition>();
            if (text.Length > SpecParser.MaxSpecLength)
            {
                Report(DiagnosticCatalog.SizeLimit, SourceLocation.FileStart(_path), "The row file's length in characters",
                    text.Length.ToString(CultureInfo.InvariantCulture), SpecParser.MaxSpecLength.ToString(CultureInfo.InvariantCulture));
                return rows;
            }

            var root = LocatedYaml.Read(_path, text, _diagnostics.ForYamlReader);
            const string FileShape = "a mapping with a list of 'rows'";
            if (root is null)
            {
                if (_diagnostics.ErrorCount == 0)
                {
                    Report(DiagnosticCatalog.WrongType, SourceLocation.FileStart(_path), "the row file", FileShape, "an empty file");
                }

                return rows;
            }

            if (!root.IsMapping)
            {
                Report(DiagnosticCatalog.WrongType, root.Location, "the row file", FileShape, root.Describe());
                return rows;
            }

            var file = LayeredMapping.Create(string.Empty, [(root, "the row file")])!;
            file.CheckKeys(FileKeys, _diagnostics);
            if (file.Find("description") is { } description)
            {
                RowScalars.String(description, "description", _diagnostics);
            }

            var defaults = file.Find("defaults");
            if (defaults is not null && !defaults.IsMapping)
            {
                Report(DiagnosticCatalog.WrongType, defaults.Location, "defaults", "a mapping of row keys that every row takes unless it gives its own", defaults.Describe());
                defaults = null;
            }

            if (defaults is not null)
            {
                LayeredMapping.Create(string.Empty, [(defaults, "'defaults'")])!.CheckKeys(DefaultKeys, _diagnostics);
            }

            var list = file.Find("rows");
            if (list is null)
            {
                Report(DiagnosticCatalog.MissingKey, root.Location, "rows", "the row file", "list the rows, each a mapping with at least 'id' and 'title' (docs/rows.md)");
                return rows;
            }

            if (!list.IsSequence || list.Items.Count == 0)
            {
                Report(DiagnosticCatalog.WrongType, list.Location, "rows", "a list of one or more rows", list.Describe());
                return rows;
            }

            var seen = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                if (!item.IsMapping)
                {
                    Report(DiagnosticCatalog.WrongType, item.Location, "rows[" + Int(i) + "]", "a mapping with the row's keys ('id', 'title', 'network', ...)", item.Describe());
                    continue;
                }

                var before = _diagnostics.ErrorCount;
                var row = ReadRow(item, defaults, i);
                if (row is null || _diagnostics.ErrorCount > before)
                {
                    continue;
                }

                if (seen.TryGetValue(row.Id, out var first))
                {
                    Report(DiagnosticCatalog.Contradiction, IdLocation(item), string.Create(CultureInfo.InvariantCulture,
                        $"Row id '{row.Id}' is declared twice (first at line {first.StartLine + 1}): give each row its own id, which names its results file and seeds its trials"));
                    continue;
                }

                seen[row.Id] = row.Location;
                rows.Add(row);
            }

            return rows;
        }

        private RowDefinition? ReadRow(LocatedYaml item, LocatedYaml? defaults, int index)
        {
            var idNode = Own(item, "id");
            var id = idNode is null ? null : Id(idNode);
            var where = id is null ? "row " + Int(index + 1) : "row '" + id + "'";
            // The defaults' own keys were checked once for the file (without 'id' and 'title'); checking them here again
            // repeats the same messages, which the diagnostics drop.
            var row = LayeredMapping.Create(string.Empty, [(item, where), (defaults, "'defaults'")])!;
            row.CheckKeys(RowKeys, _diagnostics);
            if (idNode is null)
            {
                Report(DiagnosticCatalog.MissingKey, item.Location, "id", where, "give the row an id, e.g. 'id: 6a-slow': 'lstmgen run' takes it, and it names the results file");
            }

            var titleNode = Own(item, "title");
            var title = titleNode is null ? null : RowScalars.String(titleNode, "title", _diagnostics);
            if (titleNode is null)
            {
                Report(DiagnosticCatalog.MissingKey, item.Location, "title", where, "say what the row is in words, e.g. 'title: Exp 6a, temporal order, learning rate 1.0'");
            }

            var network = Network(row);
            var learningRate = Optional(row, "learningRate", (node, path) => RowScalars.Number(node, path, positive: true, _diagnostics));
            var update = OptionalText(row, "update", (node, path) => RowScalars.Choice(node, path, ["per-step", "per-sequence"], _diagnostics));
            var randomInputGateBiases = InputGateBias(row);
            var (task, taskParameters, madeTask) = Task(row, network);
            var (stop, stopParameters) = Stop(row, task);
            var testSetSize = Optional(row, "testSetSize", (node, path) => RowScalars.Integer(node, path, 0, int.MaxValue, _diagnostics));
            var sequentialConstruction = Optional(row, "sequentialConstruction", (node, path) => RowScalars.Boolean(node, path, _diagnostics)) ?? false;
            var trials = Required(row, "trials", "give the number of trials a run makes, e.g. 'trials: 10' (the paper's count for its rows)",
                (node, path) => RowScalars.Integer(node, path, 1, MaxTrials, _diagnostics));
            var cap = Required(row, "cap", "give the training sequences after which a trial counts as failed, e.g. 'cap: 5000000' (§5.2: 'Training is stopped after 5 million sequence presentations')",
                (node, path) => RowScalars.Integer(node, path, 1, long.MaxValue, _diagnostics));
            var paper = Paper(row);

            if (stop is not null)
            {
                CheckProtocol(row, stop, testSetSize, sequentialConstruction);
            }

            if (id is null || title is null || network is null || task is null || taskParameters is null || madeTask is null ||
                stop is null || stopParameters is null || trials is null || cap is null || paper is null)
            {
                return null;
            }

            // "Override only what differs": a row without a learning rate trains at its network spec's (Table 10 α).
            var instance = network.Create();
            var settings = new RowSettings(id, title, network.Name, learningRate ?? instance.LearningRate, (int)trials.Value, cap.Value, paper,
                task.TypicalLength(taskParameters))
            {
                Update = update switch { "per-step" => UpdateTiming.PerStep, "per-sequence" => UpdateTiming.PerSequence, _ => null },
                RandomInputGateBiases = randomInputGateBiases,
            };
            return new RowDefinition(settings, task, taskParameters, stop, stopParameters, (int)(testSetSize ?? 0), sequentialConstruction, item.Location);
        }

        /// <summary>The row's id: letters, digits, '.', '_' and '-', as it names the results file <c>results/{id}.jsonl</c>.</summary>
        private string? Id(LocatedYaml node)
        {
            var id = RowScalars.String(node, "id", _diagnostics);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Report(DiagnosticCatalog.WrongType, node.Location, "id",
                    "a letter or digit, then up to 63 letters, digits, '.', '_' or '-' (it names the results file results/<id>.jsonl)", node.Describe());
                return null;
            }

            return id;
        }

        private CompiledNetwork? Network(LayeredMapping row)
        {
            var node = row.Find("network");
            if (node is null)
            {
                ReportMissing(row, "network",
                    "name the compiled network the row trains, e.g. 'network: Exp6aTemporalOrder' ('lstmgen specs' lists them)");
                return null;
            }

            var name = RowScalars.String(node, "network", _diagnostics);
            if (name is null)
            {
                return null;
            }

            var network = RowNetworks.Find(name);
            if (network is null)
            {
                var names = RowNetworks.All.Select(n => n.Name).ToList();
                Report(DiagnosticCatalog.InvalidValue, node.Location, "network", "the compiled networks (" + string.Join(", ", names) + ")",
                    LocatedYaml.Shown(name), RowScalars.Hint(name, names));
            }

            return network;
        }

        private bool InputGateBias(LayeredMapping row)
        {
            var initialization = row.Nested("initialization", "a mapping, e.g. '{ inputGateBias: random }'", _diagnostics);
            if (initialization is null)
            {
                return false;
            }

            initialization.CheckKeys(InitializationKeys, _diagnostics);
            return OptionalText(initialization, "inputGateBias", (node, path) => RowScalars.Choice(node, path, ["spec", "random"], _diagnostics)) == "random";
        }

        /// <summary>The row's task, its parameters, and one instance made from them (which checks what the catalogue cannot).</summary>
        private (TaskKind? Kind, ParameterValues? Parameters, ISequenceTask? Made) Task(LayeredMapping row, CompiledNetwork? network)
        {
            var task = row.Nested("task", "a mapping with the task's 'name' and parameters, e.g. '{ name: adding, T: 100 }'", _diagnostics);
            if (task is null)
            {
                ReportMissing(row, "task",
                    "name the task and give its parameters, e.g. 'task: { name: adding, T: 100 }' (tasks: " + string.Join(", ", TaskCatalog.All.Select(t => t.Name)) + ")");
                return (null, null, null);
            }

            var kind = Kind(task, "name", TaskCatalog.All.Select(t => t.Name).ToList(), TaskCatalog.Find,
                "name the task, e.g. 'name: adding'");
            if (kind is null)
            {
                return (null, null, null);
            }

            task.CheckKeys(["name", .. kind.Parameters.Select(p => p.Key)], _diagnostics);
            var parameters = Parameters(task, kind.Parameters, "task '" + kind.Name + "'");
            if (parameters is null)
            {
                return (kind, null, null);
            }

            ISequenceTask made;
            try
            {
                made = kind.Create(parameters);
            }
            catch (ArgumentException e)
            {
                Report(DiagnosticCatalog.Contradiction, task.Location, "Task '" + kind.Name + "' cannot take these parameters: " + FirstSentence(e));
                return (kind, null, null);
            }

            if (network is not null)
            {
                var instance = network.Create();
                if (instance.InputCount != made.InputSize || instance.OutputCount != made.OutputSize)
                {
                    Report(DiagnosticCatalog.Contradiction, task.Location, string.Create(CultureInfo.InvariantCulture,
                        $"Task '{kind.Name}' with these parameters has {made.InputSize} inputs and {made.OutputSize} outputs, but network '{network.Name}' has {instance.InputCount} and {instance.OutputCount}: choose the network of the task's size (Table 10 'in', 'out')"));
                    return (kind, null, null);
                }
            }

            return (kind, parameters, made);
        }

        private (StoppingRuleKind? Kind, ParameterValues? Parameters) Stop(LayeredMapping row, TaskKind? task)
        {
            var stop = row.Nested("stop", "a mapping with the stopping rule's 'rule' and parameters, e.g. '{ rule: st3, beta: 0.01 }'", _diagnostics);
            if (stop is null)
            {
                ReportMissing(row, "stop",
                    "give the stopping rule (Table 11) and its thresholds, e.g. 'stop: { rule: st3, beta: 0.01 }' (rules: " + string.Join(", ", StoppingRuleCatalog.All.Select(r => r.Name)) + ")");
                return (null, null);
            }

            var kind = Kind(stop, "rule", StoppingRuleCatalog.All.Select(r => r.Name).ToList(), StoppingRuleCatalog.Find,
                "name the stopping rule, e.g. 'rule: st3'");
            if (kind is null)
            {
                return (null, null);
            }

            stop.CheckKeys(["rule", .. kind.Parameters.Select(p => p.Key)], _diagnostics);
            if (kind.OnlyWithTask is { } only && task is not null && task.Name != only)
            {
                Report(DiagnosticCatalog.Contradiction, stop.Find("rule")!.Location,
                    "Stopping rule '" + kind.Name + "' judges only task '" + only + "' (" + TaskCatalog.Find(only)!.Experiment + "); this row's task is '" + task.Name + "'");
                return (kind, null);
            }

            return (kind, Parameters(stop, kind.Parameters, "stopping rule '" + kind.Name + "'"));
        }

        /// <summary>What a stopping rule's protocol cannot do: a final test set of its own, sequential construction.</summary>
        private void CheckProtocol(LayeredMapping row, StoppingRuleKind stop, long? testSetSize, bool sequentialConstruction)
        {
            if (stop.Protocol == RowProtocol.ReberDataSets && testSetSize.HasValue)
            {
                Report(DiagnosticCatalog.Contradiction, row.Find("testSetSize")!.Location,
                    "'testSetSize' does not apply to stopping rule '" + stop.Name + "': Exp 1 tests on the 256 test strings of its data set pair (§5.1); remove it");
            }

            if (stop.Protocol == RowProtocol.ContinualStreams && testSetSize.HasValue)
            {
                Report(DiagnosticCatalog.Contradiction, row.Find("testSetSize")!.Location,
                    "'testSetSize' does not apply to stopping rule '" + stop.Name + "': it tests on streams ('stop.testStreams', 'stop.testStreamSymbols'); remove it");
            }

            if (stop.Protocol != RowProtocol.Stream && sequentialConstruction)
            {
                Report(DiagnosticCatalog.Contradiction, row.Find("sequentialConstruction")!.Location,
                    "'sequentialConstruction' needs a stopping rule that watches the training stream (successive-correct, st3, few-wrong), not '" + stop.Name + "'");
            }
        }

        /// <summary>A task or rule by its name key, with a "did you mean" for a misspelt one.</summary>
        private T? Kind<T>(LayeredMapping level, string key, IReadOnlyList<string> names, Func<string, T?> find, string fix)
            where T : class
        {
            var node = level.Find(key);
            if (node is null)
            {
                ReportMissing(level, key, fix + " (one of " + string.Join(", ", names) + ")");
                return null;
            }

            var name = RowScalars.String(node, level.PathOf(key), _diagnostics);
            if (name is null)
            {
                return null;
            }

            var kind = find(name);
            if (kind is null)
            {
                Report(DiagnosticCatalog.InvalidValue, node.Location, level.PathOf(key), string.Join(", ", names.Select(n => "'" + n + "'")),
                    LocatedYaml.Shown(name), RowScalars.Hint(name, names));
            }

            return kind;
        }

        /// <summary>Every declared parameter's value: the row's, the defaults', or the catalogue's default.</summary>
        private ParameterValues? Parameters(LayeredMapping level, IReadOnlyList<RowParameter> declared, string owner)
        {
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            var complete = true;
            foreach (var parameter in declared)
            {
                var node = level.Find(parameter.Key);
                if (node is null)
                {
                    if (parameter.IsRequired)
                    {
                        ReportMissing(level, parameter.Key, owner + " needs " + parameter.Key + ", " + parameter.Meaning);
                        complete = false;
                    }
                    else
                    {
                        values[parameter.Key] = parameter.Default!;
                    }

                    continue;
                }

                var path = level.PathOf(parameter.Key);
                object? value = parameter.Kind switch
                {
                    RowParameterKind.Integer => RowScalars.Integer(node, path, parameter.Minimum, int.MaxValue, _diagnostics) is { } integer ? (int)integer : null,
                    RowParameterKind.Number => RowScalars.Number(node, path, parameter.Minimum == 0, _diagnostics),
                    _ => RowScalars.Choice(node, path, parameter.Choices, _diagnostics),
                };
                if (value is null)
                {
                    complete = false;
                }
                else
                {
                    values[parameter.Key] = value;
                }
            }

            return complete ? new ParameterValues(values) : null;
        }

        /// <summary>The paper's figures (<see cref="PaperFigures.None"/> when the row gives none).</summary>
        private PaperFigures? Paper(LayeredMapping row)
        {
            var paper = row.Nested("paper", "a mapping of the paper's figures, e.g. '{ table: Table 9, trials: 20, meanSequences: 31390 }'", _diagnostics);
            if (paper is null)
            {
                return PaperFigures.None;
            }

            paper.CheckKeys(PaperKeys, _diagnostics);
            var before = _diagnostics.ErrorCount;
            var table = RequiredText(paper, "table", "say where the figures are, e.g. 'table: Table 7'", (node, path) => RowScalars.String(node, path, _diagnostics));
            var trials = Required(paper, "trials", "give the number of trials the paper averages over (e.g. 'trials: 10')",
                (node, path) => RowScalars.Integer(node, path, 1, MaxTrials, _diagnostics));
            var successPercent = Percent(paper, "successPercent");

            var meanSequences = Optional(paper, "meanSequences", (node, path) => RowScalars.Number(node, path, positive: true, _diagnostics));
            var testWrong = OptionalText(paper, "testWrong", (node, path) => RowScalars.String(node, path, _diagnostics));
            var st1 = Optional(paper, "st1Sequences", (node, path) => RowScalars.Number(node, path, positive: true, _diagnostics));
            var mse = Optional(paper, "mse", (node, path) => RowScalars.Number(node, path, positive: true, _diagnostics));
            var goodAndRest = ReadGoodAndRest(paper);
            if (_diagnostics.ErrorCount > before || table is null || trials is null)
            {
                return null;
            }

            // Extra figures as the paper prints them: the ST1 column with thousands separators (Tables 4, 5), the MSE as is (Table 8).
            var extra = new Dictionary<string, string>();
            if (st1 is { } st1Sequences)
            {
                extra["ST1"] = st1Sequences.ToString("N0", CultureInfo.InvariantCulture);
            }

            if (mse is { } meanSquaredError)
            {
                extra["MSE"] = meanSquaredError.ToString("R", CultureInfo.InvariantCulture);
            }

            return new PaperFigures(table, (int)trials.Value, successPercent, meanSequences, testWrong) { Extra = extra, GoodAndRest = goodAndRest };
        }

        /// <summary>
        /// Gers 2000 Table 2's columns b and c: <c>goodPercent</c> and <c>restPercent</c> together, each length only with
        /// its percentage (the table prints ⟨−⟩ where there is none).
        /// </summary>
        private GoodAndRest? ReadGoodAndRest(LayeredMapping paper)
        {
            var goodPercent = Percent(paper, "goodPercent");
            var goodLength = Optional(paper, "goodLength", (node, path) => RowScalars.Number(node, path, positive: true, _diagnostics));
            var restPercent = Percent(paper, "restPercent");
            var restLength = Optional(paper, "restLength", (node, path) => RowScalars.Number(node, path, positive: true, _diagnostics));
            if (goodPercent is null != restPercent is null)
            {
                var (given, missing) = goodPercent is null ? ("restPercent", "goodPercent") : ("goodPercent", "restPercent");
                Report(DiagnosticCatalog.MissingKey, paper.Find(given)!.Location, missing, paper.Where,
                    "give Table 2's good solutions and rest together (e.g. 'goodPercent: 29, goodLength: 39171, restPercent: 53, restLength: 145')");
                return null;
            }

            foreach (var (length, percent) in new[] { ("goodLength", goodPercent), ("restLength", restPercent) })
            {
                if (paper.Find(length) is { } node && percent is null)
                {
                    Report(DiagnosticCatalog.Contradiction, node.Location,
                        $"'{paper.PathOf(length)}' is a mean error-free length of Table 2's good solutions or rest: give it with 'goodPercent' and 'restPercent'");
                    return null;
                }
            }

            return goodPercent is { } good && restPercent is { } rest ? new GoodAndRest(good, goodLength, rest, restLength) : null;
        }

        /// <summary>A percentage of the paper's (0 to 100), or null when <paramref name="key"/> is not given.</summary>
        private double? Percent(LayeredMapping paper, string key)
        {
            var value = Optional(paper, key, (node, path) => RowScalars.Number(node, path, positive: false, _diagnostics));
            if (value is < 0 or > 100)
            {
                Report(DiagnosticCatalog.NumberOutOfRange, paper.Find(key)!.Location, paper.PathOf(key), "a percentage from 0 to 100",
                    value.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            return value;
        }

        private string? OptionalText(LayeredMapping level, string key, Func<LocatedYaml, string, string?> read)
            => level.Find(key) is { } node ? read(node, level.PathOf(key)) : null;

        private T? Optional<T>(LayeredMapping level, string key, Func<LocatedYaml, string, T?> read)
            where T : struct
            => level.Find(key) is { } node ? read(node, level.PathOf(key)) : null;

        private string? RequiredText(LayeredMapping level, string key, string fix, Func<LocatedYaml, string, string?> read)
        {
            if (level.Find(key) is { } node)
            {
                return read(node, level.PathOf(key));
            }

            ReportMissing(level, key, fix);
            return null;
        }

        private T? Required<T>(LayeredMapping level, string key, string fix, Func<LocatedYaml, string, T?> read)
            where T : struct
        {
            if (level.Find(key) is { } node)
            {
                return read(node, level.PathOf(key));
            }

            ReportMissing(level, key, fix);
            return null;
        }

        /// <summary>Reports a missing key, unless a misspelling of it was reported already ("did you mean '{key}'?").</summary>
        private void ReportMissing(LayeredMapping level, string key, string fix)
        {
            if (!level.HasMisspelling(key))
            {
                Report(DiagnosticCatalog.MissingKey, level.Location, key, level.Where, fix);
            }
        }

        /// <summary>A key of the row's own mapping (never the defaults').</summary>
        private static LocatedYaml? Own(LocatedYaml row, string key) => row.Entries.FirstOrDefault(e => e.Key.Value == key).Value;

        private static SourceLocation IdLocation(LocatedYaml row) => Own(row, "id")?.Location ?? row.Location;

        /// <summary>An exception's message without .NET's "(Parameter 'x')" and "Actual value was" lines.</summary>
        private static string FirstSentence(ArgumentException e)
        {
            var message = e.Message.Split('\n')[0].Trim();
            var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            return (parameter >= 0 ? message[..parameter] : message).TrimEnd('.');
        }

        private void Report(DiagnosticKind kind, SourceLocation location, params string[] arguments) => _diagnostics.Report(kind, location, arguments);

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
        private static partial Regex IdPattern();
    }
}
