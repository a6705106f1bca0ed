using System;
using NetGen.Cpu;
using NetGen.Tests.Cpu;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Training;

[Collection(WorkerPoolCollection.Name)]
public sealed class RowGatherJobTests
{
    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(1, 200, 784)]
    [InlineData(2, 200, 784)]
    [InlineData(3, 129, 785)]
    public void Gathers_the_chosen_rows_in_order(int threads, int rows, int rowSize)
    {
        var source = GradientChecker.RandomArray(500 * rowSize, seed: 7, -1f, 1f);
        var random = new SeededRandom(8);
        var chosen = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            chosen[i] = random.NextInt(500);
        }

        var destination = new float[(rows + 1) * rowSize];
        Array.Fill(destination, float.NaN);
        var original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = threads;
            new RowGatherJob().Gather(source, rowSize, chosen, destination);
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }

        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(source.AsSpan(chosen[i] * rowSize, rowSize).ToArray(), destination.AsSpan(i * rowSize, rowSize).ToArray());
        }

        Assert.All(destination.AsSpan(rows * rowSize).ToArray(), value => Assert.True(float.IsNaN(value), "a float past the batch was written"));
    }
}
