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

        /// <summary>Where the next line will start: a place to insert lines later (<see cref="InsertLines"/>).</summary>
        public int Position => _builder.Length;

        /// <summary>The text written since <paramref name="position"/>.</summary>
        public string TextSince(int position) => _builder.ToString(position, _builder.Length - position);

        /// <summary>Lines inserted at <paramref name="position"/> (a line start), at the current indent.</summary>
        public void InsertLines(int position, System.Collections.Generic.IEnumerable<string> lines)
        {
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                text.Append(' ', _indent * 4).Append(line).Append('\n');
            }

            _builder.Insert(position, text.ToString());
        }

        public void Indent() => _indent++;

        public void Outdent() => _indent = Math.Max(0, _indent - 1);

        public override string ToString() => _builder.ToString();
    }
}
