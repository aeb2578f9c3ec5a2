using System.Collections.Generic;
using System.Linq;
using LstmGen.Generator.Model;
using LstmGen.Generator.Plan;

namespace LstmGen.Generator.Planning
{
    /// <summary>
    /// The groups of the batched σ (Eq. 3): values passed in registers four at a time, then two, then one (a speed
    /// decision: every value's σ is the scalar σ's bits).
    /// </summary>
    internal static class Sigmas
    {
        /// <summary>σ of <paramref name="values"/> into <paramref name="destination"/>[0…), in groups of four, then two, then one.</summary>
        public static Sigma InGroups(string destination, IReadOnlyList<Expr> values) =>
            new Sigma(destination, new EquatableArray<SigmaGroup>(Groups(values, 0)));

        /// <summary>Groups of four values, then two, then one, from slot <paramref name="offset"/> on.</summary>
        public static IEnumerable<SigmaGroup> Groups(IReadOnlyList<Expr> values, int offset)
        {
            var i = 0;
            for (; i + 4 <= values.Count; i += 4)
            {
                yield return new SigmaOfValues(offset + i, new EquatableArray<Expr>(values.Skip(i).Take(4)));
            }

            if (i + 2 <= values.Count)
            {
                yield return new SigmaOfValues(offset + i, new EquatableArray<Expr>(values.Skip(i).Take(2)));
                i += 2;
            }

            if (i < values.Count)
            {
                yield return new SigmaOfValues(offset + i, new EquatableArray<Expr>(values.Skip(i).Take(1)));
            }
        }

        /// <summary>
        /// σ of every gate and cell net input, in batch order (Eqs. 3, 7-9): each aligned group of four fan-ins summed
        /// together is squashed straight from <c>Kernels.Dot4</c>; the others from their locals.
        /// </summary>
        public static Sigma OfNetInputs(PlanningContext context, IReadOnlyList<NetInput> slots)
        {
            var groups = new List<SigmaGroup>();
            var i = 0;
            for (; i + 4 <= slots.Count; i += 4)
            {
                var four = slots.Skip(i).Take(4).ToList();
                if (context.FourFanInGroups.Contains(four[0].FanIn))
                {
                    groups.Add(new SigmaOfFourFanIns(i, new EquatableArray<NetInput>(four)));
                }
                else
                {
                    groups.AddRange(Groups(four.Select(n => (Expr)new Local(n.Local)).ToList(), i));
                }
            }

            groups.AddRange(Groups(slots.Skip(i).Select(n => (Expr)new Local(n.Local)).ToList(), i));
            return new Sigma("sigmaNet", new EquatableArray<SigmaGroup>(groups));
        }
    }
}
