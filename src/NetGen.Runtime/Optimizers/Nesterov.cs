using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>
/// SGD with Nesterov momentum (PyTorch <c>SGD(momentum=μ, nesterov=True)</c>, dampening 0):
/// v ← μ·v + g; θ ← θ − η·(g + μ·v), with v starting at 0.
/// </summary>
public sealed class Nesterov : Optimizer
{
    private float[] _velocity = [];

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="momentum">μ; in [0, 1).</param>
    public Nesterov(float learningRate = 0.01f, float momentum = 0.9f)
        : base(learningRate)
    {
        MomentumFactor = HyperParameter.RequireDecayRate(momentum, nameof(momentum));
    }

    /// <summary>μ, the fraction of the velocity kept from one step to the next.</summary>
    public float MomentumFactor { get; }

    /// <inheritdoc/>
    public override string Name => "Nesterov";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"μ={Format(MomentumFactor)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length) => _velocity = new float[length];

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
    {
        float learningRate = LearningRate;
        float momentum = MomentumFactor;

        Span<Vector<float>> parameterVectors = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        ReadOnlySpan<Vector<float>> gradientVectors = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        Span<Vector<float>> velocityVectors = MemoryMarshal.Cast<float, Vector<float>>(_velocity.AsSpan());
        for (int i = 0; i < parameterVectors.Length; i++)
        {
            Vector<float> theta = parameterVectors[i];
            Vector<float> g = gradientTransform.Apply(gradientVectors[i], theta);
            Vector<float> v = momentum * velocityVectors[i] + g;
            velocityVectors[i] = v;
            parameterVectors[i] = theta - learningRate * (g + momentum * v);
        }

        Span<float> velocity = _velocity;
        for (int i = parameterVectors.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float theta = parameters[i];
            float g = gradientTransform.Apply(gradients[i], theta);
            float v = momentum * velocity[i] + g;
            velocity[i] = v;
            parameters[i] = theta - learningRate * (g + momentum * v);
        }
    }
}
