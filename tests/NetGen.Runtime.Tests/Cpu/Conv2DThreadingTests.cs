using System;
using System.Threading;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

[Collection(WorkerPoolCollection.Name)]
public sealed class Conv2DThreadingTests
{
    private static readonly Conv2DShape First = new(1, 28, 28, 6, 5, 1, 2);
    private static readonly Pool2DShape FirstPool = new(6, 28, 28, 2, 2, 0);
    private static readonly Conv2DShape Second = new(6, 14, 14, 16, 5, 1, 0);
    private static readonly Pool2DShape SecondPool = new(16, 10, 10, 3, 2, 1);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(37, 0)]
    [InlineData(37, 1)]
    public void Results_AreBitIdenticalForAnyThreadCount(int batch, int padding)
    {
        var shape = new Conv2DShape(6, 14, 13, 16, 5, padding == 0 ? 1 : 2, padding);
        var random = new Random(batch + padding);
        var x = Conv2DReference.Random(batch * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var bias = Conv2DReference.Random(shape.Filters, random);
        var delta = Conv2DReference.Random(batch * shape.OutputSize, random);
        var original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = 1;
            var single = Run(x, weight, bias, delta, batch, shape);
            foreach (var threads in new[] { 2, 3, 4 })
            {
                WorkerPool.MaxThreads = threads;
                var multi = Run(x, weight, bias, delta, batch, shape);
                for (var i = 0; i < single.Length; i++)
                {
                    Conv2DReference.AssertBitIdentical(single[i], multi[i], $"{threads} threads, output {i}");
                }
            }
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }
    }

    [Fact]
    public void TwoNetworksOnTwoThreads_GetTheirOwnResults()
    {
        var random = new Random(21);
        const int Batch = 9;
        var shapes = new[] { new Conv2DShape(3, 16, 15, 8, 3, 1, 1), new Conv2DShape(2, 20, 21, 5, 5, 2, 2) };
        var inputs = new (float[] X, float[] W, float[] B, float[] D)[2];
        var expected = new float[2][][];
        for (var i = 0; i < 2; i++)
        {
            var shape = shapes[i];
            inputs[i] = (Conv2DReference.Random(Batch * shape.InputSize, random), Conv2DReference.Random(shape.WeightLength, random),
                Conv2DReference.Random(shape.Filters, random), Conv2DReference.Random(Batch * shape.OutputSize, random));
            expected[i] = Run(inputs[i].X, inputs[i].W, inputs[i].B, inputs[i].D, Batch, shape);
        }

        string? failure = null;
        var threads = new Thread[2];
        for (var t = 0; t < 2; t++)
        {
            var index = t;
            threads[t] = new Thread(() =>
            {
                try
                {
                    for (var repeat = 0; repeat < 20; repeat++)
                    {
                        var (x, w, b, d) = inputs[index];
                        var actual = Run(x, w, b, d, Batch, shapes[index]);
                        for (var i = 0; i < actual.Length; i++)
                        {
                            Conv2DReference.AssertBitIdentical(expected[index][i], actual[i], $"network {index}, output {i}");
                        }
                    }
                }
                catch (Exception error)
                {
                    failure ??= error.Message;
                }
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Null(failure);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void LeNetStepAfterWarmUp_AllocatesNothing(int threads)
    {
        const int Batch = 16;
        var random = new Random(4);
        var x = Conv2DReference.Random(Batch * First.InputSize, random);
        var w1 = Conv2DReference.Random(First.WeightLength, random);
        var b1 = Conv2DReference.Random(First.Filters, random);
        var z1 = new float[Batch * First.OutputSize];
        var p1 = new float[Batch * FirstPool.OutputSize];
        var argMax1 = new int[p1.Length];
        var w2 = Conv2DReference.Random(Second.WeightLength, random);
        var b2 = Conv2DReference.Random(Second.Filters, random);
        var z2 = new float[Batch * Second.OutputSize];
        var p2 = new float[Batch * SecondPool.OutputSize];
        var dp2 = Conv2DReference.Random(p2.Length, random);
        var dz2 = new float[z2.Length];
        var dw2 = new float[w2.Length];
        var db2 = new float[b2.Length];
        var dp1 = new float[p1.Length];
        var dz1 = new float[z1.Length];
        var dw1 = new float[w1.Length];
        var db1 = new float[b1.Length];

        void Step()
        {
            Conv2DKernels.Forward(x, w1, b1, z1, z1, Batch, First, default(ReluActivation));
            PoolingKernels.MaxPoolForward(z1, p1, argMax1, Batch, FirstPool);
            Conv2DKernels.Forward(p1, w2, b2, z2, z2, Batch, Second, default(ReluActivation));
            PoolingKernels.AvgPoolForward(z2, p2, Batch, SecondPool);
            PoolingKernels.AvgPoolInputGradient(dp2, dz2, Batch, SecondPool);
            Conv2DKernels.Backward(p1, w2, dz2, dw2, db2, dp1, Batch, Second);
            PoolingKernels.MaxPoolInputGradient(dp1, argMax1, dz1, Batch, FirstPool);
            Conv2DKernels.Backward(x, w1, dz1, dw1, db1, Span<float>.Empty, Batch, First);
        }

        var original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = threads;
            Step();
            Step();
            var allocated = AllocationMeter.BytesAllocatedBy(() =>
            {
                for (var repeat = 0; repeat < 5; repeat++)
                {
                    Step();
                }
            });

            Assert.Equal(0, allocated);
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }
    }

    // z, a (tanh, in separate buffers), ∂L/∂W, ∂L/∂b and ∂L/∂x.
    private static float[][] Run(float[] x, float[] weight, float[] bias, float[] delta, int batch, Conv2DShape shape)
    {
        var z = Conv2DReference.Filled(batch * shape.OutputSize, float.NaN);
        var a = Conv2DReference.Filled(batch * shape.OutputSize, float.NaN);
        var weightGradient = Conv2DReference.Filled(shape.WeightLength, float.NaN);
        var biasGradient = Conv2DReference.Filled(shape.Filters, float.NaN);
        var inputDelta = Conv2DReference.Filled(batch * shape.InputSize, float.NaN);
        Conv2DKernels.Forward(x, weight, bias, z, a, batch, shape, default(TanhActivation));
        Conv2DKernels.Backward(x, weight, delta, weightGradient, biasGradient, inputDelta, batch, shape);
        return [z, a, weightGradient, biasGradient, inputDelta];
    }
}
