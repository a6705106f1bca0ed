using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>
/// Plain stochastic gradient descent (PyTorch <c>SGD</c> without momentum): θ ← θ − η·g.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <param name="learningRate">η; positive and finite.</param>
    public Sgd(float learningRate = 0.01f)
        : base(learningRate)
    {
    }

    /// <inheritdoc/>
    public override string Name => "Sgd";

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
    {
        float learningRate = LearningRate;

        Span<Vector<float>> parameterVectors = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        ReadOnlySpan<Vector<float>> gradientVectors = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        for (int i = 0; i < parameterVectors.Length; i++)
        {
            Vector<float> theta = parameterVectors[i];
            Vector<float> g = gradientTransform.Apply(gradientVectors[i], theta);
            parameterVectors[i] = theta - learningRate * g;
        }

        for (int i = parameterVectors.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float theta = parameters[i];
            float g = gradientTransform.Apply(gradients[i], theta);
            parameters[i] = theta - learningRate * g;
        }
    }
}
