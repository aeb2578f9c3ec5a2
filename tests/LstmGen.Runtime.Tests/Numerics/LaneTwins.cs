using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using LstmGen.Runtime;

namespace LstmGen.Runtime.Tests.Numerics
{
    /// <summary>Squashes the K lanes starting at <paramref name="x"/> and writes K values and K derivatives.</summary>
    internal delegate void LaneStep<T>(ref T x, ref T value, ref T derivative);

    /// <summary>
    /// One scalar function that the generated code calls, with its lane forms at every width: 2, 4 and 8 double lanes
    /// (4, 8 and 16 float lanes). Every function is seen as x ↦ (value, derivative); one without a derivative gives 0.
    /// </summary>
    internal sealed record LaneTwin<T>(string Name, Func<T, (T Value, T Derivative)> Scalar, LaneStep<T> Lanes128, LaneStep<T> Lanes256, LaneStep<T> Lanes512)
        where T : unmanaged
    {
        public IEnumerable<(int Count, LaneStep<T> Step)> Widths => new[]
        {
            (Vector128<T>.Count, Lanes128), (Vector256<T>.Count, Lanes256), (Vector512<T>.Count, Lanes512),
        };

        public override string ToString() => Name;
    }

    /// <summary>The twins under test, and the comparison of every lane with the scalar function, bit for bit.</summary>
    internal static class LaneTwins
    {
        public static readonly LaneTwin<double>[] Double =
        {
            new("ExpNonPositive", x => (Exponential.ExpNonPositive(x), 0),
                Of((Vector128<double> x) => (Exponential.ExpNonPositive(x), default)),
                Of((Vector256<double> x) => (Exponential.ExpNonPositive(x), default)),
                Of((Vector512<double> x) => (Exponential.ExpNonPositive(x), default))),
            new("Logistic", x => (Squash.Logistic(x), 0),
                Of((Vector128<double> x) => (Squash.Logistic(x), default)),
                Of((Vector256<double> x) => (Squash.Logistic(x), default)),
                Of((Vector512<double> x) => (Squash.Logistic(x), default))),
            new("Logistic with derivative", x => (Squash.Logistic(x, out var d), d),
                Of((Vector128<double> x) => (Squash.Logistic(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.Logistic(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.Logistic(x, out var d), d))),
            new("G2", x => (Squash.G2(x, out var d), d),
                Of((Vector128<double> x) => (Squash.G2(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.G2(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.G2(x, out var d), d))),
            new("H1", x => (Squash.H1(x, out var d), d),
                Of((Vector128<double> x) => (Squash.H1(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.H1(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.H1(x, out var d), d))),
            new("LogisticFromSigma", x => (Squash.LogisticFromSigma(x, out var d), d),
                Of((Vector128<double> x) => (Squash.LogisticFromSigma(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.LogisticFromSigma(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.LogisticFromSigma(x, out var d), d))),
            new("G2FromSigma", x => (Squash.G2FromSigma(x, out var d), d),
                Of((Vector128<double> x) => (Squash.G2FromSigma(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.G2FromSigma(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.G2FromSigma(x, out var d), d))),
            new("H1FromSigma", x => (Squash.H1FromSigma(x, out var d), d),
                Of((Vector128<double> x) => (Squash.H1FromSigma(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.H1FromSigma(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.H1FromSigma(x, out var d), d))),
            new("Identity", x => (Squash.Identity(x, out var d), d),
                Of((Vector128<double> x) => (Squash.Identity(x, out var d), d)),
                Of((Vector256<double> x) => (Squash.Identity(x, out var d), d)),
                Of((Vector512<double> x) => (Squash.Identity(x, out var d), d))),
        };

        public static readonly LaneTwin<float>[] Single =
        {
            new("ExpNonPositive", x => (Exponential.ExpNonPositive(x), 0),
                Of((Vector128<float> x) => (Exponential.ExpNonPositive(x), default)),
                Of((Vector256<float> x) => (Exponential.ExpNonPositive(x), default)),
                Of((Vector512<float> x) => (Exponential.ExpNonPositive(x), default))),
            new("Logistic", x => (Squash.Logistic(x), 0),
                Of((Vector128<float> x) => (Squash.Logistic(x), default)),
                Of((Vector256<float> x) => (Squash.Logistic(x), default)),
                Of((Vector512<float> x) => (Squash.Logistic(x), default))),
            new("Logistic with derivative", x => (Squash.Logistic(x, out var d), d),
                Of((Vector128<float> x) => (Squash.Logistic(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.Logistic(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.Logistic(x, out var d), d))),
            new("G2", x => (Squash.G2(x, out var d), d),
                Of((Vector128<float> x) => (Squash.G2(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.G2(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.G2(x, out var d), d))),
            new("H1", x => (Squash.H1(x, out var d), d),
                Of((Vector128<float> x) => (Squash.H1(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.H1(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.H1(x, out var d), d))),
            new("LogisticFromSigma", x => (Squash.LogisticFromSigma(x, out var d), d),
                Of((Vector128<float> x) => (Squash.LogisticFromSigma(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.LogisticFromSigma(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.LogisticFromSigma(x, out var d), d))),
            new("G2FromSigma", x => (Squash.G2FromSigma(x, out var d), d),
                Of((Vector128<float> x) => (Squash.G2FromSigma(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.G2FromSigma(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.G2FromSigma(x, out var d), d))),
            new("H1FromSigma", x => (Squash.H1FromSigma(x, out var d), d),
                Of((Vector128<float> x) => (Squash.H1FromSigma(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.H1FromSigma(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.H1FromSigma(x, out var d), d))),
            new("Identity", x => (Squash.Identity(x, out var d), d),
                Of((Vector128<float> x) => (Squash.Identity(x, out var d), d)),
                Of((Vector256<float> x) => (Squash.Identity(x, out var d), d)),
                Of((Vector512<float> x) => (Squash.Identity(x, out var d), d))),
        };

        /// <summary>
        /// Every lane of every width against the scalar function, bit for bit (value and derivative). With
        /// <paramref name="everyPosition"/> the vectors start at every input in turn (wrapping around), so each input
        /// is seen in every lane beside several neighbours; without it they tile the inputs. Returns the first
        /// mismatches and how many there were.
        /// </summary>
        public static (int Count, string First) Mismatches<T>(LaneTwin<T> twin, T[] inputs, bool everyPosition)
            where T : unmanaged
        {
            var n = inputs.Length;
            var expected = inputs.Select(twin.Scalar).ToArray();
            var count = 0;
            var first = new List<string>();
            foreach (var (k, step) in twin.Widths)
            {
                var source = everyPosition ? inputs.Concat(inputs.Take(k)).ToArray() : inputs;
                var value = new T[k];
                var derivative = new T[k];
                for (var start = 0; everyPosition ? start < n : start <= n - k; start += everyPosition ? 1 : k)
                {
                    step(ref source[start], ref value[0], ref derivative[0]);
                    for (var lane = 0; lane < k; lane++)
                    {
                        var i = (start + lane) % n;
                        if (Bits(value[lane]) == Bits(expected[i].Value) && Bits(derivative[lane]) == Bits(expected[i].Derivative))
                        {
                            continue;
                        }

                        count++;
                        if (first.Count < 5)
                        {
                            first.Add(string.Create(CultureInfo.InvariantCulture,
                                $"{k} lanes, lane {lane}: x = {Hex(inputs[i])} gives {Hex(value[lane])}, {Hex(derivative[lane])}; the scalar function {Hex(expected[i].Value)}, {Hex(expected[i].Derivative)}"));
                        }
                    }
                }
            }

            return (count, string.Join(Environment.NewLine, first));
        }

        /// <summary>The bits of a double or a float.</summary>
        public static long Bits<T>(T value)
            where T : unmanaged =>
            typeof(T) == typeof(double) ? Unsafe.As<T, long>(ref value) : Unsafe.As<T, int>(ref value);

        public static string Hex<T>(T value)
            where T : unmanaged =>
            typeof(T) == typeof(double)
                ? "0x" + Bits(value).ToString("X16", CultureInfo.InvariantCulture)
                : "0x" + ((int)Bits(value)).ToString("X8", CultureInfo.InvariantCulture);

        private static LaneStep<T> Of<T>(Func<Vector128<T>, (Vector128<T>, Vector128<T>)> f)
            where T : unmanaged =>
            (ref T x, ref T value, ref T derivative) =>
            {
                var (v, d) = f(Vector128.LoadUnsafe(ref x));
                v.StoreUnsafe(ref value);
                d.StoreUnsafe(ref derivative);
            };

        private static LaneStep<T> Of<T>(Func<Vector256<T>, (Vector256<T>, Vector256<T>)> f)
            where T : unmanaged =>
            (ref T x, ref T value, ref T derivative) =>
            {
                var (v, d) = f(Vector256.LoadUnsafe(ref x));
                v.StoreUnsafe(ref value);
                d.StoreUnsafe(ref derivative);
            };

        private static LaneStep<T> Of<T>(Func<Vector512<T>, (Vector512<T>, Vector512<T>)> f)
            where T : unmanaged =>
            (ref T x, ref T value, ref T derivative) =>
            {
                var (v, d) = f(Vector512.LoadUnsafe(ref x));
                v.StoreUnsafe(ref value);
                d.StoreUnsafe(ref derivative);
            };
    }
}
