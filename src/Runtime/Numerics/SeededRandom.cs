using System;

namespace LstmGen.Runtime
{
    /// <summary>
    /// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64) whose sequence is fixed by its
    /// seed on every machine, runtime and build (JIT or NativeAOT): weight initialisation and every task's data
    /// come from it, so a seed names a result exactly. <see cref="System.Random"/> gives no such promise.
    /// </summary>
    public sealed class SeededRandom
    {
        private ulong _s0;
        private ulong _s1;
        private ulong _s2;
        private ulong _s3;

        public SeededRandom(ulong seed)
        {
            var x = seed;
            _s0 = SplitMix64(ref x);
            _s1 = SplitMix64(ref x);
            _s2 = SplitMix64(ref x);
            _s3 = SplitMix64(ref x);
        }

        /// <summary>The full state, for checkpoints.</summary>
        public (ulong S0, ulong S1, ulong S2, ulong S3) State
        {
            get => (_s0, _s1, _s2, _s3);
            set => (_s0, _s1, _s2, _s3) = value;
        }

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }

        /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

        /// <summary>Uniform in [−a, a): the paper's "initialized in the range [−a, a]" (§5, Table 11).</summary>
        public double NextSymmetric(double halfWidth) => halfWidth * ((2.0 * NextDouble()) - 1.0);

        /// <summary>Uniform in [low, high).</summary>
        public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

        /// <summary>Uniform integer in [0, n), without modulo bias (Lemire's method).</summary>
        public int NextInt(int n)
        {
            if (n <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(n), n, "The range must be positive.");
            }

            var bound = (ulong)n;
            var threshold = (0UL - bound) % bound;
            while (true)
            {
                var r = NextUInt64();
                var product = Math.BigMul(r, bound, out var low);
                if (low >= threshold)
                {
                    return (int)product;
                }
            }
        }

        /// <summary>Uniform integer in [low, high] (both ends included, as the paper states its ranges).</summary>
        public int NextInclusive(int low, int high) => low + NextInt(high - low + 1);

        /// <summary>True with probability p.</summary>
        public bool NextBool(double p = 0.5) => NextDouble() < p;

        /// <summary>A standard normal variate (Box-Muller; both values computed, one kept, for a fixed draw count).</summary>
        public double NextGaussian()
        {
            double u1;
            do
            {
                u1 = NextDouble();
            }
            while (u1 <= 0.0);

            var u2 = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>A seed for the <paramref name="index"/>-th independent stream derived from a base seed (trials, data sets).</summary>
        public static ulong DeriveSeed(ulong baseSeed, ulong index)
        {
            var x = baseSeed ^ (0x9E3779B97F4A7C15UL * (index + 1));
            return SplitMix64(ref x);
        }

        private static ulong SplitMix64(ref ulong x)
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
    }
}
