using System.Collections.Generic;
using LstmGen.Generator.Model;

namespace LstmGen.Experiments.Describing
{
    /// <summary>The spec language's own words for the model's enums, so that every output speaks the spec's language.</summary>
    public static class SpecNames
    {
        public static string Of(ConnectivityKind kind) => kind switch
        {
            ConnectivityKind.Full => "F",
            ConnectivityKind.Layered => "B",
            _ => "custom",
        };

        public static string Of(BiasPolicy bias) => bias switch
        {
            BiasPolicy.None => "none",
            BiasPolicy.Gates => "ga",
            BiasPolicy.Hidden => "b1",
            _ => "all",
        };

        public static string Of(CellInputSquash g) => g switch
        {
            CellInputSquash.G2 => "g2",
            CellInputSquash.G1 => "g1",
            _ => "identity",
        };

        public static string Of(CellOutputSquash h) => h == CellOutputSquash.H1 ? "h1" : "identity";

        public static string Of(Generator.Model.UpdateTiming update) =>
            update == Generator.Model.UpdateTiming.PerStep ? "per-step" : "per-sequence";

        public static string Of(Runtime.UpdateTiming update) =>
            update == Runtime.UpdateTiming.PerStep ? "per-step" : "per-sequence";

        public static string Of(Precision precision) => precision == Precision.Float ? "float" : "double";

        /// <summary>The formula of g, with the paper's equation.</summary>
        public static string Formula(CellInputSquash g) => g switch
        {
            CellInputSquash.G2 => "g(x) = 4 sigma(x) - 2, range [-2, 2] (Eq. 5)",
            CellInputSquash.G1 => "g(x) = sigma(x), range [0, 1]",
            _ => "g(x) = x",
        };

        /// <summary>The formula of h, with the paper's equation.</summary>
        public static string Formula(CellOutputSquash h) =>
            h == CellOutputSquash.H1 ? "h(x) = 2 sigma(x) - 1, range [-1, 1] (Eq. 4)" : "h(x) = x";

        /// <summary>The kinds of unit in a source set, in layout order: input, cells, inputGates, outputGates.</summary>
        public static IReadOnlyList<string> Sources(SourceSet sources)
        {
            var names = new List<string>();
            if ((sources & SourceSet.Input) != 0)
            {
                names.Add("input");
            }

            if ((sources & SourceSet.Cells) != 0)
            {
                names.Add("cells");
            }

            if ((sources & SourceSet.InputGates) != 0)
            {
                names.Add("inputGates");
            }

            if ((sources & SourceSet.OutputGates) != 0)
            {
                names.Add("outputGates");
            }

            return names;
        }

        /// <summary>The units a bias policy gives a bias weight.</summary>
        public static string BiasedUnits(BiasPolicy bias) => bias switch
        {
            BiasPolicy.None => "no unit",
            BiasPolicy.Gates => "input and output gates",
            BiasPolicy.Hidden => "gates and cells (not the outputs)",
            _ => "gates, cells and outputs",
        };
    }
}
