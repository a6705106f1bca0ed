using System;
using NetGen.Cpu;

namespace NetGen.Tests.Cpu;

[Collection(WorkerPoolCollection.Name)]
public sealed class MatrixMultiplyThreadingTests
{
    // Large enough to be split over threads; wider than tall (split by columns) and taller than wide (by rows),
    // ragged against the tiles, spanning several k blocks, and, last, several column blocks per thread.
    [Theory]
    [InlineData(MatrixProduct.TransposedB, 200, 515, 300)]
    [InlineData(MatrixProduct.TransposedB, 515, 200, 300)]
    [InlineData(MatrixProduct.Plain, 130, 790, 600)]
    [InlineData(MatrixProduct.Plain, 790, 130, 600)]
    [InlineData(MatrixProduct.TransposedA, 130, 790, 513)]
    [InlineData(MatrixProduct.TransposedA, 790, 130, 513)]
    [InlineData(MatrixProduct.TransposedB, 9, 4200, 40)]
    public void Results_AreBitIdenticalForAnyThreadCount(MatrixProduct product, int m, int n, int k)
    {
        var (a, b) = MatrixMultiplyTests.RandomOperands(m, n, k, seed: 11);
        float[] single = new float[m * n];
        int original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = 1;
            MatrixMultiplyTests.Compute(product, a, b, single, m, n, k);
            MatrixMultiplyTests.AssertCloseToReference(product, a, b, single, m, n, k);

            foreach (int threads in new[] { 2, 3, 4, 7 })
            {
                WorkerPool.MaxThreads = threads;
                float[] multi = MatrixMultiplyTests.Filled(m * n, float.NaN);
                MatrixMultiplyTests.Compute(product, a, b, multi, m, n, k);

                for (int i = 0; i < single.Length; i++)
                {
                    if (BitConverter.SingleToInt32Bits(single[i]) != BitConverter.SingleToInt32Bits(multi[i]))
                    {
                        Assert.Fail($"{threads} threads: c[{i / n},{i % n}] = {multi[i]:R}, 1 thread gives {single[i]:R}");
                    }
                }
            }
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_thread_allocates_nothing_from_its_second_call_of_a_shape_though_the_first_ran_in_parts(int threads)
    {
        // A new thread has no scratch: its first call, split across the workers, must still leave it room for any part.
        const int M = 300, N = 200, K = 700;
        var (a, b) = MatrixMultiplyTests.RandomOperands(M, N, K, seed: 5);
        float[] c = new float[M * N];
        int original = WorkerPool.MaxThreads;
        long allocated = -1;
        try
        {
            WorkerPool.MaxThreads = threads;
            var thread = new System.Threading.Thread(() =>
            {
                MatrixMultiply.Multiply(a, b, c, M, N, K);
                allocated = AllocationMeter.BytesAllocatedBy(() =>
                {
                    for (int repeat = 0; repeat < 5; repeat++)
                    {
                        MatrixMultiply.Multiply(a, b, c, M, N, K);
                    }
                });
            });
            thread.Start();
            thread.Join();
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LargeCallsAfterWarmUp_AllocateNothing(int threads)
    {
        const int M = 256, N = 384, K = 320;
        var (a, b) = MatrixMultiplyTests.RandomOperands(M, N, K, seed: 12);
        float[] c = new float[M * N];
        float[] transposedA = new float[K * M];
        int original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = threads;
            for (int warmUp = 0; warmUp < 2; warmUp++)
            {
                RunAllThree(a, b, c, transposedA);
            }

            long allocated = AllocationMeter.BytesAllocatedBy(() =>
            {
                for (int repeat = 0; repeat < 5; repeat++)
                {
                    RunAllThree(a, b, c, transposedA);
                }
            });

            Assert.Equal(0, allocated);
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }

        // B (k×n) read as an n'×k' matrix for the transposed forms: any well-sized operands will do here.
        static void RunAllThree(float[] a, float[] b, float[] c, float[] transposedA)
        {
            MatrixMultiply.Multiply(a, b, c, M, N, K);
            MatrixMultiply.MultiplyTransposedB(a, b, c, M, N, K);
            MatrixMultiply.MultiplyTransposedA(transposedA, b, c, M, N, K);
        }
    }
}
