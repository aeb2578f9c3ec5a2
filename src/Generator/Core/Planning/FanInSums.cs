using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Layout;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The sums over a fan-in that every unit kind makes: its net input Σ_m w_m y^m (Eqs. 7-9, output equation) and the
    /// scaled adds over it (traces, Eqs. 25, 27; weight changes, Eqs. 22, 26, 28), run by run, with the form of each run
    /// (<see cref="SpeedDecisions"/>).
    /// </summary>
    internal static class FanInSums
    {
        /// <summary>
        /// The runs of a fan-in: consecutive weights that read consecutive source units (the bias unit included), as (first
        /// source unit, count, first weight relative to the fan-in). A fully connected fan-in is a single run. When the
        /// inputs are read through the list of active inputs, the input segment is left out.
        /// </summary>
        public static List<(int Source, int Count, int Weight)> Runs(PlanningContext context, FanIn fanIn)
        {
            var shape = context.Shape;
            var runs = new List<(int Source, int Count, int Weight)>();
            void Add(int source, int count, int weight)
            {
                if (runs.Count > 0)
                {
                    var last = runs[runs.Count - 1];
                    if (last.Source + last.Count == source && last.Weight + last.Count == weight)
                    {
                        runs[runs.Count - 1] = (last.Source, last.Count + count, last.Weight);
                        return;
                    }
                }

                runs.Add((source, count, weight));
            }

            foreach (var segment in fanIn.Segments)
            {
                if ((context.ReadsActiveInputs && segment.Region == SourceRegion.Input) || segment.Region == SourceRegion.CellState)
                {
                    // The peepholes read the cell states, not a source vector: see PeepholeSum and PeepholeScaledAdd.
                    continue;
                }

                var source = segment.Region == SourceRegion.Input ? segment.SourceStart : shape.HiddenSource(segment.SourceStart);
                Add(source, segment.Count, segment.WeightOffset - fanIn.Offset);
            }

            if (fanIn.HasBias)
            {
                Add(shape.BiasUnit, 1, fanIn.Length - 1);
            }

            return runs;
        }

        /// <summary>
        /// Σ_m w_m y^m over the fan-in's runs (without its active inputs' part). A run of at most
        /// <see cref="SpeedDecisions.UnrollLimit"/> terms, and every run of a fan-in summed four at a time, is written out;
        /// a longer one calls <c>Kernels.Dot</c>.
        /// </summary>
        public static FanInSum NetInput(PlanningContext context, FanIn fanIn, Index weightBase, SourceVector sources)
        {
            var inFourFanInGroup = context.FourFanInGroups.Contains(fanIn);
            var runs = Runs(context, fanIn).Select(run => new SumRun(
                run.Weight,
                run.Source,
                run.Count,
                inFourFanInGroup || run.Count <= SpeedDecisions.UnrollLimit ? RunForm.WrittenOut : RunForm.DotKernel));
            return new FanInSum(weightBase, sources, new EquatableArray<SumRun>(runs));
        }

        /// <summary>
        /// The net input of a gate's or cell's fan-in (Eqs. 7-9) over y(t−1), kept in <paramref name="local"/>: its active
        /// inputs' part when it reads them through the list of active inputs, the rest of its runs, and whether it is summed
        /// four at a time.
        /// </summary>
        public static NetInput GateOrCellNetInput(PlanningContext context, FanIn fanIn, string local, string meaning) =>
            new NetInput(
                fanIn,
                local,
                context.HasActiveInputsPart(fanIn),
                NetInput(context, fanIn, new Index(fanIn.Offset), SourceVector.Previous),
                context.FourFanInGroups.Contains(fanIn),
                meaning);

        /// <summary>
        /// destination[base + m] += factor · y^m for every weight m of the fan-in (without its active inputs' part), run by run
        /// (the bias unit's y is 1).
        /// </summary>
        public static IEnumerable<Statement> ScaledBySources(PlanningContext context, FanIn fanIn, string destination, Index destinationBase, Expr factor, string sources) =>
            Runs(context, fanIn).Select(run => (Statement)new ScaledAdd(
                destination,
                destinationBase,
                run.Weight,
                run.Count,
                new EquatableArray<ScaledTerm>(new[] { new ScaledTerm(factor, sources, run.Source - run.Weight) }),
                run.Count <= SpeedDecisions.ScaledAddUnrollLimit ? ScaledAddForm.WrittenOut : ScaledAddForm.Kernel));

        /// <summary>
        /// Σ_v w_u,c_v s_c_v over a gate's peephole weights, in weight order (Gers 2002): added to the net input of a gate
        /// whose block has peepholes (s_c(t−1) before the state update, s_c(t) after it), or null without peepholes.
        /// </summary>
        public static Expr? PeepholeSum(FanIn fanIn)
        {
            if (fanIn.Peepholes is not { } peepholes)
            {
                return null;
            }

            return new Sum(new EquatableArray<Expr>(Enumerable.Range(0, peepholes.Count).Select(i =>
                (Expr)new Product(StepValues.Weight(new Index(peepholes.WeightOffset + i)), StepValues.CellState(peepholes.SourceStart + i)))));
        }

        /// <summary>
        /// destination[base + m] += factor · states[c_m] for every peephole weight m of the fan-in, whose source is the state
        /// s_c_m (Gers 2002: the peephole weights' traces and changes use s_c as the source activation); nothing without
        /// peepholes. <paramref name="states"/> is <c>sPrev</c> (s_c(t−1)) or <c>s</c> (s_c(t)).
        /// </summary>
        public static IEnumerable<Statement> PeepholeScaledAdd(FanIn fanIn, string destination, Index destinationBase, Expr factor, string states)
        {
            if (fanIn.Peepholes is not { } peepholes)
            {
                yield break;
            }

            var first = peepholes.WeightOffset - fanIn.Offset;
            yield return new ScaledAdd(
                destination,
                destinationBase,
                first,
                peepholes.Count,
                new EquatableArray<ScaledTerm>(new[] { new ScaledTerm(factor, states, peepholes.SourceStart - first) }),
                ScaledAddForm.WrittenOut);
        }

        /// <summary>
        /// dw[fan-in + m] += Σ_v f_v · traces[t_v + m] over the fan-in's weights m (Eqs. 26, 28): one sum per weight, added
        /// once. The weights from the inputs are left to the touched inputs' pass when the network keeps a touched set.
        /// </summary>
        public static IEnumerable<Statement> ScaledByTraces(PlanningContext context, FanIn fanIn, IReadOnlyList<(Expr Factor, int TraceOffset)> terms)
        {
            var first = context.TouchedInputColumns(fanIn);
            var count = fanIn.Length - first;
            if (count == 0)
            {
                yield break;
            }

            var form = count <= SpeedDecisions.ScaledAddUnrollLimit ? ScaledAddForm.WrittenOut : terms.Count <= 2 ? ScaledAddForm.Kernel : ScaledAddForm.Loop;
            yield return new ScaledAdd(
                "dw",
                new Index(fanIn.Offset),
                first,
                count,
                new EquatableArray<ScaledTerm>(terms.Select(t => new ScaledTerm(t.Factor, "traces", t.TraceOffset))),
                form);
        }

        /// <summary>
        /// The fan-ins summed four at a time by <c>Kernels.Dot4</c> with the batched σ: each aligned group of four batch
        /// slots whose fan-ins are all double precision, one run of at least 8 terms (after the active inputs' part) that
        /// does not start at the input units, from the same first source with the same 8⌊n/8⌋, and all or none with an
        /// active inputs' part (a lane without one must not get a +0 added). Each lane is its fan-in written out.
        /// </summary>
        public static ISet<FanIn> FourFanInGroups(PlanningContext context)
        {
            var slots = context.BatchSlots;
            var groups = new HashSet<FanIn>();
            for (var first = 0; !context.IsFloat && first + 4 <= slots.Count; first += 4)
            {
                if (IsFourFanInGroup(context, slots, first))
                {
                    groups.UnionWith(slots.Skip(first).Take(4));
                }
            }

            return groups;
        }

        private static bool IsFourFanInGroup(PlanningContext context, IReadOnlyList<FanIn> slots, int first)
        {
            var runs = Runs(context, slots[first]);
            if (slots.Skip(first).Take(4).Any(f => f.Peepholes != null))
            {
                // A gate with peepholes adds its peephole terms to its local net input.
                return false;
            }

            if (runs.Count != 1 || runs[0].Count < 8 || runs[0].Source < context.Shape.InputCount)
            {
                // A run that starts at the input units reads x(t), copied into yPrev just before: a vector load over that
                // copy waits for the scalar stores to retire (store forwarding fails).
                return false;
            }

            for (var r = first; r < first + 4; r++)
            {
                var other = Runs(context, slots[r]);
                if (other.Count != 1 || other[0].Source != runs[0].Source || other[0].Count / 8 != runs[0].Count / 8
                    || context.HasActiveInputsPart(slots[r]) != context.HasActiveInputsPart(slots[first]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
