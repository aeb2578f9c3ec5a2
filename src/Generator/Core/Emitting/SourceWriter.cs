using System;
using System.Text;

namespace LstmGen.Generator.Emitting
{
    /// <summary>A minimal indenting text writer for generated C# (LF line endings, four-space indents).</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
        }

        public void OpenBlock(string header)
        {
            Line(header);
            Line("{");
            _indent++;
        }

        public void CloseBlock(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        public void Indent() => _indent++;

        public void Outdent() => _indent = Math.Max(0, _indent - 1);

        public override string ToString() => _builder.ToString();
    }
}
