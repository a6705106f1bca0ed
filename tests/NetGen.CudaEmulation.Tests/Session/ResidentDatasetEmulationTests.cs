using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.CudaEmulation.Tests.Networks;
using NetGen.CudaEmulation.Tests.Parity;
using NetGen.Optimizers;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// A dataset kept on the device (<see cref="TrainingOptions.KeepDatasetOnDevice"/>, <see cref="CudaSession.KeepDatasetResident"/>):
/// batches staged as row numbers and gathered by the runtime's kernels give the bits of batches gathered on the host and
/// copied, with and without graphs; rows outside the dataset and a session without one are refused.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed class ResidentDatasetEmulationTests
{
    [Theory]
    [InlineData(nameof(XorNet), true)]
    [InlineData(nameof(XorNet), false)]
    [InlineData(nameof(DropoutNet), true)]
    [InlineData(nameof(SpatialDropoutNet), false)]
    public void Fit_with_the_dataset_on_the_device_gives_the_bits_of_batches_copied_in(string name, bool graphs)
    {
        using var driver = EmulatedDriver.Use();
        var (copied, copiedHistory) = Fit(name, keepDatasetOnDevice: false, graphs);
        var (gathered, gatheredHistory) = Fit(name, keepDatasetOnDevice: true, graphs);

        Assert.Equal(copied.Parameters.ToArray(), gathered.Parameters.ToArray());
        Assert.Equal(copiedHistory.Epochs.Select(epoch => epoch.Loss), gatheredHistory.Epochs.Select(epoch => epoch.Loss));
        Assert.Equal(copiedHistory.Epochs.Select(epoch => epoch.Accuracy), gatheredHistory.Epochs.Select(epoch => epoch.Accuracy));
        Assert.Equal(copiedHistory.Epochs.Select(epoch => epoch.ValidationLoss), gatheredHistory.Epochs.Select(epoch => epoch.ValidationLoss));
        Assert.NotEqual(Initial(name).Parameters.ToArray(), gathered.Parameters.ToArray());
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void A_gathered_batch_holds_the_rows_it_names()
    {
        using var driver = EmulatedDriver.Use();
        var network = Initial(nameof(XorNet));
        var data = Data(network, 9);
        int[] rows = [8, 0, 3, 3];
        using (var session = CudaSessionEmulationTests.Open(network, rows.Length))
        {
            session.KeepDatasetResident(data);
            var targets = rows.SelectMany(row => data.TargetRows(row, 1).ToArray()).ToArray();
            session.StageRows(rows, targets);
            session.LaunchEvaluation();
            var gatheredLoss = session.Finish();
            var gatheredOutputs = session.LastOutputs.ToArray();

            session.Stage(rows.SelectMany(row => data.InputRows(row, 1).ToArray()).ToArray(), targets);
            session.LaunchEvaluation();
            Assert.Equal(session.Finish(), gatheredLoss);
            Assert.Equal(session.LastOutputs.ToArray(), gatheredOutputs);
            Assert.Equal(targets, session.LastTargets.ToArray());
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void Rows_outside_the_dataset_and_a_session_without_one_are_refused()
    {
        using var driver = EmulatedDriver.Use();
        var network = Initial(nameof(XorNet));
        var data = Data(network, 5);
        var targets = new float[2 * network.OutputSize];
        using (var session = CudaSessionEmulationTests.Open(network, 2))
        {
            var missing = Assert.Throws<InvalidOperationException>(() => session.StageRows([0, 1], targets));
            Assert.Contains("no dataset is on the device", missing.Message, StringComparison.Ordinal);

            session.KeepDatasetResident(data);
            var outside = Assert.Throws<ArgumentException>(() => session.StageRows([1, 5], targets));
            Assert.Contains("row 5 (sample 1 of the batch) is outside the dataset's 5 rows", outside.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => session.StageRows([0, 1, 2], new float[3 * network.OutputSize]));
            Assert.Throws<InvalidOperationException>(() => session.KeepDatasetResident(data));
            var mismatched = new Dataset(new float[3], new float[1], 3, 1);
            using var other = CudaSessionEmulationTests.Open(Initial(nameof(XorNet)), 2);
            Assert.Throws<ArgumentException>(() => other.KeepDatasetResident(mismatched));
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void A_dataset_beyond_the_devices_memory_leaves_the_session_as_it_was()
    {
        using var driver = EmulatedDriver.Use();
        var network = Initial(nameof(XorNet));
        var data = Data(network, 6);
        using (var session = CudaSessionEmulationTests.Open(network, 2))
        {
            EmulatedDriver.FailAllocationsAfter(1); // the inputs fit, the targets do not
            try
            {
                Assert.Throws<CudaException>(() => session.KeepDatasetResident(data));
            }
            finally
            {
                EmulatedDriver.FailAllocationsAfter(-1);
            }

            Assert.False(session.HasResidentDataset);
            session.Stage(data.InputRows(0, 2), data.TargetRows(0, 2));
            session.LaunchEvaluation();
            Assert.True(float.IsFinite(session.Finish()));
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private static INetwork Initial(string name)
    {
        var network = NetworkCatalog.Get(name).Create();
        TestData.Randomize(network, 21);
        return network;
    }

    private static Dataset Data(INetwork network, int count) =>
        new(TestData.Inputs(network, count, 22), TestData.Targets(network, count, 22), network.InputSize, network.OutputSize);

    private static (INetwork Network, TrainingHistory History) Fit(string name, bool keepDatasetOnDevice, bool graphs)
    {
        var network = Initial(name);
        EmulatedDriver.Register(network.CudaProgram);
        var history = StepGraphEmulationTests.WithGraphs(graphs, () => Trainer.Fit(network, Data(network, 11), new TrainingOptions
        {
            Epochs = 3, BatchSize = 4, Shuffle = true, Seed = 8, Optimizer = new Adam(0.02f), ValidationSplit = 0.3,
            KeepDatasetOnDevice = keepDatasetOnDevice, Device = ComputeDevice.Cuda(),
        }));
        return (network, history);
    }
}
