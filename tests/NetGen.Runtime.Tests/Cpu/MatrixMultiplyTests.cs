using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NetGen.Cpu;

namespace NetGen.Tests.Cpu;

public enum MatrixProduct
{
    /// <summary>C = A·Bᵀ, A m×k, B n×k.</summary>
    TransposedB,

    /// <summary>C = A·B, A m×k, B k×n.</summary>
    Plain,

    /// <summary>C = Aᵀ·B, A k×m, B k×n.</summary>
    TransposedA,
}

public sealed class MatrixMultiplyTests
{
    // Ragged sizes on both sides of the 8×32 and 6×16 tiles, of the 128- and 120-row, 256-step and 2048-column blocks,
    // and of the 8-step transposes that pack A (a panel that ends on a whole 8 steps, with fewer rows than the tile).
    public static readonly TheoryData<int, int, int> Shapes = new()
    {
        { 1, 1, 1 },
        { 1, 1, 7 },
        { 1, 33, 1 },
        { 2, 3, 17 },
        { 3, 2, 5 },
        { 7, 17, 33 },
        { 8, 32, 8 },
        { 9, 31, 3 },
        { 17, 7, 129 },
        { 33, 33, 33 },
        { 1, 130, 257 },
        { 130, 1, 130 },
        { 129, 130, 17 },
        { 130, 129, 300 },
        { 64, 96, 512 },
        { 33, 65, 600 },
        { 300, 257, 190 },
        { 9, 2100, 5 },
        { 257, 40, 261 },
        { 5, 16, 16 },
        { 6, 17, 8 },
        { 12, 48, 24 },
        { 121, 33, 264 },
        { 240, 15, 40 },
        { 1, 128, 784 },
        { 1, 10, 128 },
        { 1, 71, 45 },
        { 1, 1100, 1000 },
    };

    // One row of A takes the matrix-vector path: both sides of its 32- and 8-column passes and of its 8-step blocks,
    // and (1100 × 1000) the size it splits over the threads.
    public static readonly TheoryData<int, int> OneRowShapes = new()
    {
        { 1, 1 }, { 7, 9 }, { 8, 8 }, { 9, 7 }, { 31, 17 }, { 32, 16 }, { 33, 15 }, { 40, 33 }, { 70, 784 },
        { 128, 784 }, { 129, 100 }, { 300, 257 }, { 10, 128 }, { 1100, 1000 },
    };

    // By name: the kernel enum is internal, and test methods are public.
    public static IEnumerable<object[]> Kernels()
    {
        foreach (MatrixMultiplyKernel kernel in Enum.GetValues<MatrixMultiplyKernel>())
        {
            if (MatrixMultiplyKernels.IsSupported(kernel))
            {
                yield return new object[] { kernel.ToString() };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryProduct_MatchesADoublePrecisionReference(int m, int n, int k)
    {
        foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
        {
            var (a, b) = RandomOperands(m, n, k, seed: m * 1_000_003 + n * 1_009 + k);
            float[] c = Filled(m * n, float.NaN);

            Compute(product, a, b, c, m, n, k);

            AssertCloseToReference(product, a, b, c, m, n, k);
        }
    }

    // Each kernel has its own tile and packing, so every kernel this machine runs gets every ragged shape.
    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryKernel_GivesTheBestKernelsBitsOnEveryShape(int m, int n, int k)
    {
        foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
        {
            var (a, b) = RandomOperands(m, n, k, seed: m * 31 + n * 7 + k);
            float[] expected = new float[m * n];
            Compute(product, a, b, expected, m, n, k);
            foreach (MatrixMultiplyKernel kernel in Enum.GetValues<MatrixMultiplyKernel>())
            {
                if (!MatrixMultiplyKernels.IsSupported(kernel))
                {
                    continue;
                }

                float[] c = Filled(m * n, float.NaN);
                Compute(product, a, b, c, m, n, k, kernel);
                for (int i = 0; i < c.Length; i++)
                {
                    if (BitConverter.SingleToInt32Bits(c[i]) != BitConverter.SingleToInt32Bits(expected[i]))
                    {
                        Assert.Fail($"{product} {m}×{n}×{k} with {kernel}: c[{i / n},{i % n}] = {c[i]:R}, {MatrixMultiplyKernels.Best} gives {expected[i]:R}");
                    }
                }
            }
        }
    }

    // A sample predicted alone gives the bits it gets in a batch: the single-row path keeps the tiles' chain per element.
    [Theory]
    [MemberData(nameof(OneRowShapes))]
    public void A_row_alone_gives_the_bits_it_gets_in_a_batch(int n, int k)
    {
        const int Rows = 5;
        foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
        {
            var (a, b) = RandomOperands(Rows, n, k, seed: n * 131 + k);
            float[] batch = Filled(Rows * n, float.NaN);
            Compute(product, a, b, batch, Rows, n, k);
            for (int row = 0; row < Rows; row++)
            {
                float[] alone = new float[k];
                for (int p = 0; p < k; p++)
                {
                    alone[p] = a[AIndex(product, row, p, Rows, k)];
                }

                float[] c = Filled(n + 3, float.NaN);
                Compute(product, alone, b, c.AsSpan(0, n), 1, n, k);
                for (int j = 0; j < n; j++)
                {
                    if (BitConverter.SingleToInt32Bits(c[j]) != BitConverter.SingleToInt32Bits(batch[row * n + j]))
                    {
                        Assert.Fail($"{product} 1×{n}×{k}: row {row} alone gives c[{j}] = {c[j]:R}, in a batch of {Rows} {batch[row * n + j]:R}");
                    }
                }

                Assert.All(c[n..], value => Assert.True(float.IsNaN(value), "a column past n was written"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void EveryKernel_MatchesADoublePrecisionReference(string kernelName)
    {
        var kernel = Enum.Parse<MatrixMultiplyKernel>(kernelName);
        foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 33, 17), (130, 129, 300), (9, 70, 3) })
        {
            foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
            {
                var (a, b) = RandomOperands(m, n, k, seed: 17);
                float[] c = Filled(m * n, float.NaN);

                Compute(product, a, b, c, m, n, k, kernel);

                AssertCloseToReference(product, a, b, c, m, n, k);
            }
        }
    }

    // The documented order: each element is fma(a, b, sum) over k ascending, from 0. This pins every kernel, tile
    // edge and k block to exactly that, which is what makes the results independent of threads and vector width.
    [Theory]
    [MemberData(nameof(Kernels))]
    public void EveryKernel_SumsEachElementAsOneFusedChainOverKAscending(string kernelName)
    {
        var kernel = Enum.Parse<MatrixMultiplyKernel>(kernelName);
        foreach (var (m, n, k) in new[] { (3, 5, 7), (17, 40, 520), (130, 33, 257) })
        {
            foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
            {
                var (a, b) = RandomOperands(m, n, k, seed: 5);
                float[] c = new float[m * n];

                Compute(product, a, b, c, m, n, k, kernel);

                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        float expected = 0f;
                        for (int p = 0; p < k; p++)
                        {
                            expected = MathF.FusedMultiplyAdd(a[AIndex(product, i, p, m, k)], b[BIndex(product, p, j, n, k)], expected);
                        }
                        if (BitConverter.SingleToInt32Bits(expected) != BitConverter.SingleToInt32Bits(c[i * n + j]))
                        {
                            Assert.Fail($"{product} {m}×{n}×{k} with {kernel}: c[{i},{j}] = {c[i * n + j]:R}, the fused chain gives {expected:R}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void C_IsOverwrittenAndNothingPastItsEndIsTouched()
    {
        const int M = 20, N = 40, K = 30;
        foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
        {
            var (a, b) = RandomOperands(M, N, K, seed: 3);
            float[] c = Filled(M * N + 5, 1e30f);

            Compute(product, a, b, c, M, N, K);

            AssertCloseToReference(product, a, b, c, M, N, K);
            Assert.Equal(Filled(5, 1e30f), c[(M * N)..]);
        }
    }

    [Fact]
    public void SpansLongerThanTheMatrices_AreAccepted()
    {
        const int M = 5, N = 6, K = 7;
        foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
        {
            var (a, b) = RandomOperands(M, N, K, seed: 4);
            float[] c = new float[M * N];

            Compute(product, [.. a, 1f, 2f], [.. b, 3f], c, M, N, K);

            AssertCloseToReference(product, a, b, c, M, N, K);
        }
    }

    [Fact]
    public void CallsFromSeveralThreadsAtOnce_AreEachCorrect()
    {
        const int M = 96, N = 200, K = 150;
        var cases = new (float[] A, float[] B, float[] C)[4];
        for (int i = 0; i < cases.Length; i++)
        {
            var (a, b) = RandomOperands(M, N, K, seed: 100 + i);
            cases[i] = (a, b, new float[M * N]);
        }

        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = cases.Length }, i =>
        {
            for (int repeat = 0; repeat < 20; repeat++)
            {
                MatrixMultiply.MultiplyTransposedB(cases[i].A, cases[i].B, cases[i].C, M, N, K);
            }
        });

        foreach (var (a, b, c) in cases)
        {
            AssertCloseToReference(MatrixProduct.TransposedB, a, b, c, M, N, K);
        }
    }

    [Theory]
    [InlineData(0, 1, 1, "m")]
    [InlineData(1, 0, 1, "n")]
    [InlineData(1, 1, 0, "k")]
    [InlineData(-3, 1, 1, "m")]
    [InlineData(1, 1, int.MinValue, "k")]
    public void NonPositiveSizes_Throw(int m, int n, int k, string argument)
    {
        foreach (MatrixProduct product in Enum.GetValues<MatrixProduct>())
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(
                () => Compute(product, new float[16], new float[16], new float[16], m, n, k));
            Assert.Equal(argument, error.ParamName);
        }
    }

    [Theory]
    [InlineData(MatrixProduct.TransposedB, "a", "a holds 19 floats but a 4×5 matrix needs 20.")]
    [InlineData(MatrixProduct.TransposedB, "b", "b holds 29 floats but a 6×5 matrix needs 30.")]
    [InlineData(MatrixProduct.TransposedB, "c", "c holds 23 floats but a 4×6 matrix needs 24.")]
    [InlineData(MatrixProduct.Plain, "a", "a holds 19 floats but a 4×5 matrix needs 20.")]
    [InlineData(MatrixProduct.Plain, "b", "b holds 29 floats but a 5×6 matrix needs 30.")]
    [InlineData(MatrixProduct.Plain, "c", "c holds 23 floats but a 4×6 matrix needs 24.")]
    [InlineData(MatrixProduct.TransposedA, "a", "a holds 19 floats but a 5×4 matrix needs 20.")]
    [InlineData(MatrixProduct.TransposedA, "b", "b holds 29 floats but a 5×6 matrix needs 30.")]
    [InlineData(MatrixProduct.TransposedA, "c", "c holds 23 floats but a 4×6 matrix needs 24.")]
    public void ShortSpans_ThrowNamingTheArgumentAndTheLengthNeeded(MatrixProduct product, string argument, string message)
    {
        const int M = 4, N = 6, K = 5;
        float[] a = new float[argument == "a" ? M * K - 1 : M * K];
        float[] b = new float[argument == "b" ? N * K - 1 : N * K];
        float[] c = new float[argument == "c" ? M * N - 1 : M * N];

        var error = Assert.Throws<ArgumentException>(() => Compute(product, a, b, c, M, N, K));

        Assert.Equal(argument, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("b")]
    public void COverlappingAnOperand_Throws(string operand)
    {
        const int M = 4, N = 4, K = 4;
        float[] storage = new float[24];
        float[] other = new float[16];

        var error = Assert.Throws<ArgumentException>(() =>
        {
            ReadOnlySpan<float> operandSpan = storage.AsSpan(0, 16);
            Span<float> c = storage.AsSpan(8, 16);
            if (operand == "a")
            {
                MatrixMultiply.Multiply(operandSpan, other, c, M, N, K);
            }
            else
            {
                MatrixMultiply.Multiply(other, operandSpan, c, M, N, K);
            }
        });

        Assert.Equal("c", error.ParamName);
        Assert.StartsWith($"c overlaps {operand}", error.Message);
    }

    internal static void Compute(
        MatrixProduct product, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        switch (product)
        {
            case MatrixProduct.TransposedB: MatrixMultiply.MultiplyTransposedB(a, b, c, m, n, k); break;
            case MatrixProduct.Plain: MatrixMultiply.Multiply(a, b, c, m, n, k); break;
            default: MatrixMultiply.MultiplyTransposedA(a, b, c, m, n, k); break;
        }
    }

    internal static void Compute(
        MatrixProduct product, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        MatrixMultiplyKernel kernel)
    {
        switch (product)
        {
            case MatrixProduct.TransposedB: MatrixMultiply.MultiplyTransposedBUsing(kernel, a, b, c, m, n, k); break;
            case MatrixProduct.Plain: MatrixMultiply.MultiplyUsing(kernel, a, b, c, m, n, k); break;
            default: MatrixMultiply.MultiplyTransposedAUsing(kernel, a, b, c, m, n, k); break;
        }
    }

    // Where A(i, p) and B(p, j) are stored for each product.
    internal static int AIndex(MatrixProduct product, int i, int p, int m, int k)
        => product == MatrixProduct.TransposedA ? p * m + i : i * k + p;

    internal static int BIndex(MatrixProduct product, int p, int j, int n, int k)
        => product == MatrixProduct.TransposedB ? j * k + p : p * n + j;

    internal static (float[] A, float[] B) RandomOperands(int m, int n, int k, int seed)
    {
        var random = new Random(seed);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextSingle() * 2f - 1f;
        }
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = random.NextSingle() * 2f - 1f;
        }
        return (a, b);
    }

    // Within the float error bound of a k-term sum: |c − Σ a·b| ≤ k·2⁻²³·Σ|a·b| (twice the usual γₖ, for slack).
    internal static void AssertCloseToReference(
        MatrixProduct product, float[] a, float[] b, float[] c, int m, int n, int k)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (double)a[AIndex(product, i, p, m, k)] * b[BIndex(product, p, j, n, k)];
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                double tolerance = k * Math.ScaleB(1.0, -23) * magnitude;
                double actual = c[i * n + j];
                if (!(Math.Abs(actual - sum) <= tolerance))
                {
                    Assert.Fail($"{product} {m}×{n}×{k}: c[{i},{j}] = {actual:R}, expected {sum:R} ± {tolerance:G3}");
                }
            }
        }
    }

    internal static float[] Filled(int length, float value)
    {
        float[] values = new float[length];
        Array.Fill(values, value);
        return values;
    }
}
