using System;
using System.Globalization;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Harness
{
    /// <summary>
    /// Training produced NaN or infinity. The run stops with a message that names the sequence, the first target step
    /// whose output is not finite (the outputs of the other steps are not computed), and the first weight group holding
    /// a non-finite weight.
    /// </summary>
    public sealed class NumericalException : Exception
    {
        public NumericalException(string message)
            : base(message)
        {
        }

        public NumericalException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public NumericalException()
        {
        }

        /// <summary>Builds the message from the network's state after the sequence whose outputs were not finite.</summary>
        public static NumericalException From(ILstmNetwork network, int outputSize, ReadOnlySpan<double> outputs, long sequenceNumber)
        {
            var step = -1;
            for (var i = 0; i < outputs.Length; i++)
            {
                if (!double.IsFinite(outputs[i]))
                {
                    step = i / outputSize;
                    break;
                }
            }

            var weights = new double[network.WeightCount];
            network.CopyWeightsTo(weights);
            var group = "none (the weights are finite)";
            for (var i = 0; i < weights.Length; i++)
            {
                if (!double.IsFinite(weights[i]))
                {
                    var (to, from) = network.Description.DescribeWeight(i);
                    group = string.Create(CultureInfo.InvariantCulture, $"the weights into {to} (first: weight {i}, from {from}, is {weights[i]})");
                    break;
                }
            }

            return new NumericalException(string.Create(CultureInfo.InvariantCulture,
                $"{network.Name}: training sequence {sequenceNumber}, step {step + 1}: an output became NaN or infinite; non-finite weights: {group}. Lower the learning rate or check the spec's settings"));
        }
    }
}
