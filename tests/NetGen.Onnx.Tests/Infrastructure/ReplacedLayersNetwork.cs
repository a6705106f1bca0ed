using System;
using System.Collections.Generic;

namespace NetGen.Onnx.Tests.Infrastructure;

/// <summary>A network that reports other layers than its own: how the tests reach layers no [Network] declaration can give.</summary>
internal sealed class ReplacedLayersNetwork(INetwork network, IReadOnlyList<LayerInfo> layers) : INetwork
{
    public string Name => network.Name;
    public int InputSize => network.InputSize;
    public int OutputSize => network.OutputSize;
    public int ParameterCount => network.ParameterCount;
    public Loss Loss => network.Loss;
    public LossReduction Reduction => network.Reduction;
    public AccuracyKind Accuracy => network.Accuracy;
    public Cuda.CudaProgram CudaProgram => network.CudaProgram;
    public IReadOnlyList<LayerInfo> Layers => layers;
    public Span<float> Parameters => network.Parameters;
    public ReadOnlySpan<float> Gradients => network.Gradients;
    public IReadOnlyList<ParameterTensor> ParameterTensors => network.ParameterTensors;
    public Span<float> State => network.State;
    public IReadOnlyList<StateTensor> StateTensors => network.StateTensors;
    public int Seed => network.Seed;
    public long TrainingSteps { get => network.TrainingSteps; set => network.TrainingSteps = value; }
    public ReadOnlySpan<float> LastOutputs => network.LastOutputs;
    public void Initialize(int seed) => network.Initialize(seed);
    public void Forward(ReadOnlySpan<float> inputs, Span<float> outputs) => network.Forward(inputs, outputs);
    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => network.ComputeLoss(inputs, targets);
    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => network.ComputeGradients(inputs, targets);
}
