using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// Prints a <see cref="NetworkPlan"/> as the scalar network class: one network, one step per call. The plan says what
    /// is computed and in which order; this printer says how it reads as C#, one file per part of the class (this one:
    /// the file's outline; <c>.Documentation</c>: the header and the class's summary; <c>.Members</c>: constants, fields,
    /// properties, weights, initialisation, public steps; <c>.Forward</c>; <c>.Traces</c>; <c>.Learning</c>;
    /// <c>.Helpers</c>), every operation of the step through <see cref="ScalarStatementPrinter"/>.
    /// </summary>
    internal sealed partial class ScalarClassPrinter
    {
        private readonly NetworkPlan _plan;
        private readonly string _version;
        private readonly string _t;
        private readonly ScalarStatementPrinter _step;

        public ScalarClassPrinter(NetworkPlan plan, string version)
        {
            _plan = plan;
            _version = version;
            _t = plan.IsFloat ? "float" : "double";
            _step = new ScalarStatementPrinter(plan, Writer);
        }

        private SourceWriter Writer { get; } = new SourceWriter();

        private NetworkSpec Spec => _plan.Spec;

        private NetworkShape Shape => _plan.Shape;

        private bool IsFloat => _plan.IsFloat;

        /// <summary>Whether the inputs are read through the list of active inputs (one-hot or sparse encoding).</summary>
        private bool ReadsActiveInputs => _plan.ActiveInputs != null;

        private bool KeepsTouchedSet => _plan.ActiveInputs?.KeepsTouchedSet == true;

        private string Span => "global::System.Span<" + _t + ">";

        private string ReadOnlySpan => "global::System.ReadOnlySpan<" + _t + ">";

        private static string Runtime => NetworkEmitter.RuntimeNamespace;

        private static string Squash => ScalarStatementPrinter.Squash;

        private static string Kernels => ScalarStatementPrinter.Kernels;

        private string One => Literals.Real(1.0, IsFloat);

        public string Print()
        {
            WriteHeader();
            Writer.Line("#nullable enable");
            Writer.Line();
            var hasNamespace = Spec.Namespace.Length > 0;
            if (hasNamespace)
            {
                Writer.OpenBlock("namespace " + Spec.Namespace);
            }

            WriteClassDocumentation();
            Writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"LstmGen\", \"" + _version + "\")]");
            Writer.OpenBlock("public sealed partial class " + Spec.TypeName + " : " + Runtime + ".ILstmNetwork<" + _t + ">" +
                (Spec.InputEncoding == InputEncoding.OneHot ? ", " + Runtime + ".IOneHotNetwork" : string.Empty));
            WriteConstants();
            WriteFields();
            WriteProperties();
            WriteDescription();
            WriteWeightViews();
            WriteInitialization();
            WritePublicSteps();
            WriteForward();
            WriteUpdateTraces();
            WriteLearn();
            WriteEndSequence();
            WriteHelpers();
            Writer.CloseBlock();
            if (hasNamespace)
            {
                Writer.CloseBlock();
            }

            return Writer.ToString();
        }

        /// <summary>
        /// A span local over a whole state array with a constant length, e.g.
        /// <c>Span&lt;double&gt; s = new Span&lt;double&gt;(_s, 0, CellCount);</c>: the JIT then knows the length and drops the
        /// bounds check of every constant index below it.
        /// </summary>
        private void View(bool writable, string name)
        {
            var array = _plan.State.SelectMany(g => g.Arrays).Single(a => a.Name == name);
            var type = writable ? Span : ReadOnlySpan;
            Writer.Line(type + " " + name + " = new " + type + "(_" + name + ", 0, " + LengthText(array.Length) + ");");
        }

        private static string LengthText(StateLength length) => length.Constant.Length > 0 ? length.Constant : Literals.Int(length.Value);

        private static string Literal(int value) => Literals.Int(value);

        private static string Range(int start, int count) => "[" + Literal(start) + ".." + Literal(start + count) + ")";

        private static string Plural(int count, string noun) => Literal(count) + " " + noun + (count == 1 ? string.Empty : "s");

        /// <summary><c>"17 + "</c>, or nothing for 0: the start of an index expression <c>offset + i</c>.</summary>
        private static string Offset(int offset) => offset == 0 ? string.Empty : Literal(offset) + " + ";
    }
}
