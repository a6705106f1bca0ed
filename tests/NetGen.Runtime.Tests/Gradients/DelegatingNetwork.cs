using System;
using System.Collections.Generic;

namespace NetGen.Tests.Gradients;

/// <summary>A network that passes every member to another; subclasses falsify one thing to see that the gradient check notices.</summary>
internal abstract class DelegatingNetwork(INetwork inner) : INetwork
{
    protected INetwork Inner => inner;

    public string Name => inner.Name;
    public int InputSize => inner.InputSize;
    public int OutputSize => inner.OutputSize;
    public int ParameterCount => inner.ParameterCount;
    public Loss Loss => inner.Loss;
    public LossReduction Reduction => inner.Reduction;
    public AccuracyKind Accuracy => inner.Accuracy;
    public NetGen.Cuda.CudaProgram CudaProgram => inner.CudaProgram;
    public IReadOnlyList<LayerInfo> Layers => inner.Layers;
    public Span<float> Parameters => inner.Parameters;
    public virtual ReadOnlySpan<float> Gradients => inner.Gradients;
    public IReadOnlyList<ParameterTensor> ParameterTensors => inner.ParameterTensors;
    public Span<float> State => inner.State;
    public IReadOnlyList<StateTensor> StateTensors => inner.StateTensors;
    public int Seed => inner.Seed;
    public virtual long TrainingSteps { get => inner.TrainingSteps; set => inner.TrainingSteps = value; }
    public ReadOnlySpan<float> LastOutputs => inner.LastOutputs;
    public void Initialize(int seed) => inner.Initialize(seed);
    public void Forward(ReadOnlySpan<float> inputs, Span<float> outputs) => inner.Forward(inputs, outputs);
    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => inner.ComputeLoss(inputs, targets);
    public virtual float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => inner.ComputeGradients(inputs, targets);
}

/// <summary>A network whose backward pass is wrong by <paramref name="error"/> at one element of its gradient buffer.</summary>
internal sealed class WrongGradientNetwork(INetwork inner, int parameterIndex, float error) : DelegatingNetwork(inner)
{
    private float[] _gradients = [];

    public override ReadOnlySpan<float> Gradients => _gradients;

    public override float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        var loss = Inner.ComputeGradients(inputs, targets);
        _gradients = Inner.Gradients.ToArray();
        _gradients[parameterIndex] += error;
        return loss;
    }
}

/// <summary>A network whose step count cannot be set back, so that every training-mode evaluation draws fresh dropout masks.</summary>
internal sealed class UnreplayableNetwork(INetwork inner) : DelegatingNetwork(inner)
{
    public override long TrainingSteps { get => Inner.TrainingSteps; set { } }
}
