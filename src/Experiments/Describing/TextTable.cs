using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LstmGen.Experiments.Describing
{
    /// <summary>A plain-text table with aligned columns (numbers right-aligned), for terminal output.</summary>
    public sealed class TextTable
    {
        private readonly string[] _headers;
        private readonly bool[] _rightAligned;
        private readonly List<string[]> _rows = new List<string[]>();

        /// <param name="headers">Column headers; a header starting with '>' marks a right-aligned column (the '>' is not printed).</param>
        public TextTable(params string[] headers)
        {
            _rightAligned = headers.Select(h => h.StartsWith('>')).ToArray();
            _headers = headers.Select(h => h.TrimStart('>')).ToArray();
        }

        public void Add(params string[] cells)
        {
            if (cells.Length != _headers.Length)
            {
                throw new ArgumentException("expected " + _headers.Length + " cells, got " + cells.Length, nameof(cells));
            }

            _rows.Add(cells);
        }

        public void WriteTo(TextWriter writer, string indent = "")
        {
            var widths = new int[_headers.Length];
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(_headers[i].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));
            }

            WriteRow(writer, indent, _headers, widths);
            WriteRow(writer, indent, widths.Select(w => new string('-', w)).ToArray(), widths);
            foreach (var row in _rows)
            {
                WriteRow(writer, indent, row, widths);
            }
        }

        private void WriteRow(TextWriter writer, string indent, string[] cells, int[] widths)
        {
            var parts = new string[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                parts[i] = _rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            }

            writer.WriteLine(indent + string.Join("  ", parts).TrimEnd());
        }
    }
}
