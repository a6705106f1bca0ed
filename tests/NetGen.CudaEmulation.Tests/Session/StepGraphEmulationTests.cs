using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.CudaEmulation.Tests.Networks;
using NetGen.CudaEmulation.Tests.Parity;
using NetGen.Optimizers;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// Steps captured as CUDA graphs and replayed (<see cref="CudaSession.UseGraphs"/>), on the emulated driver, whose graph
/// launches run the nodes recorded at the capture with the arguments set since: the same bits as the same steps launched
/// one kernel at a time, one graph launch a step with only the arguments that change updated, and the limits on graphs.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed class StepGraphEmulationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(nameof(XorNet))] // Adam, a learning rate decaying every epoch, validation
    [InlineData(nameof(DropoutNet))] // dropout's masks drawn from the training step's count
    [InlineData(nameof(TanhBatchNormNet))] // running statistics, put back from the slot's copy
    [InlineData(nameof(SpatialDropoutNet))] // convolution, pooling and two dropout streams
    public void Fit_with_graphs_gives_the_bits_of_separate_launches(string name)
    {
        using var driver = EmulatedDriver.Use();
        var before = EmulatedDriver.Counts();
        var (launched, launchedHistory) = WithGraphs(false, () => Fit(name));
        var between = EmulatedDriver.Counts();
        var (replayed, replayedHistory) = WithGraphs(true, () => Fit(name));
        var after = EmulatedDriver.Counts();

        Assert.Equal(launched.Parameters.ToArray(), replayed.Parameters.ToArray());
        Assert.Equal(launched.State.ToArray(), replayed.State.ToArray());
        Assert.Equal(launched.TrainingSteps, replayed.TrainingSteps);
        Assert.Equal(launchedHistory.Epochs.Select(epoch => epoch.Loss), replayedHistory.Epochs.Select(epoch => epoch.Loss));
        Assert.Equal(launchedHistory.Epochs.Select(epoch => epoch.ValidationLoss), replayedHistory.Epochs.Select(epoch => epoch.ValidationLoss));
        Assert.Equal(launchedHistory.Epochs.Select(epoch => epoch.Accuracy), replayedHistory.Epochs.Select(epoch => epoch.Accuracy));

        Assert.Equal(0, between.GraphLaunches - before.GraphLaunches);
        var graphLaunches = after.GraphLaunches - between.GraphLaunches;
        var kernelsRun = after.LaunchesRun - between.LaunchesRun;
        output.WriteLine(
            $"{name}: separate launches {between.HostLaunchCalls - before.HostLaunchCalls} kernel launch calls; " +
            $"graphs {after.HostLaunchCalls - between.HostLaunchCalls} kernel launch calls and {graphLaunches} graph launches, running {kernelsRun} kernels");
        Assert.Equal(0, after.HostLaunchCalls - between.HostLaunchCalls); // every step and validation batch a graph: these need 6
        Assert.Equal(between.LaunchesRun - before.LaunchesRun, kernelsRun); // the same kernels ran
        Assert.True(graphLaunches > 0);
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Theory]
    [InlineData(nameof(MnistMlp), 1)] // Adam's bias corrections change with the step: its kernel alone
    [InlineData(nameof(DropoutNet), 3)] // and dropout's forward and backward, which draw from the step count
    [InlineData(nameof(LeNet5), 1)]
    public void A_training_step_is_one_graph_launch_updating_only_the_kernels_whose_arguments_change(string name, int updatesPerStep)
    {
        using var driver = EmulatedDriver.Use();
        const int batch = 6;
        const int steps = 6;
        var network = NetworkCatalog.Get(name).Create();
        TestData.Randomize(network, 7);
        var separate = Train(network, graphs: false, batch, steps, out _, out _);
        var replayed = Train(network, graphs: true, batch, steps, out var perStep, out var graphs);

        Assert.Equal(separate, replayed);
        Assert.Equal(2, graphs); // one per staging slot
        Assert.Equal((0, 1, updatesPerStep), (perStep.HostLaunchCalls, perStep.GraphLaunches, perStep.NodeUpdates));
        output.WriteLine(
            $"{name}: a training step after the first two is {perStep.GraphLaunches} graph launch and {perStep.NodeUpdates} kernel-node updates, " +
            $"instead of {perStep.KernelsRun} kernel launches and 3 copies of the results");
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void Graphs_stop_at_the_session_maximum_and_later_batch_sizes_run_as_separate_launches()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        network.Initialize(2);
        var sizes = Enumerable.Range(1, CudaStepGraph.MaximumPerSession + 4).ToArray();
        var inputs = TestData.Inputs(network, sizes[^1], 3);
        var targets = TestData.Targets(network, sizes[^1], 3);
        using var session = CudaSessionEmulationTests.Open(network, sizes[^1]);
        using var reference = CudaSessionEmulationTests.Open(network, sizes[^1]);
        reference.UseGraphs = false;
        foreach (var size in sizes)
        {
            var before = EmulatedDriver.Counts();
            var loss = Evaluate(session, network, inputs, targets, size);
            var separateLaunchCalls = EmulatedDriver.Counts().HostLaunchCalls - before.HostLaunchCalls;
            Assert.Equal(Evaluate(reference, network, inputs, targets, size), loss);
            Assert.Equal(reference.LastOutputs.ToArray(), session.LastOutputs.ToArray());
            Assert.True(size <= CudaStepGraph.MaximumPerSession ? separateLaunchCalls == 0 : separateLaunchCalls > 0, $"batch {size}: {separateLaunchCalls} kernel launch calls");
        }

        Assert.Equal(CudaStepGraph.MaximumPerSession, session.GraphCount);
    }

    [Fact]
    public void A_launch_that_fails_during_a_capture_ends_the_capture_and_the_session_runs_on_without_graphs()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        network.Initialize(6);
        var inputs = TestData.Inputs(network, 4, 2);
        var targets = TestData.Targets(network, 4, 2);
        using (var session = CudaSessionEmulationTests.Open(network, 4))
        {
            session.Stage(inputs, targets);
            EmulatedDriver.FailLaunchesAfter(2);
            CudaException error;
            try
            {
                error = Assert.Throws<CudaException>(() => session.LaunchTrainingStep(new Adam()));
            }
            finally
            {
                EmulatedDriver.FailLaunchesAfter(-1);
            }

            Assert.StartsWith("cuLaunchKernel(", error.Message, StringComparison.Ordinal);
            Assert.Contains("CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, session.GraphCount);
            Assert.Equal(0, EmulatedDriver.Counts().Graphs); // the partial capture was dropped

            // Were the stream still capturing, these launches would be recorded and the wait refused.
            session.UseGraphs = false;
            session.Stage(inputs, targets);
            session.LaunchEvaluation();
            Assert.True(float.IsFinite(session.Finish()));
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void Synchronized_launches_capture_no_graph()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        network.Initialize(4);
        using (var session = CudaSessionEmulationTests.Open(network, 4))
        {
            session.SynchronizeLaunches = true;
            session.Stage(TestData.Inputs(network, 4, 1), TestData.Targets(network, 4, 1));
            session.LaunchTrainingStep(new Adam());
            session.Finish();
            Assert.Equal(0, session.GraphCount);
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private static float Evaluate(CudaSession session, INetwork network, float[] inputs, float[] targets, int size)
    {
        session.Stage(inputs.AsSpan(0, size * network.InputSize), targets.AsSpan(0, size * network.OutputSize));
        session.LaunchEvaluation();
        return session.Finish();
    }

    /// <summary>Trains a copy of <paramref name="initial"/> on the emulated device; what one step after the first two took.</summary>
    private static float[] Train(INetwork initial, bool graphs, int batch, int steps, out StepCalls lastStep, out int graphCount)
    {
        var network = NetworkCatalog.Get(initial.Name).Create();
        initial.Parameters.CopyTo(network.Parameters);
        var optimizer = new Adam(0.01f);
        lastStep = default;
        using var opened = CudaSessionEmulationTests.Open(network, batch);
        opened.UseGraphs = graphs;
        for (var step = 0; step < steps; step++)
        {
            var before = EmulatedDriver.Counts();
            var updates = opened.GraphNodeUpdates;
            opened.Stage(TestData.Inputs(network, batch, 10 + step), TestData.Targets(network, batch, 10 + step));
            opened.LaunchTrainingStep(optimizer);
            opened.Finish();
            var after = EmulatedDriver.Counts();
            lastStep = new StepCalls(
                after.HostLaunchCalls - before.HostLaunchCalls, after.GraphLaunches - before.GraphLaunches, opened.GraphNodeUpdates - updates,
                after.LaunchesRun - before.LaunchesRun);
        }

        graphCount = opened.GraphCount;
        opened.DownloadParameters();
        return network.Parameters.ToArray();
    }

    /// <summary>Runs <paramref name="run"/> with <c>NETGEN_CUDA_GRAPHS</c> on or off, for the sessions it opens (these tests run one at a time).</summary>
    internal static T WithGraphs<T>(bool on, Func<T> run)
    {
        var before = Environment.GetEnvironmentVariable(CudaStepGraph.UseGraphsVariable);
        Environment.SetEnvironmentVariable(CudaStepGraph.UseGraphsVariable, on ? "1" : "0");
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable(CudaStepGraph.UseGraphsVariable, before);
        }
    }

    private static (INetwork Network, TrainingHistory History) Fit(string name)
    {
        INetwork network = name == nameof(TanhBatchNormNet) ? new TanhBatchNormNet() : NetworkCatalog.Get(name).Create();
        EmulatedDriver.Register(network.CudaProgram);
        TestData.Randomize(network, 11);
        var data = new Dataset(TestData.Inputs(network, 10, 12), TestData.Targets(network, 10, 12), network.InputSize, network.OutputSize);
        var history = Trainer.Fit(network, data, new TrainingOptions
        {
            Epochs = 3, BatchSize = 4, Shuffle = true, Seed = 5, Optimizer = new Adam(0.02f), Validation = data,
            Callbacks = [new ExponentialDecay(0.5)], Device = ComputeDevice.Cuda(),
        });
        return (network, history);
    }

    private readonly record struct StepCalls(long HostLaunchCalls, long GraphLaunches, long NodeUpdates, long KernelsRun);
}
