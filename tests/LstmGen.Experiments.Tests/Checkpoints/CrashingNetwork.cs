using System;
using LstmGen.Experiments.Harness;
using LstmGen.Runtime;

namespace LstmGen.Experiments.Tests.Checkpoints
{
    /// <summary>The stand-in for a crash: thrown from inside training, where nothing of the harness can catch it.</summary>
    internal sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException()
            : base("simulated crash")
        {
        }

        public SimulatedCrashException(string message)
            : base(message)
        {
        }

        public SimulatedCrashException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>
    /// A paper network that behaves exactly like itself, except that it "crashes" at the end of a chosen training
    /// sequence (after that sequence's updates, before the harness records it), as a killed process would stop.
    /// </summary>
    internal sealed class CrashingNetwork : ForwardingNetwork, ILstmNetwork<double>
    {
        private readonly long _crashAtSequence;
        private long _sequences;

        public CrashingNetwork(string networkName, long crashAtSequence = long.MaxValue)
            : base((PaperNetworks.Find(networkName) ?? throw new ArgumentException("no network " + networkName)).Create())
        {
            _crashAtSequence = crashAtSequence;
        }

        public Span<double> Weights => ((ILstmNetwork<double>)Inner).Weights;

        /// <summary>Training sequences this instance ran (a resumed trial runs only those after its checkpoint).</summary>
        public long SequencesTrained => _sequences;

        public double[] CopyOfWeights()
        {
            var weights = new double[WeightCount];
            CopyWeightsTo(weights);
            return weights;
        }

        public override void EndSequence()
        {
            Inner.EndSequence();
            if (++_sequences == _crashAtSequence)
            {
                throw new SimulatedCrashException();
            }
        }
    }
}
