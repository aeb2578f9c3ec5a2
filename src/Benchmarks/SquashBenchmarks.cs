using System;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using LstmGen.Runtime;

namespace LstmGen.Benchmarks
{
    /// <summary>
    /// The logistic σ on its own: how long one σ takes when the next one needs its result (latency, a dependent chain
    /// as in a network step: gate activations, then the cell states, then the outputs, Eqs. 7-9 and the output
    /// equation), and how many a step's batch costs when they are independent (throughput, the batched
    /// <see cref="Squash.Logistic(ReadOnlySpan{double}, Span{double})"/> over eight net inputs). These figures bound
    /// the step cost of the smallest paper networks from below (docs/performance.md, "Where the time goes").
    /// </summary>
    /// <remarks>
    /// Each chain link is σ(x) then one multiply-add, x ← 3σ(x) − 1.5, which keeps x inside (−1.5, 1.5) as net inputs
    /// are; <see cref="MultiplyAddOnly"/> is that link without σ, to subtract. Times are per link.
    /// </remarks>
    public class SquashBenchmarks
    {
        /// <summary>Links per invocation.</summary>
        public const int Links = 10_000;

        private readonly double[] _batch = new double[8];
        private readonly double[] _batchOut = new double[8];

        [Benchmark(OperationsPerInvoke = Links, Baseline = true, Description = "σ latency, LstmGen scalar")]
        public double LogisticScalarLatency()
        {
            var x = 0.3;
            for (var i = 0; i < Links; i++)
            {
                x = (3.0 * Squash.Logistic(x)) - 1.5;
            }

            return x;
        }

        [Benchmark(OperationsPerInvoke = Links, Description = "σ latency, LstmGen 4 lanes")]
        public double LogisticVectorLatency()
        {
            var x = Vector256.Create(0.3, 0.4, 0.1, 0.6);
            for (var i = 0; i < Links; i++)
            {
                x = (Vector256.Create(3.0) * Squash.Logistic(x)) - Vector256.Create(1.5);
            }

            return x.GetElement(0);
        }

        [Benchmark(OperationsPerInvoke = Links, Description = "σ latency, Math.Exp (as the reference)")]
        public double LogisticMathExpLatency()
        {
            var x = 0.3;
            for (var i = 0; i < Links; i++)
            {
                x = (3.0 / (1.0 + Math.Exp(-x))) - 1.5;
            }

            return x;
        }

        [Benchmark(OperationsPerInvoke = Links, Description = "multiply-add only (the link without σ)")]
        public double MultiplyAddOnly()
        {
            var x = 0.3;
            for (var i = 0; i < Links; i++)
            {
                x = (0.999 * x) - 1.5e-3;
            }

            return x;
        }

        [Benchmark(OperationsPerInvoke = Links, Description = "σ of 8 independent net inputs (batched), per batch")]
        public double BatchOfEightThroughput()
        {
            var batch = _batch.AsSpan();
            var output = _batchOut.AsSpan();
            for (var i = 0; i < Links; i++)
            {
                batch[i & 7] = i * 1e-4;
                Squash.Logistic(batch, output);
            }

            return output[0];
        }
    }
}
