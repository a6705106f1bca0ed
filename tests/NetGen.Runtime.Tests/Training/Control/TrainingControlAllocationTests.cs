using NetGen.Optimizers;
using NetGen.Tests.Networks;
using static NetGen.Tests.Training.Control.ControlTestData;

namespace NetGen.Tests.Training.Control;

/// <summary>After the first epoch the schedules and early stopping allocate nothing: no per-epoch buffers, no boxing.</summary>
public sealed class TrainingControlAllocationTests
{
    private const int Epochs = 20;

    [Fact]
    public void Schedules_and_early_stopping_allocate_nothing_per_epoch()
    {
        var network = new BatchNormNet();
        network.Initialize(seed: 1);
        var optimizer = new Sgd(0.1f);
        var context = Context(network, optimizer, Epochs);
        TrainingCallback[] callbacks =
        [
            new StepDecay(stepSize: 2), new ExponentialDecay(0.95), new CosineDecay(warmupEpochs: 3),
            new LearningRateFunction((epoch, rate) => rate / epoch),
            new ReduceLearningRateOnPlateau(TrainingMetric.Loss, patience: 0),
            new EarlyStopping(TrainingMetric.ValidationLoss, patience: Epochs),
        ];
        var results = new EpochResult[Epochs + 1];
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            results[epoch] = Epoch(epoch, 1.0 / epoch); // every epoch improves: early stopping copies the weights each time
        }

        foreach (var callback in callbacks)
        {
            callback.OnTrainingStart(context);
        }

        RunEpoch(callbacks, context, results, 1);
        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var epoch = 2; epoch <= Epochs; epoch++)
            {
                RunEpoch(callbacks, context, results, epoch);
            }
        });

        Assert.Equal(0, allocated);
    }

    private static void RunEpoch(TrainingCallback[] callbacks, TrainingContext context, EpochResult[] results, int epoch)
    {
        context.Epoch = epoch;
        foreach (var callback in callbacks)
        {
            callback.OnEpochStart(context);
        }

        foreach (var callback in callbacks)
        {
            callback.OnEpochEnd(context, results[epoch]);
        }
    }
}
