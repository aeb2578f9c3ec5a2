using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace LstmGen.Experiments.Tests
{
    /// <summary>
    /// The paper's forward pass (App. A.1, Eqs. 3-9; with a forget gate where the document names one, Gers 2000; with
    /// peepholes where weights come from 'block[j].cell[v].state', Gers 2002: the input and forget gates read s_c(t-1),
    /// the output gate s_c(t)) written
    /// from a trace document alone: weights
    /// are found by the names of the units they connect, never by LstmGen's weight order, and hidden activations
    /// live in a dictionary keyed by unit name. If this agrees with the document, the document is self-sufficient.
    /// </summary>
    public static class IndependentForwardPass
    {
        public static List<double[]> Run(JsonElement trace, int steps)
        {
            // Incoming weights of every unit: to -> [(from, weight)].
            var incoming = new Dictionary<string, List<(string From, double Weight)>>();
            foreach (var w in trace.GetProperty("weights").EnumerateArray())
            {
                var to = w.GetProperty("to").GetString()!;
                if (!incoming.TryGetValue(to, out var list))
                {
                    incoming[to] = list = new List<(string, double)>();
                }

                list.Add((w.GetProperty("from").GetString()!, w.GetProperty("initial").GetDouble()));
            }

            var blocks = incoming.Keys.Count(k => k.EndsWith(".input_gate", StringComparison.Ordinal));
            var outputs = incoming.Keys.Count(k => k.StartsWith("output[", StringComparison.Ordinal));
            var cellsPerBlock = Enumerable.Range(0, blocks)
                .Select(j => incoming.Keys.Count(k => k.StartsWith(Block(j) + ".cell[", StringComparison.Ordinal)))
                .ToArray();
            var activations = trace.GetProperty("activations");
            Func<double, double> g = activations.GetProperty("cellInput").GetString() switch
            {
                "g2" => x => (4.0 * Sigma(x)) - 2.0,
                "g1" => Sigma,
                _ => x => x,
            };
            Func<double, double> h = activations.GetProperty("cellOutput").GetString() == "h1" ? x => (2.0 * Sigma(x)) - 1.0 : x => x;

            // y(t-1): after the reset every hidden unit's activation is the document's resetActivation (0 when it names none).
            var reset = trace.TryGetProperty("resetActivation", out var resetActivation) ? resetActivation.GetDouble() : 0.0;
            var previous = new Dictionary<string, double>();
            foreach (var unit in incoming.Keys.Where(u => !u.StartsWith("output[", StringComparison.Ordinal) && !u.EndsWith(".forget_gate", StringComparison.Ordinal)))
            {
                previous[unit] = reset;
            }

            var state = new Dictionary<string, double>();      // s_c, zero after the reset
            var result = new List<double[]>();
            var stepElements = trace.GetProperty("steps").EnumerateArray().Take(steps).ToList();
            foreach (var step in stepElements)
            {
                var x = step.GetProperty("input").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                var current = new Dictionary<string, double>();
                for (var j = 0; j < blocks; j++)
                {
                    // The gates read the states before this step's update here (peepholes into input and forget gates).
                    var yIn = Sigma(Net(incoming, Block(j) + ".input_gate", x, previous, state));
                    var hasForgetGate = incoming.ContainsKey(Block(j) + ".forget_gate");
                    var yPhi = hasForgetGate ? Sigma(Net(incoming, Block(j) + ".forget_gate", x, previous, state)) : 1.0;
                    current[Block(j) + ".input_gate"] = yIn;
                    for (var v = 0; v < cellsPerBlock[j]; v++)
                    {
                        var cell = Block(j) + ".cell[" + v.ToString(CultureInfo.InvariantCulture) + "]";
                        state[cell] = (yPhi * state.GetValueOrDefault(cell)) + (yIn * g(Net(incoming, cell, x, previous, state)));   // Eq. 9; Gers 2000
                    }

                    // The output gate after the update: its peepholes read s_c(t) (Gers 2002).
                    var hasOutputGate = incoming.ContainsKey(Block(j) + ".output_gate");
                    var yOut = hasOutputGate ? Sigma(Net(incoming, Block(j) + ".output_gate", x, previous, state)) : 1.0;
                    if (hasOutputGate)
                    {
                        current[Block(j) + ".output_gate"] = yOut;
                    }

                    for (var v = 0; v < cellsPerBlock[j]; v++)
                    {
                        var cell = Block(j) + ".cell[" + v.ToString(CultureInfo.InvariantCulture) + "]";
                        current[cell] = yOut * h(state[cell]);
                    }
                }

                // Output units read this step's cell outputs.
                var y = new double[outputs];
                for (var k = 0; k < outputs; k++)
                {
                    y[k] = Sigma(Net(incoming, "output[" + k.ToString(CultureInfo.InvariantCulture) + "]", x, current, state));
                }

                result.Add(y);
                previous = current;
            }

            return result;
        }

        private static string Block(int j) => "block[" + j.ToString(CultureInfo.InvariantCulture) + "]";

        private static double Sigma(double x) => 1.0 / (1.0 + Math.Exp(-x));

        private static double Net(Dictionary<string, List<(string From, double Weight)>> incoming, string unit, double[] x, Dictionary<string, double> hidden, Dictionary<string, double> states)
        {
            var net = 0.0;
            foreach (var (from, weight) in incoming[unit])
            {
                double source;
                if (from == "bias")
                {
                    source = 1.0;
                }
                else if (from.StartsWith("input[", StringComparison.Ordinal))
                {
                    source = x[int.Parse(from.AsSpan(6, from.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture)];
                }
                else if (from.EndsWith(".state", StringComparison.Ordinal))
                {
                    source = states.GetValueOrDefault(from.Substring(0, from.Length - ".state".Length));
                }
                else
                {
                    source = hidden.GetValueOrDefault(from);
                }

                net += weight * source;
            }

            return net;
        }
    }
}
