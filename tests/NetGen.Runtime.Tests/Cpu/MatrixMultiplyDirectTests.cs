using System;
using NetGen.Cpu;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Cpu;

/// <summary>Tiny products skip packing; each element must still carry exactly the bits the tiled kernels give it.</summary>
public sealed class MatrixMultiplyDirectTests
{
    [Theory]
    [InlineData(4, 4, 2)]
    [InlineData(4, 1, 4)]
    [InlineData(3, 5, 7)]
    [InlineData(8, 16, 16)]
    public void Tiny_products_match_the_same_elements_of_a_tiled_product(int m, int n, int k)
    {
        const int Large = 64;
        var a = GradientChecker.RandomArray(Large * k, seed: 21, -1f, 1f);
        var b = GradientChecker.RandomArray(Large * k, seed: 22, -1f, 1f);
        var tiled = new float[Large * Large];
        MatrixMultiply.MultiplyTransposedB(a, b, tiled, Large, Large, k);

        // The first m rows of A and n rows of B are the operands of the tiny product.
        var direct = new float[m * n];
        MatrixMultiply.MultiplyTransposedB(a.AsSpan(0, m * k), b.AsSpan(0, n * k), direct, m, n, k);

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(tiled[(i * Large) + j]) == BitConverter.SingleToInt32Bits(direct[(i * n) + j]),
                    $"c[{i},{j}]: direct {direct[(i * n) + j]:R}, tiled {tiled[(i * Large) + j]:R}");
            }
        }
    }
}
