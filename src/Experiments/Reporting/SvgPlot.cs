using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LstmGen.Experiments.Reporting
{
    /// <summary>One line of a plot: its points and its label.</summary>
    public sealed record PlotSeries(string Label, IReadOnlyList<(double X, double Y)> Points);

    /// <summary>One bar of a bar chart.</summary>
    public sealed record PlotBar(string Label, double Value);

    /// <summary>
    /// Minimal, dependency-free SVG charts (line plots with an optional logarithmic y axis, horizontal bar charts). Plain
    /// managed code: NativeAOT-safe and byte-for-byte deterministic, so regenerated reports diff cleanly.
    /// </summary>
    public static class SvgPlot
    {
        private const int Width = 640;
        private const int Height = 360;
        private const int Left = 70;
        private const int Right = 20;
        private const int Top = 30;
        private const int Bottom = 50;

        private static readonly string[] Palette =
        {
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        };

        /// <summary>
        /// A line plot. With <paramref name="logY"/> (<paramref name="logX"/>), y (x) values ≤ 0 are dropped; with
        /// <paramref name="markers"/>, every point also gets a dot and the series a legend.
        /// </summary>
        public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series, bool logY, bool logX = false, bool markers = false)
        {
            bool Usable((double X, double Y) p) => double.IsFinite(p.X) && double.IsFinite(p.Y) && (!logY || p.Y > 0) && (!logX || p.X > 0);
            var points = series.SelectMany(s => s.Points).Where(Usable).ToList();
            var svg = Begin(title);
            if (points.Count == 0)
            {
                svg.Append(Text(Width / 2, Height / 2, "no data", "middle"));
                return End(svg);
            }

            double xMin = logX ? Math.Floor(Math.Log10(points.Min(p => p.X))) : 0;
            double xMax = logX ? Math.Ceiling(Math.Log10(points.Max(p => p.X))) : Math.Max(1, points.Max(p => p.X));
            if (xMax <= xMin)
            {
                xMax = xMin + 1;
            }

            double yMin = logY ? Math.Log10(points.Min(p => p.Y)) : Math.Min(0, points.Min(p => p.Y));
            double yMax = logY ? Math.Log10(points.Max(p => p.Y)) : points.Max(p => p.Y);
            if (logY)
            {
                yMin = Math.Floor(yMin);
                yMax = Math.Ceiling(yMax);
            }

            if (yMax <= yMin)
            {
                yMax = yMin + 1;
            }

            double X(double x) => Left + (((logX ? Math.Log10(x) : x) - xMin) / (xMax - xMin) * (Width - Left - Right));
            double Y(double y) => Height - Bottom - (((logY ? Math.Log10(y) : y) - yMin) / (yMax - yMin) * (Height - Top - Bottom));

            Axes(svg, xLabel, yLabel);
            if (logX)
            {
                for (var e = (int)xMin; e <= (int)xMax; e++)
                {
                    var x = Math.Pow(10, e);
                    svg.Append(Text(X(x), Height - Bottom + 16, "1e" + e.ToString(CultureInfo.InvariantCulture), "middle"));
                    svg.Append(Invariant($"<line x1=\"{X(x):F1}\" y1=\"{Top}\" x2=\"{X(x):F1}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/>\n"));
                }
            }
            else
            {
                for (var i = 0; i <= 4; i++)
                {
                    var x = xMin + ((xMax - xMin) * i / 4);
                    svg.Append(Text(X(x), Height - Bottom + 16, Format(x), "middle"));
                }
            }

            if (logY)
            {
                for (var e = (int)yMin; e <= (int)yMax; e++)
                {
                    var y = Math.Pow(10, e);
                    svg.Append(Text(Left - 6, Y(y) + 4, "1e" + e.ToString(CultureInfo.InvariantCulture), "end"));
                    svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(y):F1}\" x2=\"{Width - Right}\" y2=\"{Y(y):F1}\" stroke=\"#eee\"/>\n"));
                }
            }
            else
            {
                for (var i = 0; i <= 4; i++)
                {
                    var y = yMin + ((yMax - yMin) * i / 4);
                    svg.Append(Text(Left - 6, Y(y) + 4, Format(y), "end"));
                }
            }

            for (var s = 0; s < series.Count; s++)
            {
                var usable = series[s].Points.Where(Usable).ToList();
                if (usable.Count == 0)
                {
                    continue;
                }

                var path = string.Join(" ", usable.Select(p => Invariant($"{X(p.X):F1},{Y(p.Y):F1}")));
                svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{Palette[s % Palette.Length]}\" stroke-width=\"1.2\" points=\"{path}\"><title>{Escape(series[s].Label)}</title></polyline>\n"));
                if (markers)
                {
                    foreach (var p in usable)
                    {
                        svg.Append(Invariant($"<circle cx=\"{X(p.X):F1}\" cy=\"{Y(p.Y):F1}\" r=\"3\" fill=\"{Palette[s % Palette.Length]}\"/>\n"));
                    }

                    var legendY = Top + 14 + (s * 16);
                    svg.Append(Invariant($"<rect x=\"{Left + 10}\" y=\"{legendY - 9}\" width=\"10\" height=\"10\" fill=\"{Palette[s % Palette.Length]}\"/>\n"));
                    svg.Append(Text(Left + 26, legendY, series[s].Label, "start"));
                }
            }

            return End(svg);
        }

        /// <summary>A horizontal bar chart.</summary>
        public static string Bars(string title, string valueLabel, IReadOnlyList<PlotBar> bars)
        {
            var height = Math.Max(Height, Top + Bottom + (bars.Count * 18));
            var svg = Begin(title, height);
            var max = bars.Count == 0 ? 1 : Math.Max(1e-9, bars.Max(b => b.Value));
            const int labelWidth = 110;
            for (var i = 0; i < bars.Count; i++)
            {
                var y = Top + (i * 18);
                var w = bars[i].Value / max * (Width - labelWidth - Right - 60);
                svg.Append(Text(labelWidth - 6, y + 12, bars[i].Label, "end"));
                svg.Append(Invariant($"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{Math.Max(0.5, w):F1}\" height=\"13\" fill=\"{Palette[0]}\"/>\n"));
                svg.Append(Text(labelWidth + w + 4, y + 12, Format(bars[i].Value), "start"));
            }

            svg.Append(Text(Width / 2, height - 12, valueLabel, "middle"));
            return End(svg);
        }

        private static StringBuilder Begin(string title, int height = Height)
        {
            var svg = new StringBuilder();
            svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
            svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n"));
            svg.Append(Text(Width / 2, 18, title, "middle", "13"));
            return svg;
        }

        private static string End(StringBuilder svg) => svg.Append("</svg>\n").ToString();

        private static void Axes(StringBuilder svg, string xLabel, string yLabel)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n"));
            svg.Append(Text((Left + Width - Right) / 2, Height - 12, xLabel, "middle"));
            svg.Append(Invariant($"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{Escape(yLabel)}</text>\n"));
        }

        private static string Text(double x, double y, string text, string anchor, string size = "11") =>
            Invariant($"<text x=\"{x:F1}\" y=\"{y:F1}\" text-anchor=\"{anchor}\" font-size=\"{size}\">{Escape(text)}</text>\n");

        private static string Format(double value)
        {
            var a = Math.Abs(value);
            if (a >= 1_000_000)
            {
                return (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M";
            }

            if (a >= 10_000)
            {
                return (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k";
            }

            return value.ToString(a >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
        }

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
