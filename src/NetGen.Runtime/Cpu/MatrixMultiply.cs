using System;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// Single-precision matrix products on dense row-major matrices: C is overwritten with the product, never added to.
/// </summary>
/// <remarks>
/// <para>
/// The three forms cover a dense layer with weights W stored [out, in]: the forward pass X·Wᵀ
/// (<see cref="MultiplyTransposedB"/>), the input gradient Δ·W (<see cref="Multiply"/>) and the weight gradient
/// Δᵀ·X (<see cref="MultiplyTransposedA"/>).
/// </para>
/// <para>
/// Deterministic: every element of C is one chain of fused multiply-adds over k in ascending order, starting from 0,
/// so results are bit-identical whatever the number of threads, the vector width or the blocking.
/// Large products are split over the threads of a shared pool (at most <c>Environment.ProcessorCount</c>); small
/// ones run on the calling thread. After a thread's first call, calls allocate no managed memory.
/// </para>
/// </remarks>
public static unsafe class MatrixMultiply
{
    /// <summary>
    /// C = A·Bᵀ: <c>c[i·n + j] = Σₚ a[i·k + p] · b[j·k + p]</c>, with A m×k, B n×k and C m×n, all row-major.
    /// </summary>
    /// <param name="a">A, m×k row-major (for example a batch of inputs, one row per sample).</param>
    /// <param name="b">B, n×k row-major (for example the weights of a dense layer, stored [out, in]).</param>
    /// <param name="c">C, m×n row-major; overwritten. Must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Rows of A and of C; at least 1.</param>
    /// <param name="n">Rows of B and columns of C; at least 1.</param>
    /// <param name="k">Columns of A and of B, the length of each dot product; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">m, n or k is less than 1.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix, or c overlaps a or b.</exception>
    public static void MultiplyTransposedB(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
        => MultiplyTransposedBUsing(MatrixMultiplyKernels.Best, a, b, c, m, n, k);

    /// <summary>
    /// C = A·B: <c>c[i·n + j] = Σₚ a[i·k + p] · b[p·n + j]</c>, with A m×k, B k×n and C m×n, all row-major.
    /// </summary>
    /// <param name="a">A, m×k row-major (for example the output gradient of a dense layer, one row per sample).</param>
    /// <param name="b">B, k×n row-major (for example the weights of a dense layer, stored [out, in]).</param>
    /// <param name="c">C, m×n row-major; overwritten. Must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Rows of A and of C; at least 1.</param>
    /// <param name="n">Columns of B and of C; at least 1.</param>
    /// <param name="k">Columns of A and rows of B; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">m, n or k is less than 1.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix, or c overlaps a or b.</exception>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
        => MultiplyUsing(MatrixMultiplyKernels.Best, a, b, c, m, n, k);

    /// <summary>
    /// C = Aᵀ·B: <c>c[i·n + j] = Σₚ a[p·m + i] · b[p·n + j]</c>, with A k×m, B k×n and C m×n, all row-major.
    /// </summary>
    /// <param name="a">A, k×m row-major (for example the output gradient of a dense layer, one row per sample).</param>
    /// <param name="b">B, k×n row-major (for example the inputs of the layer, one row per sample).</param>
    /// <param name="c">C, m×n row-major; overwritten. Must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Columns of A and rows of C; at least 1.</param>
    /// <param name="n">Columns of B and of C; at least 1.</param>
    /// <param name="k">Rows of A and of B (for example the batch size); at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">m, n or k is less than 1.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix, or c overlaps a or b.</exception>
    public static void MultiplyTransposedA(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
        => MultiplyTransposedAUsing(MatrixMultiplyKernels.Best, a, b, c, m, n, k);

    internal static void MultiplyTransposedBUsing(
        MatrixMultiplyKernel kernel, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        Validate(m, n, k, a, m, k, b, n, k, c);
        fixed (float* pa = a, pb = b, pc = c)
        {
            MatrixMultiplyJob.Multiply(pa, k, 1, pb, k, 1, pc, m, n, k, kernel);
        }
    }

    internal static void MultiplyUsing(
        MatrixMultiplyKernel kernel, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        Validate(m, n, k, a, m, k, b, k, n, c);
        fixed (float* pa = a, pb = b, pc = c)
        {
            MatrixMultiplyJob.Multiply(pa, k, 1, pb, 1, n, pc, m, n, k, kernel);
        }
    }

    internal static void MultiplyTransposedAUsing(
        MatrixMultiplyKernel kernel, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        Validate(m, n, k, a, k, m, b, k, n, c);
        fixed (float* pa = a, pb = b, pc = c)
        {
            MatrixMultiplyJob.Multiply(pa, 1, m, pb, 1, n, pc, m, n, k, kernel);
        }
    }

    // a is stored aRows×aColumns and b bRows×bColumns; c is always m×n.
    private static void Validate(
        int m, int n, int k,
        ReadOnlySpan<float> a, int aRows, int aColumns,
        ReadOnlySpan<float> b, int bRows, int bColumns,
        ReadOnlySpan<float> c)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);

        int aLength = RequireLength(a.Length, aRows, aColumns, nameof(a));
        int bLength = RequireLength(b.Length, bRows, bColumns, nameof(b));
        int cLength = RequireLength(c.Length, m, n, nameof(c));

        if (c[..cLength].Overlaps(a[..aLength]))
        {
            throw new ArgumentException("c overlaps a; the product cannot be written over its operands.", nameof(c));
        }
        if (c[..cLength].Overlaps(b[..bLength]))
        {
            throw new ArgumentException("c overlaps b; the product cannot be written over its operands.", nameof(c));
        }
    }

    // Returns rows·columns, which fits in an int once the span is known to hold it.
    private static int RequireLength(int length, int rows, int columns, string name)
    {
        long required = (long)rows * columns;
        if (length < required)
        {
            ThrowTooShort(length, rows, columns, required, name);
        }
        return (int)required;
    }

    private static void ThrowTooShort(int length, int rows, int columns, long required, string name)
        => throw new ArgumentException(
            $"{name} holds {Plural.Of(length, "float")} but a {rows}×{columns} matrix needs {required}.", name);
}
