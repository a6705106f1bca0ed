using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training.NonFinite;

/// <summary>The guard costs no allocation: neither a checked step nor one left out (its layer state put back) allocates.</summary>
[Collection(NetGen.Tests.Cpu.WorkerPoolCollection.Name)]
public sealed class NonFiniteStepAllocationTests
{
    private const int BatchSize = 4;
    private const int Batches = 10;

    [Fact]
    public void Steps_left_out_for_a_nan_allocate_nothing_after_warm_up()
    {
        var network = new BatchNormNet();
        network.Initialize(1);
        var inputs = Enumerable.Range(0, Batches * BatchSize * BatchNormNet.InputSize).Select(i => i % 5 == 0 ? float.NaN : 0.1f * (i % 7)).ToArray();
        var targets = new float[Batches * BatchSize * BatchNormNet.OutputSize];
        var loader = new BatchLoader(new Dataset(inputs, targets, BatchNormNet.InputSize, BatchNormNet.OutputSize, allowNonFinite: true), BatchSize, shuffle: false, seed: 0);
        var backend = new CpuTrainingBackend(network);
        var optimizer = new Adam();
        loader.StartEpoch(1);
        Assert.False(backend.TrainStep(loader, optimizer).IsFinite);

        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var step = 1; step < Batches; step++)
            {
                backend.TrainStep(loader, optimizer);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(0, network.TrainingSteps);
        Assert.True(network.State.ToArray().All(float.IsFinite));
    }
}
