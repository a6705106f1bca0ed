using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Onnx.Tests.Networks;
using NetGen.Tests.Networks;

namespace NetGen.Onnx.Tests.Infrastructure;

/// <summary>
/// Every network exported in the tests, by name, with parameters and layer state drawn at random so that no tensor keeps
/// its initial constant (γ = 1, β = 0, PReLU's α, running mean 0 and variance 1 would hide a swapped or missing tensor).
/// </summary>
internal static class TestNetworks
{
    private static readonly Dictionary<string, Func<INetwork>> s_factories = new(StringComparer.Ordinal)
    {
        // One per activation.
        [nameof(IdentityNet)] = () => new IdentityNet(),
        [nameof(BinaryStepNet)] = () => new BinaryStepNet(),
        [nameof(SigmoidNet)] = () => new SigmoidNet(),
        [nameof(TanhNet)] = () => new TanhNet(),
        [nameof(ArcTanNet)] = () => new ArcTanNet(),
        [nameof(ReluNet)] = () => new ReluNet(),
        [nameof(LeakyReluNet)] = () => new LeakyReluNet(),
        [nameof(PReluNet)] = () => new PReluNet(),
        [nameof(EluNet)] = () => new EluNet(),
        [nameof(SoftPlusNet)] = () => new SoftPlusNet(),
        [nameof(SoftmaxNet)] = () => new SoftmaxNet(),
        [nameof(NoisyReluNet)] = () => new NoisyReluNet(),
        [nameof(SpatialNoisyReluNet)] = () => new SpatialNoisyReluNet(),
        [nameof(DeepFlattenNet)] = () => new DeepFlattenNet(),

        // Convolution, pooling and views.
        ["Tests." + nameof(NetGen.Tests.Networks.LeNet5)] = () => new NetGen.Tests.Networks.LeNet5(),
        [nameof(ConvMaxPoolNet)] = () => new ConvMaxPoolNet(),
        [nameof(StridedAvgPoolNet)] = () => new StridedAvgPoolNet(),
        [nameof(ReshapeNet)] = () => new ReshapeNet(),
        [nameof(MatrixConvNet)] = () => new MatrixConvNet(),

        // Regularization: dropout, DropConnect, batch normalisation.
        [nameof(DropoutNet)] = () => new DropoutNet(),
        [nameof(SpatialDropoutNet)] = () => new SpatialDropoutNet(),
        [nameof(DropConnectNet)] = () => new DropConnectNet(),
        [nameof(DropConnectSoftmaxNet)] = () => new DropConnectSoftmaxNet(),
        [nameof(BatchNormNet)] = () => new BatchNormNet(),
        [nameof(SpatialBatchNormNet)] = () => new SpatialBatchNormNet(),
        [nameof(BatchNormOnlyNet)] = () => new BatchNormOnlyNet(),
        [nameof(BatchNormDropoutNet)] = () => new BatchNormDropoutNet(),
        [nameof(MatrixBatchNormNet)] = () => new MatrixBatchNormNet(),

        // Maxout.
        [nameof(MaxoutNet)] = () => new MaxoutNet(),
        [nameof(MaxoutLogitsNet)] = () => new MaxoutLogitsNet(),
        [nameof(MaxoutOnlyNet)] = () => new MaxoutOnlyNet(),

        // Radial basis functions.
        [nameof(RbfNet)] = () => new RbfNet(),
        [nameof(RbfOnlyNet)] = () => new RbfOnlyNet(),

        // The samples'.
        ["Samples." + nameof(NetGen.Samples.Xor.XorNet)] = () => new NetGen.Samples.Xor.XorNet(),
        ["Samples." + nameof(NetGen.Samples.Mnist.MnistMlp)] = () => new NetGen.Samples.Mnist.MnistMlp(),
        ["Samples." + nameof(NetGen.Samples.Mnist.LeNet5)] = () => new NetGen.Samples.Mnist.LeNet5(),
        ["Samples." + nameof(NetGen.Samples.Mnist.RegularizedLeNet)] = () => new NetGen.Samples.Mnist.RegularizedLeNet(),
    };

    public static TheoryData<string> Names => new(s_factories.Keys);

    public static IEnumerable<string> All => s_factories.Keys.ToArray();

    /// <summary>The network of <paramref name="name"/>, its parameters and state drawn from <paramref name="seed"/>.</summary>
    public static INetwork Create(string name, int seed = 1)
    {
        var network = s_factories[name]();
        network.Initialize(seed);
        var random = new Random(seed);
        foreach (var tensor in network.ParameterTensors)
        {
            // Weights scaled by 1/√fan-in keep every layer's values near 1, where float noise stays near 1e-7.
            var bound = 1f / MathF.Sqrt(tensor.Length / tensor.Shape[0]);
            Fill(tensor.Slice(network.Parameters), random, -bound, bound);
        }

        foreach (var tensor in network.StateTensors)
        {
            var variance = tensor.Name.EndsWith(".RunningVariance", StringComparison.Ordinal);
            Fill(tensor.Slice(network.State), random, variance ? 0.25f : -1f, variance ? 2f : 1f);
        }

        return network;
    }

    public static float[] RandomInputs(INetwork network, int batch, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[batch * network.InputSize];
        Fill(inputs, random, -2f, 2f);
        return inputs;
    }

    private static void Fill(Span<float> values, Random random, float low, float high)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = low + ((high - low) * random.NextSingle());
        }
    }
}
