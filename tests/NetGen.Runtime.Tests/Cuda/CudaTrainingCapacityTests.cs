namespace NetGen.Tests.Cuda;

/// <summary>The batch capacity a CUDA training session allocates for: the largest batch it will be given, as the CPU's loader cuts them.</summary>
public sealed class CudaTrainingCapacityTests
{
    [Theory]
    [InlineData(int.MaxValue, 4, null, 4)] // a full batch of 4 samples
    [InlineData(128, 60_000, null, 128)]
    [InlineData(2, 8, 10, 10)] // a validation set of 10 is scored in one batch of 10
    [InlineData(2, 8, 1_000, 256)] // … and a larger one in batches of TrainingLoop.ValidationBatchSize
    [InlineData(128, 60_000, 10_000, 256)]
    [InlineData(512, 60_000, 10_000, 512)]
    [InlineData(int.MaxValue, 60_000, 10_000, 60_000)]
    [InlineData(32, 5, 3, 5)]
    public void The_capacity_is_the_largest_training_or_validation_batch(int batchSize, int trainingSamples, int? validationSamples, int expected) =>
        Assert.Equal(expected, CudaTrainingBackend.SessionCapacity(batchSize, trainingSamples, validationSamples));

    [Fact]
    public void The_validation_batch_size_is_the_one_the_training_loop_scores_in() =>
        Assert.Equal(TrainingLoop.ValidationBatchSize, CudaTrainingBackend.SessionCapacity(1, 1, int.MaxValue));

    [Fact]
    public void Validation_batches_shrink_to_the_largest_batch_the_program_runs()
    {
        Assert.Equal(100, CudaTrainingBackend.SessionCapacity(64, 60_000, 10_000, maxBatchSize: 100));
        Assert.Equal(1_000, CudaTrainingBackend.SessionCapacity(1_000, 60_000, 10_000, maxBatchSize: 100)); // the session refuses it by name
    }
}
