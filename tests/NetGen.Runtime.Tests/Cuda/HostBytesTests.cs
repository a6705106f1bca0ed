using System;
using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

/// <summary>The byte counts of the CUDA session's copies, computed in 64 bits.</summary>
public sealed class HostBytesTests
{
    private const int Batch = 4_096;
    private const int ImageFloats = 3 * 224 * 224;

    [Fact]
    public void A_batch_of_4096_rgb_images_of_224_by_224_is_2_466_250_752_bytes()
    {
        var floats = (long)Batch * ImageFloats;

        Assert.Equal(150_528, ImageFloats);
        Assert.Equal((nuint)2_466_250_752UL, HostBytes.OfFloats(floats));
    }

    [Fact]
    public void The_same_count_in_int_arithmetic_wraps_which_is_what_the_helper_avoids()
    {
        var floats = Batch * ImageFloats; // fits an int: a span of the batch can exist
        var wrapped = unchecked(floats * sizeof(float));

        Assert.True(wrapped < 0, $"{floats} floats gave {wrapped} bytes in int arithmetic");
        Assert.NotEqual((ulong)HostBytes.OfFloats(floats), unchecked((ulong)(nuint)wrapped));
        Assert.Equal(2_466_250_752UL, (ulong)HostBytes.OfFloats(floats));
    }

    [Theory]
    [InlineData(0L, 4, 0UL)]
    [InlineData(1L, 8, 8UL)]
    [InlineData(3_000_000_000L, 8, 24_000_000_000UL)]
    public void Elements_of_any_size_are_counted_in_64_bits(long count, int elementBytes, ulong expected) =>
        Assert.Equal(expected, (ulong)HostBytes.Of(count, elementBytes));

    [Fact]
    public void A_negative_count_is_refused_rather_than_sign_extended()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HostBytes.OfFloats(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HostBytes.Of(1, -4));
        Assert.Throws<OverflowException>(() => HostBytes.Of(long.MaxValue / 2, 4));
    }

    [Fact]
    public void A_span_length_is_checked_against_what_a_span_can_hold()
    {
        Assert.Equal(616_562_688, HostBytes.SpanLength(Batch, ImageFloats));
        Assert.Throws<OverflowException>(() => HostBytes.SpanLength(16_384, ImageFloats));
    }
}
