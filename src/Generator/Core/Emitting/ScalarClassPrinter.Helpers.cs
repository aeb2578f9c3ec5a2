using System.Globalization;
using LstmGen.Generator.Model;

namespace LstmGen.Generator.Emitting
{
    // The private helpers of the generated class (shape checks, source vectors, active-input gathering).
    internal sealed partial class ScalarClassPrinter
    {
        private void WriteHelpers()
        {
            W.Line("private " + Span + " WeightRow(global::System.ReadOnlySpan<int> rows, int index)");
            W.Line("{");
            W.Line("    var offset = rows[2 * index];");
            W.Line("    return offset < 0 ? throw new global::System.ArgumentOutOfRangeException(nameof(index), \"This block has no output gate.\") : new " + Span + "(_w, offset, rows[(2 * index) + 1]);");
            W.Line("}");
            W.Line();
            W.Line("private static void CheckShapes(int inputLength, global::System.ReadOnlySpan<double> target, global::System.Span<double> output)");
            W.Line("{");
            W.Line("    if (inputLength != InputCount)");
            W.Line("    {");
            W.Line("        throw new global::System.ArgumentException(\"Expected \" + InputCount + \" inputs, got \" + inputLength + \".\", \"input\");");
            W.Line("    }");
            W.Line();
            W.Line("    if (!target.IsEmpty && target.Length != OutputCount)");
            W.Line("    {");
            W.Line("        throw new global::System.ArgumentException(\"Expected \" + OutputCount + \" targets or none, got \" + target.Length + \".\", nameof(target));");
            W.Line("    }");
            W.Line();
            W.Line("    if (!output.IsEmpty && output.Length != OutputCount)");
            W.Line("    {");
            W.Line("        throw new global::System.ArgumentException(\"Expected room for \" + OutputCount + \" outputs or none, got \" + output.Length + \".\", nameof(output));");
            W.Line("    }");
            W.Line("}");
            W.Line();
            W.Line("private static " + _t + "[] NewSourceVector()");
            W.Line("{");
            W.Line("    var sources = new " + _t + "[SourceCount];");
            W.Line("    sources[SourceCount - 1] = " + One + "; // the bias unit");
            W.Line("    return sources;");
            W.Line("}");
            W.Line();

            W.Line("private void CopyOutputs(global::System.Span<double> output)");
            W.Line("{");
            W.Line("    for (var k = 0; k < output.Length; k++)");
            W.Line("    {");
            W.Line("        output[k] = _yOutput[k];");
            W.Line("    }");
            W.Line("}");
            W.Line();
            W.Line("/// <summary>y(t) becomes y(t-1) of the next step.</summary>");
            W.Line("private void Advance() => (_yPrev, _y) = (_y, _yPrev);");
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
            W.Line();
            W.Line("/// <summary>");
            W.Line("/// Collects the inputs with x_i(t) != 0 and their values, in index order, and returns how many there are. 0.0 and");
            W.Line("/// -0.0 are inactive; any other value (not only 1) is active and used as it is." +
                (oneHot ? " The spec declares one-hot inputs:" : string.Empty));
            if (oneHot)
            {
                W.Line("/// more than one active input is an error, reported before the step changes anything.");
            }

            W.Line("/// </summary>");
            W.OpenBlock("private int GatherActiveInputs(global::System.ReadOnlySpan<double> input)");
            W.Line("global::System.Span<int> activeInputs = new global::System.Span<int>(_activeInputs, 0, InputCount);");
            W.Line(Span + " activeValues = new " + Span + "(_activeValues, 0, InputCount);");
            W.Line("var count = 0;");
            W.Line("var i = 0;");
            var store = new[]
            {
                "// Written at every input, kept (count advanced) only at a non-zero one: no branch to mispredict.",
                "activeInputs[count] = {0};",
                "activeValues[count] = " + (IsFloat ? "(float)" : string.Empty) + "input[{0}];",
                "count += input[{0}] != 0.0 ? 1 : 0;",
            };
            if (_plan.ActiveInputs!.VectorScan)
            {
                W.OpenBlock("if (" + vector + ".IsHardwareAccelerated)");
                W.Line("// Four vectors of inputs at a time, skipped when all are zero: most of a one-hot or sparse x(t) is zeros.");
                W.Line("// Read as bits: +0.0 and -0.0 are the only doubles whose bits are 0 once the sign bit is masked off.");
                W.Line("var bits = global::System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(input);");
                W.Line("var magnitude = new " + vector + "<ulong>(0x7FFFFFFFFFFFFFFFUL);");
                W.Line("var width = " + vector + "<ulong>.Count;");
                W.Line("var block = 4 * width;");
                W.OpenBlock("for (; i <= InputCount - block; i += block)");
                W.Line("var chunk = bits.Slice(i, block);");
                W.Line("var any = (new " + vector + "<ulong>(chunk) | new " + vector + "<ulong>(chunk.Slice(width)) | new " + vector + "<ulong>(chunk.Slice(2 * width)) | new " + vector + "<ulong>(chunk.Slice(3 * width))) & magnitude;");
                W.OpenBlock("if (any != " + vector + "<ulong>.Zero)");
                W.OpenBlock("for (var j = i; j < i + block; j++)");
                foreach (var line in store)
                {
                    W.Line(string.Format(CultureInfo.InvariantCulture, line, "j"));
                }

                W.CloseBlock();
                W.CloseBlock();
                W.CloseBlock();
                W.CloseBlock();
                W.Line();
            }

            W.OpenBlock("for (; i < InputCount; i++)");
            foreach (var line in store)
            {
                W.Line(string.Format(CultureInfo.InvariantCulture, line, "i"));
            }

            W.CloseBlock();
            W.Line();
            if (oneHot)
            {
                W.OpenBlock("if (count > 1)");
                W.Line("ThrowNotOneHot(input, count);");
                W.CloseBlock();
                W.Line();
            }

            W.Line("_activeCount = count;");
            W.Line("return count;");
            W.CloseBlock();
            if (!oneHot)
            {
                return;
            }

            W.Line();
            W.Line("/// <summary>The spec promises one-hot inputs (at most one non-zero x_i(t) per step) and x(t) breaks the promise.</summary>");
            W.OpenBlock("private static void ThrowNotOneHot(global::System.ReadOnlySpan<double> input, int count)");
            W.Line("var indices = new global::System.Text.StringBuilder();");
            W.Line("var listed = 0;");
            W.OpenBlock("for (var i = 0; i < InputCount && listed < 10; i++)");
            W.OpenBlock("if (input[i] != 0.0)");
            W.Line("indices.Append(listed++ == 0 ? string.Empty : \", \").Append(i.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
            W.CloseBlock();
            W.CloseBlock();
            W.Line();
            W.Line("throw new global::System.ArgumentException(");
            W.Line("    \"The spec \" + SpecFile + \" declares 'inputEncoding: one-hot' (at most one non-zero input per step), but this x(t) has \" +");
            W.Line("    count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" non-zero inputs, at indices \" + indices + (count > 10 ? \", ...\" : string.Empty) +");
            W.Line("    \". Declare 'inputEncoding: sparse' (or 'dense') for inputs that are not one-hot.\",");
            W.Line("    nameof(input));");
            W.CloseBlock();
        }
    }
}
