using System.Collections.Generic;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Describing
{
    /// <summary>The spec language's own words for a description's settings, so that every output speaks the spec's language.</summary>
    public static class SpecNames
    {
        public static string Of(ConnectivityPattern pattern) => pattern switch
        {
            ConnectivityPattern.Full => "F",
            ConnectivityPattern.Layered => "B",
            _ => "custom",
        };

        public static string Of(BiasedUnits bias) => bias switch
        {
            BiasedUnits.None => "none",
            BiasedUnits.Gates => "ga",
            BiasedUnits.Hidden => "b1",
            _ => "all",
        };

        public static string Of(CellInputSquashing g) => g switch
        {
            CellInputSquashing.G2 => "g2",
            CellInputSquashing.G1 => "g1",
            _ => "identity",
        };

        public static string Of(CellOutputSquashing h) => h == CellOutputSquashing.H1 ? "h1" : "identity";

        public static string Of(UpdateTiming update) =>
            update == UpdateTiming.PerStep ? "per-step" : "per-sequence";

        public static string Of(NumberPrecision precision) => precision == NumberPrecision.Float ? "float" : "double";

        /// <summary>The formula of g, with the paper's equation.</summary>
        public static string Formula(CellInputSquashing g) => g switch
        {
            CellInputSquashing.G2 => "g(x) = 4 sigma(x) - 2, range [-2, 2] (Eq. 5)",
            CellInputSquashing.G1 => "g(x) = sigma(x), range [0, 1]",
            _ => "g(x) = x",
        };

        /// <summary>The formula of h, with the paper's equation.</summary>
        public static string Formula(CellOutputSquashing h) =>
            h == CellOutputSquashing.H1 ? "h(x) = 2 sigma(x) - 1, range [-1, 1] (Eq. 4)" : "h(x) = x";

        /// <summary>The kinds of unit in a source set, in layout order: input, cells, inputGates, outputGates.</summary>
        public static IReadOnlyList<string> Sources(ConnectedSources sources)
        {
            var names = new List<string>();
            if ((sources & ConnectedSources.Input) != 0)
            {
                names.Add("input");
            }

            if ((sources & ConnectedSources.Cells) != 0)
            {
                names.Add("cells");
            }

            if ((sources & ConnectedSources.InputGates) != 0)
            {
                names.Add("inputGates");
            }

            if ((sources & ConnectedSources.OutputGates) != 0)
            {
                names.Add("outputGates");
            }

            return names;
        }

        /// <summary>The units a bias policy gives a bias weight.</summary>
        public static string UnitsWithBias(BiasedUnits bias) => bias switch
        {
            BiasedUnits.None => "no unit",
            BiasedUnits.Gates => "input and output gates",
            BiasedUnits.Hidden => "gates and cells (not the outputs)",
            _ => "gates, cells and outputs",
        };
    }
}
