using System;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Gradients;

public sealed class GradientCheckTests
{
    private const int Batch = 5;

    public static TheoryData<string> ActivationNetworks() => new()
    {
        nameof(IdentityNet), nameof(BinaryStepNet), nameof(SigmoidNet), nameof(TanhNet), nameof(ArcTanNet), nameof(ReluNet),
        nameof(LeakyReluNet), nameof(PReluNet), nameof(EluNet), nameof(SoftPlusNet), nameof(SoftmaxNet), nameof(NoisyReluNet),
        nameof(SpatialNoisyReluNet),
    };

    public static TheoryData<string> LossNetworks() => new()
    {
        nameof(IdentityNet), nameof(AbsoluteErrorNet), nameof(BinaryCrossEntropyNet), nameof(SoftmaxCrossEntropyNet),
        nameof(SummedSquaredErrorNet), nameof(DeepFlattenNet),
    };

    /// <summary>Networks whose loss gradient is a rule rather than a derivative, checked against the rule in <see cref="PerceptronRuleTests"/>.</summary>
    public static TheoryData<string> RuleNetworks() => new() { nameof(PerceptronNet) };

    public static TheoryData<string> RegularizationNetworks() => new()
    {
        nameof(DropoutNet), nameof(SpatialDropoutNet), nameof(BatchNormNet), nameof(SpatialBatchNormNet), nameof(DropConnectNet), nameof(DropConnectSoftmaxNet),
    };

    public static TheoryData<string> MaxoutNetworks() => new() { nameof(MaxoutNet), nameof(MaxoutLogitsNet) };

    public static TheoryData<string> RbfNetworks() => new() { nameof(RbfNet), nameof(RbfOnlyNet) };

    public static TheoryData<string> RecurrentNetworks() => new()
    {
        nameof(ElmanNet), nameof(ElmanSequenceNet), nameof(LeakyElmanNet), nameof(LstmNet), nameof(LstmSequenceNet), nameof(GruNet),
        nameof(GruSequenceNet), nameof(UnbiasedRecurrentNet), nameof(StackedRecurrentNet), nameof(PerStepDenseNet),
    };

    public static TheoryData<string> SpatialNetworks() => new() { nameof(ConvMaxPoolNet), nameof(StridedAvgPoolNet), nameof(ReshapeNet) };

    [Theory]
    [MemberData(nameof(ActivationNetworks))]
    public void Activation_gradients_match_central_differences(string name) => AssertGradientsMatch(Create(name));

    [Theory]
    [MemberData(nameof(LossNetworks))]
    public void Loss_gradients_match_central_differences(string name) => AssertGradientsMatch(Create(name));

    [Theory]
    [MemberData(nameof(RegularizationNetworks))]
    public void Regularization_gradients_match_central_differences_in_training_mode(string name) => AssertGradientsMatch(Create(name));

    [Theory]
    [MemberData(nameof(MaxoutNetworks))]
    public void Maxout_gradients_match_central_differences(string name) => AssertGradientsMatch(Create(name));

    [Theory]
    [MemberData(nameof(RbfNetworks))]
    public void Rbf_gradients_match_central_differences(string name) => AssertGradientsMatch(Create(name));

    /// <summary>Full backpropagation through time: truncated networks (Bptt) are checked against PyTorch in RecurrentNetworkPyTorchTests.</summary>
    [Theory]
    [MemberData(nameof(RecurrentNetworks))]
    public void Recurrent_gradients_match_central_differences(string name) => AssertGradientsMatch(Create(name));

    [Theory]
    [MemberData(nameof(SpatialNetworks))]
    public void Convolution_pooling_and_reshape_gradients_match_central_differences(string name) => AssertGradientsMatch(Create(name));

    [Fact]
    public void Binary_step_passes_no_gradient_to_the_layer_below()
    {
        var network = new BinaryStepNet();
        GradientChecker.Randomize(network, seed: 3);
        network.ComputeGradients(GradientChecker.RandomArray(Batch * 3, 1), GradientChecker.RandomArray(Batch * 2, 2));
        Assert.All(BinaryStepNet.Layers.Hidden.Weight.Slice(network.Gradients).ToArray(), gradient => Assert.Equal(0f, gradient));
        Assert.Contains(BinaryStepNet.Layers.Output.Weight.Slice(network.Gradients).ToArray(), gradient => gradient != 0f);
    }

    /// <summary>
    /// The tolerance on <see cref="GradientCheckReport.WorstRelativeError"/>: the worst of these networks, run in float,
    /// reach 4e-3 (DropoutNet); a wrong backward pass is off by far more.
    /// </summary>
    internal const double Tolerance = 1e-2;

    private static void AssertGradientsMatch(INetwork network)
    {
        var (inputs, targets) = RandomizedBatch(network);

        var report = GradientCheck.Run(network, inputs, targets);

        Assert.True(report.Passed(Tolerance), report.ToString());
        Assert.Equal(network.ParameterCount, report.ElementsChecked);
        Assert.True(report.Kinks.Count <= network.ParameterCount / 10,
            $"{network.Name}: {report.Kinks.Count} of {network.ParameterCount} parameters sat on kinks");
    }

    /// <summary>Randomizes <paramref name="network"/>'s parameters and returns a batch to check it on.</summary>
    internal static (float[] Inputs, float[] Targets) RandomizedBatch(INetwork network)
    {
        GradientChecker.Randomize(network, seed: 11);
        return (GradientChecker.RandomArray(Batch * network.InputSize, seed: 12, -2f, 2f), Targets(network, seed: 13));
    }

    private static float[] Targets(INetwork network, int seed)
    {
        var random = new SeededRandom(seed);
        var targets = new float[Batch * network.OutputSize];
        for (var sample = 0; sample < Batch; sample++)
        {
            var row = targets.AsSpan(sample * network.OutputSize, network.OutputSize);
            switch (network.Loss)
            {
                case Loss.SoftmaxCrossEntropy:
                    row[random.NextInt(row.Length)] = 1f;
                    break;
                case Loss.BinaryCrossEntropy:
                    for (var j = 0; j < row.Length; j++)
                    {
                        row[j] = random.NextSingle();
                    }

                    break;
                default:
                    for (var j = 0; j < row.Length; j++)
                    {
                        row[j] = random.NextUniform(-1f, 1f);
                    }

                    break;
            }
        }

        return targets;
    }

    internal static INetwork Create(string name) => name switch
    {
        nameof(IdentityNet) => new IdentityNet(),
        nameof(BinaryStepNet) => new BinaryStepNet(),
        nameof(SigmoidNet) => new SigmoidNet(),
        nameof(TanhNet) => new TanhNet(),
        nameof(ArcTanNet) => new ArcTanNet(),
        nameof(ReluNet) => new ReluNet(),
        nameof(LeakyReluNet) => new LeakyReluNet(),
        nameof(PReluNet) => new PReluNet(),
        nameof(EluNet) => new EluNet(),
        nameof(SoftPlusNet) => new SoftPlusNet(),
        nameof(SoftmaxNet) => new SoftmaxNet(),
        nameof(NoisyReluNet) => new NoisyReluNet(),
        nameof(SpatialNoisyReluNet) => new SpatialNoisyReluNet(),
        nameof(AbsoluteErrorNet) => new AbsoluteErrorNet(),
        nameof(BinaryCrossEntropyNet) => new BinaryCrossEntropyNet(),
        nameof(SoftmaxCrossEntropyNet) => new SoftmaxCrossEntropyNet(),
        nameof(SummedSquaredErrorNet) => new SummedSquaredErrorNet(),
        nameof(DeepFlattenNet) => new DeepFlattenNet(),
        nameof(PerceptronNet) => new PerceptronNet(),
        nameof(ConvMaxPoolNet) => new ConvMaxPoolNet(),
        nameof(StridedAvgPoolNet) => new StridedAvgPoolNet(),
        nameof(ReshapeNet) => new ReshapeNet(),
        nameof(DropoutNet) => new DropoutNet(),
        nameof(SpatialDropoutNet) => new SpatialDropoutNet(),
        nameof(BatchNormNet) => new BatchNormNet(),
        nameof(SpatialBatchNormNet) => new SpatialBatchNormNet(),
        nameof(DropConnectNet) => new DropConnectNet(),
        nameof(DropConnectSoftmaxNet) => new DropConnectSoftmaxNet(),
        nameof(MaxoutNet) => new MaxoutNet(),
        nameof(MaxoutLogitsNet) => new MaxoutLogitsNet(),
        nameof(RbfNet) => new RbfNet(),
        nameof(RbfOnlyNet) => new RbfOnlyNet(),
        nameof(ElmanNet) => new ElmanNet(),
        nameof(ElmanSequenceNet) => new ElmanSequenceNet(),
        nameof(LeakyElmanNet) => new LeakyElmanNet(),
        nameof(LstmNet) => new LstmNet(),
        nameof(LstmSequenceNet) => new LstmSequenceNet(),
        nameof(GruNet) => new GruNet(),
        nameof(GruSequenceNet) => new GruSequenceNet(),
        nameof(UnbiasedRecurrentNet) => new UnbiasedRecurrentNet(),
        nameof(StackedRecurrentNet) => new StackedRecurrentNet(),
        nameof(PerStepDenseNet) => new PerStepDenseNet(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
