using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Networks;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests.Parity;

/// <summary>A network the parity tests run: its C# class, its CUDA program and the batch sizes it is checked at.</summary>
internal sealed record NetworkCase(string Name, Func<INetwork> Create, CudaProgram Program, IReadOnlyList<int> Batches)
{
    /// <summary>Large networks take one optimizer step per rule instead of two (each step is ⌈parameters / 256⌉ blocks).</summary>
    public bool IsLarge => Program.Buffer(CudaBufferNames.Parameters).FixedElements > 20_000;
}

/// <summary>Every network of this project, grouped the way the parity test classes run them (one class per group, in parallel).</summary>
internal static class NetworkCatalog
{
    private static readonly int[] s_small = { 1, 3, 129 };
    private static readonly int[] s_large = { 1, 3 };

    public static IReadOnlyList<NetworkCase> Reference { get; } = new NetworkCase[]
    {
        new(nameof(XorNet), () => new XorNet(), XorNet.CudaProgram, new[] { 1, 3, 4, 129 }),
        new(nameof(MnistMlp), () => new MnistMlp(), MnistMlp.CudaProgram, s_large),
        new(nameof(LeNet5), () => new LeNet5(), LeNet5.CudaProgram, s_large),
    };

    public static IReadOnlyList<NetworkCase> Activations { get; } = new NetworkCase[]
    {
        new(nameof(IdentityNet), () => new IdentityNet(), IdentityNet.CudaProgram, s_small),
        new(nameof(BinaryStepNet), () => new BinaryStepNet(), BinaryStepNet.CudaProgram, s_small),
        new(nameof(SigmoidNet), () => new SigmoidNet(), SigmoidNet.CudaProgram, s_small),
        new(nameof(TanhNet), () => new TanhNet(), TanhNet.CudaProgram, s_small),
        new(nameof(ArcTanNet), () => new ArcTanNet(), ArcTanNet.CudaProgram, s_small),
        new(nameof(ReluNet), () => new ReluNet(), ReluNet.CudaProgram, s_small),
        new(nameof(LeakyReluNet), () => new LeakyReluNet(), LeakyReluNet.CudaProgram, s_small),
        new(nameof(PReluNet), () => new PReluNet(), PReluNet.CudaProgram, s_small),
        new(nameof(EluNet), () => new EluNet(), EluNet.CudaProgram, s_small),
        new(nameof(SoftPlusNet), () => new SoftPlusNet(), SoftPlusNet.CudaProgram, s_small),
        new(nameof(SoftmaxNet), () => new SoftmaxNet(), SoftmaxNet.CudaProgram, s_small),
        new(nameof(NoisyReluNet), () => new NoisyReluNet(), NoisyReluNet.CudaProgram, s_small),
        new(nameof(SpatialNoisyReluNet), () => new SpatialNoisyReluNet(), SpatialNoisyReluNet.CudaProgram, s_small),
    };

    public static IReadOnlyList<NetworkCase> Losses { get; } = new NetworkCase[]
    {
        new(nameof(SummedSquaredErrorNet), () => new SummedSquaredErrorNet(), SummedSquaredErrorNet.CudaProgram, new[] { 1, 3, 129, 1025 }),
        new(nameof(AbsoluteErrorNet), () => new AbsoluteErrorNet(), AbsoluteErrorNet.CudaProgram, s_small),
        new(nameof(DeepFlattenNet), () => new DeepFlattenNet(), DeepFlattenNet.CudaProgram, s_small),
        new(nameof(SummedBinaryCrossEntropyNet), () => new SummedBinaryCrossEntropyNet(), SummedBinaryCrossEntropyNet.CudaProgram, s_small),
        new(nameof(SummedSoftmaxCrossEntropyNet), () => new SummedSoftmaxCrossEntropyNet(), SummedSoftmaxCrossEntropyNet.CudaProgram, s_small),
        new(nameof(PerceptronNet), () => new PerceptronNet(), PerceptronNet.CudaProgram, s_small),
    };

    public static IReadOnlyList<NetworkCase> Spatial { get; } = new NetworkCase[]
    {
        new(nameof(StridedConvMaxPoolNet), () => new StridedConvMaxPoolNet(), StridedConvMaxPoolNet.CudaProgram, s_small),
        new(nameof(AvgPoolNet), () => new AvgPoolNet(), AvgPoolNet.CudaProgram, s_small),
        new(nameof(PoolStackNet), () => new PoolStackNet(), PoolStackNet.CudaProgram, s_small),
        new(nameof(ReshapeNet), () => new ReshapeNet(), ReshapeNet.CudaProgram, s_small),
    };

    public static IReadOnlyList<NetworkCase> Regularization { get; } = new NetworkCase[]
    {
        new(nameof(DropoutNet), () => new DropoutNet(), DropoutNet.CudaProgram, s_small),
        new(nameof(SpatialDropoutNet), () => new SpatialDropoutNet(), SpatialDropoutNet.CudaProgram, s_small),
        new(nameof(BatchNormNet), () => new BatchNormNet(), BatchNormNet.CudaProgram, s_small),
        new(nameof(SpatialBatchNormNet), () => new SpatialBatchNormNet(), SpatialBatchNormNet.CudaProgram, s_small),
        new(nameof(DropConnectNet), () => new DropConnectNet(), DropConnectNet.CudaProgram, s_small),
        new(nameof(DropConnectSoftmaxNet), () => new DropConnectSoftmaxNet(), DropConnectSoftmaxNet.CudaProgram, s_small),
    };

    public static IReadOnlyList<NetworkCase> Maxout { get; } = new NetworkCase[]
    {
        new(nameof(MaxoutNet), () => new MaxoutNet(), MaxoutNet.CudaProgram, s_small),
        new(nameof(MaxoutStackNet), () => new MaxoutStackNet(), MaxoutStackNet.CudaProgram, s_small),
    };

    public static IReadOnlyList<NetworkCase> Rbf { get; } = new NetworkCase[]
    {
        new(nameof(RbfNet), () => new RbfNet(), RbfNet.CudaProgram, s_small),
        new(nameof(RbfWideNet), () => new RbfWideNet(), RbfWideNet.CudaProgram, s_small),
    };

    /// <summary>Every cell, returning every step and the last, truncated BPTT, per-step dense layers; 257 samples of 5 or 6 steps take two split-k splits.</summary>
    public static IReadOnlyList<NetworkCase> Recurrent { get; } = new NetworkCase[]
    {
        new(nameof(ElmanNet), () => new ElmanNet(), ElmanNet.CudaProgram, s_small),
        new(nameof(ElmanTruncatedNet), () => new ElmanTruncatedNet(), ElmanTruncatedNet.CudaProgram, s_small),
        new(nameof(LstmNet), () => new LstmNet(), LstmNet.CudaProgram, new[] { 1, 3, 129, 257 }),
        new(nameof(LstmSequenceNet), () => new LstmSequenceNet(), LstmSequenceNet.CudaProgram, s_small),
        new(nameof(WideLstmNet), () => new WideLstmNet(), WideLstmNet.CudaProgram, s_large),
        new(nameof(GruNet), () => new GruNet(), GruNet.CudaProgram, s_small),
        new(nameof(GruSequenceNet), () => new GruSequenceNet(), GruSequenceNet.CudaProgram, s_small),
        new(nameof(StackedRecurrentNet), () => new StackedRecurrentNet(), StackedRecurrentNet.CudaProgram, new[] { 1, 3, 129, 257 }),
    };

    /// <summary>Networks of real image sizes whose launch metadata is checked against the GPU's limits; too large to emulate.</summary>
    public static IReadOnlyList<(string Name, CudaProgram Program)> LargeImages { get; } = new (string, CudaProgram)[]
    {
        (nameof(Same224Net), Same224Net.CudaProgram),
        (nameof(ImageNetStemNet), ImageNetStemNet.CudaProgram),
        (nameof(CifarNet), CifarNet.CudaProgram),
    };

    public static IEnumerable<NetworkCase> All =>
        Reference.Concat(Activations).Concat(Losses).Concat(Spatial).Concat(Regularization).Concat(Maxout).Concat(Rbf).Concat(Recurrent);

    public static NetworkCase Get(string name) => All.First(network => network.Name == name);

    /// <summary>(network, batch) pairs of a group, for a theory.</summary>
    public static TheoryData<string, int> Cases(IEnumerable<NetworkCase> group)
    {
        var data = new TheoryData<string, int>();
        foreach (var network in group)
        {
            foreach (var batch in network.Batches)
            {
                data.Add(network.Name, batch);
            }
        }

        return data;
    }

    public static TheoryData<string> Names(IEnumerable<NetworkCase> group)
    {
        var data = new TheoryData<string>();
        foreach (var network in group)
        {
            data.Add(network.Name);
        }

        return data;
    }
}
