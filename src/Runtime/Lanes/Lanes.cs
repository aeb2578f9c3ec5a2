using System;
using System.Runtime.Intrinsics;

namespace LstmGen.Runtime
{
    /// <summary>The vector width a lane network steps at: K = width / element size networks advance per instruction.</summary>
    public enum LaneWidth
    {
        /// <summary>No vectors: the lanes are stepped one after the other (K = 1 per instruction).</summary>
        Scalar = 0,

        /// <summary><see cref="Vector128{T}"/>: 2 double or 4 float lanes (SSE2, NEON).</summary>
        Vector128 = 128,

        /// <summary><see cref="Vector256{T}"/>: 4 double or 8 float lanes (AVX2).</summary>
        Vector256 = 256,

        /// <summary><see cref="Vector512{T}"/>: 8 double or 16 float lanes (AVX-512).</summary>
        Vector512 = 512,
    }

    /// <summary>
    /// How many independent networks (trials) one vector step should advance on this machine: the widest vector width
    /// the hardware accelerates. Every width gives the same bits in every lane (the lane forms of <see cref="Squash"/>
    /// and <see cref="Exponential"/> are lane for lane the scalar functions), so the choice changes speed only.
    /// </summary>
    /// <remarks>
    /// "Accelerated" is <c>VectorN.IsHardwareAccelerated</c>, which the runtime decides once per process: under the JIT
    /// from the CPU (and the <c>DOTNET_EnableAVX512F</c>, <c>DOTNET_EnableAVX2</c>, <c>DOTNET_EnableHWIntrinsic</c> and
    /// <c>DOTNET_PreferredVectorBitWidth</c> switches); under NativeAOT from the instruction set the binary was compiled
    /// for, fixed at publish time (docs/performance.md, "Lane widths under NativeAOT").
    /// </remarks>
    public static class Lanes
    {
        /// <summary>The widest width the hardware accelerates: <see cref="LaneWidth.Vector512"/> where it can, else 256, else 128, else scalar.</summary>
        public static LaneWidth Widest { get; } = Choose(Vector512.IsHardwareAccelerated, Vector256.IsHardwareAccelerated, Vector128.IsHardwareAccelerated);

        /// <summary>K for networks of <typeparamref name="T"/> (double or float) at <see cref="Widest"/>: 8, 4, 2 or 1 doubles; 16, 8, 4 or 1 floats.</summary>
        public static int Count<T>() => Count<T>(Widest);

        /// <summary>K for networks of <typeparamref name="T"/> (double or float) at <paramref name="width"/>.</summary>
        public static int Count<T>(LaneWidth width)
        {
            var bytes = typeof(T) == typeof(double) ? sizeof(double)
                : typeof(T) == typeof(float) ? sizeof(float)
                : throw new NotSupportedException("Lane networks hold double or float, not " + typeof(T).Name + ".");
            return width switch
            {
                LaneWidth.Scalar => 1,
                LaneWidth.Vector128 or LaneWidth.Vector256 or LaneWidth.Vector512 => (int)width / 8 / bytes,
                _ => throw new ArgumentOutOfRangeException(nameof(width), width, "Not a lane width."),
            };
        }

        /// <summary>Whether the hardware accelerates <paramref name="width"/> (the scalar width always is).</summary>
        public static bool IsAccelerated(LaneWidth width) => width switch
        {
            LaneWidth.Scalar => true,
            LaneWidth.Vector128 => Vector128.IsHardwareAccelerated,
            LaneWidth.Vector256 => Vector256.IsHardwareAccelerated,
            LaneWidth.Vector512 => Vector512.IsHardwareAccelerated,
            _ => throw new ArgumentOutOfRangeException(nameof(width), width, "Not a lane width."),
        };

        /// <summary>The widest accelerated width, given which widths are accelerated.</summary>
        internal static LaneWidth Choose(bool vector512, bool vector256, bool vector128) =>
            vector512 ? LaneWidth.Vector512 : vector256 ? LaneWidth.Vector256 : vector128 ? LaneWidth.Vector128 : LaneWidth.Scalar;
    }
}
