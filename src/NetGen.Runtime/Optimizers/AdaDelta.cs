using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>
/// AdaDelta (PyTorch <c>Adadelta</c>):
/// E[g²] ← ρ·E[g²] + (1−ρ)·g²; Δ ← √(E[Δ²] + ε) / √(E[g²] + ε) · g;
/// E[Δ²] ← ρ·E[Δ²] + (1−ρ)·Δ²; θ ← θ − η·Δ, with both averages starting at 0.
/// </summary>
public sealed class AdaDelta : Optimizer
{
    private float[] _meanSquaredGradient = [];
    private float[] _meanSquaredDelta = [];

    /// <param name="learningRate">η, scaling Δ; positive and finite.</param>
    /// <param name="rho">ρ, the decay of both running averages; in [0, 1).</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public AdaDelta(float learningRate = 1.0f, float rho = 0.9f, float epsilon = 1e-6f)
        : base(learningRate)
    {
        Rho = HyperParameter.RequireDecayRate(rho, nameof(rho));
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>ρ, the decay of the running averages E[g²] and E[Δ²].</summary>
    public float Rho { get; }

    /// <summary>ε, added under both square roots for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "AdaDelta";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"ρ={Format(Rho)}, ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length)
    {
        _meanSquaredGradient = new float[length];
        _meanSquaredDelta = new float[length];
    }

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
    {
        float learningRate = LearningRate;
        float rho = Rho;
        float oneMinusRho = 1f - rho;
        var epsilonVector = new Vector<float>(Epsilon);

        Span<Vector<float>> parameterVectors = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        ReadOnlySpan<Vector<float>> gradientVectors = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        Span<Vector<float>> gradientAverageVectors = MemoryMarshal.Cast<float, Vector<float>>(_meanSquaredGradient.AsSpan());
        Span<Vector<float>> deltaAverageVectors = MemoryMarshal.Cast<float, Vector<float>>(_meanSquaredDelta.AsSpan());
        for (int i = 0; i < parameterVectors.Length; i++)
        {
            Vector<float> theta = parameterVectors[i];
            Vector<float> g = gradientTransform.Apply(gradientVectors[i], theta);
            Vector<float> gradientAverage = rho * gradientAverageVectors[i] + oneMinusRho * g * g;
            Vector<float> deltaAverage = deltaAverageVectors[i];
            Vector<float> delta = Vector.SquareRoot(deltaAverage + epsilonVector) / Vector.SquareRoot(gradientAverage + epsilonVector) * g;
            gradientAverageVectors[i] = gradientAverage;
            deltaAverageVectors[i] = rho * deltaAverage + oneMinusRho * delta * delta;
            parameterVectors[i] = theta - learningRate * delta;
        }

        float epsilon = Epsilon;
        Span<float> gradientAverages = _meanSquaredGradient;
        Span<float> deltaAverages = _meanSquaredDelta;
        for (int i = parameterVectors.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float theta = parameters[i];
            float g = gradientTransform.Apply(gradients[i], theta);
            float gradientAverage = rho * gradientAverages[i] + oneMinusRho * g * g;
            float deltaAverage = deltaAverages[i];
            float delta = MathF.Sqrt(deltaAverage + epsilon) / MathF.Sqrt(gradientAverage + epsilon) * g;
            gradientAverages[i] = gradientAverage;
            deltaAverages[i] = rho * deltaAverage + oneMinusRho * delta * delta;
            parameters[i] = theta - learningRate * delta;
        }
    }
}
