using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.Optimizers;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests.Parity;

/// <summary>
/// The generated CUDA kernels, run on the CPU through the same launch metadata the CUDA backend uses, against the C# CPU
/// backend: forward outputs, loss, every gradient and optimizer steps, within <see cref="ParityReport.RelativeTolerance"/>
/// relative plus <see cref="ParityReport.AbsoluteFloor"/> absolute. Seeded random parameters, inputs and targets.
/// </summary>
public abstract class ParityTests(ITestOutputHelper output)
{
    /// <summary>Forward, loss and backward at one batch size, the tiled products over the tiles <paramref name="tiles"/> says.</summary>
    private protected void AssertPassesMatch(string name, int batch, EmulatedCudaProgram.TileChoice tiles = EmulatedCudaProgram.TileChoice.Large)
    {
        var network = NetworkCatalog.Get(name);
        var program = network.Program;
        var seed = Seed(name, batch);
        var cpu = network.Create();
        TestData.Randomize(cpu, seed);
        var inputs = TestData.Inputs(cpu, batch, seed);
        var targets = TestData.Targets(cpu, batch, seed);
        var outputs = new float[batch * cpu.OutputSize];
        cpu.Forward(inputs, outputs);
        var state = cpu.State.ToArray();
        var loss = cpu.ComputeGradients(inputs, targets);
        var trainingOutputs = cpu.LastOutputs.ToArray();
        var gradients = cpu.Gradients.ToArray();

        var report = new ParityReport($"{name} at batch {batch}");
        var watch = Stopwatch.StartNew();
        using var gpu = new EmulatedCudaProgram(program, batch, seed) { Tiles = tiles };
        var opened = watch.Elapsed;
        gpu.Upload(CudaBufferNames.Inputs, inputs);
        gpu.Upload(CudaBufferNames.Targets, targets);
        gpu.Upload(CudaBufferNames.Parameters, cpu.Parameters);
        gpu.Upload(CudaBufferNames.State, state);
        gpu.RandomSeed = cpu.Seed;
        gpu.TrainingStep = cpu.TrainingSteps;

        gpu.Training = false;
        gpu.RunForward();
        report.Compare("inference forward: " + program.OutputBuffer, outputs, gpu.Floats(program.OutputBuffer), ParityReport.RowName(cpu.OutputSize));
        gpu.Training = true;
        gpu.RunForward();
        report.Compare("training forward: " + program.OutputBuffer, trainingOutputs, gpu.Floats(program.OutputBuffer), ParityReport.RowName(cpu.OutputSize));
        foreach (var tensor in cpu.StateTensors)
        {
            report.Compare("state " + tensor.Name, tensor.Slice((ReadOnlySpan<float>)cpu.State), tensor.Slice((ReadOnlySpan<float>)gpu.Floats(CudaBufferNames.State)),
                index => tensor.Name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }

        gpu.RunLoss();
        report.Compare("loss", new[] { loss }, gpu.Floats(CudaBufferNames.Loss));
        gpu.RunBackward();
        var gpuGradients = gpu.Floats(CudaBufferNames.Gradients).ToArray();
        foreach (var tensor in cpu.ParameterTensors)
        {
            report.Compare("∂L/∂" + tensor.Name, tensor.Slice((ReadOnlySpan<float>)gradients), tensor.Slice((ReadOnlySpan<float>)gpuGradients),
                index => tensor.Name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }

        var kernels = gpu.LaunchedKernels.Count;
        var launches = gpu.LaunchCount;
        gpu.Finish();
        var smallTiles = gpu.LaunchedKernels.Count(kernel => kernel.EndsWith("_small_tiles", StringComparison.Ordinal));
        if (tiles == EmulatedCudaProgram.TileChoice.Small)
        {
            var products = program.Forward.Concat(program.Loss).Concat(program.Backward).Where(launch => launch.SmallTiles is not null && launch.RunsFor(batch)).ToArray();
            Assert.NotEmpty(products);
            Assert.All(products, launch => Assert.Contains(launch.SmallTiles!.Kernel, gpu.LaunchedKernels));
            Assert.DoesNotContain(products, launch => gpu.LaunchedKernels.Contains(launch.Kernel));
            output.WriteLine($"{smallTiles} products over 16 × 16 tiles: {string.Join(", ", products.Select(launch => launch.SmallTiles!.Kernel))}");
        }
        else if (tiles == EmulatedCudaProgram.TileChoice.Large)
        {
            Assert.Equal(0, smallTiles);
        }

        output.WriteLine(report.Summary());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{launches} launches of {kernels} kernels in {watch.Elapsed.TotalSeconds:0.00} s ({gpu.Library.Mode}; opening took {opened.TotalSeconds:0.00} s, " +
            $"g++ {gpu.Library.CompileTime.TotalSeconds:0.00} s the first time, 0 when cached)"));
        report.AssertNoMismatches();
    }

    /// <summary>Every optimizer rule, and the gradient transform's options, on gradients from the CPU.</summary>
    protected void AssertOptimizerStepsMatch(string name)
    {
        var network = NetworkCatalog.Get(name);
        var seed = Seed(name, 0);
        var cpu = network.Create();
        TestData.Randomize(cpu, seed);
        const int batch = 3;
        cpu.ComputeGradients(TestData.Inputs(cpu, batch, seed), TestData.Targets(cpu, batch, seed));
        var gradients = cpu.Gradients.ToArray();
        if (gradients.All(gradient => gradient == 0f))
        {
            // A binary step at the output passes no gradient at all; the update rules still need something to update with.
            gradients = TestData.Gradients(gradients.Length, seed);
            output.WriteLine($"{name}'s gradients are all zero; the optimizers step with seeded random gradients instead.");
        }

        // The second step's gradients: every third turned round and every seventh zero; the third step's are the first
        // step's again. So RPROP's steps grow, shrink with the gradient forgotten, and stay, and what it remembers shows.
        var secondGradients = gradients.Select((g, i) => i % 3 == 1 ? -g : i % 7 == 3 ? 0f : g).ToArray();
        var initial = cpu.Parameters.ToArray();
        var norm = (float)Math.Sqrt(gradients.Sum(g => (double)g * g));
        var largest = gradients.Max(Math.Abs);

        // Norm clipping at half the norm (active) and at twice it (scale 1), value clipping that bites, L2, L1 and decoupled decay.
        var configurations = new (string Label, Func<Optimizer> Create)[]
        {
            ("Sgd", () => new Sgd(0.05f)),
            ("Sgd, L2 decay, norm and value clipping", () => new Sgd(0.05f) { WeightDecay = 0.01f, ClipNorm = 0.5f * norm, ClipValue = 0.25f * largest }),
            ("Sgd, L1 decay", () => new Sgd(0.05f) { L1Decay = 0.02f }),
            ("Momentum", () => new Momentum(0.05f, 0.9f)),
            ("Nesterov, inactive norm clipping", () => new Nesterov(0.05f, 0.9f) { ClipNorm = 2f * norm }),
            ("Adagrad", () => new Adagrad(0.05f)),
            ("AdaDelta", () => new AdaDelta(1f, 0.9f, 1e-6f)),
            ("RmsProp", () => new RmsProp(0.01f, 0.9f)),
            ("Rprop", () => new Rprop()),
            ("Rprop, bounds that bite, L2 and L1 decay, norm clipping",
                () => new Rprop(0.05f, 0.3f, 1.5f, 0.02f, 0.06f) { WeightDecay = 0.01f, L1Decay = 0.01f, ClipNorm = 0.5f * norm }),
            ("Adam", () => new Adam(0.01f)),
            ("Adam, L2 decay, norm and value clipping", () => new Adam(0.01f) { WeightDecay = 0.01f, ClipNorm = 0.5f * norm, ClipValue = 0.25f * largest }),
            ("AdamW", () => new AdamW(0.01f) { WeightDecay = 0.05f }),
            ("AdamW, L1 decay and value clipping", () => new AdamW(0.01f) { WeightDecay = 0.05f, L1Decay = 0.01f, ClipValue = 0.25f * largest }),
        };
        // Under ThreadSanitizer one step of each rule runs every kernel there is to race: the rules' sequences are for
        // the in-process run, which is many times faster.
        var steps = network.IsLarge || EmulatedLibrary.DefaultMode == EmulationMode.ThreadSanitizer ? 1 : 3;
        var report = new ParityReport($"{name} optimizers");
        var watch = Stopwatch.StartNew();
        using var gpu = new EmulatedCudaProgram(network.Program, 1, seed);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (label, create) in configurations)
        {
            var optimizer = create();
            var parameters = initial.ToArray();
            gpu.Upload(CudaBufferNames.Parameters, initial);
            gpu.Floats(CudaBufferNames.Loss)[0] = 1f; // the ClipNorm pass leaves out a step whose loss is not finite
            gpu.Floats(CudaBufferNames.FirstOptimizerState).Clear();
            gpu.Floats(CudaBufferNames.SecondOptimizerState).Clear();
            for (var step = 1; step <= steps; step++)
            {
                var stepGradients = step == 2 ? secondGradients : gradients;
                gpu.Upload(CudaBufferNames.Gradients, stepGradients);
                optimizer.Step(parameters, stepGradients);
                rules.Add(gpu.RunOptimizerStep(optimizer));
                report.Compare($"{label}, step {step}", parameters, gpu.Floats(CudaBufferNames.Parameters), ParityReport.ParameterName(cpu));
            }
        }

        var launches = gpu.LaunchCount;
        gpu.Finish();
        Assert.Equal(network.Program.OptimizerSteps.Keys.Order(), rules.Order());
        output.WriteLine(report.Summary());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{launches} launches in {watch.Elapsed.TotalSeconds:0.00} s ({gpu.Library.Mode})"));
        report.AssertNoMismatches();
    }

    /// <summary>A seed that depends only on the network's name and the batch (string.GetHashCode is randomised per process).</summary>
    private static int Seed(string name, int batch)
    {
        var hash = 17;
        foreach (var character in name)
        {
            hash = unchecked((hash * 31) + character);
        }

        return Math.Abs(unchecked((hash * 131) + batch)) % 1_000_000 + 1;
    }
}

/// <summary>XOR, the MNIST multilayer perceptron and LeNet-5.</summary>
public sealed class ReferenceNetworkParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Reference);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>Every activation, in a hidden layer and at the output.</summary>
public sealed class ActivationParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Activations);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>Every loss, with mean and summed reduction, and dense layers without bias.</summary>
public sealed class LossParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Losses);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>Convolution (strided, padded, 1 × 1, without bias), max and average pooling (overlapping, padded), flatten.</summary>
public sealed class SpatialParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Spatial);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>Dropout, DropConnect and batch normalisation, which behave differently in training and inference.</summary>
public sealed class RegularizationParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Regularization);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>Maxout: the pieces' product, their maximum, δ routed to the winners, as a hidden layer, the first layer and the output.</summary>
public sealed class MaxoutParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Maxout);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>RBF kernels: distances and Gaussians, the scaled δ, the centres' and log-widths' gradients, as a hidden layer and as the only one.</summary>
public sealed class RbfParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Rbf);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>
/// Recurrent layers: the input projections, the recurrence forward and backward in one launch each, the gradient products
/// over batch × steps rows, truncated BPTT, and per-step dense layers.
/// </summary>
public sealed class RecurrentParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => NetworkCatalog.Cases(NetworkCatalog.Recurrent);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_the_cpu(string network, int batch) => AssertPassesMatch(network, batch);
}

/// <summary>
/// The tiled products' small-tile kernels (16 × 16 output tiles, which the CUDA backend launches where the 64 × 64 tiles
/// give a grid of fewer than two blocks per multiprocessor), forced in every pass: a dense network, convolutional ones,
/// recurrent ones, and a batch whose dense weight gradients take two split-k splits.
/// </summary>
public sealed class SmallTileParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string, int> Cases => new()
    {
        { "MnistMlp", 3 },
        { "LeNet5", 1 },
        { "StridedConvMaxPoolNet", 3 },
        { "MaxoutNet", 3 },
        { "ElmanNet", 3 },
        { "LstmNet", 3 },
        { "GruSequenceNet", 3 },
        { "SummedSquaredErrorNet", 1025 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_over_small_tiles_match_the_cpu(string network, int batch) =>
        AssertPassesMatch(network, batch, EmulatedCudaProgram.TileChoice.Small);

    [Theory]
    [InlineData("MnistMlp", 3)]
    [InlineData("LstmNet", 3)]
    public void Small_tiles_write_the_same_bits_as_large_tiles(string network, int batch)
    {
        // Every output sums k in the same order whatever the tile, so the two forms agree exactly, not within a tolerance.
        var entry = NetworkCatalog.Get(network);
        var cpu = entry.Create();
        TestData.Randomize(cpu, 7);
        var inputs = TestData.Inputs(cpu, batch, 7);
        var targets = TestData.Targets(cpu, batch, 7);
        var results = new[] { EmulatedCudaProgram.TileChoice.Large, EmulatedCudaProgram.TileChoice.Small }.Select(tiles =>
        {
            using var gpu = new EmulatedCudaProgram(entry.Program, batch, 7) { Tiles = tiles, RandomSeed = cpu.Seed };
            gpu.Upload(CudaBufferNames.Inputs, inputs);
            gpu.Upload(CudaBufferNames.Targets, targets);
            gpu.Upload(CudaBufferNames.Parameters, cpu.Parameters);
            gpu.RunForward();
            gpu.RunLoss();
            gpu.RunBackward();
            var outputs = gpu.Floats(entry.Program.OutputBuffer).ToArray();
            var gradients = gpu.Floats(CudaBufferNames.Gradients).ToArray();
            gpu.Finish();
            return (Outputs: outputs, Gradients: gradients);
        }).ToArray();

        Assert.Equal(results[0].Outputs.Select(BitConverter.SingleToUInt32Bits), results[1].Outputs.Select(BitConverter.SingleToUInt32Bits));
        Assert.Equal(results[0].Gradients.Select(BitConverter.SingleToUInt32Bits), results[1].Gradients.Select(BitConverter.SingleToUInt32Bits));
    }
}

/// <summary>Every optimizer rule with norm clipping, value clipping, L2, L1 and decoupled weight decay, on every network.</summary>
public sealed class OptimizerParityTests(ITestOutputHelper output) : ParityTests(output)
{
    public static TheoryData<string> Networks => NetworkCatalog.Names(NetworkCatalog.All);

    [Theory]
    [MemberData(nameof(Networks))]
    public void Optimizer_steps_match_the_cpu(string network) => AssertOptimizerStepsMatch(network);
}
