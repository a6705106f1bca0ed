using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>
/// RMSProp (PyTorch <c>RMSprop</c> with alpha = ρ, not centered, no momentum):
/// E ← ρ·E + (1−ρ)·g²; θ ← θ − η·g / (√E + ε), with E starting at 0.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private float[] _meanSquaredGradient = [];

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="rho">ρ, the decay of the running average of g²; in [0, 1).</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public RmsProp(float learningRate = 0.001f, float rho = 0.9f, float epsilon = 1e-8f)
        : base(learningRate)
    {
        Rho = HyperParameter.RequireDecayRate(rho, nameof(rho));
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>ρ, the decay of the running average E of g².</summary>
    public float Rho { get; }

    /// <summary>ε, added to the denominator for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "RmsProp";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"ρ={Format(Rho)}, ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length) => _meanSquaredGradient = new float[length];

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
    {
        float learningRate = LearningRate;
        float rho = Rho;
        float oneMinusRho = 1f - rho;
        float epsilon = Epsilon;
        var epsilonVector = new Vector<float>(epsilon);

        Span<Vector<float>> parameterVectors = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        ReadOnlySpan<Vector<float>> gradientVectors = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        Span<Vector<float>> averageVectors = MemoryMarshal.Cast<float, Vector<float>>(_meanSquaredGradient.AsSpan());
        for (int i = 0; i < parameterVectors.Length; i++)
        {
            Vector<float> theta = parameterVectors[i];
            Vector<float> g = gradientTransform.Apply(gradientVectors[i], theta);
            Vector<float> average = rho * averageVectors[i] + oneMinusRho * g * g;
            averageVectors[i] = average;
            parameterVectors[i] = theta - learningRate * g / (Vector.SquareRoot(average) + epsilonVector);
        }

        Span<float> averages = _meanSquaredGradient;
        for (int i = parameterVectors.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float theta = parameters[i];
            float g = gradientTransform.Apply(gradients[i], theta);
            float average = rho * averages[i] + oneMinusRho * g * g;
            averages[i] = average;
            parameters[i] = theta - learningRate * g / (MathF.Sqrt(average) + epsilon);
        }
    }
}
