using System;
using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Generator.Emitting
{
    /// <summary>
    /// The one summation order of a fan-in run written out term by term (<see cref="Plan.RunForm.WrittenOut"/>), shared
    /// by the scalar and the lane printers: the order is part of what a network computes (every lane must add exactly what
    /// the scalar class adds, in the same order), so it is written once.
    /// </summary>
    internal static class WrittenOutSums
    {
        /// <summary>
        /// Σ_i term(i) for i in [0, count): eight interleaved partial sums s_l = term(l) + term(l + 8) + …, combined as
        /// ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)), then the terms past the last multiple of eight one by one.
        /// Fewer than eight terms are added left to right.
        /// </summary>
        public static string Text(int count, Func<int, string> term)
        {
            var whole = count / 8 * 8;
            if (whole == 0)
            {
                return string.Join(" + ", Enumerable.Range(0, count).Select(term));
            }

            string PartialSum(int lane)
            {
                var terms = new List<string>();
                for (var i = lane; i < whole; i += 8)
                {
                    terms.Add(term(i));
                }

                return terms.Count == 1 ? terms[0] : "(" + string.Join(" + ", terms) + ")";
            }

            string Pair(int lane) => "(" + PartialSum(lane) + " + " + PartialSum(lane + 4) + ")";

            var text = "(" + Pair(0) + " + " + Pair(1) + ") + (" + Pair(2) + " + " + Pair(3) + ")";
            for (var i = whole; i < count; i++)
            {
                text += " + " + term(i);
            }

            return text;
        }
    }
}
