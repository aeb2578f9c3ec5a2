using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;
using LstmGen.Generator.Planning;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// Writes the C# class for one network: the forward pass of App. A.1 (Eqs. 7-9 and the output equation, in the
    /// processing order of §5) and the truncated-RTRL learning rule (Eqs. 19-28), unrolled per block and cell. A spec is
    /// planned first (<see cref="NetworkPlanner"/>: what is computed, in which order, with every speed decision as data),
    /// then printed (<see cref="ScalarClassPrinter"/>, and the lane classes of the same plan, <see cref="LaneClassPrinter"/>). This is the only emitter: the source generator and the CLI's
    /// <c>emit</c> command both call it.
    /// </summary>
    public static class NetworkEmitter
    {
        public const string RuntimeNamespace = "global::LstmGen.Runtime";

        /// <summary>The generated file's hint name, e.g. <c>AddingNetwork.g.cs</c>.</summary>
        public static string HintName(NetworkSpec spec) => spec.TypeName + ".g.cs";

        /// <summary>HintName of a plan's class.</summary>
        public static string HintName(NetworkPlan plan) => HintName(plan.Spec);

        public static string Emit(NetworkSpec spec, string generatorVersion) => Emit(NetworkPlanner.Plan(spec), generatorVersion);

        /// <summary>The scalar class of a planned network.</summary>
        public static string Emit(NetworkPlan plan, string generatorVersion) => new ScalarClassPrinter(plan, generatorVersion).Print();

        /// <summary>
        /// Whether the network of <paramref name="spec"/> gets lane classes: not above <see cref="LaneClassPrinter.MaxWeights"/>
        /// weights. Forget gates (Gers 2000: the trace decay is the lane printer's <c>ScaleBy</c>) and peepholes (Gers 2002: the
        /// output gates squashed after the state update) have lane classes too.
        /// </summary>
        public static bool HasLanes(NetworkSpec spec) => LaneClassPrinter.PrintsFor(Layout.NetworkLayout.Create(spec).WeightCount);

        /// <summary>
        /// Whether a run uses the lane classes of <paramref name="spec"/> by default (the registry's
        /// <c>CompiledNetwork.LanesByDefault</c>): where it has them and <see cref="SpeedDecisions.LanesByDefault"/> says so.
        /// </summary>
        public static bool LanesByDefault(NetworkSpec spec)
        {
            if (!HasLanes(spec))
            {
                return false;
            }

            var context = new PlanningContext(spec);
            return SpeedDecisions.LanesByDefault(context.KeepsTouchedSet, context.OutputsReadActiveInputs, spec.HasForgetGates);
        }

        /// <summary>The lane classes of a planned network, one per vector width (<see cref="LaneClassPrinter.Widths"/>): (hint name, source).</summary>
        public static IEnumerable<(string HintName, string Source)> EmitLanes(NetworkPlan plan, string generatorVersion) =>
            LaneClassPrinter.Widths.Where(_ => HasLanes(plan.Spec)).Select(width => EmitLanes(plan, generatorVersion, width));

        /// <summary>
        /// The lane class of a planned network at one vector width (128, 256 or 512 bits): (hint name, source). Specs
        /// compiled at run time compile only the width the machine steps at, and only when lanes are asked for.
        /// </summary>
        public static (string HintName, string Source) EmitLanes(NetworkPlan plan, string generatorVersion, int width)
        {
            if (System.Array.IndexOf(LaneClassPrinter.Widths, width) < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(width), width, "Lane classes are printed at 128, 256 or 512 bits.");
            }

            return (LaneClassPrinter.HintName(plan.Spec, width), new LaneClassPrinter(plan, generatorVersion, width).Print());
        }

        /// <summary>The full type name of the lane class at <paramref name="width"/> bits (<see cref="EmitLanes(NetworkPlan, string, int)"/>).</summary>
        public static string LanesFullTypeName(NetworkSpec spec, int width) =>
            (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".") + LaneClassPrinter.ClassName(spec, width);
    }
}
