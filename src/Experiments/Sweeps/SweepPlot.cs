using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;

namespace LstmGen.Experiments.Sweeps
{
    /// <summary>
    /// The plot of a sweep: per variant, the success rate (upper panel, the paper's rate or 100 % dashed) and the mean
    /// training sequences of the successful trials (lower panel, the paper's mean dashed), as one SVG file.
    /// </summary>
    public static class SweepPlot
    {
        private const int Width = 720;
        private const int Left = 80;
        private const int Right = 20;
        private const int PanelHeight = 200;
        private const int Gap = 70;
        private const int Top = 40;

        public static string Svg(string title, IReadOnlyList<SweepOutcome> outcomes)
        {
            ArgumentNullException.ThrowIfNull(outcomes);
            var height = Top + (2 * PanelHeight) + (2 * Gap);
            var svg = new StringBuilder();
            svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
            svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n"));
            var paper = outcomes.Count > 0 ? outcomes[0].Variant.Row.Paper : null;
            var paperSuccess = paper is { InPaper: true } ? paper.SuccessPercent ?? 100.0 : (double?)null;
            Panel(svg, Top, "success %", outcomes.Select(o => o.Summary.Trials == 0 ? (double?)null : o.Summary.SuccessPercent).ToList(), 100.0, paperSuccess, "#2ca02c", outcomes);
            var means = outcomes.Select(o => o.Summary.MeanSequences).ToList();
            var paperMean = paper is { InPaper: true } ? paper.MeanSequences : null;
            var max = Math.Max(1.0, Math.Max(means.Max(m => m ?? 0), paperMean ?? 0) * 1.1);
            Panel(svg, Top + PanelHeight + Gap, "mean sequences (successful trials)", means, max, paperMean, "#1f77b4", outcomes);
            svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{height - 8}\" text-anchor=\"end\" fill=\"#555\">dashed: the paper's figure for the row</text>\n"));
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static void Panel(StringBuilder svg, int top, string label, IReadOnlyList<double?> values, double max, double? paper, string colour, IReadOnlyList<SweepOutcome> outcomes)
        {
            var plotWidth = Width - Left - Right;
            var bottom = top + PanelHeight;
            svg.Append(Invariant($"<text x=\"{Left}\" y=\"{top - 8}\">{Escape(label)}</text>\n"));
            for (var tick = 0; tick <= 4; tick++)
            {
                var value = max * tick / 4;
                var y = bottom - (PanelHeight * tick / 4.0);
                svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{value.ToString(max >= 1000 ? "#,0" : "0", CultureInfo.InvariantCulture)}</text>\n"));
                svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Width - Right}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>\n"));
            }

            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{bottom}\" x2=\"{Width - Right}\" y2=\"{bottom}\" stroke=\"black\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{top}\" x2=\"{Left}\" y2=\"{bottom}\" stroke=\"black\"/>\n"));
            var slot = plotWidth / (double)Math.Max(1, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var x = Left + (slot * i);
                svg.Append(Invariant($"<text x=\"{x + (slot / 2):F1}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{Escape(outcomes[i].Variant.Id)}</text>\n"));
                var settings = string.Join(" / ", outcomes[i].Variant.Settings.Select(s => s.Value));
                svg.Append(Invariant($"<text x=\"{x + (slot / 2):F1}\" y=\"{bottom + 30}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">{Escape(settings)}</text>\n"));
                if (values[i] is { } value)
                {
                    var barHeight = PanelHeight * Math.Min(1.0, value / max);
                    svg.Append(Invariant($"<rect x=\"{x + (slot * 0.2):F1}\" y=\"{bottom - barHeight:F1}\" width=\"{slot * 0.6:F1}\" height=\"{barHeight:F1}\" fill=\"{colour}\"><title>{Escape(outcomes[i].Variant.Describe())}: {value.ToString("#,0.#", CultureInfo.InvariantCulture)}</title></rect>\n"));
                }
                else
                {
                    svg.Append(Invariant($"<text x=\"{x + (slot / 2):F1}\" y=\"{bottom - 4}\" text-anchor=\"middle\" fill=\"#888\">none</text>\n"));
                }
            }

            if (paper is { } p)
            {
                var y = bottom - (PanelHeight * Math.Min(1.0, p / max));
                svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Width - Right}\" y2=\"{y:F1}\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>\n"));
                svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{y - 4:F1}\" text-anchor=\"end\" fill=\"#d62728\">paper: {p.ToString("#,0.#", CultureInfo.InvariantCulture)}</text>\n"));
            }
        }

        private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
