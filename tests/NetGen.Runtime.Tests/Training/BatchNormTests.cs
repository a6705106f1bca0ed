using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Internal;
using NetGen.Tests.Data;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

/// <summary>
/// Batch normalisation against PyTorch's BatchNorm1d and BatchNorm2d on the same inputs and weights
/// (Reference/batchnorm.pytorch.json, written by Reference/pytorch_batchnorm.py): training outputs, the gradients of a fixed
/// upstream gradient, the running statistics after each step, and inference with them.
/// </summary>
public sealed class BatchNormTests
{
    private const float AbsoluteTolerance = 2e-5f;
    private const float RelativeTolerance = 1e-4f;

    public static TheoryData<int> Cases => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_kernels_match_pytorch_in_training_and_inference(int index)
    {
        var reference = ReferenceCase.Load(index);
        var shape = reference.Shape;
        var (batch, features) = (reference.Batch, shape.Features);
        var runningMean = new float[features];
        var runningVariance = Enumerable.Repeat(1f, features).ToArray();
        var mean = new float[features];
        var rstd = new float[features];
        var size = batch * shape.SampleSize;
        var (normalized, a, dx, dgamma, dbeta) = (new float[size], new float[size], new float[size], new float[features], new float[features]);
        foreach (var step in reference.Steps)
        {
            BatchNormKernels.Statistics(step.X, mean, rstd, runningMean, runningVariance, batch, shape, training: true);
            BatchNormKernels.Forward(step.X, normalized, a, a, mean, rstd, reference.Gamma, reference.Beta, batch, shape, default(IdentityActivation));
            BatchNormKernels.ParameterGradients(step.Upstream, normalized, dgamma, dbeta, batch, shape);
            BatchNormKernels.InputGradient(step.Upstream, normalized, reference.Gamma, rstd, dgamma, dbeta, dx, batch, shape);

            AssertClose(step.Y, a, "training output");
            AssertClose(step.Dx, dx, "∂L/∂x");
            AssertClose(step.Dgamma, dgamma, "∂L/∂γ");
            AssertClose(step.Dbeta, dbeta, "∂L/∂β");
            AssertClose(step.RunningMean, runningMean, "running mean");
            AssertClose(step.RunningVariance, runningVariance, "running variance");
        }

        BatchNormKernels.Statistics(reference.Inference.X, mean, rstd, runningMean, runningVariance, batch, shape, training: false);
        BatchNormKernels.Forward(reference.Inference.X, normalized, a, a, mean, rstd, reference.Gamma, reference.Beta, batch, shape, default(IdentityActivation));
        AssertClose(reference.Inference.Y, a, "inference output");
    }

    [Fact]
    public void A_network_trains_its_gamma_beta_and_running_statistics_as_pytorch()
    {
        // The layer alone under summed squared error: targets y − g make the loss gradient the reference's upstream gradient g.
        var reference = ReferenceCase.Load(0);
        var network = new BatchNormOnlyNet();
        reference.Gamma.CopyTo(BatchNormOnlyNet.Layers.Norm.Gamma.Slice(network.Parameters));
        reference.Beta.CopyTo(BatchNormOnlyNet.Layers.Norm.Beta.Slice(network.Parameters));
        foreach (var step in reference.Steps)
        {
            var targets = step.Y.Zip(step.Upstream, (y, g) => y - g).ToArray();

            network.ComputeGradients(step.X, targets);

            AssertClose(step.Y, network.LastOutputs.ToArray(), "training output");
            AssertClose(step.Dgamma, BatchNormOnlyNet.Layers.Norm.Gamma.Slice(network.Gradients).ToArray(), "∂L/∂γ");
            AssertClose(step.Dbeta, BatchNormOnlyNet.Layers.Norm.Beta.Slice(network.Gradients).ToArray(), "∂L/∂β");
            AssertClose(step.RunningMean, BatchNormOnlyNet.Layers.Norm.RunningMean.Slice(network.State).ToArray(), "running mean");
            AssertClose(step.RunningVariance, BatchNormOnlyNet.Layers.Norm.RunningVariance.Slice(network.State).ToArray(), "running variance");
        }

        var outputs = new float[reference.Inference.Y.Length];
        network.Forward(reference.Inference.X, outputs);
        AssertClose(reference.Inference.Y, outputs, "inference output");
    }

    [Fact]
    public void Running_statistics_start_at_zero_mean_and_unit_variance_and_are_not_trained()
    {
        var network = new BatchNormNet();
        Assert.Equal(2 * 6, BatchNormNet.Layers.Norm.ParameterCount);
        Assert.Equal(2 * 6, BatchNormNet.StateCount);
        Assert.Equal(["Norm.RunningMean", "Norm.RunningVariance"], network.StateTensors.Select(tensor => tensor.Name));
        Assert.All(BatchNormNet.Layers.Norm.RunningMean.Slice(network.State).ToArray(), value => Assert.Equal(0f, value));
        Assert.All(BatchNormNet.Layers.Norm.RunningVariance.Slice(network.State).ToArray(), value => Assert.Equal(1f, value));

        network.ComputeGradients(GradientChecker.RandomArray(8 * 5, seed: 1), GradientChecker.RandomArray(8 * 2, seed: 2));
        var state = network.State.ToArray();
        Assert.Contains(state, value => value != 0f && value != 1f);
        network.Initialize(seed: 3);
        Assert.Equal(Enumerable.Repeat(0f, 6).Concat(Enumerable.Repeat(1f, 6)), network.State.ToArray());
    }

    [Fact]
    public void Checkpoints_keep_the_running_statistics()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.FullPath, "norm.ngw");
        var network = new BatchNormNet();
        for (var step = 0; step < 3; step++)
        {
            network.ComputeGradients(GradientChecker.RandomArray(8 * 5, seed: step), GradientChecker.RandomArray(8 * 2, seed: step + 10));
        }

        network.SaveWeights(path);
        var loaded = new BatchNormNet();
        loaded.LoadWeights(path);

        Assert.Equal(network.Parameters.ToArray(), loaded.Parameters.ToArray());
        Assert.Equal(network.State.ToArray(), loaded.State.ToArray());
        var inputs = GradientChecker.RandomArray(4 * 5, seed: 20);
        var (expected, actual) = (new float[4 * 2], new float[4 * 2]);
        network.Forward(inputs, expected);
        loaded.Forward(inputs, actual);
        Assert.Equal(expected, actual);
    }

    private static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var tolerance = AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: PyTorch {expected[i]:R}, NetGen {actual[i]:R}");
        }
    }

    private sealed record ReferenceStep(float[] X, float[] Upstream, float[] Y, float[] Dx, float[] Dgamma, float[] Dbeta, float[] RunningMean, float[] RunningVariance);

    private sealed record ReferenceCase(int Batch, BatchNormShape Shape, float[] Gamma, float[] Beta, IReadOnlyList<ReferenceStep> Steps, (float[] X, float[] Y) Inference)
    {
        public static ReferenceCase Load(int index)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "batchnorm.pytorch.json")));
            var json = document.RootElement.GetProperty("cases")[index];
            var dimensions = json.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt32()).ToArray();
            var shape = new BatchNormShape(
                dimensions[1], dimensions.Skip(2).Aggregate(1, (product, dimension) => product * dimension),
                (float)json.GetProperty("momentum").GetDouble(), (float)json.GetProperty("epsilon").GetDouble());
            var steps = json.GetProperty("steps").EnumerateArray().Select(step => new ReferenceStep(
                Floats(step, "x"), Floats(step, "upstream"), Floats(step, "y"), Floats(step, "dx"), Floats(step, "dgamma"), Floats(step, "dbeta"),
                Floats(step, "running_mean"), Floats(step, "running_var"))).ToList();
            var inference = json.GetProperty("inference");
            return new ReferenceCase(dimensions[0], shape, Floats(json, "gamma"), Floats(json, "beta"), steps, (Floats(inference, "x"), Floats(inference, "y")));
        }

        private static float[] Floats(JsonElement element, string name) =>
            element.GetProperty(name).EnumerateArray().Select(value => (float)value.GetDouble()).ToArray();
    }
}
