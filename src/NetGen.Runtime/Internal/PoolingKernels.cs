using System;
using System.ComponentModel;
using NetGen.Cpu;

namespace NetGen.Internal;

/// <summary>
/// Max and average pooling on NCHW batches: inputs [batch, C, H, W], outputs [batch, C, OH, OW]
/// (see <see cref="Pool2DShape"/>). Each plane is pooled on its own, and the planes are spread over the threads of
/// the shared worker pool; results are bit-identical whatever the number of threads, and calls allocate nothing
/// after a thread's first.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PoolingKernels
{
    /// <summary>
    /// y[n, c, oh, ow] = the largest x[n, c, h, w] in the window rows oh·S − P … oh·S − P + Window − 1 and columns likewise;
    /// padded cells never win. <paramref name="argMax"/> receives the index into <paramref name="input"/> of each
    /// maximum: the first in row-major order on ties; a NaN wins over numbers, and a later NaN over an earlier one, so NaNs propagate.
    /// </summary>
    /// <param name="input">x, [batch, C, H, W].</param>
    /// <param name="output">y, [batch, C, OH, OW]; overwritten.</param>
    /// <param name="argMax">[batch, C, OH, OW]; overwritten with indices into <paramref name="input"/>, for <see cref="MaxPoolInputGradient"/>.</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="shape">The layer's shape.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, the output overlaps the input, or the shape is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void MaxPoolForward(ReadOnlySpan<float> input, Span<float> output, Span<int> argMax, int batch, Pool2DShape shape)
    {
        Validate(shape, batch);
        var x = Require(input, (long)batch * shape.InputSize, nameof(input));
        var y = Require(output, (long)batch * shape.OutputSize, nameof(output));
        var indices = Require(argMax, (long)batch * shape.OutputSize, nameof(argMax));
        RequireDisjoint(y, nameof(output), x);
        fixed (float* xp = x, yp = y)
        fixed (int* ip = indices)
        {
            PoolingJob.Run(PoolingJob.PoolingPass.MaxForward, xp, yp, ip, batch * shape.Channels, shape);
        }
    }

    /// <summary>
    /// Overwrites <paramref name="inputDelta"/> with ∂L/∂x: zero, then each δ[i] added at x's index argMax[i], so cells
    /// that win several overlapping windows receive the sum.
    /// </summary>
    /// <param name="delta">∂L/∂y, [batch, C, OH, OW].</param>
    /// <param name="argMax">The indices <see cref="MaxPoolForward"/> wrote: each must lie in the input plane its output belongs to.</param>
    /// <param name="inputDelta">∂L/∂x, [batch, C, H, W]; overwritten.</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="shape">The layer's shape.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, <paramref name="inputDelta"/> overlaps
    /// <paramref name="delta"/>, an index in <paramref name="argMax"/> lies outside its plane, or the shape is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void MaxPoolInputGradient(ReadOnlySpan<float> delta, ReadOnlySpan<int> argMax, Span<float> inputDelta, int batch, Pool2DShape shape)
    {
        Validate(shape, batch);
        var dy = Require(delta, (long)batch * shape.OutputSize, nameof(delta));
        var indices = Require(argMax, (long)batch * shape.OutputSize, nameof(argMax));
        var dx = Require(inputDelta, (long)batch * shape.InputSize, nameof(inputDelta));
        RequireDisjoint(dx, nameof(inputDelta), dy);
        fixed (float* dyp = dy, dxp = dx)
        fixed (int* ip = indices)
        {
            PoolingJob.Run(PoolingJob.PoolingPass.MaxInputGradient, dxp, dyp, ip, batch * shape.Channels, shape);
        }
    }

    /// <summary>
    /// y[n, c, oh, ow] = the sum of x over the window divided by Window², the full window's cell count: padded cells count as
    /// zeros (PyTorch's <c>count_include_pad=True</c>, its default), so windows overlapping the padding average lower.
    /// </summary>
    /// <param name="input">x, [batch, C, H, W].</param>
    /// <param name="output">y, [batch, C, OH, OW]; overwritten.</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="shape">The layer's shape.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, the output overlaps the input, or the shape is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void AvgPoolForward(ReadOnlySpan<float> input, Span<float> output, int batch, Pool2DShape shape)
    {
        Validate(shape, batch);
        var x = Require(input, (long)batch * shape.InputSize, nameof(input));
        var y = Require(output, (long)batch * shape.OutputSize, nameof(output));
        RequireDisjoint(y, nameof(output), x);
        fixed (float* xp = x, yp = y)
        {
            PoolingJob.Run(PoolingJob.PoolingPass.AverageForward, xp, yp, null, batch * shape.Channels, shape);
        }
    }

    /// <summary>
    /// Overwrites <paramref name="inputDelta"/> with ∂L/∂x: each δ[n, c, oh, ow] / Window² added to every input cell of its
    /// window (the padded cells' shares are dropped), so overlapping windows add up.
    /// </summary>
    /// <param name="delta">∂L/∂y, [batch, C, OH, OW].</param>
    /// <param name="inputDelta">∂L/∂x, [batch, C, H, W]; overwritten.</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="shape">The layer's shape.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, <paramref name="inputDelta"/> overlaps
    /// <paramref name="delta"/>, or the shape is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void AvgPoolInputGradient(ReadOnlySpan<float> delta, Span<float> inputDelta, int batch, Pool2DShape shape)
    {
        Validate(shape, batch);
        var dy = Require(delta, (long)batch * shape.OutputSize, nameof(delta));
        var dx = Require(inputDelta, (long)batch * shape.InputSize, nameof(inputDelta));
        RequireDisjoint(dx, nameof(inputDelta), dy);
        fixed (float* dyp = dy, dxp = dx)
        {
            PoolingJob.Run(PoolingJob.PoolingPass.AverageInputGradient, dxp, dyp, null, batch * shape.Channels, shape);
        }
    }

    private static void Validate(in Pool2DShape shape, int batch)
    {
        shape.ThrowIfDefault(nameof(shape));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
    }

    private static ReadOnlySpan<T> Require<T>(ReadOnlySpan<T> span, long length, string name)
    {
        if (span.Length < length)
        {
            ThrowTooShort(span.Length, length, name);
        }

        return span[..(int)length];
    }

    private static Span<T> Require<T>(Span<T> span, long length, string name)
    {
        if (span.Length < length)
        {
            ThrowTooShort(span.Length, length, name);
        }

        return span[..(int)length];
    }

    private static void RequireDisjoint(ReadOnlySpan<float> written, string name, ReadOnlySpan<float> read)
    {
        if (written.Overlaps(read))
        {
            throw new ArgumentException($"{name} overlaps another argument; it must be a buffer of its own.", name);
        }
    }

    private static void ThrowTooShort(int length, long required, string name) =>
        throw new ArgumentException($"{name} holds {Plural.Of(length, "element")} but needs {required}.", name);
}
