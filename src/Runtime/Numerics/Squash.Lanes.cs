using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    /// <summary>
    /// The lane forms of the squashing functions: for every scalar function the generated code calls, one overload per
    /// vector width (<see cref="Vector512{T}"/>, <see cref="Vector256{T}"/>, <see cref="Vector128{T}"/>) and precision, whose
    /// every lane is bit for bit the scalar function of that lane. Each is the scalar body written with the same
    /// operations in the same order and the same operand order (a scalar select becomes a lane select), so the lanes
    /// agree at every input: ±0, NaN (sign and payload), ±∞, subnormals, the exponential's underflow threshold
    /// (SquashLaneTests). A lane network (K independent networks stepped at once, one per lane) calls the same name with
    /// a vector of K lanes where the scalar network calls it with one value, and gets the scalar network's bits in
    /// every lane. A width the hardware does not accelerate still gives the same bits (the runtime's software vectors
    /// run the same operations lane by lane), only slower; <see cref="Lanes"/> says which width to use.
    /// </summary>
    public static partial class Squash
    {
        /// <summary>σ lane by lane (Eq. 3), each lane bit for bit <see cref="Logistic(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Logistic(Vector512<double> x)
        {
            var e = Exponential.ExpNonPositive(-Vector512.Abs(x));
            var numerator = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<double>.Zero), e, Vector512.Create(1.0));
            return numerator / (Vector512.Create(1.0) + e);
        }

        /// <summary>σ lane by lane (Eq. 3), each lane bit for bit <see cref="Logistic(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Logistic(Vector256<double> x)
        {
            var e = Exponential.ExpNonPositive(-Vector256.Abs(x));
            var numerator = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), e, Vector256.Create(1.0));
            return numerator / (Vector256.Create(1.0) + e);
        }

        /// <summary>σ lane by lane (Eq. 3), each lane bit for bit <see cref="Logistic(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Logistic(Vector128<double> x)
        {
            var e = Exponential.ExpNonPositive(-Vector128.Abs(x));
            var numerator = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<double>.Zero), e, Vector128.Create(1.0));
            return numerator / (Vector128.Create(1.0) + e);
        }

        /// <summary>σ lane by lane (Eq. 3), each lane bit for bit <see cref="Logistic(float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Logistic(Vector512<float> x)
        {
            var e = Exponential.ExpNonPositive(-Vector512.Abs(x));
            var numerator = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), e, Vector512.Create(1f));
            return numerator / (Vector512.Create(1f) + e);
        }

        /// <summary>σ lane by lane (Eq. 3), each lane bit for bit <see cref="Logistic(float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Logistic(Vector256<float> x)
        {
            var e = Exponential.ExpNonPositive(-Vector256.Abs(x));
            var numerator = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), e, Vector256.Create(1f));
            return numerator / (Vector256.Create(1f) + e);
        }

        /// <summary>σ lane by lane (Eq. 3), each lane bit for bit <see cref="Logistic(float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Logistic(Vector128<float> x)
        {
            var e = Exponential.ExpNonPositive(-Vector128.Abs(x));
            var numerator = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<float>.Zero), e, Vector128.Create(1f));
            return numerator / (Vector128.Create(1f) + e);
        }

        /// <summary>f(x) = σ(x) and f'(x) = σ(x)(1 − σ(x)) (Eq. 3) lane by lane, each lane bit for bit <see cref="Logistic(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Logistic(Vector512<double> x, out Vector512<double> derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>f(x) = σ(x) and f'(x) = σ(x)(1 − σ(x)) (Eq. 3) lane by lane, each lane bit for bit <see cref="Logistic(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Logistic(Vector256<double> x, out Vector256<double> derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>f(x) = σ(x) and f'(x) = σ(x)(1 − σ(x)) (Eq. 3) lane by lane, each lane bit for bit <see cref="Logistic(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Logistic(Vector128<double> x, out Vector128<double> derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>f(x) = σ(x) and f'(x) = σ(x)(1 − σ(x)) (Eq. 3) lane by lane, each lane bit for bit <see cref="Logistic(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Logistic(Vector512<float> x, out Vector512<float> derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>f(x) = σ(x) and f'(x) = σ(x)(1 − σ(x)) (Eq. 3) lane by lane, each lane bit for bit <see cref="Logistic(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Logistic(Vector256<float> x, out Vector256<float> derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>f(x) = σ(x) and f'(x) = σ(x)(1 − σ(x)) (Eq. 3) lane by lane, each lane bit for bit <see cref="Logistic(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Logistic(Vector128<float> x, out Vector128<float> derivative) => LogisticFromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 and g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5) lane by lane, each lane bit for bit <see cref="G2(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> G2(Vector512<double> x, out Vector512<double> derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 and g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5) lane by lane, each lane bit for bit <see cref="G2(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> G2(Vector256<double> x, out Vector256<double> derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 and g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5) lane by lane, each lane bit for bit <see cref="G2(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> G2(Vector128<double> x, out Vector128<double> derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 and g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5) lane by lane, each lane bit for bit <see cref="G2(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> G2(Vector512<float> x, out Vector512<float> derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 and g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5) lane by lane, each lane bit for bit <see cref="G2(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> G2(Vector256<float> x, out Vector256<float> derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>g(x) = 4σ(x) − 2 and g'(x) = 4σ(x)(1 − σ(x)) (Eq. 5) lane by lane, each lane bit for bit <see cref="G2(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> G2(Vector128<float> x, out Vector128<float> derivative) => G2FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 and h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4) lane by lane, each lane bit for bit <see cref="H1(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> H1(Vector512<double> x, out Vector512<double> derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 and h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4) lane by lane, each lane bit for bit <see cref="H1(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> H1(Vector256<double> x, out Vector256<double> derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 and h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4) lane by lane, each lane bit for bit <see cref="H1(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> H1(Vector128<double> x, out Vector128<double> derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 and h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4) lane by lane, each lane bit for bit <see cref="H1(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> H1(Vector512<float> x, out Vector512<float> derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 and h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4) lane by lane, each lane bit for bit <see cref="H1(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> H1(Vector256<float> x, out Vector256<float> derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>h(x) = 2σ(x) − 1 and h'(x) = 2σ(x)(1 − σ(x)) (Eq. 4) lane by lane, each lane bit for bit <see cref="H1(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> H1(Vector128<float> x, out Vector128<float> derivative) => H1FromSigma(Logistic(x), out derivative);

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3) from σ = σ(x), lane by lane, each lane bit for bit <see cref="LogisticFromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> LogisticFromSigma(Vector512<double> sigma, out Vector512<double> derivative)
        {
            derivative = sigma * (Vector512.Create(1.0) - sigma);
            return sigma;
        }

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3) from σ = σ(x), lane by lane, each lane bit for bit <see cref="LogisticFromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> LogisticFromSigma(Vector256<double> sigma, out Vector256<double> derivative)
        {
            derivative = sigma * (Vector256.Create(1.0) - sigma);
            return sigma;
        }

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3) from σ = σ(x), lane by lane, each lane bit for bit <see cref="LogisticFromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> LogisticFromSigma(Vector128<double> sigma, out Vector128<double> derivative)
        {
            derivative = sigma * (Vector128.Create(1.0) - sigma);
            return sigma;
        }

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3) from σ = σ(x), lane by lane, each lane bit for bit <see cref="LogisticFromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> LogisticFromSigma(Vector512<float> sigma, out Vector512<float> derivative)
        {
            derivative = sigma * (Vector512.Create(1f) - sigma);
            return sigma;
        }

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3) from σ = σ(x), lane by lane, each lane bit for bit <see cref="LogisticFromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> LogisticFromSigma(Vector256<float> sigma, out Vector256<float> derivative)
        {
            derivative = sigma * (Vector256.Create(1f) - sigma);
            return sigma;
        }

        /// <summary>f = σ and f' = σ(1 − σ) (Eq. 3) from σ = σ(x), lane by lane, each lane bit for bit <see cref="LogisticFromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> LogisticFromSigma(Vector128<float> sigma, out Vector128<float> derivative)
        {
            derivative = sigma * (Vector128.Create(1f) - sigma);
            return sigma;
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5) from σ = σ(x), lane by lane, each lane bit for bit <see cref="G2FromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> G2FromSigma(Vector512<double> sigma, out Vector512<double> derivative)
        {
            derivative = Vector512.Create(4.0) * sigma * (Vector512.Create(1.0) - sigma);
            return (Vector512.Create(4.0) * sigma) - Vector512.Create(2.0);
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5) from σ = σ(x), lane by lane, each lane bit for bit <see cref="G2FromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> G2FromSigma(Vector256<double> sigma, out Vector256<double> derivative)
        {
            derivative = Vector256.Create(4.0) * sigma * (Vector256.Create(1.0) - sigma);
            return (Vector256.Create(4.0) * sigma) - Vector256.Create(2.0);
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5) from σ = σ(x), lane by lane, each lane bit for bit <see cref="G2FromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> G2FromSigma(Vector128<double> sigma, out Vector128<double> derivative)
        {
            derivative = Vector128.Create(4.0) * sigma * (Vector128.Create(1.0) - sigma);
            return (Vector128.Create(4.0) * sigma) - Vector128.Create(2.0);
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5) from σ = σ(x), lane by lane, each lane bit for bit <see cref="G2FromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> G2FromSigma(Vector512<float> sigma, out Vector512<float> derivative)
        {
            derivative = Vector512.Create(4f) * sigma * (Vector512.Create(1f) - sigma);
            return (Vector512.Create(4f) * sigma) - Vector512.Create(2f);
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5) from σ = σ(x), lane by lane, each lane bit for bit <see cref="G2FromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> G2FromSigma(Vector256<float> sigma, out Vector256<float> derivative)
        {
            derivative = Vector256.Create(4f) * sigma * (Vector256.Create(1f) - sigma);
            return (Vector256.Create(4f) * sigma) - Vector256.Create(2f);
        }

        /// <summary>g = 4σ − 2 and g' = 4σ(1 − σ) (Eq. 5) from σ = σ(x), lane by lane, each lane bit for bit <see cref="G2FromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> G2FromSigma(Vector128<float> sigma, out Vector128<float> derivative)
        {
            derivative = Vector128.Create(4f) * sigma * (Vector128.Create(1f) - sigma);
            return (Vector128.Create(4f) * sigma) - Vector128.Create(2f);
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4) from σ = σ(x), lane by lane, each lane bit for bit <see cref="H1FromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> H1FromSigma(Vector512<double> sigma, out Vector512<double> derivative)
        {
            derivative = Vector512.Create(2.0) * sigma * (Vector512.Create(1.0) - sigma);
            return (Vector512.Create(2.0) * sigma) - Vector512.Create(1.0);
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4) from σ = σ(x), lane by lane, each lane bit for bit <see cref="H1FromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> H1FromSigma(Vector256<double> sigma, out Vector256<double> derivative)
        {
            derivative = Vector256.Create(2.0) * sigma * (Vector256.Create(1.0) - sigma);
            return (Vector256.Create(2.0) * sigma) - Vector256.Create(1.0);
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4) from σ = σ(x), lane by lane, each lane bit for bit <see cref="H1FromSigma(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> H1FromSigma(Vector128<double> sigma, out Vector128<double> derivative)
        {
            derivative = Vector128.Create(2.0) * sigma * (Vector128.Create(1.0) - sigma);
            return (Vector128.Create(2.0) * sigma) - Vector128.Create(1.0);
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4) from σ = σ(x), lane by lane, each lane bit for bit <see cref="H1FromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> H1FromSigma(Vector512<float> sigma, out Vector512<float> derivative)
        {
            derivative = Vector512.Create(2f) * sigma * (Vector512.Create(1f) - sigma);
            return (Vector512.Create(2f) * sigma) - Vector512.Create(1f);
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4) from σ = σ(x), lane by lane, each lane bit for bit <see cref="H1FromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> H1FromSigma(Vector256<float> sigma, out Vector256<float> derivative)
        {
            derivative = Vector256.Create(2f) * sigma * (Vector256.Create(1f) - sigma);
            return (Vector256.Create(2f) * sigma) - Vector256.Create(1f);
        }

        /// <summary>h = 2σ − 1 and h' = 2σ(1 − σ) (Eq. 4) from σ = σ(x), lane by lane, each lane bit for bit <see cref="H1FromSigma(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> H1FromSigma(Vector128<float> sigma, out Vector128<float> derivative)
        {
            derivative = Vector128.Create(2f) * sigma * (Vector128.Create(1f) - sigma);
            return (Vector128.Create(2f) * sigma) - Vector128.Create(1f);
        }

        /// <summary>The identity with derivative 1 (Exps 2a/2b) lane by lane, each lane bit for bit <see cref="Identity(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Identity(Vector512<double> x, out Vector512<double> derivative)
        {
            derivative = Vector512.Create(1.0);
            return x;
        }

        /// <summary>The identity with derivative 1 (Exps 2a/2b) lane by lane, each lane bit for bit <see cref="Identity(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Identity(Vector256<double> x, out Vector256<double> derivative)
        {
            derivative = Vector256.Create(1.0);
            return x;
        }

        /// <summary>The identity with derivative 1 (Exps 2a/2b) lane by lane, each lane bit for bit <see cref="Identity(double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Identity(Vector128<double> x, out Vector128<double> derivative)
        {
            derivative = Vector128.Create(1.0);
            return x;
        }

        /// <summary>The identity with derivative 1 (Exps 2a/2b) lane by lane, each lane bit for bit <see cref="Identity(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Identity(Vector512<float> x, out Vector512<float> derivative)
        {
            derivative = Vector512.Create(1f);
            return x;
        }

        /// <summary>The identity with derivative 1 (Exps 2a/2b) lane by lane, each lane bit for bit <see cref="Identity(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Identity(Vector256<float> x, out Vector256<float> derivative)
        {
            derivative = Vector256.Create(1f);
            return x;
        }

        /// <summary>The identity with derivative 1 (Exps 2a/2b) lane by lane, each lane bit for bit <see cref="Identity(float, out float)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Identity(Vector128<float> x, out Vector128<float> derivative)
        {
            derivative = Vector128.Create(1f);
            return x;
        }
    }
}
