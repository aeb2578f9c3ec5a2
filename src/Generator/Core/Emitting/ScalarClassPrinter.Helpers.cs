using System.Globalization;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    // The private helpers of the generated class (shape checks, source vectors, active-input gathering).
    internal sealed partial class ScalarClassPrinter
    {
        private void WriteHelpers()
        {
            Writer.Line("private " + Span + " WeightRow(global::System.ReadOnlySpan<int> rows, int index)");
            Writer.Line("{");
            Writer.Line("    var offset = rows[2 * index];");
            Writer.Line("    return offset < 0 ? throw new global::System.ArgumentOutOfRangeException(nameof(index), \"This block has no output gate.\") : new " + Span + "(_w, offset, rows[(2 * index) + 1]);");
            Writer.Line("}");
            Writer.Line();
            Writer.Line("private static void CheckShapes(int inputLength, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
            Writer.Line("{");
            Writer.Line("    if (inputLength != InputCount)");
            Writer.Line("    {");
            Writer.Line("        throw new global::System.ArgumentException(\"Expected \" + InputCount + \" inputs, got \" + inputLength + \".\", \"input\");");
            Writer.Line("    }");
            Writer.Line();
            Writer.Line("    if (!target.IsEmpty && target.Length != OutputCount)");
            Writer.Line("    {");
            Writer.Line("        throw new global::System.ArgumentException(\"Expected \" + OutputCount + \" targets or none, got \" + target.Length + \".\", nameof(target));");
            Writer.Line("    }");
            Writer.Line();
            Writer.Line("    if (!output.IsEmpty && output.Length != OutputCount)");
            Writer.Line("    {");
            Writer.Line("        throw new global::System.ArgumentException(\"Expected room for \" + OutputCount + \" outputs or none, got \" + output.Length + \".\", nameof(output));");
            Writer.Line("    }");
            Writer.Line("}");
            Writer.Line();
            Writer.Line("private static " + _t + "[] NewSourceVector()");
            Writer.Line("{");
            Writer.Line("    var sources = new " + _t + "[SourceCount];");
            Writer.Line("    sources[SourceCount - 1] = " + One + "; // the bias unit");
            Writer.Line("    return sources;");
            Writer.Line("}");
            Writer.Line();

            Writer.Line("private void CopyOutputs(global::System.Span<double> output)");
            Writer.Line("{");
            Writer.Line("    for (var k = 0; k < output.Length; k++)");
            Writer.Line("    {");
            Writer.Line("        output[k] = _yOutput[k];");
            Writer.Line("    }");
            Writer.Line("}");
            Writer.Line();
            Writer.Line("/// <summary>y(t) becomes y(t-1) of the next step.</summary>");
            Writer.Line("private void Advance() => (_yPrev, _y) = (_y, _yPrev);");
            if (ReadsActiveInputs)
            {
                WriteGatherActiveInputs();
            }
        }

        /// <summary>The scan of x(t) for its non-zero inputs (one-hot or sparse), and the one-hot check.</summary>
        private void WriteGatherActiveInputs()
        {
            var oneHot = Spec.InputEncoding == InputEncoding.OneHot;
            var vector = "global::System.Numerics.Vector";
            Writer.Line();
            Writer.Line("/// <summary>");
            Writer.Line("/// Collects the inputs with x_i(t) != 0 and their values, in index order, and returns how many there are. 0.0 and");
            Writer.Line("/// -0.0 are inactive; any other value (not only 1) is active and used as it is." +
                (oneHot ? " The spec declares one-hot inputs:" : string.Empty));
            if (oneHot)
            {
                Writer.Line("/// more than one active input is an error, reported before the step changes anything.");
            }

            Writer.Line("/// </summary>");
            Writer.OpenBlock("private int GatherActiveInputs(global::System.ReadOnlySpan<double> input)");
            Writer.Line("global::System.Span<int> activeInputs = new global::System.Span<int>(_activeInputs, 0, InputCount);");
            Writer.Line(Span + " activeValues = new " + Span + "(_activeValues, 0, InputCount);");
            Writer.Line("var count = 0;");
            Writer.Line("var i = 0;");
            var store = new[]
            {
                "// Written at every input, kept (count advanced) only at a non-zero one: no branch to mispredict.",
                "activeInputs[count] = {0};",
                "activeValues[count] = " + (IsFloat ? "(float)" : string.Empty) + "input[{0}];",
                "count += input[{0}] != 0.0 ? 1 : 0;",
            };
            if (_plan.ActiveInputs!.VectorScan)
            {
                Writer.OpenBlock("if (" + vector + ".IsHardwareAccelerated)");
                Writer.Line("// Four vectors of inputs at a time, skipped when all are zero: most of a one-hot or sparse x(t) is zeros.");
                Writer.Line("// Read as bits: +0.0 and -0.0 are the only doubles whose bits are 0 once the sign bit is masked off.");
                Writer.Line("var bits = global::System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(input);");
                Writer.Line("var magnitude = new " + vector + "<ulong>(0x7FFFFFFFFFFFFFFFUL);");
                Writer.Line("var width = " + vector + "<ulong>.Count;");
                Writer.Line("var block = 4 * width;");
                Writer.OpenBlock("for (; i <= InputCount - block; i += block)");
                Writer.Line("var chunk = bits.Slice(i, block);");
                Writer.Line("var any = (new " + vector + "<ulong>(chunk) | new " + vector + "<ulong>(chunk.Slice(width)) | new " + vector + "<ulong>(chunk.Slice(2 * width)) | new " + vector + "<ulong>(chunk.Slice(3 * width))) & magnitude;");
                Writer.OpenBlock("if (any != " + vector + "<ulong>.Zero)");
                Writer.OpenBlock("for (var j = i; j < i + block; j++)");
                foreach (var line in store)
                {
                    Writer.Line(string.Format(CultureInfo.InvariantCulture, line, "j"));
                }

                Writer.CloseBlock();
                Writer.CloseBlock();
                Writer.CloseBlock();
                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.OpenBlock("for (; i < InputCount; i++)");
            foreach (var line in store)
            {
                Writer.Line(string.Format(CultureInfo.InvariantCulture, line, "i"));
            }

            Writer.CloseBlock();
            Writer.Line();
            if (oneHot)
            {
                Writer.OpenBlock("if (count > 1)");
                Writer.Line("ThrowNotOneHot(input, count);");
                Writer.CloseBlock();
                Writer.Line();
            }

            Writer.Line("_activeCount = count;");
            Writer.Line("return count;");
            Writer.CloseBlock();
            if (!oneHot)
            {
                return;
            }

            Writer.Line();
            Writer.Line("/// <summary>The spec promises one-hot inputs (at most one non-zero x_i(t) per step) and x(t) breaks the promise.</summary>");
            Writer.OpenBlock("private static void ThrowNotOneHot(global::System.ReadOnlySpan<double> input, int count)");
            Writer.Line("var indices = new global::System.Text.StringBuilder();");
            Writer.Line("var listed = 0;");
            Writer.OpenBlock("for (var i = 0; i < InputCount && listed < 10; i++)");
            Writer.OpenBlock("if (input[i] != 0.0)");
            Writer.Line("indices.Append(listed++ == 0 ? string.Empty : \", \").Append(i.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
            Writer.CloseBlock();
            Writer.CloseBlock();
            Writer.Line();
            Writer.Line("throw new global::System.ArgumentException(");
            Writer.Line("    \"The spec \" + SpecFile + \" declares 'inputEncoding: one-hot' (at most one non-zero input per step), but this x(t) has \" +");
            Writer.Line("    count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" non-zero inputs, at indices \" + indices + (count > 10 ? \", ...\" : string.Empty) +");
            Writer.Line("    \". Declare 'inputEncoding: sparse' (or 'dense') for inputs that are not one-hot.\",");
            Writer.Line("    nameof(input));");
            Writer.CloseBlock();
        }
    }
}
