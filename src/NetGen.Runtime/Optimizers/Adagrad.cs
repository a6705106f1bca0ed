using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>
/// Adagrad (PyTorch <c>Adagrad</c> with lr_decay 0 and initial accumulator 0):
/// G ← G + g²; θ ← θ − η·g / (√G + ε).
/// </summary>
public sealed class Adagrad : Optimizer
{
    private float[] _sumOfSquaredGradients = [];

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public Adagrad(float learningRate = 0.01f, float epsilon = 1e-10f)
        : base(learningRate)
    {
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>ε, added to the denominator for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "Adagrad";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length) => _sumOfSquaredGradients = new float[length];

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
    {
        float learningRate = LearningRate;
        float epsilon = Epsilon;
        var epsilonVector = new Vector<float>(epsilon);

        Span<Vector<float>> parameterVectors = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        ReadOnlySpan<Vector<float>> gradientVectors = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        Span<Vector<float>> sumVectors = MemoryMarshal.Cast<float, Vector<float>>(_sumOfSquaredGradients.AsSpan());
        for (int i = 0; i < parameterVectors.Length; i++)
        {
            Vector<float> theta = parameterVectors[i];
            Vector<float> g = gradientTransform.Apply(gradientVectors[i], theta);
            Vector<float> sum = sumVectors[i] + g * g;
            sumVectors[i] = sum;
            parameterVectors[i] = theta - learningRate * g / (Vector.SquareRoot(sum) + epsilonVector);
        }

        Span<float> sums = _sumOfSquaredGradients;
        for (int i = parameterVectors.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float theta = parameters[i];
            float g = gradientTransform.Apply(gradients[i], theta);
            float sum = sums[i] + g * g;
            sums[i] = sum;
            parameters[i] = theta - learningRate * g / (MathF.Sqrt(sum) + epsilon);
        }
    }
}
