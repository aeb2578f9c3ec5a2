using System;
using System.Runtime.Intrinsics;
using LstmGen.Runtime;
using Xunit;

namespace LstmGen.Runtime.Tests.Numerics
{
    /// <summary><see cref="Lanes"/>: K for the machine, the widest vector width the hardware accelerates.</summary>
    public sealed class LanesTests
    {
        [Theory]
        [InlineData(true, true, true, LaneWidth.Vector512)]
        [InlineData(false, true, true, LaneWidth.Vector256)]
        [InlineData(false, false, true, LaneWidth.Vector128)]
        [InlineData(false, false, false, LaneWidth.Scalar)]
        [InlineData(true, false, false, LaneWidth.Vector512)]
        public void The_widest_accelerated_width_is_chosen(bool vector512, bool vector256, bool vector128, LaneWidth expected)
        {
            Assert.Equal(expected, Lanes.Choose(vector512, vector256, vector128));
        }

        [Fact]
        public void Widest_is_this_machines_widest_accelerated_width()
        {
            var expected = Vector512.IsHardwareAccelerated ? LaneWidth.Vector512
                : Vector256.IsHardwareAccelerated ? LaneWidth.Vector256
                : Vector128.IsHardwareAccelerated ? LaneWidth.Vector128
                : LaneWidth.Scalar;
            Assert.Equal(expected, Lanes.Widest);
            Assert.True(Lanes.IsAccelerated(Lanes.Widest));
            Assert.True(Lanes.IsAccelerated(LaneWidth.Scalar));
        }

        [Fact]
        public void Count_is_the_number_of_elements_in_a_vector_of_the_width()
        {
            Assert.Equal(Vector512<double>.Count, Lanes.Count<double>(LaneWidth.Vector512));
            Assert.Equal(Vector256<double>.Count, Lanes.Count<double>(LaneWidth.Vector256));
            Assert.Equal(Vector128<double>.Count, Lanes.Count<double>(LaneWidth.Vector128));
            Assert.Equal(1, Lanes.Count<double>(LaneWidth.Scalar));
            Assert.Equal(Vector512<float>.Count, Lanes.Count<float>(LaneWidth.Vector512));
            Assert.Equal(Vector256<float>.Count, Lanes.Count<float>(LaneWidth.Vector256));
            Assert.Equal(Vector128<float>.Count, Lanes.Count<float>(LaneWidth.Vector128));
            Assert.Equal(1, Lanes.Count<float>(LaneWidth.Scalar));
            Assert.Equal(Lanes.Count<double>(Lanes.Widest), Lanes.Count<double>());
            Assert.Throws<NotSupportedException>(() => Lanes.Count<int>(LaneWidth.Vector256));
            Assert.Throws<ArgumentOutOfRangeException>(() => Lanes.Count<double>((LaneWidth)64));
            Assert.Throws<ArgumentOutOfRangeException>(() => Lanes.IsAccelerated((LaneWidth)64));
        }
    }
}
